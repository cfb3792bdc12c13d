import os

# Material prints an end-of-life banner on every build; keep test output to what we assert on.
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
