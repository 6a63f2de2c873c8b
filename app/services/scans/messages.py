"""What the scan reader says, in Chinese and English: why a page was set aside,
why an item is unclear. Codes travel in --json; the texts are for people."""

from __future__ import annotations

# Why a whole page cannot be used (it is set aside, nothing is read from it).
SET_ASIDE = {
    "unreadable_file": (
        "无法读取文件：{detail}。请确认是 PDF、JPEG、PNG 或 TIFF 文件且未损坏。",
        "The file cannot be read: {detail}. Check that it is an undamaged PDF, JPEG, PNG or TIFF.",
    ),
    "unsupported_file": (
        "不支持“{detail}”类型的文件。请选择扫描得到的 PDF、JPEG、PNG 或 TIFF 文件。",
        "“{detail}” files are not supported. Choose the scanned PDF, JPEG, PNG or TIFF files.",
    ),
    "no_qr": (
        "找不到表单二维码。请整页扫描（200–300 dpi），二维码不要折叠、涂写或被遮挡。",
        "No form QR code found. Scan the whole page (200–300 dpi) with the QR code unfolded and unmarked.",
    ),
    "foreign_qr": (
        "二维码不是和谐台账打印的表单（内容：{detail}）。",
        "The QR code is not from a form printed by Hexie Desk (it reads: {detail}).",
    ),
    "several_forms": (
        "同一页图像中有多个表单二维码。请每页单独扫描。",
        "Several form QR codes on one image. Scan each page on its own.",
    ),
    "unknown_form": (
        "表单 {detail} 不是用本数据库打印的（可能由其他单位或另一台电脑打印）。请在打印该表的电脑上导入。",
        "Form {detail} was not printed from this database (another office or PC printed it). Import it where it was printed.",
    ),
    "other_kind": (
        "表单 {detail} 不是体检现场记录表。",
        "Form {detail} is not a health-check field form.",
    ),
    "enterprise_mismatch": (
        "二维码中的信用代码与打印记录不符（表单 {detail}）。该页可能被改动，请核对纸质表。",
        "The credit code in the QR code does not match the printing record (form {detail}). Check the paper form.",
    ),
    "enterprise_gone": (
        "表单 {detail} 的企业已从企业名录中删除。",
        "The enterprise of form {detail} has been deleted from the register.",
    ),
    "bad_page": (
        "表单 {detail} 的页码不在打印记录中。",
        "The page number of form {detail} is not in its printing record.",
    ),
    "no_marks": (
        "找不到四角定位块（找到 {detail} 个，至少需要 3 个）。请整页扫描，四角不要裁掉。",
        "The corner marks were not found ({detail} found, at least 3 needed). Scan the whole page without cutting the corners.",
    ),
    "marks_disagree": (
        "四角定位块与二维码的位置对不上：页面可能折叠、严重弯曲或有大块污渍。请压平后重新扫描。",
        "The corner marks and the QR code do not line up: the page may be folded, curled or stained. Flatten it and scan again.",
    ),
    "duplicate_page": (
        "重复的页面：表单 {detail} 第 {page} 页前面已读过，只用第一次读到的。",
        "Duplicate page: page {page} of form {detail} was already read; the first one is used.",
    ),
    "already_imported": (
        "表单 {detail} 已导入为体检记录，没有重复导入。如需修改，请在“法治体检”中打开该记录。",
        "Form {detail} has already been imported as a health check. Open that check to change it.",
    ),
}

# Why one item's reading needs a person (it is flagged unclear, never guessed).
UNCLEAR = {
    "several": ("一行中勾了多个方框", "More than one box ticked in the row"),
    "crossed_out": ("有涂改：一个方框被涂黑", "Corrected: one box is blacked out"),
    "filled": ("方框被涂满，不像打勾", "A box is filled in rather than ticked"),
    "faint": ("笔迹很淡，可能是误触", "A very faint mark, perhaps a slip"),
    "smudge": ("方框处有污渍", "A smudge or stain on the box"),
    "outside": ("方框外有笔迹，方框内没有", "Ink beside the box but not in it"),
    "box_lost": (
        "方框位置不确定（扫描变形或遮挡）",
        "The box could not be located (warped or covered)",
    ),
    "page_missing": ("这一页没有扫描", "This page was not scanned"),
}

READINGS = {
    "compliant": ("合规", "Compliant"),
    "noncompliant": ("不合规", "Non-compliant"),
    "na": ("不适用", "Not applicable"),
    "unchecked": ("未勾选", "Left blank"),
    "": ("无法确定", "Unclear"),
}


def set_aside_text(code: str, detail: str = "", english: bool = False, page: int = 0) -> str:
    zh, en = SET_ASIDE[code]
    return (en if english else zh).format(detail=detail, page=page)


def unclear_text(code: str, english: bool = False) -> str:
    zh, en = UNCLEAR[code]
    return en if english else zh


def reading_text(reading: str, english: bool = False) -> str:
    zh, en = READINGS[reading]
    return en if english else zh
