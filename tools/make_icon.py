"""Write the application icon as files for the installers: build/icons/hexie.png
(the .deb's menu icon) and build/icons/hexie.ico (the Windows .exe and installer).
The icon itself is drawn by app/views/common/app_icon.py; installer/build.py runs this.

    python tools/make_icon.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(out: Path = ROOT / "build" / "icons") -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtGui import QGuiApplication

    from app.views.common.app_icon import draw

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    image = draw(256)
    for name in ("hexie.png", "hexie.ico"):
        if not image.save(str(out / name)):
            print(f"cannot write {out / name}", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "icons"))
