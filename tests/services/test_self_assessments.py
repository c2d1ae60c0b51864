"""Self-assessments: the signed `self` bundle, the spreadsheet, and the claim beside verification."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.reference import ImportRejected
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.self_assessments import SelfAssessmentService
from secity_desktop.services.self_export import export_self
from tests.bundle import flow
from tests.services import self_helpers as sh


def _sheet(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["indicator_code", "level", "note"])
        w.writerows(rows)
    return path


def test_municipality_workspace_names_its_municipality_and_province(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    assert m.role.value == "municipality"
    assert m.municipality_code == "5001" and m.province_code == "50"


def test_signed_self_bundle_goes_to_the_province_beside_not_into_verified_work(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")
    assert bundle.name.startswith("secity-self-")
    # the municipality keeps its own record of what it sent
    own = SelfAssessmentService(m).show("5001", 2569)
    assert own.signed and own.record.current

    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    result = ImportService(prov).import_files([bundle])
    assert result.ok, result.as_json()
    assert prov.db.execute("SELECT count(*) FROM assessments").fetchone()[0] == 0
    view = SelfAssessmentService(prov).show("5001", 2569)
    assert view.signed and view.record.signer_fingerprint == Identity(m).info().fingerprint
    assert view.card.total == pytest.approx(100)
    assert all(view.evidence_for(ind.code) for ind in view.framework.indicators)
    # importing twice changes nothing
    again = ImportService(prov).dry_run([bundle])
    assert [i.action.value for i in again.items] == ["skip"]


def test_the_assessor_may_import_a_self_bundle_too(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")
    a = flow.assessor(tmp_path / "a")
    sh.enrol_municipality(a, m)
    assert ImportService(a).import_files([bundle]).ok
    assert SelfAssessmentService(a).show("5001", 2569).signed


def test_a_municipality_key_enrolled_as_an_assessor_cannot_send_a_self_bundle(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")
    prov = flow.province(tmp_path / "p")
    flow.enrol(prov, m)  # enrolled as an assessor, not as the municipality
    plan = ImportService(prov).dry_run([bundle])
    assert [r.reason for r in plan.rejected] == ["not_municipality_key"]


def test_a_municipality_key_cannot_sign_verified_work(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    aid = flow.complete(m, "5001", 2569)
    flow.finalize(m, aid)
    field = flow.export(m, [aid], tmp_path / "field")  # an ordinary field bundle
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    plan = ImportService(prov).dry_run([field])
    assert [r.reason for r in plan.rejected] == ["municipality_signer"]


def test_enrolling_another_provinces_municipality_is_refused(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m", code="5001")
    prov = flow.province(tmp_path / "p", code="11")
    with pytest.raises(ValidationError) as exc:
        sh.enrol_municipality(prov, m)
    assert exc.value.code == "self.key_municipality_province"


def test_only_a_municipality_workspace_exports_a_self_bundle(tmp_path: Path) -> None:
    a = flow.assessor(tmp_path / "a")
    aid = flow.complete(a, "5001", 2569)
    flow.finalize(a, aid)
    with pytest.raises(ValidationError) as exc:
        export_self(a, [aid], tmp_path / "o", Identity(a).unlock(flow.PASS))
    assert exc.value.code == "self.not_municipality_workspace"


def test_spreadsheet_import_is_unsigned_and_names_who_entered_it(tmp_path: Path) -> None:
    prov = flow.province(tmp_path / "p")
    svc = SelfAssessmentService(prov)
    fw = prov.frameworks.current()
    first, second = fw.indicators[0], fw.indicators[1]
    f = _sheet(tmp_path / "sar.csv", [(first.code, str(first.max_value), "ครบทุกข้อ"),
                                      (second.code, second.levels[0].label_th, "")])
    dry = svc.import_sheet(f, municipality="5001", year=2569, entered_by="นางสาวกรอก", dry_run=True)
    assert dry.dry_run and dry.answered == 2 and svc.find("5001", 2569) is None
    svc.import_sheet(f, municipality="5001", year=2569, entered_by="นางสาวกรอก")
    view = svc.show("5001", 2569)
    assert not view.signed and view.record.entered_by == "นางสาวกรอก"
    assert view.levels == {first.code: first.max_value, second.code: second.min_value}
    assert view.responses[first.code].note == "ครบทุกข้อ"
    src = view.as_json()["source"]
    assert src["kind"] == "spreadsheet" and src["signed"] is False and src["file"] == "sar.csv"
    # the same file again: nothing new
    assert svc.import_sheet(f, municipality="5001", year=2569, entered_by="x").outcome == "same"


def test_bad_rows_refuse_the_whole_sheet_with_lines(tmp_path: Path) -> None:
    prov = flow.province(tmp_path / "p")
    fw = prov.frameworks.current()
    ind = fw.indicators[0]
    f = _sheet(tmp_path / "bad.csv", [("99.99", "1", ""), (ind.code, "77", ""), (ind.code, "", "")])
    with pytest.raises(ImportRejected) as exc:
        SelfAssessmentService(prov).import_sheet(f, municipality="5001", year=2569, entered_by="ก")
    assert [p.code for p in exc.value.problems] == ["self.row_unknown_indicator",
                                                    "self.row_bad_level", "self.row_repeats"]
    assert [p.line for p in exc.value.problems] == [2, 3, 4]
    assert SelfAssessmentService(prov).find("5001", 2569) is None


def test_a_spreadsheet_never_replaces_a_signed_self_assessment(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    ImportService(prov).import_files([bundle])
    ind = prov.frameworks.current().indicators[0]
    f = _sheet(tmp_path / "s.csv", [(ind.code, str(ind.min_value), "")])
    with pytest.raises(ConflictError) as exc:
        SelfAssessmentService(prov).import_sheet(f, municipality="5001", year=2569, entered_by="ก")
    assert exc.value.code == "self.signed_exists"


def test_province_refuses_another_provinces_sheet_and_entered_by_is_required(tmp_path: Path) -> None:
    prov = flow.province(tmp_path / "p")
    ind = prov.frameworks.current().indicators[0]
    f = _sheet(tmp_path / "s.csv", [(ind.code, str(ind.min_value), "")])
    svc = SelfAssessmentService(prov)
    with pytest.raises(ValidationError) as exc:
        svc.import_sheet(f, municipality="1101", year=2569, entered_by="ก")
    assert exc.value.code == "self.other_province"
    with pytest.raises(ValidationError) as exc:
        svc.import_sheet(f, municipality="5001", year=2569, entered_by="  ")
    assert exc.value.code == "self.entered_by_required"
    with pytest.raises(NotFoundError):
        svc.show("5001", 2569)


def test_template_round_trips_through_the_import(tmp_path: Path) -> None:
    prov = flow.province(tmp_path / "p")
    svc = SelfAssessmentService(prov)
    fw = prov.frameworks.current()
    for suffix in (".csv", ".xlsx"):
        t = svc.template(tmp_path / f"template{suffix}")
        assert t.is_file()
    with (tmp_path / "template.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "indicator_code" and len(rows) == len(fw.indicators) + 1
    # an unfilled template is a valid (empty) claim; filled, it is read back
    for r in rows[1:]:
        r[3] = r[2].split(" = ")[0]  # the lowest level's value, from the levels hint
    with (tmp_path / "filled.csv").open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    svc.import_sheet(tmp_path / "filled.csv", municipality="5001", year=2569, entered_by="ก")
    view = svc.show("5001", 2569)
    assert view.levels == {i.code: i.min_value for i in fw.indicators}


def test_claim_beside_verified_assessment_and_gap_ranking(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")  # claims the top level everywhere
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    ImportService(prov).import_files([bundle])
    a = flow.assessor(tmp_path / "a")
    flow.enrol(prov, a)
    aid = flow.complete(a, "5001", 2569, evidence_every=2)  # top on every other, lowest elsewhere
    flow.finalize(a, aid)
    ImportService(prov).import_files([flow.export(a, [aid], tmp_path / "field")])
    svc = SelfAssessmentService(prov)
    claim = svc.claim_for(aid)
    assert claim is not None and claim.comparable
    n = len(prov.frameworks.current().indicators)
    assert claim.gap.disagreements == n // 2
    assert claim.gap.total_gap > 0 and claim.gap.over_claimed == n // 2
    data = claim.as_json()
    json.dumps(data)
    assert data["gaps"]["disagreements"] == n // 2 and data["signed"] is True
    ranking = svc.gap_ranking(year=2569, province="50")
    assert [r.municipality for r in ranking] == ["5001"]
    assert ranking[0].gap.total_gap == pytest.approx(claim.gap.total_gap)


def test_self_bundle_is_refused_at_the_municipality_itself_wrong_kind(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    bundle = sh.signed_self(m, tmp_path / "out")
    other = sh.municipality(tmp_path / "m2", code="5001")
    sh.enrol_municipality(other, m)
    plan = ImportService(other).dry_run([bundle])
    assert [r.reason for r in plan.rejected] == ["wrong_kind"]


def test_a_municipality_office_assesses_only_itself(tmp_path: Path) -> None:
    from secity_desktop.services import demo
    from secity_desktop.services.assessments import AssessmentService

    m = sh.municipality(tmp_path / "m")
    with pytest.raises(ValidationError) as exc:
        AssessmentService(m).new("1101", 2569)
    assert exc.value.code == "self.not_own_municipality"
    assert demo.seed(m) == 1  # the demo fills its own self-assessment only


def test_a_municipality_key_never_counts_as_a_certificate_signer(tmp_path: Path) -> None:
    from secity_desktop.services.certificates import workspace_trusted_keys

    m = sh.municipality(tmp_path / "m")
    prov = flow.province(tmp_path / "p")
    sh.enrol_municipality(prov, m)
    assert workspace_trusted_keys(prov, include_enrolled=True) == {}


def test_the_municipality_sees_no_claim_beside_its_own_work(tmp_path: Path) -> None:
    m = sh.municipality(tmp_path / "m")
    sh.signed_self(m, tmp_path / "out")
    aid = m.db.execute("SELECT id FROM assessments").fetchone()[0]
    assert SelfAssessmentService(m).find("5001", 2569) is not None
    assert SelfAssessmentService(m).claim_for(aid) is None
