"""The editor in a province office over a returned assessment it received from an assessor.

The editor decides read-only from the status alone (``Status.editable``), and returned is
editable, so it opens with live controls; the service's guard is what stops the edit. These
tests pin that the refusal reaches the person as one clear dialog and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui import settings as cfg
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review import ReviewService
from secity_desktop.services.sync_import import ImportService
from secity_desktop.services.workspace import Workspace
from tests.gui.helpers import on_next_modal
from tests.sync import flow


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


def test_editing_a_received_assessment_is_refused_cleanly(
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
    level_before = ed.levels["1.1"]
    seen: list[str] = []

    def read_and_close(box: QtWidgets.QWidget) -> None:
        assert isinstance(box, QtWidgets.QMessageBox)
        seen.append(box.text())
        box.accept()

    on_next_modal(read_and_close)
    assert ed.current == "1.1"
    ed.choose_level(0)  # what a click on a level or the digit key does
    assert seen == [AssessmentService(ws).edit_refusal(aid)]
    assert "was received from สมชาย ใจดี (สสภ.1)" in seen[0]
    assert ed.levels["1.1"] == level_before  # the editor kept the stored level
    assert [r.value for r in ed.page.rows if r.radio.isChecked()] == [level_before]
    on_next_modal(read_and_close)
    ed.page.note.setPlainText("แก้โดยจังหวัด")
    ed.flush_note()
    assert len(seen) == 2 and seen[1] == seen[0]
    # The refused text stays in the field, so every later flush (focus out, closing the
    # editor) would ask again; put the stored note back so the window can close quietly.
    ed.page.note.blockSignals(True)
    ed.page.note.setPlainText(ed.notes.get("1.1", ""))
    ed.page.note.blockSignals(False)
    assert flow.snapshot(ws) == before
    assert not AssessmentService(ws).can_edit(aid)
