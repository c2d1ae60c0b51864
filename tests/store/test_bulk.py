"""Bulk loaders write rows the services then read like any other."""

from __future__ import annotations

from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import bulk
from secity_desktop.store.assessments import Assessment

NOW = "2026-11-27T00:00:00+00:00"


def test_bulk_rows_read_back_through_the_services(ws: Workspace) -> None:
    fw = ws.frameworks.current()
    with ws.db.atomic():
        assert bulk.replace_municipalities(ws.db, [
            bulk.MunicipalityRecord("5099", "เทศบาลตำบลทดลอง", "Test", "tambon", "50", False, "t"),
        ]) == 1
        bulk.add_assessments(ws.db, [Assessment("a1", "5099", 2569, fw.hash, "approved", 1, None,
                                                NOW, "b", NOW, "b")])
        top = [bulk.ResponseRecord("a1", i.code, i.max_value, "", NOW, "b") for i in fw.indicators]
        assert bulk.add_responses(ws.db, top) == len(fw.indicators)
        bulk.add_decisions(ws.db, [bulk.DecisionRecord("d1", "a1", 1, "approve", "under_review",
                                                       "approved", "", "b", NOW)])
        bulk.add_model_towns(ws.db, [bulk.ModelTownRecord("m1", "50", 2569, "5099", "a1", "r",
                                                          "b", NOW)])
    bulk.analyse(ws.db)
    bulk.compact(ws.db)
    assert ws.db.execute("PRAGMA freelist_count").fetchone()[0] == 0
    view = AssessmentService(ws).view("a1")
    assert round(view.card.total, 2) == 100.0 and view.municipality.name_th == "เทศบาลตำบลทดลอง"
    assert ws.db.execute("SELECT count(*) FROM model_towns").fetchone()[0] == 1
