"""The assessor opens a returned assessment's new draft and sees what the province said."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.editor.navigator import FEEDBACK_ROLE
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import Qt
from secity_desktop.services.bundle_import import ImportService
from tests.bundle import flow
from tests.bundle.office_flow import offices


def test_reviewer_comments_beside_the_indicator(qtbot: QtBot, tmp_path: Path, qtmodeltester: ModelTester) -> None:
    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    first = o.first_indicator(aid).code
    assert ImportService(o.a).import_files([o.return_bundle(aid, "กรุณาแนบภาพถ่ายบ่อขยะ")]).ok
    draft = o.a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0]
    settings = cfg.Settings(tmp_path / "settings.ini")
    w = MainWindow(o.a, "th", settings)
    qtbot.addWidget(w)
    w.show()
    ed = w.open_assessment(draft)
    assert ed.editable
    assert ed.feedback_banner.isVisible()
    assert "กรุณาแนบภาพถ่ายบ่อขยะ" in ed.feedback_banner.text()
    ed.open_indicator(first)
    assert ed.page.feedback_box.isVisible()
    assert "ภาพถ่ายไม่ชัด ถ่ายใหม่" in ed.page.feedback_label.text()
    assert "พ.ศ." in ed.page.feedback_label.text() or "25" in ed.page.feedback_label.text()
    idx = ed.nav_model.index_of(first)
    assert idx.data(FEEDBACK_ROLE) == 1 and idx.data(Qt.ItemDataRole.FontRole).bold()
    other = o.first_indicator(aid)  # any indicator without comments shows no box
    second = ed.nav_model.codes()[1]
    ed.open_indicator(second)
    assert not ed.page.feedback_box.isVisible() and other.code == first
    qtmodeltester.check(ed.nav_model)
    w.close()
    o.close()


def test_no_feedback_no_box(qtbot: QtBot, tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, evidence_every=6)
    w = MainWindow(a, "th", cfg.Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.show()
    ed = w.open_assessment(aid)
    assert not ed.feedback_banner.isVisible() and not ed.page.feedback_box.isVisible()
    assert ed.nav_model.index_of(ed.nav_model.codes()[0]).data(FEEDBACK_ROLE) == 0
    w.close()
    a.close()
