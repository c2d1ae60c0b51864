"""The province sees claimed vs verified in Review (per indicator) and on the Dashboard (ranked)."""

from __future__ import annotations

import csv
from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.gui.dashboard_place import DashboardPlace
from secity_desktop.gui.municipality_place import MunicipalityPlace
from secity_desktop.gui.qt import Qt
from secity_desktop.gui.review_place import ReviewPlace
from secity_desktop.gui.self_import import SelfAssessmentDialog
from secity_desktop.gui.transfer.trust_page import TrustPage
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.services import self_helpers as sh


def _province_with_claims(tmp_path: Path) -> tuple[Workspace, dict[str, str]]:
    """5001 claims the top everywhere (signed-off sheet), 5002 claims what was verified."""
    prov = flow.province(tmp_path / "p")
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    ids = {}
    for code in ("5001", "5002"):
        ids[code] = flow.complete(a, code, 2569, evidence_every=2, tag=code)
        flow.finalize(a, ids[code])
    assert ImportService(prov).import_files(
        [flow.export(a, list(ids.values()), tmp_path / "f")]).ok
    fw = prov.frameworks.current()
    for code, top in (("5001", True), ("5002", False)):
        sheet = tmp_path / f"{code}.csv"
        with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["indicator_code", "level", "note"])
            for n, ind in enumerate(fw.indicators):
                level = ind.max_value if top or n % 2 == 0 else ind.min_value
                w.writerow([ind.code, level, ""])
        SelfAssessmentService(prov).import_sheet(sheet, municipality=code, year=2569,
                                                 entered_by="เจ้าหน้าที่")
    return prov, ids


def test_dashboard_ranks_municipalities_by_the_gap(qtbot: QtBot, tmp_path: Path) -> None:
    prov, _ids = _province_with_claims(tmp_path)
    place = DashboardPlace(prov, "en")
    qtbot.addWidget(place)
    table = place.gaps.table
    assert table.rowCount() == 2
    first, second = table.item(0, 0).text(), table.item(1, 0).text()
    assert "เชียงใหม่" in first and table.item(0, 0).font().italic()  # unsigned, largest gap
    assert table.item(1, 2).text() == "0" and second != first
    assert float(table.item(0, 1).text()) > 0
    tip = table.item(0, 1).toolTip()
    assert "Component 1" in tip and "Claimed 100.00" in tip and "Unsigned" in tip
    table.selectRow(1)
    assert place.selected_code() == place.gaps.rows[1].municipality


def test_review_shows_the_claim_per_indicator_and_the_gap(qtbot: QtBot, tmp_path: Path) -> None:
    prov, ids = _province_with_claims(tmp_path)
    place = ReviewPlace(prov, "en")
    qtbot.addWidget(place)
    place.select(ids["5001"])
    model = place.ind_model
    col = model.columnCount() - 1
    assert model.headerData(col, Qt.Orientation.Horizontal) == "Municipality's claim"
    fw = prov.frameworks.current()
    top = str(fw.indicators[1].max_value)
    assert model.index(1, col).data() == top
    background = Qt.ItemDataRole.BackgroundRole
    assert model.index(1, col).data(background) is not None  # it disagrees
    assert model.index(0, col).data(background) is None  # verified at the claimed level
    assert "indicator(s) disagree" in place.header.text()


def test_spreadsheet_dialog_at_the_province_template_check_import(
    qtbot: QtBot, tmp_path: Path
) -> None:
    prov = flow.province(tmp_path / "p")
    place = MunicipalityPlace(prov, "en")
    qtbot.addWidget(place)
    view = place.table.view
    proxy = view.model()
    row = next(r for r in range(proxy.rowCount()) if "5001" in str(proxy.index(r, 0).data())
               or "5001" in str(proxy.index(r, 1).data()))
    view.setCurrentIndex(proxy.index(row, 0))
    dialog = place.open_self_assessment()
    assert dialog.code == "5001"
    template = dialog.save_template(tmp_path / "t.csv")
    assert template is not None and template.is_file()
    with template.open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    for r in rows[1:]:
        r[3] = "1" if r[0].startswith("1.") else ""  # component 1 answered at level 1 only
    filled = tmp_path / "filled.csv"
    with filled.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    dialog.file.setText(str(filled))
    dialog.year.setValue(2569)
    dialog.entered_by.setText("สมศรี บันทึก")
    assert dialog.run(dry_run=True) and "ready to import" in dialog.result.text()
    assert SelfAssessmentService(prov).find("5001", 2569) is None
    assert dialog.run(dry_run=False)
    assert "unsigned" in dialog.result.text() and "สมศรี" in dialog.current.text()
    assert SelfAssessmentService(prov).show("5001", 2569).record.entered_by == "สมศรี บันทึก"
    dialog.file.setText(str(tmp_path / "missing.csv"))
    assert not dialog.run(dry_run=False) and dialog.result.text()  # said, not raised
    dialog.close()


def test_spreadsheet_dialog_at_a_municipality_is_for_itself_only(
    qtbot: QtBot, tmp_path: Path
) -> None:
    muni = sh.municipality(tmp_path / "m")
    dialog = SelfAssessmentDialog(muni, "1101", "en")  # whatever row was selected
    qtbot.addWidget(dialog)
    assert dialog.code == "5001" and "5001" in dialog.municipality.text()


def test_trust_page_enrols_a_municipality_key(qtbot: QtBot, tmp_path: Path) -> None:
    muni = sh.municipality(tmp_path / "m")
    pub = tmp_path / "m.pub"
    pub.write_text(Identity(muni).info().public_line)
    prov = flow.province(tmp_path / "p")
    page = TrustPage(prov, lang="en")
    qtbot.addWidget(page)
    assert page.add_municipality_button.isVisibleTo(page)
    page.add_municipality_key(pub, "5001", "ปลัดเทศบาล")
    keys = TrustService(prov).all()
    assert [(k.role, k.municipality_code) for k in keys] == [("municipality", "5001")]
    headers = [page.model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(page.model.columnCount())]
    assert "5001" in page.model.index(0, headers.index("Signs for")).data()
