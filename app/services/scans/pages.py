"""Scanned files to page images: every page of a PDF, every frame of a TIFF,
a JPEG or PNG photo.

PDF pages are rasterised with pypdfium2 (PDFium, the engine of Chrome's PDF
viewer; wheels for Windows and Linux with nothing else to install). Images are
decoded with OpenCV from bytes read by Python, because cv2.imread cannot open
a path with Chinese characters on Windows. A phone photo's EXIF orientation is
applied by the decoder; a page upside down or sideways is turned by the reader
from its QR code.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

PDF_SUFFIXES = {".pdf"}
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".tif", ".tiff"}
SUFFIXES = PDF_SUFFIXES | IMAGE_SUFFIXES
# A scan is rendered at 200 dpi: tick boxes are then 35 px wide, plenty to judge
# them, and a page costs 4 MB in memory rather than 9 MB at 300 dpi.
PDF_DPI = 200
# Larger photos (a 48-megapixel phone) are shrunk first; 5000 px is still ~400 dpi on A4.
MAX_SIDE = 5000


class PageSourceError(ValueError):
    """A file gives no pages; `code` is a key of messages.SET_ASIDE."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


@dataclass(frozen=True)
class SourcePage:
    file: Path
    index: int  # 0-based page or frame in the file
    image: np.ndarray  # 8-bit, grey (H×W) or BGR (H×W×3)

    @property
    def label(self) -> str:
        return f"{self.file.name} 第 {self.index + 1} 页"


def check_file(path: Path) -> None:
    if path.suffix.lower() not in SUFFIXES:
        raise PageSourceError("unsupported_file", path.suffix or path.name)
    if not path.is_file():
        raise PageSourceError("unreadable_file", f"找不到 {path}")


def count_pages(path: Path) -> int:
    """How many pages `path` holds (for progress); 0 when it cannot be opened."""
    try:
        check_file(path)
        if path.suffix.lower() in PDF_SUFFIXES:
            with _open_pdf(path) as pdf:
                return len(pdf)
        if path.suffix.lower() in (".tif", ".tiff"):
            return max(1, len(_decode_tiff(path)))
        return 1
    except PageSourceError:
        return 0
    except Exception:  # noqa: BLE001 - a count is only for the progress bar
        return 0


def read_pages(path: Path) -> Iterator[SourcePage]:
    """The pages of one file, one at a time (a 100-page PDF is not held whole in memory)."""
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in PDF_SUFFIXES:
        yield from _pdf_pages(path)
    elif suffix in (".tif", ".tiff"):
        for n, image in enumerate(_decode_tiff(path)):
            yield SourcePage(path, n, _limit(image))
    else:
        image = cv2.imdecode(_bytes(path), cv2.IMREAD_COLOR)
        if image is None:
            raise PageSourceError("unreadable_file", f"{path.name} 不是可识别的图像")
        yield SourcePage(path, 0, _limit(image))


class _open_pdf:  # noqa: N801 - used as a context manager
    def __init__(self, path: Path) -> None:
        import pypdfium2 as pdfium

        try:
            self.pdf = pdfium.PdfDocument(_bytes(path).tobytes())
        except pdfium.PdfiumError as exc:
            raise PageSourceError("unreadable_file", f"{path.name}：{exc}") from exc

    def __enter__(self):  # type: ignore[no-untyped-def]
        return self.pdf

    def __exit__(self, *exc: object) -> None:
        self.pdf.close()


def _pdf_pages(path: Path) -> Iterator[SourcePage]:
    with _open_pdf(path) as pdf:
        for n in range(len(pdf)):
            page = pdf[n]
            try:
                bitmap = page.render(scale=PDF_DPI / 72, grayscale=True)
                image = np.array(bitmap.to_numpy(), copy=True)
            finally:
                page.close()
            if image.ndim == 3:
                image = image[:, :, 0]
            yield SourcePage(path, n, image)


def _decode_tiff(path: Path) -> list[np.ndarray]:
    ok, frames = cv2.imdecodemulti(_bytes(path), cv2.IMREAD_COLOR)
    if not ok or not frames:
        raise PageSourceError("unreadable_file", f"{path.name} 不是可识别的 TIFF 图像")
    return list(frames)


def _bytes(path: Path) -> np.ndarray:
    try:
        return np.fromfile(str(path), dtype=np.uint8)
    except OSError as exc:
        raise PageSourceError("unreadable_file", f"{path.name}：{exc.strerror or exc}") from exc


def _limit(image: np.ndarray) -> np.ndarray:
    side = max(image.shape[:2])
    if side <= MAX_SIDE:
        return image
    k = MAX_SIDE / side
    return cv2.resize(image, None, fx=k, fy=k, interpolation=cv2.INTER_AREA)


def grey(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
