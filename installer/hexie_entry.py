"""Entry point of the frozen app: the same `hexie` command as the console script.
With no arguments it opens the window; `hexie self-test` checks the installation."""

import multiprocessing
import sys

from app.launch import run

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(run())
