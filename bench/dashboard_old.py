"""The dashboard's old path, kept for the benches' same-run baselines (not used by the app).

Before schema 14 the Dashboard place refreshed through ``DashboardService.refresh`` with
the standing assessments picked by a window query over every assessment
(``_SCORED_PICK`` below, as it was), built a ``DashboardRow`` for each of the 7,850
municipalities, sorted them in Python and fitted its columns with
``resizeColumnsToContents`` through the Thai-breaking delegate. ``old_place`` builds
that place; ``old_service`` patches the window query back for a service refresh.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

from secity_desktop.core.localgov import MUNICIPALITY_TYPE_LABELS, MunicipalityType
from secity_desktop.core.score_terms import RULES_VERSION
from secity_desktop.gui.dashboard_place import DashboardPlace
from secity_desktop.gui.models.columns import RIGHT, UNHANDLED, Column, ColumnTableModel
from secity_desktop.gui.models.review import status_text
from secity_desktop.gui.qt import Qt, QtCore
from secity_desktop.services.dashboard import Dashboard, DashboardRow, DashboardService
from secity_desktop.store import standings
from secity_desktop.store.conflicts import NOT_SET_ASIDE

CODE_ROLE = Qt.ItemDataRole.UserRole + 1
BIG = 1e9

_SCORED_PICK = """
SELECT id, fw, municipality_code, year, revision, status, updated_at, total, components FROM (
  SELECT a.id AS id, a.framework_hash AS fw, a.municipality_code, a.year, a.revision, a.status,
         a.updated_at, s.total, s.components,
         ROW_NUMBER() OVER (PARTITION BY a.municipality_code{by_year}
                            ORDER BY a.year DESC, a.revision DESC, a.updated_at DESC) AS rn
  FROM assessments a{register}
  LEFT JOIN assessment_scores s ON s.assessment_id = a.id
       AND s.framework_hash = a.framework_hash AND s.rules = {rules}
  WHERE {where}
) WHERE rn = 1"""


def window_scored_picks(db: Any, province: str | None, years: tuple[int, ...],
                        mtype: str | None) -> list[tuple[Any, ...]]:
    found = db.execute(
        "SELECT 1 FROM revision_conflicts WHERE kept_id IS NOT NULL LIMIT 1").fetchone()
    parts, args = [NOT_SET_ASIDE] if found else ["1 = 1"], []
    if province:
        parts.append("m.province_code = ?")
        args.append(province)
    if years:
        parts.append(f"a.year IN ({','.join('?' * len(years))})")
        args.extend(years)
    if mtype:
        parts.append("m.type = ?")
        args.append(mtype)
    register = " JOIN municipalities m ON m.code = a.municipality_code" if province or mtype else ""
    sql = _SCORED_PICK.format(where=" AND ".join(parts), by_year=", a.year" if years else "",
                              register=register, rules=int(RULES_VERSION))
    return [tuple(r) for r in db.execute(sql, args).fetchall()]


@contextlib.contextmanager
def old_service() -> Iterator[None]:
    """``DashboardService.refresh`` picking by the window query, as before schema 14."""
    saved = standings.scored_picks
    standings.scored_picks = window_scored_picks  # type: ignore[assignment]
    try:
        yield
    finally:
        standings.scored_picks = saved  # type: ignore[assignment]


class OldDashboardTableModel(ColumnTableModel[DashboardRow]):
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
        return SimpleNamespace(coverage=dash.coverage, average_total=None)  # type: ignore[return-value]

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


class OldDashboardPlace(DashboardPlace):
    """The place as it was: every row built, sorted in Python, columns fitted over the rows."""

    model_class = OldDashboardTableModel  # type: ignore[assignment]

    def refresh(self) -> None:
        with old_service():
            super().refresh()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()


__all__ = ["Dashboard", "DashboardService", "OldDashboardPlace", "old_service"]
