"""Settling import conflicts: a person picks the revision that stands; the other is set aside."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from secity_desktop.cli.main import main
from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.conflicts import ConflictService
from secity_desktop.services.dashboard import DashboardService
from tests.bundle import flow


def _two_assessors_same_town(tmp_path: Path):  # type: ignore[no-untyped-def]
    a = flow.assessor(tmp_path / "a", name="สมชาย ใจดี")
    b = flow.assessor(tmp_path / "b", name="สมหญิง รักดี")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    flow.enrol(p, b)
    first = flow.complete(a, evidence_every=0)
    second = flow.complete(b, evidence_every=1)  # a higher total: evidence on every indicator
    flow.finalize(a, first)
    flow.finalize(b, second)
    result = ImportService(p).import_files(
        [flow.export(a, [first], tmp_path / "a.secbundle"), flow.export(b, [second], tmp_path / "b.secbundle")]
    )
    assert [i.action.value for i in result.plan.items] == ["add", "conflict"]
    return a, b, p, first, second


def test_conflict_is_listed_and_resolved_with_a_reason(tmp_path: Path) -> None:
    a, b, p, first, second = _two_assessors_same_town(tmp_path)
    svc = ConflictService(p)
    [c] = svc.list()
    assert {c.new.assessment_id, c.existing.assessment_id} == {first, second}
    assert c.kind == "parallel" and c.municipality_th == "เทศบาลนครเชียงใหม่"

    with pytest.raises(ValidationError, match="reason"):
        svc.resolve(c.id, first, "  ")
    with pytest.raises(ValidationError, match="keep one"):
        svc.resolve(c.id, "not-an-id", "x")

    def row() -> str | None:
        board = DashboardService(p).refresh(year=2569)
        return next(r for r in board.rows if r.municipality_code == "5001").assessment_id

    done = svc.resolve(c.id, first, "ผู้ประเมินที่ได้รับมอบหมายคือคุณสมชาย")
    assert done.kept_id == first and done.resolved_by
    assert row() == first
    assert svc.list() == [] and len(svc.list(include_resolved=True)) == 1
    with pytest.raises(ConflictError, match="already resolved"):
        svc.resolve(c.id, second, "changed my mind")
    audit = p.db.execute("SELECT reason FROM audit WHERE action = 'conflict.resolve'").fetchall()
    assert audit == [("ผู้ประเมินที่ได้รับมอบหมายคือคุณสมชาย",)]
    for ws in (a, b, p):
        ws.close()


def test_conflicts_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b, p, _first, second = _two_assessors_same_town(tmp_path)
    d = str(p.data_dir)
    for ws in (a, b, p):
        ws.close()
    assert main(["--data-dir", d, "--json", "bundle", "conflicts"]) == 0
    [c] = json.loads(capsys.readouterr().out)
    assert main(["--data-dir", d, "bundle", "resolve", str(c["id"]), "--keep", second,
                 "--reason", "ฉบับที่สองครบถ้วนกว่า"]) == 0
    assert "resolved" in capsys.readouterr().out
    assert main(["--data-dir", d, "bundle", "conflicts"]) == 0
    assert "no open conflicts" in capsys.readouterr().out
