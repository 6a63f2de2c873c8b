"""Reading scanned field forms: accuracy on made-up scans at 150/200/300 dpi and
as phone photos, and pages per second against the raw libraries' minimum.

HEXIE_SCAN_FORMS sets how many filled-in forms per condition (default 20, three
pages each). Every box is counted: right, flagged unclear, or wrong without a
flag (the figure that must stay 0).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import numpy as np

FORMS = int(os.environ.get("HEXIE_SCAN_FORMS", "20"))
CONDITIONS = {
    "flatbed 150 dpi": {"dpi": 150},
    "flatbed 200 dpi": {"dpi": 200},
    "flatbed 300 dpi": {"dpi": 300},
    "phone photo ~200 dpi": {"dpi": 200, "perspective": 0.035},
}


def run() -> bool:
    import cv2
    import zxingcpp
    from PySide6.QtWidgets import QApplication

    from app.models.db import open_database
    from app.services.core import office
    from app.services.scans import batch
    from app.services.scans.pages import SourcePage
    from app.services.scans.reading import PageReading, read_page
    from tests import scan_builders as sb

    QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="hexie-scans-"))
    db = open_database(folder / "bench.sqlite3", operator="bench")
    office.configure(db, "410482", level="county")
    forms = sb.print_forms(db, folder / "blank.pdf")[:1]
    rendered = sb.render_pdf(folder / "blank.pdf")
    ok = True
    for name, args in CONDITIONS.items():
        total, ours, raw, pages = sb.Score(), 0.0, 0.0, 0
        for seed in range(FORMS):
            rng = np.random.default_rng(seed)
            for number, page_layout in enumerate(forms[0][1]["pages"]):
                img = rendered[number].copy()
                truth = sb.fill_page(img, page_layout, rng, ambiguous=0.04)
                sb.stain(img, rng, int(rng.integers(0, 5)))
                scan = sb.scan(img, rng, angle=float(rng.uniform(-5, 5)),
                               blur=float(rng.uniform(0, 1.2)), noise=float(rng.uniform(0, 10)),
                               **args)  # fmt: skip
                _ok, data = cv2.imencode(".jpg", scan, [cv2.IMWRITE_JPEG_QUALITY, 85])
                start = time.perf_counter()
                image = cv2.imdecode(data, cv2.IMREAD_COLOR)
                result = read_page(
                    SourcePage(Path("x.jpg"), 0, image), lambda f: batch.form_info(db, f)
                )
                ours += time.perf_counter() - start
                start = time.perf_counter()  # baseline: decode the file and find the QR code
                grey = cv2.cvtColor(cv2.imdecode(data, cv2.IMREAD_COLOR), cv2.COLOR_BGR2GRAY)
                zxingcpp.read_barcodes(grey, formats=zxingcpp.BarcodeFormat.QRCode)
                raw += time.perf_counter() - start
                pages += 1
                if isinstance(result, PageReading):
                    total.add(sb.score(result.items, truth))
                else:
                    total.wrong += 3 * len(truth.items)
                    total.wrong_items.append(f"page set aside: {result.code}")
        ok &= total.wrong == 0 and (args["dpi"] != 200 or total.accuracy >= 0.995)
        print(
            f"{name:<22} boxes {total.total:5}  right {100 * total.accuracy:6.2f} %  "
            f"flagged {total.flagged:3}  wrong unflagged {total.wrong}  "
            f"{pages / ours:5.1f} pages/s (QR-only baseline {pages / raw:5.1f})"
        )
    db.close()
    return ok


if __name__ == "__main__":
    import sys

    sys.exit(0 if run() else 1)
