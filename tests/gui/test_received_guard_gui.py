"""The editor in a province office over a returned assessment it received from an assessor.

Returned is an editable status, but not here: the editor asks the service (``can_edit``) and
opens read-only, naming the assessor; a level or note change attempted anyway writes nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Workspace, str]]:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, [aid], tmp_path / "r.secbundle")])
    ReviewService(p).start(aid)
    ReviewService(p).return_for_revision(aid, "แนบภาพถ่ายเพิ่ม")
    a.close()
    yield p, aid
    p.close()


def test_a_received_assessment_opens_read_only_naming_the_assessor(
    qtbot: QtBot, office: tuple[Workspace, str], tmp_path: Path
) -> None:
    ws, aid = office
    settings = cfg.Settings(tmp_path / "settings.ini")
    settings.set(cfg.NOTE_SAVE_DELAY_MS, 50)
    w = MainWindow(ws, "en", settings)
    qtbot.addWidget(w)
    w.show()
    ed = w.open_assessment(aid)
    before = flow.snapshot(ws)
    assert not ed.editable
    assert ed.banner.isVisible() and "สมชาย ใจดี" in ed.banner.text()
    assert "review override" in ed.banner.text()
    assert not any(r.radio.isEnabled() for r in ed.page.rows)
    assert ed.page.note.isReadOnly()
    level_before = ed.levels["1.1"]
    ed.choose_level(0)  # what a click on a level or a digit key would do
    ed.page.note.setPlainText("แก้โดยจังหวัด")
    ed.flush_note()
    assert ed.levels["1.1"] == level_before
    assert flow.snapshot(ws) == before
    assert not AssessmentService(ws).can_edit(aid)
