"""Build the office-PC packages from a source checkout.

    python installer/build.py            # PyInstaller folder: dist/hexie-desk/
    python installer/build.py --zip      # … and the portable dist/hexie-desk-<version>-<os>-<arch>.zip
    python installer/build.py --deb      # … and dist/hexie-desk_<version>_<arch>.deb (Debian, 统信UOS, 麒麟)

On Windows, run it first, then compile installer/hexie.iss with Inno Setup 6
(`iscc installer\\hexie.iss`) for the per-user installer; see installer/README.md.
Every build ends by running the bundle's own `hexie-cli self-test`.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUILD = ROOT / "build"
NAME = "hexie-desk"
sys.path.insert(0, str(ROOT))
from app import __version__  # noqa: E402


def version_info() -> Path:
    """The Windows version resource (file properties → details)."""
    parts = [int(p) for p in __version__.split(".")[:3]] + [0]
    while len(parts) < 4:
        parts.insert(-1, 0)
    numbers = tuple(parts[:4])
    text = textwrap.dedent(
        f"""\
        VSVersionInfo(
          ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                            OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
          kids=[
            StringFileInfo([StringTable('080404b0', [
              StringStruct('CompanyName', '和谐台账'),
              StringStruct('FileDescription', '和谐台账 Hexie Desk'),
              StringStruct('FileVersion', '{__version__}'),
              StringStruct('InternalName', 'hexie'),
              StringStruct('LegalCopyright', '和谐台账项目'),
              StringStruct('OriginalFilename', 'hexie.exe'),
              StringStruct('ProductName', '和谐台账'),
              StringStruct('ProductVersion', '{__version__}')])]),
            VarFileInfo([VarStruct('Translation', [2052, 1200])])
          ]
        )
        """
    )
    BUILD.mkdir(exist_ok=True)
    path = BUILD / "version_info.txt"
    path.write_text(text, "utf-8")
    return path


def icons() -> Path:
    """The icon as files (drawn by app/views/common/app_icon.py; nothing binary is kept in git)."""
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_icon.py"), str(BUILD / "icons")], check=True
    )
    return BUILD / "icons"


def pyinstaller() -> Path:
    version_info()
    icons()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(BUILD / "pyinstaller"),
            str(ROOT / "installer" / "hexie.spec"),
        ],
        check=True,
    )
    return DIST / NAME


def cli_exe(folder: Path) -> Path:
    return folder / ("hexie-cli.exe" if os.name == "nt" else "hexie-cli")


def self_test(folder: Path) -> None:
    """Run the bundle's self-test with a clean environment: nothing from this
    checkout or this Python may leak in."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        in ("SYSTEMROOT", "TEMP", "TMP", "HOME", "USERPROFILE", "LOCALAPPDATA", "APPDATA", "PATH")
    }
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
            "HEXIE_DATA_DIR": str(BUILD / "self-test-data"),
        }
    )
    subprocess.run([str(cli_exe(folder)), "self-test"], check=True, env=env, cwd=str(BUILD))


def arch() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )


def portable_zip(folder: Path) -> Path:
    system = {"win32": "windows", "linux": "linux", "darwin": "macos"}.get(
        sys.platform, sys.platform
    )
    out = DIST / f"{NAME}-{__version__}-{system}-{arch()}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(folder.rglob("*")):
            z.write(path, Path(NAME) / path.relative_to(folder))
        # Portable use: data beside the program when this file is present.
        z.writestr(
            f"{NAME}/便携版说明.txt",
            "把整个文件夹复制到 U 盘或任意位置，运行 hexie.exe（Linux 为 hexie）。\n数据默认保存在本机用户目录；如需把数据也放在本文件夹，请设置环境变量 HEXIE_DATA_DIR。\n",
        )
    return out


DESKTOP = """[Desktop Entry]
Type=Application
Name=和谐台账
Name[zh_CN]=和谐台账
Name[en]=Hexie Desk
Comment=县级协调劳动关系工作台账（离线）
Comment[en]=Offline desk for county labour-relations offices
Exec=/opt/hexie-desk/hexie %F
Icon=hexie-desk
Terminal=false
Categories=Office;
StartupWMClass=hexie
"""


def deb(folder: Path) -> Path:
    """A .deb installing the folder under /opt/hexie-desk, with a menu entry,
    an icon and /usr/bin/hexie. The Qt it needs is in the folder; only the
    X/GL/font libraries every desktop has are declared."""
    stage = BUILD / "deb" / NAME
    shutil.rmtree(stage.parent, ignore_errors=True)
    target = stage / "opt" / NAME
    shutil.copytree(folder, target, symlinks=True)
    (stage / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{NAME}/hexie-cli", stage / "usr" / "bin" / "hexie")
    apps = stage / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{NAME}.desktop").write_text(DESKTOP, "utf-8")
    icons = stage / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(BUILD / "icons" / "hexie.png", icons / f"{NAME}.png")
    control = stage / "DEBIAN"
    control.mkdir()
    size_kb = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) // 1024
    (control / "control").write_text(
        textwrap.dedent(
            f"""\
            Package: {NAME}
            Version: {__version__}
            Section: office
            Priority: optional
            Architecture: {arch()}
            Installed-Size: {size_kb}
            Depends: libc6, libgl1, libegl1, libfontconfig1, libxkbcommon0, libxkbcommon-x11-0, libxcb-cursor0, libdbus-1-3
            Maintainer: Hexie Desk <hexie-desk@localhost>
            Description: 和谐台账 Hexie Desk
             Offline desk for county labour-relations offices: health checks,
             the rectification ledger, collective negotiation offers, layoff
             filings, risk grading, sync bundles and the campaign report.
            """
        ),
        "utf-8",
    )
    postinst = control / "postinst"
    postinst.write_text(
        "#!/bin/sh\nset -e\n"
        "command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q /usr/share/applications || true\n"
        "command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q /usr/share/icons/hicolor || true\n",
        "utf-8",
    )
    postinst.chmod(0o755)
    out = DIST / f"{NAME}_{__version__}_{arch()}.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "--build", str(stage), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--zip", action="store_true", help="also the portable .zip")
    parser.add_argument("--deb", action="store_true", help="also the .deb (Linux)")
    parser.add_argument(
        "--skip-build", action="store_true", help="package the existing dist/hexie-desk"
    )
    args = parser.parse_args()
    folder = DIST / NAME if args.skip_build else pyinstaller()
    self_test(folder)
    if args.zip:
        print(f"portable: {portable_zip(folder)}")
    if args.deb:
        print(f"deb: {deb(folder)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
