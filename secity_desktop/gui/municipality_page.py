"""One local government's page: its record, its forms over the years, its codes, its past results.

Opened by double-clicking a row of the Municipalities place. Read-only: the
register changes only by importing the department's list. The same past-results
text is shown when a province chooses its model town (``past_awards_label``).
"""

from __future__ import annotations

import html

from secity_desktop.core.localgov import type_label
from secity_desktop.core.past_results import LEVELS, award_label
from secity_desktop.gui.common import fit_to_screen, translate_buttons, when_text
from secity_desktop.gui.qt import QtCore, QtWidgets
from secity_desktop.gui.thai_wrap import ThaiLabel, thai_cells
from secity_desktop.gui.trend_section import TrendSection
from secity_desktop.services import municipalities as svc
from secity_desktop.services.workspace import Workspace


def _table(parent: QtWidgets.QWidget, headers: list[str], rows: list[list[str]]) -> QtWidgets.QTableWidget:
    t = thai_cells(QtWidgets.QTableWidget(len(rows), len(headers), parent))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QtWidgets.QAbstractItemView.EditTrigger.NoEditTriggers)
    t.horizontalHeader().setStretchLastSection(True)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.setItem(r, c, QtWidgets.QTableWidgetItem(value))
    t.resizeColumnsToContents()
    return t


def level_text(level: str, lang: str) -> str:
    return LEVELS.get(level, (level, level))[0 if lang == "th" else 1]


def past_awards_text(results: list, lang: str = "th") -> str:  # type: ignore[type-arg]
    """Past results as short lines, newest first ('' when none is recorded)."""
    return "\n".join(
        f"{r.year} · {level_text(r.level, lang)} · {award_label(r.award_code, r.award_text, lang)}"
        for r in results
    )


class MunicipalityPage(QtWidgets.QDialog):
    def __init__(self, ws: Workspace, code: str, lang: str = "th", parent: QtWidgets.QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("municipalityPage")
        d = svc.detail(ws, code)
        self.detail = d
        m = d.record
        th = lang == "th"
        self.setWindowTitle(m.name_th if th or not m.name_en else m.name_en)
        layout = QtWidgets.QVBoxLayout(self)
        facts = [
            (self.tr("Code"), m.code),
            (self.tr("Department code"), m.official_code or "—"),
            (self.tr("Type"), type_label(m.type, lang)),
            (self.tr("Province"), f"{m.province_code} {m.province_th if th else m.province_en}"),
            (self.tr("District"), m.district or "—"),
            (self.tr("Provincial seat town"), self.tr("yes") if m.is_seat else self.tr("no")),
        ]
        if d.aliases:
            facts.append((self.tr("Also known by"), ", ".join(a["code"] for a in d.aliases)))
        rows = "".join(f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>" for k, v in facts)
        self.header = ThaiLabel(
            f"<h3>{html.escape(m.name_th)}</h3>"
            + (f"<p>{html.escape(m.name_en)}</p>" if m.name_en else "")
            + f"<table cellspacing='4'>{rows}</table>",
            self,
        )
        self.header.setWordWrap(True)
        top = QtWidgets.QHBoxLayout()  # the record, and beside it its progress over the years
        top.addWidget(self.header)
        self.trend = TrendSection(ws, m.code, lang, self)
        top.addWidget(self.trend, 1)
        layout.addLayout(top, 2)
        layout.addWidget(QtWidgets.QLabel(self.tr("Forms over the years"), self))
        self.types = _table(
            self,
            [self.tr("Since"), self.tr("Type"), self.tr("Name"), self.tr("Recorded"), self.tr("Source")],
            [
                [t["since"] or self.tr("first listed"), type_label(t["type"], lang), t["name_th"],
                 when_text(t["recorded_at"], lang), t["source"]]
                for t in d.type_history
            ],
        )
        self.types.setObjectName("typeHistory")
        layout.addWidget(self.types, 1)
        layout.addWidget(QtWidgets.QLabel(self.tr("Past results"), self))
        self.results = _table(
            self,
            [self.tr("Year"), self.tr("Level"), self.tr("Award"), self.tr("As written"), self.tr("Source")],
            [
                [str(r.year), level_text(r.level, lang), award_label(r.award_code, r.award_text, lang),
                 r.award_text, self.tr("{file}, line {line}").format(file=r.source_file, line=r.source_line)]
                for r in d.history
            ],
        )
        self.results.setObjectName("pastResults")
        layout.addWidget(self.results, 1)
        if not d.history:
            layout.addWidget(QtWidgets.QLabel(self.tr("No past results recorded."), self))
        buttons = translate_buttons(
            QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close, self)
        )
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 580)


def add_past_awards(dialog: QtWidgets.QDialog, results: list, lang: str = "th") -> QtWidgets.QLabel:  # type: ignore[type-arg]
    """Show a model-town candidate's earlier awards in a dialog that has an ``extra`` form layout."""
    text = past_awards_text(results, lang) or QtCore.QCoreApplication.translate(
        "MunicipalityPage", "No past results recorded."
    )
    label = ThaiLabel(text, dialog)
    label.setObjectName("pastAwards")
    label.setWordWrap(True)
    dialog.extra.addRow(QtCore.QCoreApplication.translate("MunicipalityPage", "Past results"), label)  # type: ignore[attr-defined]
    return label
