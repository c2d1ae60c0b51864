"""The Review place: a province reviewer's queue and one assessment's indicators.

Left: assessments to review (filter by status). Right: the selected
assessment's scores (assessor's and effective), its indicators with the
assessor's and the reviewer's level, the review history, and the actions.
Every action goes through ``ReviewService``; a refusal is shown as its one-line
message and nothing changes.
"""

from __future__ import annotations

import html
from pathlib import Path

from secity_desktop import messages
from secity_desktop.core.errors import SecityError
from secity_desktop.core.lifecycle import Role, Status
from secity_desktop.core.thai_calendar import format_datetime_th, parse_iso
from secity_desktop.gui import common
from secity_desktop.gui.filter_table import FIT_ROWS, fit_columns
from secity_desktop.gui.models.review import (
    ID_ROLE,
    REVIEW_STATUSES,
    ReviewIndicatorModel,
    ReviewListModel,
    status_text,
)
from secity_desktop.gui.models.years import year_combo
from secity_desktop.gui.qt import Qt, QtCore, QtWidgets, Signal
from secity_desktop.gui.review_dialogs import OverrideDialog, ReasonDialog
from secity_desktop.gui.thai_wrap import ThaiLabel, set_thai_html, thai_cells
from secity_desktop.gui.transfer.dialogs import AskPassphrase, ask_passphrase
from secity_desktop.gui.transfer.send_page import OfficeBundleWriter
from secity_desktop.services import lists
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace


class ReviewPlace(QtWidgets.QWidget):
    changed = Signal(str)
    """Emitted with the assessment id after any review change (other places refresh)."""

    bundle_written = Signal(object)
    """A return bundle was written from here (a ``WrittenBundle``)."""

    def __init__(
        self,
        ws: Workspace,
        lang: str = "th",
        parent: QtWidgets.QWidget | None = None,
        ask: AskPassphrase = ask_passphrase,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewPlace")
        self.ws = ws
        self.lang = lang
        self.svc = ReviewService(ws)
        self.assessments = AssessmentService(ws)
        # Only a province signs return bundles (its assessors enrolled its key).
        self.writer: OfficeBundleWriter | None = None
        if ws.role is Role.PROVINCE:
            self.writer = OfficeBundleWriter(OfficeBundleService(ws), ask, self, lang)
            self.writer.written.connect(self._bundle_written)
            self.writer.failed.connect(lambda _e: self._show(self.current_id))
        held = lists.years(ws)
        self.list_model = ReviewListModel(self.svc, lang, self, year=lists.default_year(ws, held),
                                          load=False)  # the table's first sort reads it
        self.ind_model = ReviewIndicatorModel(self.svc, lang, self)
        self._build(held)
        self._select_first()

    # --- layout -------------------------------------------------------------
    def _build(self, held: list[int]) -> None:
        split = QtWidgets.QSplitter(Qt.Orientation.Horizontal, self)
        left = QtWidgets.QWidget(split)
        lv = QtWidgets.QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        filters = QtWidgets.QHBoxLayout()
        self.status_combo = QtWidgets.QComboBox(left)
        self.status_combo.addItem(self.tr("All to review and decided"), None)
        for s in REVIEW_STATUSES:
            self.status_combo.addItem(status_text(s.value, self.lang == "th"), s.value)
        self.status_combo.currentIndexChanged.connect(self._filter_changed)
        self.year_combo = year_combo(left, held, self.list_model.year)
        self.year_combo.setObjectName("reviewYear")
        self.year_combo.currentIndexChanged.connect(self._filter_changed)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.year_combo)
        lv.addLayout(filters)
        # The model orders and filters in SQL (a nation's queue): the proxy only passes through.
        self.proxy = QtCore.QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.list_model)
        self.table = thai_cells(QtWidgets.QTableView(left))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.list_model.ensure_loaded()
        self.table.setSelectionBehavior(QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        for header in (self.table.horizontalHeader(), self.table.verticalHeader()):
            header.setResizeContentsPrecision(FIT_ROWS)  # fit columns to a page, not the queue
        # Status beside the name: on a 1024 px screen the pane shows about three columns.
        self.table.horizontalHeader().moveSection(3, 1)
        self.table.setTabKeyNavigation(False)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        lv.addWidget(self.table, 1)

        right = QtWidgets.QWidget(split)
        rv = QtWidgets.QVBoxLayout(right)
        rv.setContentsMargins(6, 0, 0, 0)
        self.header = ThaiLabel(right)
        self.header.setObjectName("reviewHeader")
        self.header.setWordWrap(True)
        rv.addWidget(self.header)
        buttons = QtWidgets.QHBoxLayout()
        self.start_btn = QtWidgets.QPushButton(self.tr("Start review"), right)
        self.approve_btn = QtWidgets.QPushButton(self.tr("Approve…"), right)
        self.return_btn = QtWidgets.QPushButton(self.tr("Return for revision…"), right)
        self.comment_btn = QtWidgets.QPushButton(self.tr("Comment on assessment…"), right)
        self.bundle_btn = QtWidgets.QPushButton(self.tr("Write return bundle…"), right)
        self.bundle_btn.setObjectName("writeReturnBundle")
        self.bundle_btn.setToolTip(
            self.tr("Sign a bundle that takes this return and its comments to the assessor")
        )
        self.bundle_btn.setVisible(self.writer is not None)
        for b, slot in (
            (self.start_btn, self.start_review),
            (self.approve_btn, self.approve),
            (self.return_btn, self.return_for_revision),
            (self.comment_btn, self.comment_assessment),
            (self.bundle_btn, lambda: self.write_return_bundle()),
        ):
            b.clicked.connect(slot)
            buttons.addWidget(b)
        buttons.addStretch(1)
        rv.addLayout(buttons)
        self.bundle_result = ThaiLabel(right)
        self.bundle_result.setObjectName("returnBundleResult")
        self.bundle_result.setWordWrap(True)
        self.bundle_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.bundle_result.setVisible(False)
        rv.addWidget(self.bundle_result)
        self.ind_table = thai_cells(QtWidgets.QTableView(right))
        self.ind_table.setObjectName("reviewIndicators")
        self.ind_table.setModel(self.ind_model)
        self.ind_table.setSelectionBehavior(
            QtWidgets.QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.ind_table.setSelectionMode(QtWidgets.QAbstractItemView.SelectionMode.SingleSelection)
        self.ind_table.verticalHeader().setVisible(False)
        self.ind_table.setTabKeyNavigation(False)
        self.ind_table.horizontalHeader().setSectionResizeMode(
            1, QtWidgets.QHeaderView.ResizeMode.Stretch
        )
        self.ind_table.doubleClicked.connect(lambda _: self.override_current())
        rv.addWidget(self.ind_table, 3)
        ind_buttons = QtWidgets.QHBoxLayout()
        self.override_btn = QtWidgets.QPushButton(self.tr("Change level…"), right)
        self.override_btn.clicked.connect(self.override_current)
        self.ind_comment_btn = QtWidgets.QPushButton(self.tr("Comment on indicator…"), right)
        self.ind_comment_btn.clicked.connect(self.comment_indicator)
        ind_buttons.addWidget(self.override_btn)
        ind_buttons.addWidget(self.ind_comment_btn)
        ind_buttons.addStretch(1)
        rv.addLayout(ind_buttons)
        rv.addWidget(QtWidgets.QLabel(self.tr("Review history and comments"), right))
        self.history = QtWidgets.QTextBrowser(right)
        self.history.setObjectName("reviewHistory")
        rv.addWidget(self.history, 2)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([520, 860])
        outer = QtWidgets.QVBoxLayout(self)
        outer.addWidget(split)

    # --- selection ----------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        idx = self.table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def select(self, assessment_id: str) -> None:
        row = self.list_model.row_of(assessment_id)
        if row >= 0:
            self.table.setCurrentIndex(self.proxy.mapFromSource(self.list_model.index(row, 0)))

    def _select_first(self) -> None:
        fit_columns(self.table)
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        else:
            self._show(None)

    def _filter_changed(self) -> None:
        self.list_model.status_filter = self.status_combo.currentData()
        self.list_model.year = self.year_combo.currentData()
        self.list_model.reload()
        self._select_first()

    def _current_changed(self, current: QtCore.QModelIndex, _prev: QtCore.QModelIndex) -> None:
        self._show(current.data(ID_ROLE) if current.isValid() else None)

    def refresh(self, keep: str | None = None) -> None:
        keep = keep or self.current_id
        self.list_model.reload()
        fit_columns(self.table)
        if keep and self.list_model.row_of(keep) >= 0:
            self.select(keep)
            self._show(keep)
        else:
            self._select_first()

    def _show(self, aid: str | None) -> None:
        self.ind_model.load(aid)
        for col in (0, 2, 3, 4, 5):
            self.ind_table.resizeColumnToContents(col)
        status = self.assessments.get(aid).status if aid else None
        for b, ok in (
            (self.start_btn, status in (Status.RECEIVED, Status.FINALIZED, Status.COMPLETE)),
            (self.approve_btn, status == Status.UNDER_REVIEW),
            (self.return_btn, status == Status.UNDER_REVIEW),
            (self.comment_btn, status == Status.UNDER_REVIEW),
            (self.override_btn, status == Status.UNDER_REVIEW),
            (self.ind_comment_btn, status == Status.UNDER_REVIEW),
            (
                self.bundle_btn,
                status == Status.RETURNED and self.writer is not None and not self.writer.busy,
            ),
        ):
            b.setEnabled(bool(ok))
        if aid is None:
            self.header.setText(self.tr("Nothing to review with this filter."))
            self.history.clear()
            return
        a = self.assessments.get(aid)
        muni = lists.municipality(self.ws, a.municipality_code)
        raw, eff = self.svc.scorecards(aid)
        e = html.escape
        tier = (
            eff.tier.label_th
            if eff.tier and self.lang == "th"
            else (eff.tier.label_en if eff.tier else "—")
        )
        # outside the f-string: lupdate does not see tr() calls inside one
        fiscal_year, revision = self.tr("fiscal year"), self.tr("revision")
        self.header.setText(
            f"<b>{e(muni.name_th)}</b> · {e(fiscal_year)} {a.year} · "
            f"{e(revision)} {a.revision} · <b>{e(status_text(a.status, self.lang == 'th'))}</b><br>"
            + e(
                self.tr("Assessor's total {raw:.2f} · after review {eff:.2f} ({tier})").format(
                    raw=raw.total, eff=eff.total, tier=tier
                )
            )
            + self._claim_line(),
            keep=(muni.name_th,),
        )
        set_thai_html(self.history, self._history_html(aid), keep=(muni.name_th,))

    def _claim_line(self) -> str:
        """Claimed vs verified, from the indicator model's claim (loaded with the assessment)."""
        claim = self.ind_model.claim
        if claim is None:
            return ""
        if claim.gap is None:
            text = self.tr("The municipality's self-assessment uses another framework version.")
        else:
            text = self.tr(
                "Municipality's self-assessment {claimed:.2f} ({source}) · gap {gap:+.2f} ·"
                " {n} indicator(s) disagree"
            ).format(claimed=claim.gap.claimed_total, gap=claim.gap.total_gap,
                     n=claim.gap.disagreements,
                     source=self.tr("signed") if claim.view.signed else self.tr("unsigned"))
        return "<br>" + html.escape(text)

    def _history_html(self, aid: str) -> str:
        e = html.escape
        items: list[tuple[str, str]] = []
        history = lists.review_history(self.ws, aid)
        for d in history.decisions:
            text = self.tr("{who}: {old} → {new}").format(
                who=d.author,
                old=status_text(d.old_status, self.lang == "th"),
                new=status_text(d.new_status, self.lang == "th"),
            )
            items.append((d.at, f"<b>{e(text)}</b>" + (f"<br>{e(d.comment)}" if d.comment else "")))
        for c in history.comments:
            where = c.indicator_code or self.tr("assessment")
            items.append((c.at, f"<b>{e(c.author)}</b> [{e(where)}]: {e(c.body)}"))
        for o in history.overrides:
            lvl = self.tr("withdrawn") if o.level is None else str(o.level)
            text = self.tr("{who} changed {code}: {old} → {new}").format(
                who=o.author,
                code=o.indicator_code,
                old="—" if o.assessor_level is None else o.assessor_level,
                new=lvl,
            )
            items.append((o.at, f"{e(text)}<br><i>{e(o.reason)}</i>"))
        rows = [
            f"<p><span style='color:#666'>{e(format_datetime_th(parse_iso(at)))}</span><br>{body}</p>"
            for at, body in sorted(items)
        ]
        empty = self.tr("No review activity yet.")  # outside the f-string, where lupdate sees it
        return "".join(rows) or f"<p>{e(empty)}</p>"

    # --- actions ------------------------------------------------------------
    def _run(self, action: object) -> bool:
        aid = self.current_id
        if aid is None:
            return False
        try:
            action()  # type: ignore[operator]
        except SecityError as exc:
            common.warn(self, self.tr("Not done"), messages.describe(exc, self.lang))
            return False
        self.refresh(aid)
        self.changed.emit(aid)
        return True

    def start_review(self) -> None:
        aid = self.current_id
        self._run(lambda: self.svc.start(aid))  # type: ignore[arg-type]

    def approve(self) -> None:
        aid = self.current_id
        dlg = ReasonDialog(
            self.tr("Approve"),
            self.tr("Approve this assessment? A note is optional."),
            self,
            required=False,
        )
        if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._run(lambda: self.svc.approve(aid, dlg.text()))  # type: ignore[arg-type]

    def return_for_revision(self) -> None:
        aid = self.current_id
        dlg = ReasonDialog(
            self.tr("Return for revision"),
            self.tr("Tell the assessor what to fix (required)."),
            self,
        )
        if dlg.exec() != QtWidgets.QDialog.DialogCode.Accepted:
            return
        if not self._run(lambda: self.svc.return_for_revision(aid, dlg.text())):  # type: ignore[arg-type]
            return
        if self.writer is None or aid is None:
            return
        if common.ask(self, self.tr("Return for revision"),
                      self.tr("Write the return bundle for the assessor now?")):
            self.write_return_bundle(aid)

    def write_return_bundle(self, aid: str | None = None, target: Path | None = None) -> bool:
        """The Send page's flow for one returned assessment: file, passphrase, worker, record."""
        aid = aid or self.current_id
        if self.writer is None or aid is None or not self.writer.ensure_key():
            return False
        try:
            # encrypted to the assessor's key, as on the Send page (where it can be unticked)
            job = self.writer.svc.prepare_return([aid], encrypt=True)
        except SecityError as exc:
            common.warn(self, self.tr("Not done"), messages.describe(exc, self.lang))
            return False
        started = self.writer.write(job, target)
        if started:
            self.bundle_btn.setEnabled(False)
        return started

    def _bundle_written(self, written: object) -> None:
        assert self.writer is not None
        self.bundle_result.setText(self.writer.describe(written))  # type: ignore[arg-type]
        self.bundle_result.setVisible(True)
        self._show(self.current_id)
        self.bundle_written.emit(written)

    def comment_assessment(self) -> None:
        aid = self.current_id
        dlg = ReasonDialog(self.tr("Comment"), self.tr("Comment on the whole assessment."), self)
        if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._run(lambda: self.svc.comment(aid, dlg.text()))  # type: ignore[arg-type]

    def _current_indicator(self) -> str | None:
        idx = self.ind_table.currentIndex()
        return idx.data(ID_ROLE) if idx.isValid() else None

    def comment_indicator(self) -> None:
        aid, code = self.current_id, self._current_indicator()
        if code is None:
            return
        dlg = ReasonDialog(
            self.tr("Comment"), self.tr("Comment on indicator {code}.").format(code=code), self
        )
        if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            self._run(lambda: self.svc.comment(aid, dlg.text(), indicator=code))  # type: ignore[arg-type]

    def override_current(self) -> None:
        aid, code = self.current_id, self._current_indicator()
        if aid is None or code is None or not self.override_btn.isEnabled():
            return
        a = self.assessments.get(aid)
        ind = self.assessments.framework_of(a).indicator(code)
        row = self.ind_model.indicator(self.ind_table.currentIndex().row())
        dlg = OverrideDialog(ind, row.assessor_level, row.reviewer_level, self.lang, self)  # type: ignore[arg-type]
        if dlg.exec() == QtWidgets.QDialog.DialogCode.Accepted:
            level, reason = dlg.chosen_level(), dlg.text()
            self._run(lambda: self.svc.override(aid, code, level, reason))
            self.ind_table.selectRow(self.ind_model.rowCount() and row_index(self.ind_model, code))


def row_index(model: ReviewIndicatorModel, code: str) -> int:
    for r in range(model.rowCount()):
        if model.indicator(r).code == code:
            return r
    return 0
