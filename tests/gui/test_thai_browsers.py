"""Read-only text browsers showing Thai carry the same word-boundary hints as labels.

Review history, year over year, the framework's detail pane and "not ready to mark
complete": their HTML goes through ``thai_wrap.set_thai_html`` (``rich_hints``), so their
Thai wraps at words where Qt has no libthai (Windows) instead of not at all or mid-word.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.core.thai_linebreak import ZWSP, break_opportunities, strip_break_hints
from secity_desktop.gui.framework_view import FrameworkView
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.qt import QtWidgets
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace
from tests.services.review_helpers import province_ws, received


@pytest.fixture
def prov(tmp_path: Path) -> Iterator[Workspace]:
    w = province_ws(tmp_path)
    yield w
    w.close()


def hinted_at_words(browser: QtWidgets.QTextEdit) -> str:
    """The browser's text without hints, after checking it has some and each is at a word
    boundary (or after a space) of that text."""
    shown = browser.toPlainText()
    assert ZWSP in shown, shown[:200]
    plain = strip_break_hints(shown)
    for line_shown, line in zip(shown.split("\n"), plain.split("\n"), strict=True):
        ours = set(break_opportunities(line))
        at = 0
        for ch in line_shown:
            if ch == ZWSP:
                assert at in ours or line[at - 1] == " ", (line, at)
            else:
                at += 1
    return plain


def test_review_history_and_year_over_year_are_hinted(qtbot: QtBot, prov: Workspace) -> None:
    a1 = received(prov, "5001", 2569, {"1.1": 2, "1.2": 5, "2.1": 4})
    received(prov, "5001", 2568, {"1.1": 1})
    rs = ReviewService(prov)
    rs.start(a1)
    rs.override(a1, "2.1", 2, "ไม่มีหลักฐานการคัดแยกขยะในครัวเรือน")
    rs.approve(a1)
    window = MainWindow(prov, "th")
    qtbot.addWidget(window)
    review = window.review_place
    assert review is not None
    window.places.setCurrentWidget(review)
    review.select(a1)
    assert "ไม่มีหลักฐานการคัดแยกขยะในครัวเรือน" in hinted_at_words(review.history)
    dash = window.dashboard_place
    window.places.setCurrentWidget(dash)
    dash.select("5001")
    assert "+" in hinted_at_words(dash.yoy)


def test_framework_details_are_hinted(qtbot: QtBot, prov: Workspace) -> None:
    fw = prov.frameworks.current()
    view = FrameworkView(fw, "th")
    qtbot.addWidget(view)
    assert fw.indicators[0].title_th in hinted_at_words(view.details)
