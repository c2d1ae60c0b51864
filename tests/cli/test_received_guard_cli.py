"""`secity assessment …` in a province office refuses to edit what an assessor sent."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from secity_desktop.cli.main import main
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.workspace import open_workspace
from tests.bundle import flow


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_assessment_commands_refuse_a_received_assessment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    flow.enrol(p, a)
    aid = flow.complete(a, evidence_every=6)
    flow.finalize(a, aid)
    ImportService(p).import_files([flow.export(a, [aid], tmp_path / "r.secbundle")])
    evidence_id = AssessmentService(p).evidence(aid)[0].id
    a.close()
    p.close()
    d = str(tmp_path / "p")
    photo = tmp_path / "new.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 100)
    expected = (
        f"secity: assessment {aid} was received from สมชาย ใจดี (สสภ.1); the office changes levels"
        f" only by a review override (`secity review override {aid} INDICATOR LEVEL --reason TEXT`)\n"
    )

    def all_refused() -> None:
        before = _snapshot(d)
        for argv in (
            ("assessment", "set", aid, "1.1", "0"),
            ("assessment", "set", aid, "1.1", "none", "--note", "แก้โดยจังหวัด"),
            ("assessment", "note", aid, "1.1", "แก้โดยจังหวัด"),
            ("assessment", "attach", aid, "1.1", str(photo)),
            ("assessment", "detach", str(evidence_id)),
            ("assessment", "complete", aid),
        ):
            code, out, err = run(capsys, "--data-dir", d, *argv)
            assert (code, out, err) == (1, "", expected), argv
        assert _snapshot(d) == before

    assert run(capsys, "--data-dir", d, "review", "start", aid)[0] == 0
    all_refused()
    # what the message points to works, and keeps the assessor's level beside the reviewer's
    code, _, err = run(
        capsys,
        "--data-dir",
        d,
        "review",
        "override",
        aid,
        "1.1",
        "0",
        "--reason",
        "หลักฐานไม่ตรงกับระดับ",
    )
    assert code == 0, err
    assert (
        run(capsys, "--data-dir", d, "review", "return", aid, "--comment", "แนบภาพถ่ายเพิ่ม")[0] == 0
    )
    all_refused()  # returned is an editable status for the assessor, not for the office
    code, _, err = run(capsys, "--data-dir", d, "assessment", "revise", aid)
    assert (code, err) == (1, expected)


def _snapshot(data_dir: str) -> dict[str, Any]:
    """Every data row (statuses and responses included) and the blobs, read as the CLI sees them."""
    ws = open_workspace(Path(data_dir))
    try:
        return flow.snapshot(ws)
    finally:
        ws.close()
