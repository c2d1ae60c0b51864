"""Assessor key and profile; finalize freezes and signs; revise makes a new revision."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from secity_desktop.bundle.documents import parse_revision
from secity_desktop.core.errors import ConflictError, ValidationError, WrongPassphraseError
from secity_desktop.core.lifecycle import Status
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.identity import Identity
from secity_desktop.services.revisions import RevisionService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit
from tests.bundle import flow


def test_key_is_encrypted_at_rest_and_never_in_reprs(ws: Workspace) -> None:
    ident = Identity(ws)
    assert not ident.has_key()
    with pytest.raises(ValidationError):
        ident.create_key(b"short")
    info = ident.create_key(b"long enough phrase")
    data = info.path.read_bytes()
    assert data.startswith(b"-----BEGIN OPENSSH PRIVATE KEY-----")
    assert stat.S_IMODE(info.path.stat().st_mode) == 0o600
    assert "PRIVATE" not in repr(info) and str(info.path) not in repr(info)
    with pytest.raises(ConflictError):
        ident.create_key(b"another phrase!!")
    with pytest.raises(WrongPassphraseError) as err:
        ident.unlock(b"not the phrase")
    assert "not the phrase" not in str(err.value)
    key = ident.unlock(b"long enough phrase")
    assert keys.fingerprint(key.public_key()) == info.fingerprint
    events = [e.action for e in audit.events(ws.db)]
    assert "key.create" in events
    assert all(b"long enough" not in str(e.new).encode() for e in audit.events(ws.db))


def test_change_passphrase(ws: Workspace) -> None:
    ident = Identity(ws)
    ident.create_key(b"first phrase!")
    with pytest.raises(WrongPassphraseError):
        ident.change_passphrase(b"wrong phrase", b"second phrase")
    ident.change_passphrase(b"first phrase!", b"second phrase")
    ident.unlock(b"second phrase")
    with pytest.raises(WrongPassphraseError):
        ident.unlock(b"first phrase!")


def test_profile_and_qr(ws: Workspace, tmp_path: Path) -> None:
    ident = Identity(ws)
    ident.set_profile(name="สมหญิง", position="ผู้ประเมิน", organisation="สสภ.1", province="50")
    ident.create_key(b"long enough phrase")
    p = ident.person()
    assert (p.name, p.organisation, p.province) == ("สมหญิง", "สสภ.1", "50")
    assert ident.info().public_line.endswith(" สมหญิง")
    assert "<svg" in ident.qr_svg()
    ident.save_qr(tmp_path / "qr.png")
    assert (tmp_path / "qr.png").read_bytes()[:4] == b"\x89PNG"
    with pytest.raises(ValidationError):
        ident.set_profile(name="two\nlines")


def test_finalize_needs_complete_and_freezes(tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "a")
    svc = AssessmentService(ws)
    draft = svc.new("5002", 2569)
    key = Identity(ws).unlock(flow.PASS)
    with pytest.raises(ConflictError, match="not complete"):
        RevisionService(ws).finalize(draft.id, key)
    aid = flow.complete(ws, evidence_every=3)
    digest = RevisionService(ws).finalize(aid, key)
    assert repo.get(ws.db, aid).status == Status.FINALIZED.value
    content, signature = RevisionService(ws).stored(aid)  # type: ignore[misc]
    doc = parse_revision(content, "r")
    assert doc.id == aid and len(doc.responses) == 34
    assert sshsig.verify(signature, content, BUNDLE_NAMESPACE, [key.public_key()])
    import hashlib

    assert hashlib.sha256(content).hexdigest() == digest
    ind = ws.frameworks.get(doc.framework.hash).indicators[0]
    with pytest.raises(ConflictError, match="new revision"):
        svc.set_response(aid, ind.code, ind.levels[0].value)
    with pytest.raises(ConflictError, match="already finalized"):
        RevisionService(ws).finalize(aid, key)
    other = keys.generate()
    new = RevisionService(ws).revise(aid)
    svc.mark_complete(new.id)
    with pytest.raises(ConflictError, match="not this workspace's"):
        RevisionService(ws).finalize(new.id, other)
    ws.close()


def test_revise_copies_and_chains(tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "a")
    aid = flow.complete(ws, evidence_every=4)
    flow.finalize(ws, aid)
    rs = RevisionService(ws)
    new = rs.revise(aid)
    assert (new.revision, new.supersedes, new.status) == (2, aid, Status.DRAFT.value)
    svc = AssessmentService(ws)
    assert {c: r.level for c, r in repo.responses(ws.db, new.id).items()} == {
        c: r.level for c, r in repo.responses(ws.db, aid).items()
    }
    assert [e.sha256 for e in svc.evidence(new.id)] == [e.sha256 for e in svc.evidence(aid)]
    assert svc.scorecard(new.id).complete
    with pytest.raises(ConflictError, match="already supersedes"):
        rs.revise(aid)
    with pytest.raises(ConflictError):
        rs.revise(new.id)  # a draft is edited, not revised
    assert [a.id for a in rs.history(new.id)] == [new.id, aid]
    ws.close()
