"""`python -m app.cli …`: the same as the `hexie` console script."""

import gc
import sys

from app.cli import main

try:
    code = main()
finally:
    # As app.launch.run ends the process (not imported: app.launch imports app.cli).
    gc.freeze()
sys.exit(code)
