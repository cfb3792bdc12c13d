"""The channel map: `channel_map.yml` as data, read and written without losing a hand edit.

`model` holds the records (server, roles, Discord categories, channels, each with its line);
`loader` reads the file with line numbers and stops on a malformed one with one `ChannelMapError`;
`validation` checks a loaded map against Discord's rules (`rules`: names, limits, kinds and
channel types, permission bits, with their public sources) and returns findings; `schema_gen`
builds the JSON Schema from those same rules; `yaml_io` is the round-trip YAML reader and writer,
whose edits reach the file through `textpatch` (only the lines that change, every other byte
kept); `writer` builds new maps (the starter map of `sync` and the map `discord pull` writes) with
one header; `changes` reads old versions of the map from history to tell what changed. Pure: no
MkDocs build, no HTTP, no git.
"""
