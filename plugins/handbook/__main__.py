"""`python -m handbook`: the same as the `handbook` command."""

import sys

from handbook.cli import main

sys.exit(main())
