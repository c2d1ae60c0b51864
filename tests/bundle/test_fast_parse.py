"""The fast path of the strict document parse gives exactly the strict path's answers.

``bundle/documents.py`` first parses manifests and signed documents without the duplicate-key
hook and the depth walk, and accepts the result only when canonical equality proves what those
checks would have found (issue 11, branch import2). Every document here — well formed, or
broken in each way a hostile file can be — is parsed both ways: the same model, or the same
refusal with the same reason code.
"""

from __future__ import annotations

import json
import math
import random
import struct
import typing
from collections.abc import Callable
from typing import Any

import pytest
from pydantic import BaseModel
from pydantic_core import to_json

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
    monkeypatch.setattr(documents, "_proven", lambda *_a: None)  # the strict path only
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
        # floats as pydantic writes them where json.dumps writes otherwise (impdocs: the proof
        # by pydantic's serialisation checks every float; both paths refuse these revisions)
        text.replace("18.79", "1e16").replace("98.98", "1e16").encode("utf-8"),
        text.replace("18.79", "0.00001").encode("utf-8"),
        text.replace("18.79", "1e-7").encode("utf-8"),
        text.replace("18.79", "-7.1850441006303285e-9").encode("utf-8"),
        text.replace("18.79", "1e22").encode("utf-8"),
        text.replace("18.79", "null").encode("utf-8"),  # what pydantic writes for NaN
        text.replace("18.79", "1e-05").encode("utf-8"),  # json.dumps's own forms: accepted
        text.replace("18.79", "1e+16").replace("98.98", "-0.0").encode("utf-8"),
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


def _models(model: type[BaseModel], seen: set[type[BaseModel]]) -> set[type[BaseModel]]:
    """``model`` and every model its fields hold, at any depth."""
    if model in seen:
        return seen
    seen.add(model)
    for f in model.model_fields.values():
        for arg in _type_args(f.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                _models(arg, seen)
    return seen


def _type_args(tp: object) -> list[object]:
    out = [tp]
    for arg in typing.get_args(tp):
        out += _type_args(arg)
    return out


DOCUMENTS = (documents.Manifest, documents.RevisionDoc, documents.ReviewDoc)


def test_every_float_a_document_holds_is_checked_by_the_proof() -> None:
    """The proof by pydantic's serialisation must see every float (documents._FLOATS)."""
    floats = {
        (m.__name__, name)
        for doc in DOCUMENTS for m in _models(doc, set())
        for name, f in m.model_fields.items() if float in _type_args(f.annotation)
    }
    assert floats == {("EvidenceRecord", "gps_lat"), ("EvidenceRecord", "gps_lon")}
    assert documents.RevisionDoc.model_fields["evidence"].annotation == list[documents.EvidenceRecord]
    doc = parse_revision(_canonical(REVISION), "revisions/x.json")
    assert list(documents._FLOATS[documents.RevisionDoc](doc)) == [18.79, 98.98]
    assert set(documents._FLOATS) == set(DOCUMENTS)


def test_fields_are_declared_in_canonical_order() -> None:
    """Else pydantic's serialisation never equals the canonical bytes: every document would
    take the strict path (correct, but slow)."""
    for doc in DOCUMENTS:
        for m in _models(doc, set()):
            assert list(m.model_fields) == sorted(m.model_fields), m.__name__


def test_pydantic_writes_every_character_as_canonical_json_does() -> None:
    """Strings: every code point (a lone surrogate cannot be written by either: refused)."""
    text = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert to_json(text) == _canonical(text)
    for c in range(0x80):  # and each ASCII character alone, escapes included
        assert to_json(chr(c)) == _canonical(chr(c))
    for n in (0, -1, 2**53, 2**63, 2**64 + 1, -(2**63) - 1, 10**40, -(10**40)):
        assert to_json(n) == _canonical(n)
    assert (to_json([None, True, False, [], {}]) == _canonical([None, True, False, [], {}]))


def test_floats_both_paths_over_many_values(monkeypatch: pytest.MonkeyPatch) -> None:
    """A revision with each float written both ways (json.dumps's and pydantic's): the fast
    path answers as the strict one, and takes the canonical form when pydantic agrees."""
    rng = random.Random(11)
    values = [0.0, -0.0, 1e16, 1e15, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308, 0.1, 2.0**60]
    values += [struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0] for _ in range(150)]
    values += [round(rng.uniform(-180, 180), rng.randint(0, 9)) for _ in range(150)]
    cases = []
    for v in values:
        if not math.isfinite(v):
            continue
        text = _canonical(REVISION).decode("utf-8")
        cases.append(text.replace("18.79", repr(v)).encode("utf-8"))
        cases.append(text.replace("18.79", to_json(v).decode("ascii")).encode("utf-8"))
    fast = _fast_as_strict(lambda raw: parse_revision(raw, "revisions/x.json"), cases, monkeypatch)
    assert all(f[0] == "ok" for f in fast[::2])  # json.dumps's form: canonical
    assert any(f[0] == "refused" for f in fast[1::2])  # pydantic's, where it differs


def test_the_proof_uses_no_json_module_serialisation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A canonical document is proven without ``canonical_json`` (``json.dumps``)."""
    def no(*_a: object, **_k: object) -> None:
        raise AssertionError("json.dumps on the fast path")

    manifest, revision = _canonical(MANIFEST), _canonical(REVISION)
    monkeypatch.setattr(documents.json, "dumps", no)
    monkeypatch.setattr(documents, "canonical_json", no)
    assert parse_manifest(manifest).format_version == 1
    assert parse_revision(revision, "revisions/x.json").id == UUID


def test_manifest_fields_left_out_when_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    """``audit_head`` and ``key_statements``: written only when set, both ways."""
    head = {"seq": 3, "hash": SHA, "at": "2026-11-26T10:00:00+07:00"}
    cases = [
        _canonical(MANIFEST | {"audit_head": head}),
        _canonical(MANIFEST | {"key_statements": ["x"]}),
        _canonical(MANIFEST | {"audit_head": head, "key_statements": ["x", "y"]}),
        _canonical(MANIFEST | {"audit_head": None}),  # not canonical: accepted by the strict path
        _canonical(MANIFEST | {"key_statements": []}),
        _canonical(MANIFEST | {"audit_head": head | {"seq": 2**53 + 1}}),
    ]
    fast = _fast_as_strict(parse_manifest, cases, monkeypatch)
    assert [f[0] for f in fast] == ["ok"] * 5 + ["refused"]
    calls: list[object] = []
    monkeypatch.undo()
    monkeypatch.setattr(documents, "parse_json", lambda raw, what: calls.append(what))
    for raw in cases[:3]:
        parse_manifest(raw)
    assert calls == []  # the canonical ones took the fast path
