"""The editor's score is the service's: a reviewer's standing override beats the assessor's level.

Same rule as ``secity assessment show``: the editor must not rescore from its
own copy of the assessor's levels, or a returned assessment would show one
total in the editor and another everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Status
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from tests.services.review_helpers import province_ws, received


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def shown_total(window: MainWindow) -> str:
    assert window.editor is not None
    return window.editor.score_panel.total.text().split()[0]


def test_returned_assessment_with_override_shows_the_effective_total(
    qtbot: QtBot, prov: Workspace, tmp_path: Path
) -> None:
    aid = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    rs = ReviewService(prov)
    rs.start(aid)
    rs.override(aid, "2.1", 1, "หลักฐานไม่ถึงระดับที่ให้")
    rs.return_for_revision(aid, "แก้ไขตัวชี้วัด 2.1")
    svc = AssessmentService(prov)
    assert svc.get(aid).status == Status.RETURNED
    window = MainWindow(prov, "en", cfg.Settings(tmp_path / "s.ini"), restore=False)
    qtbot.addWidget(window)
    editor = window.open_assessment(aid)
    assert editor.editable
    expected = svc.view(aid).card.total
    assert shown_total(window) == f"{expected:.2f}"
    editor.open_indicator("1.2")
    editor.choose_level(1)  # one edit, on an indicator without an override
    after = svc.view(aid).card.total
    assert after != expected
    assert shown_total(window) == f"{after:.2f}"
