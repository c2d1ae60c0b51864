"""Revocations a nation receives in an upward bundle are enforced, not only kept (issue 14, gap 2).

Real keys: the province revokes its assessor's lost key from a date D; the province's upward
bundle carries that revocation and vouches for the assessor's revisions. The nation refuses
a revision the revoked key signed after D (``bundle.vouched.revoked_key``, store unchanged)
and accepts one signed before D — whether the revocation rides in the same bundle or was
received earlier and kept as history.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from secity_desktop import messages
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys
from secity_desktop.services import key_statements
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import reenrol
from secity_desktop.services.office_bundles import OfficeBundleService
from tests.bundle import flow
from tests.bundle.office_flow import Offices


def _approved(o: Offices, muni: str, name: str) -> str:
    aid = flow.complete(o.a, muni=muni, evidence_every=0)
    o.submit(aid, name)
    o.approve(aid)
    return aid


def _upward(o: Offices, ids: list[str], out: Path) -> Path:
    svc = OfficeBundleService(o.p)
    out.mkdir(exist_ok=True)
    return svc.export(svc.prepare_upward(2569, ids), out, o.key(o.p)).path


def test_the_nation_judges_vouched_revisions_by_the_provinces_revocation(
    o: Offices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    early = _approved(o, "5001", "early.secbundle")
    time.sleep(1.1)
    revoked_from = now_iso()  # the laptop went missing here...
    time.sleep(1.1)
    late = _approved(o, "5002", "late.secbundle")  # ...and this was signed after (received first)
    a_fp = Identity(o.a).info().fingerprint
    reenrol(o.p, keys.public_line(keys.generate().public_key(), ""), a_fp, "แล็ปท็อปหาย",
            revoked_from=revoked_from)
    # 1. the revocation rides in the same upward bundle as the late revision: refused whole
    up_late = _upward(o, [late], tmp_path / "late")
    before = flow.snapshot(o.n)
    result = ImportService(o.n).import_files([up_late])
    assert [r.reason for r in result.plan.rejected] == ["vouched.revoked_key"]
    assert flow.snapshot(o.n) == before
    rej = result.plan.rejected[0]
    assert late in rej.message and a_fp in rej.message
    thai = messages.render("bundle.vouched.revoked_key", {}, "th", rej.message)  # as front ends do
    assert "เพิกถอน" in thai and "…" not in thai
    # 2. work signed before the date is accepted, and the revocation is kept as history
    result = ImportService(o.n).import_files([_upward(o, [early], tmp_path / "early")])
    assert result.ok, result.as_json()
    assert [i.doc.id for i in result.plan.items] == [early]
    assert {(n.kind, n.outcome) for n in result.plan.statements} == {("reenrol", "not_enrolled")}
    history = {k.fingerprint: k for k in key_statements.revoked_history(o.n)}
    assert history[a_fp].revoked_at == revoked_from
    # 3. a later upward bundle WITHOUT the statement: the stored history still refuses it
    monkeypatch.setattr("secity_desktop.services.office_bundles.carried",
                        lambda ws, kind: key_statements.Carried((), ()))
    up_bare = _upward(o, [late], tmp_path / "bare")
    before = flow.snapshot(o.n)
    result = ImportService(o.n).import_files([up_bare])
    assert [r.reason for r in result.plan.rejected] == ["vouched.revoked_key"]
    assert flow.snapshot(o.n) == before
