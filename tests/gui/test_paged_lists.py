"""Lists that scale (issue 11): ids from SQL, rows a page at a time, places built on first show."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import fiscal_year_be, now_utc
from secity_desktop.gui import settings as cfg
from secity_desktop.gui.main_window import MainWindow
from secity_desktop.gui.models.assessments import AssessmentTableModel
from secity_desktop.gui.models.paged import PAGE
from secity_desktop.gui.models.review import ReviewListModel
from secity_desktop.gui.qt import Qt
from secity_desktop.services import lists
from secity_desktop.services.review.workflow import ReviewService
from secity_desktop.services.workspace import Workspace, init_workspace, open_workspace
from secity_desktop.store import bulk
from secity_desktop.store.assessments import Assessment

TOWNS, YEARS, FIRST = 500, 10, 2560  # 5,000 assessments


@pytest.fixture
def big(tmp_path: Path) -> Iterator[Workspace]:
    """A national workspace of 500 towns × 10 years, loaded through the store's bulk loaders."""
    ws = open_workspace(tmp_path / "big")
    init_workspace(ws, role=Role.NATIONAL, province_code=None, user_name="t")
    fw = ws.frameworks.current()
    provinces = [str(r[0]) for r in ws.db.execute("SELECT code FROM provinces ORDER BY code")]
    munis = [
        bulk.MunicipalityRecord(f"{provinces[n % 5]}{n:04d}", f"เทศบาลทดสอบ {n:03d}",
                                f"Town {n:03d}", "tambon", provinces[n % 5], n < 5, "test")
        for n in range(TOWNS)
    ]
    stamp = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assessments, responses = [], []
    for n, m in enumerate(munis):
        for y in range(YEARS):
            aid = str(uuid.UUID(int=n * 100 + y + 1, version=4))
            at = (stamp + dt.timedelta(minutes=n * YEARS + y)).isoformat()
            status = "approved" if (n + y) % 3 else "under_review"
            assessments.append(Assessment(aid, m.code, FIRST + y, fw.hash, status, 1, None,
                                          at, "t", at, "t"))
            responses.append(bulk.ResponseRecord(aid, "1.1", (n * 7 + y) % 6, "", at, "t"))
    with ws.db.atomic():
        bulk.replace_municipalities(ws.db, munis)
        bulk.add_assessments(ws.db, assessments)
        bulk.add_responses(ws.db, responses)
    yield ws
    ws.close()


def test_a_5000_row_table_reads_only_the_pages_in_view(qtbot: QtBot, big: Workspace) -> None:
    model = AssessmentTableModel(big, "en")
    ModelTester(qtbot).check(model, force_py=True)  # a correct Qt model, rows read on demand
    model.reload()
    assert model.rowCount() == TOWNS * YEARS
    assert model.cached() == 0  # ids only, until a row is shown
    model.index(2_500, 0).data()
    assert model.cached() == PAGE and model.pages_read == 1  # the page holding row 2,500
    newest = model.index(0, 0).data(model.id_role)
    assert newest == str(uuid.UUID(int=(TOWNS - 1) * 100 + YEARS, version=4))  # newest edit first


def test_sorting_and_filtering_ask_sql_again(qtbot: QtBot, big: Workspace) -> None:
    model = AssessmentTableModel(big, "en")
    col = {c.key: n for n, c in enumerate(model.specs)}
    model.sort(col["municipality_en"], Qt.SortOrder.AscendingOrder)
    assert model.cached() == 0  # the new order came from SQL: no row was read to sort
    first = model.index(0, col["municipality_en"]).data()
    assert first == "Town 000"
    model.sort(col["total"], Qt.SortOrder.DescendingOrder)  # bulk totals, then the ids
    totals = [model.row_at(n).total for n in range(50)]
    assert totals == sorted(totals, reverse=True) and totals[0] > 0
    model.set_year(2565)
    assert model.rowCount() == TOWNS
    assert {model.row_at(n).year for n in range(0, TOWNS, 37)} == {2565}
    model.set_search("Town 007")
    assert model.rowCount() == 1 and model.row_at(0).municipality_en == "Town 007"


def test_review_queue_pages_sorts_and_filters_by_year(qtbot: QtBot, big: Workspace) -> None:
    model = ReviewListModel(ReviewService(big), "en", year=2569)
    assert model.rowCount() == TOWNS and model.cached() == 0
    model.status_filter = "under_review"
    model.reload()
    expected = sum(1 for n in range(TOWNS) if (n + 9) % 3 == 0)
    assert model.rowCount() == expected
    model.sort(4, Qt.SortOrder.DescendingOrder)  # the total, from one bulk pass
    totals = [model.row_at(n).total for n in range(model.rowCount())]
    assert totals == sorted(totals, reverse=True)


def test_an_office_opens_on_the_current_fiscal_year(big: Workspace) -> None:
    held = lists.years(big)
    assert held[0] == FIRST + YEARS - 1
    current = fiscal_year_be(now_utc().date())
    expected = current if current in held else max(y for y in held if y <= current)
    assert lists.default_year(big) == expected
    assert lists.default_year(big, [2561, 2562]) == 2562  # nothing held yet for this year
    assert lists.default_year(big, []) is None


def test_places_are_built_on_first_show(qtbot: QtBot, big: Workspace, tmp_path: Path) -> None:
    window = MainWindow(big, "en", cfg.Settings(tmp_path / "s.ini"), restore=False)
    qtbot.addWidget(window)
    tabs = window.places
    assert tabs.place_keys()[:4] == ["assessments", "municipalities", "framework", "sync"]
    assert [k for k in tabs.place_keys() if tabs.is_built(k)] == ["assessments"]
    assert window.assessment_model.year == lists.default_year(big)
    index = tabs.index_of_key("dashboard")
    tabs.setCurrentIndex(index)  # showing the tab builds it, in place
    assert tabs.is_built("dashboard") and tabs.currentIndex() == index
    assert tabs.currentWidget() is window.dashboard_place
    assert tabs.tabText(index) == "Dashboard"
    assert not tabs.is_built("review")
    review = window.review_place  # the accessor builds on demand, without showing it
    assert tabs.is_built("review") and tabs.currentIndex() == index
    assert tabs.widget(tabs.index_of_key("review")) is review
    assert tabs.count() == len(tabs.place_keys())


def test_reports_chooser_lists_the_newest_matches_only(qtbot: QtBot, big: Workspace) -> None:
    from secity_desktop.gui.reports_place import CHOICES, ReportsPlace

    place = ReportsPlace(big, lang="en")
    qtbot.addWidget(place)
    assert place.assessment.count() == CHOICES < TOWNS * YEARS
    place.assessment_search.setText("Town 042")
    assert place.assessment.count() == YEARS
    place.assessment_search.setText("Town 042 2563")
    assert place.assessment.count() == 0  # the search is one text, as the list shows it
    place.assessment_search.setText("2563")
    assert {place.assessment.itemText(n).split(" · ")[1] for n in range(10)} == {"2563"}
