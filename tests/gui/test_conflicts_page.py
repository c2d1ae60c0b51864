"""The office settles an import conflict on the Sync place's Conflicts page."""

from __future__ import annotations

from pathlib import Path

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.gui.review_dialogs import ReasonDialog
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.services.dashboard import DashboardService
from tests.gui.helpers import on_next_modal
from tests.services.test_conflicts import _two_assessors_same_town


def test_keep_one_revision_with_a_reason(qtbot: QtBot, tmp_path: Path, qtmodeltester: ModelTester) -> None:
    a, b, p, _first, second = _two_assessors_same_town(tmp_path)
    place = SyncPlace(p, lang="en")
    qtbot.addWidget(place)
    place.show()
    page = place.conflicts_page
    assert page is not None
    assert place.tabText(place.indexOf(page)).endswith("(1)")
    qtmodeltester.check(page.model)
    assert not page.keep_new.isEnabled()
    page.view.selectRow(0)
    assert page.keep_new.isEnabled() and page.keep_existing.isEnabled()
    conflict = page.selected()
    assert conflict is not None and conflict.new.assessment_id == second

    def answer(dialog: object) -> None:
        assert isinstance(dialog, ReasonDialog)
        assert not dialog.ok_button.isEnabled()  # no reason, no OK
        dialog.edit.setPlainText("The second visit had the full evidence")
        dialog.accept()

    on_next_modal(answer)
    page.keep_new.click()
    assert place.tabText(place.indexOf(page)) == "Conflicts"
    assert page.model.rowCount() == 0
    page.show_resolved.setChecked(True)
    assert page.model.rowCount() == 1 and "kept" in page.model.index(0, 7).data()
    assert not page.keep_new.isEnabled()
    row = next(r for r in DashboardService(p).refresh(year=2569).rows if r.municipality_code == "5001")
    assert row.assessment_id == second
    place.close()
    for ws in (a, b, p):
        ws.close()


def test_no_conflicts_page_for_an_assessor(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.bundle import flow

    a = flow.assessor(tmp_path / "a")
    place = SyncPlace(a, lang="en")
    qtbot.addWidget(place)
    assert place.conflicts_page is None
    a.close()
