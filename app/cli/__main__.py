"""`python -m app.cli …`: the same as the `hexie` console script."""

import sys

from app.launch import run  # the command line's main, through the process's end

sys.exit(run())
