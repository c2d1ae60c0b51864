"""The fast path of the strict document parse gives exactly the strict path's answers.

``bundle/documents.py`` first parses manifests and signed documents without the duplicate-key
hook and the depth walk, and accepts the result only when canonical equality proves what those
checks would have found (issue 11, branch import2). Every document here — well formed, or
broken in each way a hostile file can be — is parsed both ways: the same model, or the same
refusal with the same reason code.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from secity_desktop.bundle import documents
from secity_desktop.bundle.documents import parse_manifest, parse_review, parse_revision
from secity_desktop.core.errors import BundleRejected
from secity_desktop.core.framework import canonical_json

FP = "SHA256:" + "A" * 43
SHA = "ab" * 32
UUID = "12345678-1234-1234-1234-123456789abc"
PERSON = {"name": "สมชาย", "position": "", "organisation": "", "province": "50",
          "key_fingerprint": FP, "key_id": "0123456789abcdef"}
MUNI = {"code": "5001", "name_th": "เทศบาลนครเชียงใหม่", "name_en": "", "type": "nakhon",
        "province_code": "50"}
REVISION: dict[str, Any] = {
    "format": "secity-revision", "format_version": 1, "id": UUID, "revision": 1,
    "supersedes": None, "municipality": MUNI, "year": 2569,
    "framework": {"hash": SHA, "id": "secity", "version": "2569"}, "assessor": PERSON,
    "created_at": "2026-11-26T10:00:00+07:00", "created_by": "x",
    "finalized_at": "2026-11-26T10:00:00+07:00",
    "responses": [{"indicator": "1.1", "level": 3, "note": "บันทึก", "updated_at": "t", "updated_by": "x"}],
    "evidence": [{"indicator": "1.1", "sha256": SHA, "size": 10, "name": "a.jpg", "mime": "image/jpeg",
                  "captured_at": None, "gps_lat": 18.79, "gps_lon": 98.98, "added_at": "t",
                  "added_by": "x"}],
}
MANIFEST: dict[str, Any] = {
    "format": "secbundle", "format_version": 1, "created_at": "2026-11-26T10:00:00+07:00",
    "sender": PERSON, "frameworks": [], "municipalities": [MUNI], "revisions": [],
    "entries": [{"path": f"evidence/{SHA}", "sha256": SHA, "size": 10}], "kind": "field",
    "reviews": [], "model_towns": [],
}


def _canonical(d: object) -> bytes:
    return canonical_json(d).encode("utf-8")


def _variants(doc: dict[str, Any]) -> list[bytes]:
    good = _canonical(doc)
    text = good.decode("utf-8")
    nested: Any = "x"
    for _ in range(40):
        nested = [nested]
    return [
        good,
        json.dumps(doc, ensure_ascii=False).encode("utf-8"),  # valid, not canonical
        json.dumps(doc).encode("utf-8"),  # \\u escapes: not canonical
        text.replace('"format":', '"format":"x","format":', 1).encode("utf-8"),  # duplicate key
        text.replace('{"', '{"year":1,"', 1).encode("utf-8"),
        text.replace('"year":2569', '"year":2569,"year":2569').encode("utf-8"),
        text.replace("18.79", "NaN").encode("utf-8"),
        text.replace("18.79", "Infinity").encode("utf-8"),
        text.replace("18.79", "18").encode("utf-8"),  # an int where a float is kept
        text.replace('"format_version":1', '"format_version":2').encode("utf-8"),
        text.replace('"format_version":1', '"format_version":true').encode("utf-8"),
        _canonical(doc | {"extra": nested}),  # deep nesting
        _canonical(doc | {"extra": 1}),
        _canonical({k: v for k, v in doc.items() if k != "kind"}),  # a default left out
        good[:-1],
        good + b" ",
        b"\xff" + good,
        good.replace("สมชาย".encode(), b"\xe0\xb8"),  # broken UTF-8
        b"[]", b"null", b"1", b"",
        _canonical([doc]),
    ]


def _outcome(parse: Callable[[], object]) -> object:
    try:
        return ("ok", parse())
    except BundleRejected as exc:
        return ("refused", exc.reason, str(exc))


PARSERS: list[tuple[str, Callable[[bytes], object], dict[str, Any]]] = [
    ("manifest", parse_manifest, MANIFEST),
    ("revision", lambda raw: parse_revision(raw, "revisions/x.json"), REVISION),
    ("review", lambda raw: parse_review(raw, "reviews/x.json"), REVISION),
]


def _fast_as_strict(parse: Callable[[bytes], object], cases: list[bytes],
                    monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Each case's outcome by the default (fast) path, checked equal to the strict path's."""
    fast = [_outcome(lambda raw=raw: parse(raw)) for raw in cases]
    monkeypatch.setattr(documents, "_fast_json", lambda raw: None)  # the strict path only
    strict = [_outcome(lambda raw=raw: parse(raw)) for raw in cases]
    assert fast == strict
    return fast


@pytest.mark.parametrize(("name", "parse", "doc"), PARSERS, ids=[p[0] for p in PARSERS])
def test_fast_path_answers_as_the_strict_path(
    name: str, parse: Callable[[bytes], object], doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _fast_as_strict(parse, _variants(doc), monkeypatch)
    if name != "review":
        assert fast[0][0] == "ok"  # the canonical document is accepted
    assert sum(1 for f in fast if f[0] == "refused") >= 10


def test_the_fast_path_is_taken_for_canonical_documents(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(documents, "parse_json", lambda raw, what: calls.append(what))
    parse_manifest(_canonical(MANIFEST))
    parse_revision(_canonical(REVISION), "revisions/x.json")
    assert calls == []


def _more_variants(doc: dict[str, Any]) -> list[bytes]:
    """Inputs aimed at pydantic's own JSON parser, which the fast path validates with (impcpu)."""
    good = _canonical(doc)
    text = good.decode("utf-8")
    return [
        text.replace("18.79", "18.790").encode("utf-8"),  # the same float, not as json.dumps writes it
        text.replace("18.79", "1.879e1").encode("utf-8"),
        text.replace("18.79", "-0.0").encode("utf-8"),
        text.replace("18.79", "1e16").encode("utf-8"),
        text.replace("18.79", "1e+16").encode("utf-8"),  # json.dumps's own form of 1e16
        text.replace("18.79", "1e400").encode("utf-8"),  # inf for json.loads
        text.replace("18.79", "-Infinity").encode("utf-8"),
        text.replace('"size":10', '"size":' + "9" * 40).encode("utf-8"),  # a huge int
        text.replace('"size":10', '"size":10.0').encode("utf-8"),
        text.replace('"size":10', '"size":true').encode("utf-8"),
        text.replace('"format_version":1', '"format_version":1.0').encode("utf-8"),
        text.replace("สมชาย", "\\ud800").encode("utf-8"),  # a lone surrogate, escaped
        text.replace("สมชาย", "\\udc00\\ud800").encode("utf-8"),
        text.replace("สมชาย", "\\ud83d\\ude00").encode("utf-8"),  # a pair, escaped (not canonical)
        text.replace("สมชาย", "😀").encode("utf-8"),
        text.replace("สมชาย", "\\u0000").encode("utf-8"),  # as json.dumps writes NUL
        text.replace("สมชาย", "\\u001F").encode("utf-8"),  # upper-case hex: not canonical
        text.replace("สมชาย", "\\u001f").encode("utf-8"),
        text.replace("สมชาย", "\\/").encode("utf-8"),
        text.replace("สมชาย", "NaN").encode("utf-8"),  # the word in a string: strict path, accepted
        text.replace("สมชาย", "\u2028").encode("utf-8"),
        text.replace("สมชาย", "\x7f").encode("utf-8"),
        text.replace("สมชาย", "\x01").encode("utf-8"),  # a raw control character: invalid JSON
        text.replace('"name":"สมชาย"', '"name":"สมชาย","name":"สมชาย"').encode("utf-8"),
        text.replace('"name":"สมชาย"', '"name" : "สมชาย"').encode("utf-8"),
        b"\xef\xbb\xbf" + good,  # a byte-order mark
        good.replace(b'"format"', b'"form\\u0061t"', 1),
        good + b"\x00",
        good.replace(b"\xe0\xb8\xaa", b"\xed\xa0\x80", 1),  # a UTF-8-encoded surrogate
    ]


@pytest.mark.parametrize(("name", "parse", "doc"), PARSERS, ids=[p[0] for p in PARSERS])
def test_pydantic_json_fast_path_answers_as_the_strict_path(
    name: str, parse: Callable[[bytes], object], doc: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _fast_as_strict(parse, _more_variants(doc), monkeypatch)
    if name != "review":  # a few are still the canonical document: accepted both ways
        assert any(f[0] == "ok" for f in fast)
    assert sum(1 for f in fast if f[0] == "refused") >= 10


def test_the_fast_path_never_parses_with_the_python_json_module(monkeypatch: pytest.MonkeyPatch) -> None:
    """A canonical document is validated from its bytes: no ``json.loads`` dict in between."""
    def no(*_a: object, **_k: object) -> None:
        raise AssertionError("json.loads on the fast path")

    monkeypatch.setattr(documents.json, "loads", no)
    assert parse_manifest(_canonical(MANIFEST)).format_version == 1
    assert parse_revision(_canonical(REVISION), "revisions/x.json").id == UUID
