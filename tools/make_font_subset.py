"""Rebuild resources/fonts/NotoSerifSC-Regular-GB2312.otf from the system's Noto Serif CJK.

apt-get install fonts-noto-cjk && pip install fonttools && python tools/make_font_subset.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
FONT_NUMBER = 2  # Noto Serif CJK SC inside the collection
OUT = (
    Path(__file__).resolve().parent.parent
    / "resources"
    / "fonts"
    / "NotoSerifSC-Regular-GB2312.otf"
)


def characters() -> str:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    chars |= {chr(c) for c in range(0x20, 0x7F)}
    chars |= {chr(c) for c in range(0x3000, 0x3040)} | {chr(c) for c in range(0xFF00, 0xFFF0)}
    chars |= set("—–…‘’“”·•※√×〔〕□■○●△▲")
    return "".join(sorted(chars))


def main() -> int:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as handle:
        handle.write(characters())
    return subprocess.call(
        [
            sys.executable,
            "-m",
            "fontTools.subset",
            str(SOURCE),
            f"--font-number={FONT_NUMBER}",
            f"--text-file={handle.name}",
            f"--output-file={OUT}",
            "--layout-features=*",
            "--name-IDs=*",
        ]
    )


if __name__ == "__main__":
    sys.exit(main())
