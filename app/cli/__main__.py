"""`python -m app.cli …`: the same as the `hexie` console script."""

import sys

from app.cli import main
from app.process_end import ended

sys.exit(ended(main, sys.argv[1:]))
