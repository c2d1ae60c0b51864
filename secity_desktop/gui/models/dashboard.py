"""The dashboard table: one row per municipality, from one ``DashboardService.refresh``.

The rows are computed in bulk by the service (a few queries for thousands of
municipalities), so the model keeps the refreshed list and only formats it.
"""

from __future__ import annotations

from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.gui.models.columns import RIGHT, SORT_ROLE, UNHANDLED, Column, ColumnTableModel
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.dashboard import Dashboard, DashboardRow, DashboardService

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
__all__ = ["CODE_ROLE", "SORT_ROLE", "DashboardTableModel"]
BIG = 1e9


class DashboardTableModel(ColumnTableModel[DashboardRow]):
    def __init__(
        self, svc: DashboardService, lang: str = "th", parent: QtCore.QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.svc = svc
        self.lang = lang
        self.filters: dict[str, Any] = {"province": svc.default_province()}
        self.dashboard: Dashboard | None = None
        self._components: tuple[str, ...] = ()

    def refresh(self, **filters: Any) -> Dashboard:
        self.filters.update(filters)
        dash = self.svc.refresh(**self.filters)
        self.dashboard = dash
        self._components = tuple(dash.components)
        self.set_rows(dash.rows)
        return dash

    def columns(self) -> list[Column[DashboardRow]]:
        th = self.lang == "th"

        def name(r: DashboardRow) -> str:
            n = r.name_th if th or not r.name_en else r.name_en
            return f"★ {n}" if r.model_town else n

        def status(r: DashboardRow) -> str:
            return status_text(r.status, th) if r.status else self.tr("Not assessed")

        def component(code: str) -> Column[DashboardRow]:
            return Column(
                self.tr("Comp. {code}").format(code=code),
                lambda r: "" if r.components.get(code) is None else f"{r.components[code]:.2f}",
                sort=lambda r: r.components.get(code, -BIG), align=RIGHT,
                header_tip=self.tr("Component {code} score").format(code=code),
            )

        return [
            Column(self.tr("Rank"), lambda r: "" if r.rank is None else str(r.rank),
                   sort=lambda r: r.rank if r.rank is not None else BIG, align=RIGHT),
            Column(self.tr("Municipality"), name,
                   tooltip=lambda r: f"{r.name_th}\n{r.name_en}\n{r.municipality_code}"),
            Column(self.tr("Type"),
                   lambda r: MUNICIPALITY_TYPE_LABELS[MunicipalityType(r.type)][0 if th else 1]),
            Column(self.tr("Status"), status),
            Column(self.tr("Total"), lambda r: "" if r.total is None else f"{r.total:.2f}",
                   sort=lambda r: r.total if r.total is not None else -BIG, align=RIGHT),
            Column(self.tr("Tier"),
                   lambda r: (r.tier.label_th if th else r.tier.label_en) if r.tier else ""),
            *(component(c) for c in self._components),
            Column(self.tr("Change"), lambda r: "" if r.change is None else f"{r.change:+.2f}",
                   sort=lambda r: r.change if r.change is not None else -BIG, align=RIGHT,
                   foreground=lambda r: ("#107c10" if r.change > 0 else "#a4262c")
                   if r.change else None,
                   header_tip=self.tr("Change of the total from the previous fiscal year")),
        ]

    def row(self, row: int) -> DashboardRow:
        return self._rows[row]

    def row_of(self, code: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r.municipality_code == code), -1)

    def row_data(self, row: DashboardRow, column: int, role: int) -> Any:
        return row.municipality_code if role == CODE_ROLE else UNHANDLED
