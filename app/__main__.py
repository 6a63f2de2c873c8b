"""`python -m app`: the same as the `hexie` command (with no subcommand, the window)."""

import sys

from app.launch import run

if __name__ == "__main__":
    sys.exit(run())
