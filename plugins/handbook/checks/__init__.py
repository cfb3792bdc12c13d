"""The checks: what a handbook's categories are, how they drift from the channel map, and the fix.

`categories` finds the handbook categories from the docs files and the nav; `drift` compares them
with the channel map and turns every disagreement into a finding with its fix; `sync` writes those
fixes into the map's text, keeping hand edits; `matching` links channels to categories by name
(exact names are adopted, near ones only reported); `guard` refuses to write a map that would fail
validation; `analysis` runs the whole check once, the same way for `mkdocs build` and for
`handbook check`, so the two never disagree; `status` sums it all up for `handbook status`. Pure: the callers hand in
files, nav and renames; git is asked about renames only through `handbook.history`.
"""
