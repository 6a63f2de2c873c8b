"""Which fonts the summary report names, and which of them this PC has.

GB/T 9704-2012 asks for 仿宋_GB2312 body text, a 小标宋 title, 黑体 and 楷体
headings and 宋体 page numbers. Offices have them as 方正/中易 fonts; Linux
desktops (统信UOS, 麒麟) and this build machine may not. For each role the first
installed name on its list is what this PC shows; the report's file names the
official font regardless (app.services.documents.report_head) and the coordinator is told
which ones this PC lacks, to print it on a PC that has them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

# role → names in order of preference (official first).
PREFERRED: dict[str, tuple[str, ...]] = {
    "body": (
        "仿宋_GB2312",
        "FangSong_GB2312",
        "仿宋",
        "FangSong",
        "方正仿宋_GBK",
        "Noto Serif CJK SC",
        "AR PL UMing CN",
    ),
    "title": (
        "方正小标宋简体",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05S",
        "华文中宋",
        "STZhongsong",
        "宋体",
        "SimSun",
        "Noto Serif CJK SC",
    ),
    "heading1": ("黑体", "SimHei", "方正黑体_GBK", "Noto Sans CJK SC", "WenQuanYi Zen Hei"),
    "heading2": (
        "楷体_GB2312",
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "方正楷体_GBK",
        "AR PL UKai CN",
        "Noto Serif CJK SC",
    ),
    "page_number": ("宋体", "SimSun", "Noto Serif CJK SC", "AR PL UMing CN"),
}
ROLE_NAMES = {
    "body": "正文（仿宋）",
    "title": "标题（小标宋）",
    "heading1": "一级标题（黑体）",
    "heading2": "二级标题（楷体）",
    "page_number": "页码（宋体）",
}
# Windows font files → family names, for PCs where fontconfig is absent.
_WINDOWS_FILES = {
    "simfang.ttf": "仿宋",
    "fangsong_gb2312.ttf": "仿宋_GB2312",
    "simkai.ttf": "楷体",
    "kaiti_gb2312.ttf": "楷体_GB2312",
    "simhei.ttf": "黑体",
    "simsun.ttc": "宋体",
    "fzxbsjw.ttf": "方正小标宋简体",
    "stzhongs.ttf": "华文中宋",
}


@dataclass(frozen=True)
class FontChoice:
    role: str
    wanted: str
    used: str
    installed: bool  # False: no name on the list is installed; `used` is the official one

    @property
    def substituted(self) -> bool:
        return self.used != self.wanted


@cache
def installed_families() -> frozenset[str]:
    """Font family names on this PC, read locally (fontconfig or the Windows Fonts folder)."""
    names: set[str] = set()
    fc_list = shutil.which("fc-list")
    if fc_list:
        try:
            out = subprocess.run(
                [fc_list, ":", "family"], capture_output=True, text=True, timeout=20, check=False
            ).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        for line in out.splitlines():
            names.update(part.strip() for part in line.split(",") if part.strip())
    if sys.platform == "win32":
        for folder in (
            Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts",
            Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft" / "Windows" / "Fonts",
        ):
            if folder.is_dir():
                for f in folder.iterdir():
                    if f.name.lower() in _WINDOWS_FILES:
                        names.add(_WINDOWS_FILES[f.name.lower()])
    return frozenset(names)


def choose(installed: frozenset[str] | None = None) -> dict[str, FontChoice]:
    have = installed_families() if installed is None else installed
    out = {}
    for role, names in PREFERRED.items():
        used = next((n for n in names if n in have), None)
        out[role] = FontChoice(role, names[0], used or names[0], used is not None)
    return out


def describe(choices: dict[str, FontChoice]) -> list[str]:
    """One line per official font this PC lacks, in Chinese, for the user. The Word
    file names the official fonts all the same (report_head), with their fallbacks."""
    lines = []
    for role, c in choices.items():
        if not c.installed:
            lines.append(
                f"{ROLE_NAMES[role]}：本机未安装“{c.wanted}”及替代字体；文件中写“{c.wanted}”，"
                "在装有该字体的电脑上按规定字体显示。"
            )
        elif c.substituted:
            lines.append(
                f"{ROLE_NAMES[role]}：本机没有“{c.wanted}”，本机显示时用“{c.used}”代替；"
                f"文件中仍写“{c.wanted}”，在装有该字体的电脑上按规定字体显示。"
            )
    return lines
