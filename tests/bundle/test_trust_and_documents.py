"""The trust registry's storage, and the strict parsing of manifests and revisions."""

from __future__ import annotations

import json

import pytest

from secity_desktop.bundle.documents import parse_json, parse_manifest
from secity_desktop.core.errors import BundleRejected, ConflictError, KeyFileError, NotFoundError
from secity_desktop.crypto import keys
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit


def _line(comment: str = "สมชาย ใจดี") -> str:
    return keys.public_line(keys.generate().public_key(), comment)


def test_add_list_revoke_export(ws: Workspace) -> None:
    reg = TrustService(ws)
    line = _line()
    k = reg.add(line, actor="เจ้าหน้าที่", organisation="สสภ.1")
    assert k.name == "สมชาย ใจดี" and k.enrolled_by == "เจ้าหน้าที่" and not k.revoked
    assert reg.get(k.key_id) == reg.get(k.fingerprint) == reg.get(k.principal)
    with pytest.raises(ConflictError, match="already enrolled"):
        reg.add(line, actor="x")
    other = reg.add(_line("ไม่มีชื่อ"), actor="x", name="สมหญิง")
    text = reg.allowed_signers()
    assert f'"{k.principal}" namespaces="secbundle@secity.th" ssh-ed25519 ' in text
    assert "# สมชาย ใจดี สสภ.1" in text
    reg.revoke(other.fingerprint, actor="x", reason="laptop stolen")
    assert other.principal not in reg.allowed_signers()
    assert reg.get(other.key_id).revoke_reason == "laptop stolen"
    with pytest.raises(ConflictError, match="already revoked"):
        reg.revoke(other.key_id, actor="x")
    with pytest.raises(NotFoundError):
        reg.get("SHA256:nope")
    assert [e.action for e in audit.events(ws.db)][-3:] == ["trust.add", "trust.add", "trust.revoke"]


def test_add_refuses_junk_and_other_key_types(ws: Workspace) -> None:
    reg = TrustService(ws)
    with pytest.raises(KeyFileError):
        reg.add("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 someone", actor="x")
    with pytest.raises(KeyFileError):
        reg.add("hello", actor="x")
    assert reg.all() == []


@pytest.mark.parametrize(
    "raw",
    [
        b"\xff\xfe{}",
        b'{"a": NaN}',
        b'{"a": 1, "a": 2}',
        b"[" * 5000 + b"]" * 5000,
        b"[" * 40 + b"]" * 40,
        b"{",
    ],
)
def test_strict_json(raw: bytes) -> None:
    with pytest.raises(BundleRejected) as err:
        parse_json(raw, "x")
    assert err.value.reason == "bad_manifest"


def test_manifest_schema_is_strict() -> None:
    base = {"format": "secbundle", "format_version": 1, "created_at": "x",
            "sender": {"name": "a", "key_fingerprint": "SHA256:" + "A" * 43, "key_id": "0" * 16},
            "frameworks": [], "municipalities": [], "revisions": [], "entries": []}
    assert parse_manifest(json.dumps(base).encode()).format_version == 1
    for change, reason in (
        ({"format_version": 7}, "unsupported_version"),
        ({"format_version": "1"}, "bad_manifest"),
        ({"extra": 1}, "bad_manifest"),
        ({"entries": [{"path": "../x", "sha256": "0" * 64, "size": 1}]}, "bad_manifest"),
        ({"entries": [{"path": "evidence/" + "0" * 64, "sha256": "0" * 64, "size": -1}]}, "bad_manifest"),
        ({"sender": {"name": "a", "key_fingerprint": "md5", "key_id": "0" * 16}}, "bad_manifest"),
    ):
        with pytest.raises(BundleRejected) as err:
            parse_manifest(json.dumps(base | change).encode())
        assert err.value.reason == reason, change
