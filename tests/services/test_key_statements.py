"""Key statements travelling in bundles and applied from files; validity windows at import.

Every case uses real enrolled keys and real bundles (tests/bundle/office_flow.py): an
assessor, their province (which enrolled the assessor) and the nation (which enrolled the
province). Attacks are built by signing with the very key the rule is about.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from secity_desktop.bundle.write import write_bundle
from secity_desktop.core.errors import SecityError
from secity_desktop.core.key_validity import REVOCATION_GRACE_DAYS, ROTATION_GRACE_DAYS
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys, rotation
from secity_desktop.services import key_statements
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import apply_statement, reenrol, rotate
from secity_desktop.services.office_bundles import OfficeBundleService
from secity_desktop.services.trust import TrustService
from secity_desktop.store import audit
from secity_desktop.store import key_statements as rows
from tests.bundle import flow
from tests.bundle.office_flow import Offices

NEW_PASS = b"a brand new passphrase"



def _days_ago(n: float) -> str:
    return (datetime.fromisoformat(now_iso()) - timedelta(days=n)).isoformat()


def _sign_as(ws, ids: list[str], key, target: Path, statements: list[str] = ()) -> Path:  # type: ignore[no-untyped-def]
    """A field bundle of ``ids`` made now (fresh audit head) but signed with ``key``."""
    job = ExportService(ws).prepare(ids)
    pub = key.public_key()
    sender = job.sender.model_copy(update={"key_fingerprint": keys.fingerprint(pub), "key_id": keys.key_id(pub)})
    return write_bundle(target, job.revisions, job.frameworks, job.blob_path, sender, key,
                        audit_head=job.audit_head, key_statements=list(statements)).path


def _set(ws, sql: str, params: list[object]) -> None:  # type: ignore[no-untyped-def]
    """Move a key's window in time (as if its rotation or loss were longer ago)."""
    with ws.db.conn:
        ws.db.execute(sql, params)


def _finalized(o: Offices, muni: str = "5001") -> str:
    aid = flow.complete(o.a, muni=muni, evidence_every=0)
    flow.finalize(o.a, aid)
    return aid


def _rejected(ws, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.reason for r in ImportService(ws).import_files([path]).plan.rejected]


# --- 1. validity windows at import ---------------------------------------------------------
def test_a_retired_key_signing_after_its_rotation_is_refused(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)
    old_key = o.key(o.a)
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "st", "")
    apply_statement(o.p, r.statement.read_bytes())
    # the old key (kept as .retired-…) signs a bundle made now: after the rotation took effect
    late = _sign_as(o.a, [aid], old_key, tmp_path / "late.secbundle")
    assert _rejected(o.p, late) == ["key_retired"]


def test_the_rotation_grace_ends(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)
    before = flow.export(o.a, [aid], tmp_path / "before.secbundle")
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "st", "")
    apply_statement(o.p, r.statement.read_bytes())
    # the rotation took effect longer ago than the grace (as if the stick lay in a drawer)
    past = _days_ago(ROTATION_GRACE_DAYS + 1)
    _set(o.p, "UPDATE trusted_keys SET retired_at = ? WHERE fingerprint = ?", [past, r.old_fingerprint])
    # ... but the bundle claims to be made after that instant, so it is refused either way;
    assert _rejected(o.p, before) == ["key_retired"]


def test_an_outright_revocation_gives_no_grace(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)
    made_before = flow.export(o.a, [aid], tmp_path / "before.secbundle")
    TrustService(o.p).revoke(Identity(o.a).info().fingerprint, reason="กุญแจถูกขโมย")
    assert _rejected(o.p, made_before) == ["revoked_key"]


def test_a_revocation_from_a_date_keeps_earlier_work_for_a_bounded_time(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)
    made_before = flow.export(o.a, [aid], tmp_path / "before.secbundle")
    lost = now_iso()
    fresh = keys.generate()
    reenrol(o.p, keys.public_line(fresh.public_key(), ""), Identity(o.a).info().fingerprint,
            "แล็ปท็อปหาย", revoked_from=lost)
    plan = ImportService(o.p).dry_run([made_before])
    assert not plan.rejected and plan.as_json()["late_keys"]
    # the same bundle after the bound: a thief could have back-dated it, so it is refused
    old_fp = Identity(o.a).info().fingerprint
    _set(o.p, "UPDATE trusted_keys SET revoked_at = ? WHERE fingerprint = ?",
                   [_days_ago(REVOCATION_GRACE_DAYS + 1), old_fp])
    assert _rejected(o.p, made_before) == ["revoked_key"]


def test_a_replacing_key_cannot_claim_work_from_before_it_took_over(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)  # finalized (signed) with the old key, before the rotation
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "st", "")
    apply_statement(o.p, r.statement.read_bytes())
    new_key = Identity(o.a).unlock(NEW_PASS)
    # a revision the old key signed, re-wrapped in a bundle by the new key, is fine (the
    # revision's own signature is the old key's); but the new key cannot speak for a time
    # before it existed: push its start into the future to see the refusal
    _set(o.p, "UPDATE trusted_keys SET valid_from = ? WHERE fingerprint = ?",
                   [(datetime.fromisoformat(now_iso()) + timedelta(days=1)).isoformat(), r.new_fingerprint])
    bundle = ExportService(o.a).export([aid], tmp_path, new_key).path
    assert _rejected(o.p, bundle) == ["key_not_yet_valid"]


# --- 2. statements travelling in bundles ---------------------------------------------------
def test_a_field_bundle_carries_the_assessors_rotation(o: Offices, tmp_path: Path) -> None:
    """No statement file handed over: the next field bundle moves the enrolment itself."""
    old_fp = Identity(o.a).info().fingerprint
    r = rotate(o.a, flow.PASS, NEW_PASS, tmp_path / "st", "เครื่องใหม่")
    aid = flow.complete(o.a, evidence_every=0)
    from secity_desktop.services.revisions import RevisionService

    new_key = Identity(o.a).unlock(NEW_PASS)
    RevisionService(o.a).finalize(aid, new_key)
    bundle = ExportService(o.a).export([aid], tmp_path, new_key).path
    svc = ImportService(o.p)
    plan = svc.dry_run([bundle])
    assert not plan.rejected
    assert [(n.kind, n.outcome) for n in plan.statements] == [("rotate", "applied")]
    assert TrustService(o.p).get(old_fp).active  # a dry run changes nothing
    result = svc.import_files([bundle])
    assert result.ok and [i.doc.id for i in result.plan.items] == [aid]
    moved = TrustService(o.p).get(r.new_fingerprint)
    assert moved.name == TrustService(o.p).get(old_fp).name and TrustService(o.p).get(old_fp).retired
    row = rows.history(o.p.db)[-1]
    assert (row.origin, row.kind, row.source, row.outcome) == ("received", "rotate", "bundle", "applied")
    assert row.bundle_sha256 == result.plan.bundles[0].file_sha256
    assert "trust.rotate" in [e.action for e in audit.events(o.p.db)]
    # the same bundle again: the statement is already in effect, nothing new
    again = svc.import_files([bundle])
    assert [n.outcome for n in again.plan.statements] == ["already"]


def test_a_return_bundle_tells_the_assessor_the_province_key_changed(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a, evidence_every=0)
    o.submit(aid, "r1.secbundle")
    prov_old = Identity(o.p).info().fingerprint
    TrustService(o.a).set_office(prov_old)
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "กุญแจสำนักงานใหม่")
    from secity_desktop.services.review.workflow import ReviewService

    rs = ReviewService(o.p)
    rs.start(aid)
    rs.return_for_revision(aid, "แก้ไขตัวชี้วัดที่ 1")
    svc = OfficeBundleService(o.p)
    back = svc.export(svc.prepare_return([aid]), tmp_path, Identity(o.p).unlock(NEW_PASS)).path
    result = ImportService(o.a).import_files([back])
    assert result.ok, result.as_json()
    assert [n.outcome for n in result.plan.statements] == ["applied"]
    office = TrustService(o.a).get(r.new_fingerprint)
    assert TrustService(o.a).is_office(office.fingerprint)
    assert [k.fingerprint for k in TrustService(o.a).office_keys() if k.active] == [r.new_fingerprint]
    # the next field bundle is sealed to the province's new key only
    from secity_desktop.services.sealing import office_sealing

    assert [k.fingerprint for k in office_sealing(o.a, encrypt=True).recipients] == [r.new_fingerprint]


def test_an_upward_bundle_carries_the_provinces_statements(o: Offices, tmp_path: Path) -> None:
    aid = flow.complete(o.a, evidence_every=0)
    o.submit(aid, "r1.secbundle")
    o.approve(aid)
    fresh = keys.generate()
    a_fp = Identity(o.a).info().fingerprint
    reenrol(o.p, keys.public_line(fresh.public_key(), ""), a_fp, "ลืมรหัสผ่าน")
    r = rotate(o.p, flow.PASS, NEW_PASS, tmp_path / "st", "")
    svc = OfficeBundleService(o.p)
    up = svc.export(svc.prepare_upward(2569), tmp_path, Identity(o.p).unlock(NEW_PASS)).path
    result = ImportService(o.n).import_files([up])
    assert result.ok, result.as_json()
    got = {(n.kind, n.outcome) for n in result.plan.statements}
    # the province's rotation moves the nation's enrolment; the assessor's re-enrolment is
    # kept as history (the nation enrols no assessors)
    assert got == {("rotate", "applied"), ("reenrol", "not_enrolled")}
    assert TrustService(o.n).get(r.new_fingerprint).name == "ทสจ.เชียงใหม่"
    kinds = sorted(x.kind for x in rows.history(o.n.db))
    assert kinds == ["reenrol", "rotate"]


def test_a_statement_that_does_not_verify_is_reported_never_applied(o: Offices, tmp_path: Path) -> None:
    aid = _finalized(o)
    stranger = keys.generate()  # not an office key anywhere
    victim = Identity(o.p).info()
    forged = key_statements.Carried(drafts=(
        '{"effective_at": "2026-01-01T00:00:00+07:00", "holder": {"name": "x", "organisation": "",'
        ' "position": "", "province": ""}, "kind": "revoke", "made_at": "2026-01-01T00:00:00+07:00",'
        f' "new": null, "old": "{victim.public_line.split(" ")[0]} {victim.public_line.split(" ")[1]}",'
        ' "reason": "forged"}',)).envelopes(stranger)
    TrustService(o.a).set_office(victim.fingerprint)
    # an assessor's field bundle carrying a revocation of the province key by a stranger
    bundle = _sign_as(o.a, [aid], o.key(o.a), tmp_path / "f.secbundle", forged)
    result = ImportService(o.p).import_files([bundle])
    assert result.ok  # the bundle's own signatures hold; the statement alone is refused
    assert [(n.outcome, n.code) for n in result.plan.statements] == [("refused", "key_statement.unknown_office")]
    assert rows.history(o.p.db) == []
    assert "trust.statement_refused" in [e.action for e in audit.events(o.p.db)]


# --- 3. statements received as files -------------------------------------------------------
def _office_statement(o: Offices, kind: str, new: str | None = None) -> bytes:
    """A statement the province makes about its assessor's key, signed with the province key."""
    a = Identity(o.a).info()
    holder = TrustService(o.p).get(a.fingerprint)
    with o.p.db.atomic():
        key_statements.record_made(o.p, kind, holder=holder, old=holder.public_line, new=new,  # type: ignore[arg-type]
                                   effective_at=now_iso(), reason="ทดสอบ")
    carried = key_statements.carried(o.p, "return")
    return carried.envelopes(o.key(o.p))[-1].encode()


def test_trust_apply_takes_revocations_and_reenrolments(o: Offices, tmp_path: Path) -> None:
    """A region-like receiver (here the nation, which enrolled the province as an office)
    applies the province's statements about a key it holds."""
    a = Identity(o.a).info()
    TrustService(o.n).add(a.public_line, name="ผู้ประเมิน")
    prov = Identity(o.p).info().fingerprint
    revoke = _office_statement(o, "revoke")
    with pytest.raises(SecityError) as err:
        apply_statement(o.n, revoke)  # the province key is enrolled, but not as an office
    assert err.value.code == "key_statement.unknown_office"
    TrustService(o.n).set_office(prov)
    k = apply_statement(o.n, revoke)
    assert k.revoked and k.revoked_from
    with pytest.raises(SecityError) as again:
        apply_statement(o.n, revoke)
    assert again.value.code == "key_statement.already"

    fresh = keys.generate()
    b = Identity(o.a).info()
    TrustService(o.n).add(keys.public_line(fresh.public_key(), ""), name="อื่น")  # occupies nothing
    other = keys.generate()
    line = keys.public_line(other.public_key(), "")
    assert b.fingerprint == a.fingerprint
    re_env = _office_statement(o, "reenrol", new=line)
    st = rotation.verify(re_env, [keys.load_public(Identity(o.p).info().public_line)])
    assert st.kind == "reenrol"
    # the old key is already revoked here: the new key is still enrolled under the same holder
    new = apply_statement(o.n, re_env)
    assert new.fingerprint == keys.fingerprint(other.public_key()) and new.name == "ผู้ประเมิน"


def test_cli_trust_apply_reports_a_revocation(o: Offices, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from secity_desktop.cli.main import main

    a = Identity(o.a).info()
    TrustService(o.n).add(a.public_line, name="ผู้ประเมิน")
    TrustService(o.n).set_office(Identity(o.p).info().fingerprint)
    f = tmp_path / "revoke.json"
    f.write_bytes(_office_statement(o, "revoke"))
    assert main(["--data-dir", str(o.n.data_dir), "trust", "apply", str(f), "--json"]) == 0
    assert '"revoked_from": true' in capsys.readouterr().out


def test_cli_statement_files_round_trip_and_the_dry_run_shows_statements(
        o: Offices, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The office writes its revocation as a file (`trust statements`), another workspace
    applies it (`trust apply`); a dry run of a bundle carrying a rotation says so in Thai."""
    from secity_desktop.cli.main import main

    a = Identity(o.a).info()
    TrustService(o.p).revoke(a.fingerprint, reason="ย้ายหน่วยงาน")
    pw = tmp_path / "pw"
    pw.write_bytes(flow.PASS + b"\n")
    pw.chmod(0o600)
    assert main(["--data-dir", str(o.p.data_dir), "trust", "statements", "-o", str(tmp_path / "st"),
                 "--passphrase-file", str(pw)]) == 0
    files = sorted((tmp_path / "st").glob("secity-revoke-*.json"))
    assert len(files) == 1
    TrustService(o.n).add(a.public_line, name="ผู้ประเมิน")
    TrustService(o.n).set_office(Identity(o.p).info().fingerprint)
    assert main(["--data-dir", str(o.n.data_dir), "--lang", "th", "trust", "apply", str(files[0])]) == 0
    assert "เพิกถอนกุญแจของ ผู้ประเมิน" in capsys.readouterr().out
    assert TrustService(o.n).get(a.fingerprint).revoked_from

    fresh = flow.assessor(tmp_path / "b", name="สมหญิง")
    try:
        flow.enrol(o.p, fresh)
        rotate(fresh, flow.PASS, NEW_PASS, tmp_path / "st2", "")
        aid = flow.complete(fresh, muni="5002", evidence_every=0)
        from secity_desktop.services.revisions import RevisionService

        k = Identity(fresh).unlock(NEW_PASS)
        RevisionService(fresh).finalize(aid, k)
        bundle = ExportService(fresh).export([aid], tmp_path, k).path
        assert main(["--data-dir", str(o.p.data_dir), "--lang", "th", "bundle", "import", "--dry-run",
                     str(bundle)]) == 0
        assert "เอกสารแจ้งกุญแจ (เปลี่ยนกุญแจ) ของ สมหญิง: นำไปใช้แล้ว" in capsys.readouterr().out
    finally:
        fresh.close()
