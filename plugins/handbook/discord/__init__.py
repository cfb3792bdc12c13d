"""Discord: keep a community's server in step with its channel map.

`client` is the REST client (the only module that uses httpx): rate limits, retries (never blind
for a create), audit-log reasons and secrets kept out of logs; `routes` what a route needs (its
permission, its rate-limit bucket, the audit-log header) and the words for Discord's error codes;
`errors` are what can go wrong, as
`HandbookError`s; `state` is what the server has, read once; `operations`
are the typed changes (one record per kind, references by id or by a pending creation); `access`
is who may see and write in a channel and the overwrites that give it; `plan` compares the map
with the server state and returns operations (pure); `apply` carries them out,
resumably; `pull` writes the server into the map, keeping hand edits; `recorded_state` is the
server's last known state as a committed file (`plan --offline` plans against it),
`server_changes` what changed on the server since, `plan_markdown` a plan as a pull-request
comment; `announce` posts handbook changes to a webhook. Planning imports no HTTP library, so it is tested with plain data.
"""
