"""Link health: a directory of related communities, and whether the handbook's outward links still work.

`communities` reads and validates `communities.yml` (file, line, column and a fix for every
mistake; its JSON Schema is in `schema/`); `addresses` says whether a URL is a web address a
check can ask at (for the loader and the checker alike); `extract` finds the external links of the handbook's
pages with markdown-it-py, with their lines; `invites` recognises Discord invite URLs and reads the
answer of Discord's invite endpoint; `http` is the asynchronous checker (the only httpx user here:
per-host limits and delays, HEAD then GET, redirects, retries, 429 and `Retry-After`, a time
budget); `run` puts these together for `handbook links check` (targets, cache, results);
`status` reads (every value checked, with its line from `json_lines`) and writes
`link_status.json`; `report` turns the last results into build findings without any network;
`directory` writes the generated directory page.
"""
