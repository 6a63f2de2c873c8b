"""The speed-ups of issue 17 give the same results as the slow ways they replace:
title words from a tokenizer holding only the title's dictionary words, Word cells
from copied XML, the QR code as one unsmoothed image of a pixel a module, encoded in C
(zxing-cpp)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app.services.documents import title_lines

TITLES = [
    "关于2023年劳动用工“查风险、强协商、保支付、促和谐”专项行动工作情况的总结",
    "平顶山市人力资源和社会保障局关于开展劳动用工法治体检的实施方案",
    "汝州市鑫源机械制造有限公司裁减人员情况报告的回执",
    "整改建议书（第一次）",
    "关于协调劳动关系三方委员会集体协商要约行动的通知 abc 123 [x]^-\\",
    "宝丰县人民政府办公室转发市人社局关于进一步做好根治欠薪工作的意见",
]


@pytest.mark.parametrize("title", TITLES)
def test_title_cut_matches_the_whole_dictionary(title: str) -> None:
    whole = list(title_lines._tokenizer().cut(title, HMM=True))
    assert list(title_lines._tokenizer_for(title).cut(title, HMM=True)) == whole


@pytest.mark.parametrize("title", [*TITLES, "AT&T", "回车\n之后"])
def test_dictionary_lines_are_the_multiline_regex_s(title: str) -> None:
    """The lines found after newlines (and the first line on its own) are exactly what
    `^…` in MULTILINE mode finds, in the same order: on jieba's dictionary, whose first
    line is "AT&T 3 nz", and on a class that holds a newline."""
    import re

    content, _total = title_lines._dictionary()
    letters = "".join(re.escape(c) for c in sorted(set(title)))
    slow = re.findall(rf"^([{letters}]+) (\d+)", content, re.MULTILINE)
    assert title_lines.dictionary_lines(content, letters) == slow
    assert slow


def test_the_known_dictionary_total_is_its_frequencies_added_up(monkeypatch) -> None:
    """The total kept for jieba's dictionary is the one adding its frequencies gives
    (the total weighs every cut: a wrong one would cut titles differently)."""
    content, total = title_lines._dictionary()
    assert total == title_lines.frequency_total(content)
    assert total in title_lines.KNOWN_TOTALS.values()  # the installed jieba's file is known
    title_lines._dictionary.cache_clear()
    monkeypatch.setattr(title_lines, "KNOWN_TOTALS", {})
    try:
        assert title_lines._dictionary()[1] == total  # another file: added up
    finally:
        title_lines._dictionary.cache_clear()


def test_title_words_load_neither_the_whole_dictionary_nor_pkg_resources() -> None:
    """A report's title is broken without jieba's 349,000-word load or pkg_resources
    (together about 3 s of a report's start on a busy PC)."""
    code = (
        "import sys\n"
        "from app.services.documents import title_lines as t\n"
        f"print(t.words({TITLES[0]!r}))\n"
        "assert 'pkg_resources' not in sys.modules, 'pkg_resources imported'\n"
        "import jieba\n"
        "assert not jieba.dt.initialized, 'whole dictionary loaded'\n"
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "查风险" in done.stdout


def _cell_xml(fast: bool, text: str, align: str, bold: bool, size: float) -> bytes:
    import docx
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from lxml import etree

    from app.services.documents import docx_render
    from app.services.documents.docx_xml import set_run_font

    table = docx.Document().add_table(rows=1, cols=2)
    cell = table.rows[0].cells[0]
    if fast:
        docx_render._cell(cell._tc, text, align=align, bold=bold, size=size)
    else:  # python-docx's own API, as docx_render did it before
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        paragraph.alignment = (
            WD_ALIGN_PARAGRAPH.CENTER if align == "center" else WD_ALIGN_PARAGRAPH.LEFT
        )
        paragraph.paragraph_format.space_after = 0
        lines = text.split("\n")
        for n, line in enumerate(lines):
            run = paragraph.add_run(line)
            set_run_font(run, "宋体", size, bold)
            if n < len(lines) - 1:
                run.add_break()
    return etree.tostring(table._tbl)


@pytest.mark.parametrize(
    ("text", "align", "bold", "size"),
    [
        ("未按月足额支付工资", "left", False, 9),
        ("序号", "center", True, 9.5),
        ("第一行\n第二行\t制表 ", "left", True, 10.5),
        ("", "center", False, 9),
        (" 前后有空格 ", "left", False, 9),
        ("　全角空格　", "center", False, 9.5),
        ("回车\r之后\n\n空行之后", "left", False, 9),
        ("\t", "left", False, 9),
    ],
)
def test_word_cell_from_copied_xml_is_python_docx_s(
    text: str, align: str, bold: bool, size: float
) -> None:
    assert _cell_xml(True, text, align, bold, size) == _cell_xml(False, text, align, bold, size)


QR_PAYLOADS = [
    "HX1:B:ABCD1234:91410421MA9XK1234P:3:1/4",
    "HX1:B:F4K2M9QW3Z:914104218015703538:1:4/4",
    "HX1:B:FZZZZZZZZZ:92410402MA44XXXX0Y:12:10/12",
]


@pytest.mark.parametrize("payload", QR_PAYLOADS)
def test_qr_image_covers_exactly_the_dark_modules(qapp, payload: str) -> None:
    """Painted with modules of 10 pixels: the middle of each module is dark exactly
    when the code's module is."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from app.views.printing.mm_painter import MmPainter, draw_qr, qr_matrix

    matrix = qr_matrix(payload)
    side = 10 * len(matrix)
    image = QImage(side, side, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    draw_qr(MmPainter(painter, 25.4), payload, 0, 0, side)  # a millimetre a pixel
    painter.end()
    for r, row in enumerate(matrix):
        for c, dark in enumerate(row):
            assert (image.pixelColor(10 * c + 5, 10 * r + 5).lightness() < 128) == bool(dark)


@pytest.mark.parametrize("payload", QR_PAYLOADS)
def test_printed_qr_reads_back_as_its_payload(payload: str, tmp_path: Path) -> None:
    """The modules the form draws (zxing-cpp's encoder, its own mask choice) are a
    level-Q code of 29 modules (version 3) that zxing-cpp and zbar read back."""
    import numpy as np
    import zxingcpp
    from PySide6.QtGui import QImage

    from app.views.printing.mm_painter import qr_matrix
    from tests.pdf_tools import read_qr

    matrix = qr_matrix(payload)
    assert len(matrix) == 29 and {len(row) for row in matrix} == {29}
    modules = np.array([list(row) for row in matrix], np.uint8)
    page = np.full((29 + 8, 29 + 8), 255, np.uint8)  # the four-module quiet zone
    page[4:-4, 4:-4] = np.where(modules == 1, 0, 255)
    page = np.ascontiguousarray(np.kron(page, np.ones((8, 8), np.uint8)))
    found = zxingcpp.read_barcodes(page, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [(c.text, c.ec_level) for c in found] == [(payload, "Q")]
    png = tmp_path / "qr.png"
    height, width = page.shape
    QImage(page.data, width, height, width, QImage.Format.Format_Grayscale8).save(str(png))
    assert read_qr(png) == [payload]


def test_qr_codes_are_encoded_without_segno() -> None:
    """segno scored the eight masks in Python, most of a blank form's time (issue 17)."""
    code = (
        "import sys\n"
        "from app.views.printing.mm_painter import qr_matrix\n"
        f"qr_matrix({QR_PAYLOADS[0]!r})\n"
        "assert 'segno' not in sys.modules, 'segno imported'\n"
    )
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr


def test_each_page_s_qr_code_is_one_unsmoothed_image(qapp, tmp_path: Path) -> None:
    """The PDF holds a page's QR code as one 29 × 29 image drawn without interpolation
    (about 220 rectangles a page before, several times the PDF engine's time; issue 17):
    a printer or viewer scales it to sharp squares. Compressed losslessly (Flate), not
    as the JPEG Qt writes an opaque image as by default."""
    import re

    from PySide6.QtGui import QPainter, QPdfWriter

    from app.views.printing.mm_painter import MmPainter, draw_qr

    out = tmp_path / "qr.pdf"
    writer = QPdfWriter(str(out))
    writer.setResolution(300)
    painter = QPainter(writer)
    for n, payload in enumerate(QR_PAYLOADS):
        if n:
            writer.newPage()
        draw_qr(MmPainter(painter, 300), payload, 167, 10, 24)
    painter.end()
    pdf = out.read_bytes()
    images = re.findall(
        rb"/Subtype /Image.*?/Width (\d+).*?/Height (\d+).*?/Filter /(\w+)", pdf, re.DOTALL
    )
    assert images == [(b"29", b"29", b"FlateDecode")] * len(QR_PAYLOADS)
    assert b"/Interpolate true" not in pdf and b"DCTDecode" not in pdf
