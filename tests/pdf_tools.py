"""Reading generated PDFs back in tests: text, and pages rendered to images."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path


def normalise(text: str) -> str:
    """NFKC (fonts map some glyphs to Kangxi radicals; ？ and ? are one) without white space."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path, page: int | None = None) -> str:
    """The text of a PDF (or one page of it) as poppler's pdftotext reads it, normalised."""
    assert shutil.which("pdftotext"), "poppler-utils is needed (installed by .ci/run)"
    pages = ["-f", str(page), "-l", str(page)] if page else []
    proc = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    )
    return normalise(proc.stdout)


def raw_pdf_text(path: Path, page: int | None = None) -> str:
    """The text layer exactly as a reader copies it out: no NFKC (which would hide a
    Kangxi radical ⽤ standing for 用), only white space removed."""
    assert shutil.which("pdftotext"), "poppler-utils is needed (installed by .ci/run)"
    pages = ["-f", str(page), "-l", str(page)] if page else []
    proc = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    )
    return re.sub(r"\s+", "", proc.stdout)


def office_pdf(document: Path, scratch: Path) -> Path:
    """A Word or Excel file rendered to PDF by LibreOffice, the way an office PC
    without Word prints it; the PDF lands beside `document`'s name in `scratch`."""
    assert shutil.which("soffice"), "install libreoffice-writer-nogui (.ci/run does)"
    subprocess.run(
        [
            "soffice",
            # A profile of its own: another LibreOffice running on the PC is left alone.
            f"-env:UserInstallation=file://{scratch}/lo-profile",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(scratch),
            str(document),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    return scratch / document.with_suffix(".pdf").name


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def render_page(path: Path, page: int, dpi: int, out_dir: Path) -> Path:
    """Page `page` (1-based) as a PNG, with poppler's pdftoppm, as a scanner would see it."""
    assert shutil.which("pdftoppm"), "poppler-utils is needed (installed by .ci/run)"
    prefix = out_dir / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-f",
            str(page),
            "-l",
            str(page),
            "-png",
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    return prefix.with_suffix(".png")


def read_qr(png: Path) -> list[str]:
    """QR codes found in an image, with zbar's zbarimg."""
    assert shutil.which("zbarimg"), "zbar-tools is needed (installed by .ci/run)"
    proc = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True)
    return [line for line in proc.stdout.splitlines() if line]
