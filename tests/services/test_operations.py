"""Import, export, office bundles and evidence as operations: prepare → work → finish.

Each test runs the steps one by one, as the GUI's runner does (``work`` could be on
another thread), and checks that ``work`` never touches the store and that a cancel
leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from secity_desktop.core.errors import Cancelled, ValidationError
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_export import ExportService, FieldExportOperation
from secity_desktop.services.bundle_import import (
    ApplyImportOperation,
    CheckBundlesOperation,
    ImportService,
)
from secity_desktop.services.evidence import AttachEvidenceOperation
from secity_desktop.services.identity import Identity
from secity_desktop.services.office_bundles import (
    OfficeBundleService,
    ReturnBundleOperation,
    UpwardBundleOperation,
)
from secity_desktop.services.operations import no_progress, run_inline
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.bundle.office_flow import offices


class NoDatabase:
    """Stands in for the store while ``work`` runs: any use of it fails the test."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"work() touched the database ({name})")


def _work_without_db(op, ws: Workspace, progress=no_progress) -> None:  # type: ignore[no-untyped-def]
    db = ws.db
    ws.db = NoDatabase()  # type: ignore[assignment]
    try:
        op.work(progress)
    finally:
        ws.db = db


def _rows(ws: Workspace, table: str) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_import_as_check_then_apply(tmp_path: Path) -> None:
    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=3)
    flow.finalize(o.a, aid)
    bundle = flow.export(o.a, [aid], tmp_path / "field.secbundle")
    svc = ImportService(o.p)

    check = CheckBundlesOperation(svc, [bundle])
    check.prepare()
    _work_without_db(check, o.p)
    plan = check.finish()
    assert [i.action.value for i in plan.items] == ["add"] and check.stage_dir is not None
    assert _rows(o.p, "assessments") == 0  # a dry run writes nothing

    apply = ApplyImportOperation(svc, plan, stage_dir=check.stage_dir)
    apply.prepare()
    _work_without_db(apply, o.p)
    assert _rows(o.p, "assessments") == 0  # evidence placed, rows not yet
    result = apply.finish()
    assert result.ok and result.applied == [bundle]
    assert _rows(o.p, "assessments") == 1 and not check.stage_dir.exists()
    o.close()


def test_cancelled_check_leaves_no_staged_files(tmp_path: Path) -> None:
    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=1)
    flow.finalize(o.a, aid)
    bundle = flow.export(o.a, [aid], tmp_path / "field.secbundle")
    check = CheckBundlesOperation(ImportService(o.p), [bundle])
    with pytest.raises(Cancelled):
        run_inline(check, lambda done, total, text: done == 0)
    assert check.stage_dir is not None and not check.stage_dir.exists()
    assert _rows(o.p, "imports") == 0
    o.close()


def test_field_export_operation_and_its_cancel(tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "a")
    aid = flow.complete(ws, evidence_every=2)
    flow.finalize(ws, aid)
    key = Identity(ws).unlock(flow.PASS)
    out = tmp_path / "out"
    out.mkdir()
    op = FieldExportOperation(ExportService(ws), [aid], out, key)
    with pytest.raises(Cancelled):
        run_inline(op, lambda done, total, text: done < 10)
    assert list(out.iterdir()) == [] and _rows(ws, "exports") == 0

    op = FieldExportOperation(ExportService(ws), [aid], out, key)
    op.prepare()
    _work_without_db(op, ws)
    written = op.finish()
    assert written.path.parent == out and written.path.is_file()
    assert ExportService(ws).history()[0]["assessments"] == [aid]
    ws.close()


def test_office_bundles_as_operations(tmp_path: Path) -> None:
    o = offices(tmp_path)
    aid = flow.complete(o.a, evidence_every=6)
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    up = UpwardBundleOperation(OfficeBundleService(o.p), tmp_path, o.key(o.p), year=2569)
    written = run_inline(up)
    assert "upward" in written.path.name
    assert ImportService(o.n).import_files([written.path]).ok

    other = flow.complete(o.a, muni="5002", evidence_every=6)
    o.submit(other, "r2.secbundle")
    from secity_desktop.services.review.workflow import ReviewService

    ReviewService(o.p).start(other)
    ReviewService(o.p).return_for_revision(other, "แก้ไข")
    back = run_inline(ReturnBundleOperation(OfficeBundleService(o.p), [other], tmp_path, o.key(o.p)))
    assert ImportService(o.a).import_files([back.path]).ok
    kinds = [e["kind"] for e in ExportService(o.p).history()]
    assert kinds == ["return", "upward"]
    o.close()


def test_attach_evidence_as_an_operation(tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "a")
    svc = AssessmentService(ws)
    a = svc.new("5001", 2569)
    code = ws.frameworks.get(a.framework_hash).indicators[0].code
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 5000)
    op = AttachEvidenceOperation(svc, a.id, code, photo)
    op.prepare()
    _work_without_db(op, ws)
    assert _rows(ws, "evidence") == 0  # copied, not linked yet
    item = op.finish()
    assert (item.original_name, item.size) == ("photo.jpg", 5002)
    assert ws.blobs.exists(item.sha256)
    with pytest.raises(ValidationError, match="not found"):
        run_inline(AttachEvidenceOperation(svc, a.id, code, tmp_path / "missing.jpg"))
    ws.close()
