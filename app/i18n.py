"""Interface languages. Source strings are Chinese; English lives in a Qt .ts file.

The .ts file is read directly by a QTranslator subclass, so no compiled .qm has
to be built or shipped, and Qt Linguist can still edit the file. Qt's own
buttons use the qtbase translations that ship with Qt.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QLibraryInfo,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QTranslator,
)

from app.services.core.messages import CONTEXT, Message

LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


class TsTranslator(QTranslator):
    def __init__(self, path: Path) -> None:
        super().__init__()
        # Read here, not at import: the Chinese window never parses the .ts file,
        # and this module is loaded before the first paint (app/startup.py).
        from app.translations import load_ts

        self.table = load_ts(path)
        self.by_source = {source: text for (_ctx, source), text in self.table.items()}

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:  # type: ignore[override]
        # None (a null string) means "not translated here": Qt then keeps the
        # source text. An empty string would be taken as the translation and
        # blank out Qt's own buttons (Save, Cancel) in the English interface.
        return self.table.get((context, source)) or self.by_source.get(source)

    def isEmpty(self) -> bool:
        return not self.table


_installed: list[QTranslator] = []
_current = ["zh_CN"]


def current_language() -> str:
    """The language the window was last set to (zh_CN or en)."""
    return _current[0]


def install(app: QCoreApplication, language: str) -> None:
    """Install translators for `language` (removing any earlier ones)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if language == "en":
        from app.translations import english_ts

        translator: QTranslator = TsTranslator(english_ts())
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        translator = QTranslator()
        translator.load("qtbase_zh_CN", qt_dir)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    app.installTranslator(translator)
    _installed.append(translator)
    _current[0] = language
    if not _dates:
        _dates.append(FileDialogDates(app))
        app.installEventFilter(_dates[0])


def tr_message(text: str) -> str:
    """A service message in the window's language (plain text is shown as it is)."""
    if isinstance(text, Message):
        return text.render(
            lambda source: QCoreApplication.translate(CONTEXT, source),
            english=current_language() == "en",
        )
    return str(text)


def paren(text: object, inner: object) -> str:
    """`text` with `inner` in brackets: 新华区（410402） in Chinese, "Xinhua District
    (410402)" in English (full-width brackets have no place in English text)."""
    if current_language() == "en":
        return f"{text} ({inner})"
    return f"{text}（{inner}）"


def colon(label: object, value: object) -> str:
    """`label：value` in Chinese, `label: value` in English."""
    if current_language() == "en":
        return f"{label}: {value}"
    return f"{label}：{value}"


def joined(items: object) -> str:
    """Names in a list: joined with 、 in Chinese and with ", " in English."""
    return (", " if current_language() == "en" else "、").join(str(i) for i in items)  # type: ignore[attr-defined]


def county(code: str) -> str:
    """A division's name in the window's language (新华区 / Xinhua District)."""
    from app.services.core import reference

    return reference.division_name(code, english=current_language() == "en")


def basis_tip(basis: str) -> str:
    """A rule's legal basis as a tooltip. The statutes are cited in their own words
    (Chinese); the English window says so rather than paraphrasing the law."""
    if not basis or current_language() != "en":
        return basis
    return QCoreApplication.translate("services", "法律依据（中文原文）：") + basis


# -- dates in Qt's file dialog ---------------------------------------------------------------
# Qt's own file dialog (Linux without a desktop's dialog) dates files in the *system*
# locale, which is "C" on many installs: "1 12 2026" in both languages. Each file
# dialog gets a proxy model that writes the date as yyyy-MM-dd HH:mm instead, the
# form every other date in the window has. Native dialogs (Windows, macOS) date
# files the system's way and are left alone.
DATE_COLUMN = 3
DATE_FORM = "yyyy-MM-dd HH:mm"


class LocalDates(QIdentityProxyModel):
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        # Imported here: the Qt namespace's first use costs ~15 ms, and this module
        # is loaded before the window's first paint (app/startup.py).
        from PySide6.QtCore import Qt

        if index.column() == DATE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            when = source.lastModified(self.mapToSource(index))  # type: ignore[attr-defined]
            return when.toString(DATE_FORM) if when.isValid() else ""
        return super().data(index, role)


class FileDialogDates(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Show:
            from PySide6.QtWidgets import QFileDialog

            if isinstance(watched, QFileDialog) and not isinstance(
                watched.proxyModel(), LocalDates
            ):
                watched.setProxyModel(LocalDates(watched))
        return False


_dates: list[FileDialogDates] = []
