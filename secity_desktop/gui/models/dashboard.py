"""The dashboard table: ranked municipality codes from SQL, rows read 100 at a time.

A national workspace shows 7,850 municipalities. The model keeps only the codes
(and ranks) the store ordered (``services.dashboard_ranked``) and reads the rows of the
pages the view paints (``PagedTableModel``); sorting asks SQL again. The summary
(coverage, tier counts, averages) comes with each refresh.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.gui.models.columns import RIGHT, SORT_ROLE, Column
from secity_desktop.gui.models.paged import PagedTableModel
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.dashboard import DashboardRow, DashboardService
from secity_desktop.services.dashboard_ranked import DashboardFilter, RankedDashboard, Summary

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
__all__ = ["CODE_ROLE", "SORT_ROLE", "DashboardTableModel"]


class DashboardTableModel(PagedTableModel[DashboardRow]):
    id_role = CODE_ROLE

    def __init__(
        self, svc: DashboardService, lang: str = "th", parent: QtCore.QObject | None = None,
        ranked: RankedDashboard | None = None,
    ) -> None:
        super().__init__(parent, order=("rank", False))
        self.svc = svc
        # ``ranked``: a reader that did this place's first refresh in idle time (gui/dashboard_place)
        self.ranked = RankedDashboard(svc) if ranked is None else ranked
        self.lang = lang
        self.filter = DashboardFilter(province=svc.default_province())
        self.summary: Summary | None = None
        self._components: tuple[str, ...] = ()
        self._ranks: dict[str, int | None] = {}

    def refresh(self, **filters: Any) -> Summary:
        """Apply filters (province, year, mtype, status), order in SQL, read the summary."""
        self.filter = replace(self.filter, **filters)
        self.beginResetModel()
        self.ranked.renew(self.filter)  # the rows afresh if anything was written since
        self._ids = self.fetch_ids()  # before the summary: it repairs missing stored scores
        self.summary = self.ranked.summary(self.filter, averages=False)
        if self.summary.components != self._components:
            self._components = self.summary.components
            self.reset_columns()
        self._cache.clear()
        self.pages_read = 0
        self.endResetModel()
        return self.summary

    def reload(self) -> None:
        """Before the first refresh there is nothing to order (the view enabling sorting
        and setting its indicator would each have queried the whole country)."""
        if self.summary is not None:
            super().reload()

    def fetch_ids(self) -> list[str]:
        ranked = self.ranked.ranked(self.filter, *self.order)
        self._ranks = dict(ranked)
        return [code for code, _ in ranked]

    def fetch_rows(self, ids: Sequence[str]) -> dict[str, DashboardRow]:
        return self.ranked.rows(self.filter, ids, self._ranks)

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
                align=RIGHT, key=f"c:{code}",
                header_tip=self.tr("Component {code} score").format(code=code),
            )

        return [
            Column(self.tr("Rank"), lambda r: "" if r.rank is None else str(r.rank),
                   align=RIGHT, key="rank"),
            Column(self.tr("Municipality"), name, key="name",
                   tooltip=lambda r: f"{r.name_th}\n{r.name_en}\n{r.municipality_code}"),
            Column(self.tr("Type"),
                   lambda r: MUNICIPALITY_TYPE_LABELS[MunicipalityType(r.type)][0 if th else 1]),
            Column(self.tr("Status"), status, key="status"),
            Column(self.tr("Total"), lambda r: "" if r.total is None else f"{r.total:.2f}",
                   align=RIGHT, key="total"),
            Column(self.tr("Tier"),
                   lambda r: (r.tier.label_th if th else r.tier.label_en) if r.tier else ""),
            *(component(c) for c in self._components),
            Column(self.tr("Change"), lambda r: "" if r.change is None else f"{r.change:+.2f}",
                   align=RIGHT, key="change",
                   foreground=lambda r: ("#107c10" if r.change > 0 else "#a4262c")
                   if r.change else None,
                   header_tip=self.tr("Change of the total from the previous fiscal year")),
        ]

    def row(self, row: int) -> DashboardRow:
        return self._row(row)
