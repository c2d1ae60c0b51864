"""Table of the register: codes filtered and ordered in SQL, records read a page at a time.

A national register holds 7,850 local governments; a row per record behind a
sorting proxy took 2 s to open the place (gui/models/paged.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.gui.models.columns import UNHANDLED, Column
from secity_desktop.gui.models.paged import PagedTableModel
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.lists import municipalities_by_code, municipality_codes
from secity_desktop.services.types import Municipality
from secity_desktop.services.workspace import Workspace


class MunicipalityTableModel(PagedTableModel[Municipality]):
    COLUMNS = ("code", "name", "type", "province", "seat")

    def __init__(
        self, ws: Workspace, lang: str = "th", parent: QtCore.QObject | None = None,
        *, load: bool = True,
    ) -> None:
        super().__init__(parent, order=("", False))
        self.ws = ws
        self.lang = lang
        if load:  # a sorting view loads it (``PagedTableModel.ensure_loaded``)
            self.reload()

    def columns(self) -> list[Column[Municipality]]:
        th = self.lang == "th"

        def kind(m: Municipality) -> str:
            labels = MUNICIPALITY_TYPE_LABELS.get(MunicipalityType(m.type))
            return (labels[0] if th else labels[1]) if labels else m.type

        return [
            Column(self.tr("Code"), lambda m: m.code, key="code"),
            Column(self.tr("Municipality"), lambda m: m.name_th if th or not m.name_en else m.name_en,
                   tooltip=lambda m: f"{m.name_th}\n{m.name_en}", key="name_th" if th else "name_en"),
            Column(self.tr("Type"), kind, key="type"),
            Column(self.tr("Province"), lambda m: m.province_th if th else m.province_en,
                   key="province_th" if th else "province_en"),
            Column(self.tr("Provincial seat"), lambda m: "✓" if m.is_seat else "", key="seat"),
        ]

    def fetch_ids(self) -> list[str]:
        order, descending = self.order
        return municipality_codes(self.ws, self.search, order, descending)

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, Municipality]:
        return municipalities_by_code(self.ws, ids)

    def municipality(self, row: int) -> Municipality:
        return self._row(row)

    def row_data(self, row: Municipality, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.UserRole:
            # Search text: both languages and the code, so the filter box matches any of them.
            return f"{row.code} {row.name_th} {row.name_en} {row.province_th} {row.province_en}"
        return UNHANDLED
