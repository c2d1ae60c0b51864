"""The two signed JSON documents of a bundle: a frozen revision and the manifest.

Both are parsed with strict pydantic models (unknown fields, wrong types and
unknown format versions are refused) because they arrive from outside; both
are serialised with ``canonical_json`` so the signed bytes are reproducible.
See docs/bundle-format.md for the field-by-field description.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticError
from pydantic_core import to_json

from secity_desktop.core.errors import BundleRejected
from secity_desktop.core.framework import canonical_json

REVISION_FORMAT = "secity-revision"
MANIFEST_FORMAT = "secbundle"
FORMAT_VERSION = 1
MAX_JSON_DEPTH = 16

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
Uuid = Annotated[
    str, StringConstraints(pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
]
Text = Annotated[str, StringConstraints(max_length=2000)]
LongText = Annotated[str, StringConstraints(max_length=100_000)]
Stamp = Annotated[str, StringConstraints(max_length=40)]
#: one key statement envelope (crypto/rotation.py caps it at 64 KiB) and how many a bundle carries
StatementText = Annotated[str, StringConstraints(max_length=64 * 1024)]
MAX_STATEMENTS = 200
Code = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z._-]{1,32}$")]
Fingerprint = Annotated[str, StringConstraints(pattern=r"^SHA256:[A-Za-z0-9+/]{43}$")]
KeyId = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
EntryPath = Annotated[str, StringConstraints(pattern=r"^[a-z]+/[0-9a-f-]{36,64}(\.json(\.sig)?)?$")]


class _Strict(BaseModel):
    """Every model's fields are declared in sorted order — the order ``canonical_json`` writes
    them in — so pydantic's own serialisation can prove the canonical form (:func:`_proven`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class Person(_Strict):
    """Who signed: the assessor's profile and key, as the assessor's device knew them."""

    key_fingerprint: Fingerprint
    key_id: KeyId
    name: Text
    organisation: Text = ""
    position: Text = ""
    province: Text = ""


_Doc = TypeVar("_Doc", "RevisionDoc", "ReviewDoc")
_M = TypeVar("_M", bound=BaseModel)


class MunicipalityRecord(_Strict):
    code: Code
    name_en: Text = ""
    name_th: Text
    province_code: Code
    type: Literal["pao", "nakhon", "mueang", "tambon", "sao", "bangkok", "pattaya"]


class FrameworkRef(_Strict):
    hash: Sha256
    id: Text
    version: Text


class ResponseRecord(_Strict):
    indicator: Code
    level: int | None
    note: LongText
    updated_at: Stamp
    updated_by: Text


class EvidenceRecord(_Strict):
    added_at: Stamp
    added_by: Text
    captured_at: Stamp | None
    gps_lat: float | None
    gps_lon: float | None
    indicator: Code
    mime: Text
    name: Text
    sha256: Sha256
    size: int = Field(ge=0)


class RevisionDoc(_Strict):
    """A finalized assessment, frozen: what the assessor signed."""

    assessor: Person
    created_at: Stamp
    created_by: Text
    evidence: Annotated[list[EvidenceRecord], Field(max_length=5000)]
    finalized_at: Stamp
    format: Literal["secity-revision"]
    format_version: Literal[1]
    framework: FrameworkRef
    id: Uuid
    municipality: MunicipalityRecord
    responses: Annotated[list[ResponseRecord], Field(max_length=2000)]
    revision: int = Field(ge=1, le=10_000)
    supersedes: Uuid | None
    year: int = Field(ge=2500, le=2700)

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json")).encode("utf-8")


class EntryRecord(_Strict):
    path: EntryPath
    sha256: Sha256
    size: int = Field(ge=0)


class FrameworkEntry(_Strict):
    hash: Sha256
    id: Text
    path: EntryPath
    version: Text


class RevisionEntry(_Strict):
    framework_hash: Sha256
    id: Uuid
    municipality_code: Code
    path: EntryPath
    revision: int = Field(ge=1, le=10_000)
    signature_path: EntryPath
    supersedes: Uuid | None
    year: int = Field(ge=2500, le=2700)


class DecisionRecord(_Strict):
    action: Code
    at: Stamp
    author: Text
    comment: LongText
    id: Uuid
    new_status: Code
    old_status: Code
    revision: int = Field(ge=1, le=10_000)


class CommentRecord(_Strict):
    at: Stamp
    author: Text
    body: LongText
    id: Uuid
    indicator_code: Code | None
    revision: int = Field(ge=1, le=10_000)


class OverrideRecord(_Strict):
    assessor_level: int | None
    at: Stamp
    author: Text
    current: bool
    id: Uuid
    indicator_code: Code
    level: int | None
    reason: LongText
    revision: int = Field(ge=1, le=10_000)


ReviewStatus = Literal["approved", "returned"]


class ReviewDoc(_Strict):
    """An office's judgement of one revision: why it was returned, or how it was approved.

    ``revision_sha256`` binds it to the exact signed revision it judged, so a
    review can never be replayed onto different content.
    """

    assessment_id: Uuid
    comments: Annotated[list[CommentRecord], Field(max_length=5000)]
    decisions: Annotated[list[DecisionRecord], Field(max_length=1000)]
    format: Literal["secity-review"]
    format_version: Literal[1]
    municipality_code: Code
    overrides: Annotated[list[OverrideRecord], Field(max_length=5000)]
    revision: int = Field(ge=1, le=10_000)
    revision_sha256: Sha256
    status: ReviewStatus
    year: int = Field(ge=2500, le=2700)

    def canonical(self) -> bytes:
        return canonical_json(self.model_dump(mode="json")).encode("utf-8")


class ReviewEntry(_Strict):
    assessment_id: Uuid
    path: EntryPath
    revision: int = Field(ge=1, le=10_000)
    status: ReviewStatus


class ModelTownRecord(_Strict):
    assessment_id: Uuid | None
    chosen_at: Stamp
    chosen_by: Text
    id: Uuid
    municipality_code: Code
    province_code: Code
    reason: LongText
    year: int = Field(ge=2500, le=2700)


BundleKind = Literal["field", "return", "upward", "self"]


class AuditHeadRecord(_Strict):
    """Where the sender's audit chain ended when the bundle was made (signed with the manifest).

    Receivers keep these per sender and compare each new one with those seen
    (``core/audit_anchor.py``, docs/audit.md): that is what anchors the chain.
    """

    at: Stamp
    hash: Sha256
    seq: int = Field(ge=0, le=2**53)


class Manifest(_Strict):
    """The signed table of contents: nothing in the bundle is trusted unless listed here.

    ``kind`` says who may import it: ``field`` (an assessor's revisions, for a
    province), ``return`` (a province's reviews sent back to the assessor) or
    ``upward`` (a province's approved results, for a region or the nation) or
    ``self`` (a municipality's own signed self-assessment, for its province or assessor).
    """

    audit_head: AuditHeadRecord | None = None
    created_at: Stamp
    entries: Annotated[list[EntryRecord], Field(max_length=20_000)]
    format: Literal["secbundle"]
    format_version: int
    frameworks: Annotated[list[FrameworkEntry], Field(max_length=50)]
    #: signed key statements (crypto/rotation.py envelopes, as text) the sender carries:
    #: its own rotations, an office's revocations and re-enrolments (docs/key-rotation.md)
    key_statements: Annotated[list[StatementText], Field(max_length=MAX_STATEMENTS)] = []
    kind: BundleKind = "field"
    model_towns: Annotated[list[ModelTownRecord], Field(max_length=1000)] = []
    municipalities: Annotated[list[MunicipalityRecord], Field(max_length=5000)]
    reviews: Annotated[list[ReviewEntry], Field(max_length=5000)] = []
    revisions: Annotated[list[RevisionEntry], Field(max_length=5000)]
    sender: Person

    def canonical(self) -> bytes:
        data = self.model_dump(mode="json")
        if data["audit_head"] is None:  # bundles without a head keep their exact bytes
            del data["audit_head"]
        if not data["key_statements"]:  # nor do bundles without key statements
            del data["key_statements"]
        return canonical_json(data).encode("utf-8")


@functools.lru_cache(maxsize=4096)  # the same few dozen codes in every revision of an import
def indicator_order(code: str) -> tuple[tuple[int, int, str], ...]:
    """Sort key for indicator codes, the order a revision lists its responses in.

    Numeric parts compare as numbers (``1.9`` < ``1.10``), as the app has always
    written them; a numeric part sorts before a word, so no two codes are ever
    incomparable, whatever a hostile file holds.
    """
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in code.split("."))


def _depth(data: Any) -> int:
    """Nesting depth of parsed JSON, level by level; stops one past the limit.

    Iterative (the parser itself stops at ~1000 levels), and walks only containers.
    """
    level = [data] if isinstance(data, (dict, list)) else []
    depth = 0
    while level and depth <= MAX_JSON_DEPTH:
        depth += 1
        below: list[Any] = []
        for node in level:
            below += [v for v in (node.values() if isinstance(node, dict) else node)
                      if isinstance(v, (dict, list))]
        level = below
    return depth


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k[:40]!r}")
        out[k] = v
    return out


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes, what: str) -> Any:
    """Strict JSON: UTF-8 only, bounded nesting, no duplicate keys, no NaN."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRejected("bad_manifest", f"{what} is not UTF-8 text") from None
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_reject_constant)
    except RecursionError:
        raise BundleRejected("bad_manifest", f"{what} is nested absurdly deep") from None
    except ValueError as exc:
        raise BundleRejected("bad_manifest", f"{what} is not valid JSON: {str(exc)[:120]}") from None
    if _depth(data) > MAX_JSON_DEPTH:
        raise BundleRejected("bad_manifest", f"{what} is nested absurdly deep")
    return data


def _first_error(exc: PydanticError) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    return f"{where}: {err['msg']}"


def _floats_agree(values: Iterable[float | None]) -> bool:
    """Whether pydantic writes each of these floats as ``json.dumps`` does (``repr``).

    The two agree on every string, integer, ``null`` and boolean, but not on every float:
    pydantic writes ``1e16`` where ``json.dumps`` writes ``1e+16``, ``1e-7`` for ``1e-07``,
    ``null`` for NaN and the infinities. A document is proven by pydantic's serialisation only
    when every float in it is one they write alike.
    """
    return all(v is None or float.__repr__(v).encode("ascii") == to_json(v) for v in values)


def _proven(model: type[_M], raw: bytes, floats: Callable[[_M], Iterable[float | None]],
            exclude: Callable[[_M], set[str] | None] = lambda _doc: None) -> _M | None:
    """``raw`` as ``model``, when one cheap check proves the strict path would accept it
    unchanged; ``None`` sends the caller down the strict path (the refusal and its code).

    The model is validated straight from the bytes (pydantic's own parser: no Python dict in
    between), then accepted only if ``raw`` is exactly its canonical serialisation. Every
    bundle this app writes carries its documents so. That equality proves the strict path's
    answer: the bytes are then what ``json.dumps`` wrote for the model's own values — UTF-8,
    valid JSON without a duplicate key, nested no deeper than the schema (the models hold no
    free-form containers), every number finite — so the strict parse reads back exactly
    those values, they validate to an equal model, and its canonical form is these bytes
    again (issue 11, branches import2 and impcpu).

    The canonical serialisation is checked without building it (branch impdocs): pydantic's
    own ``to_json`` writes a model's fields in their declared order — sorted in every model
    here, as ``sort_keys`` sorts them — with the same compact separators, the same escapes
    for every character and the same integers as ``canonical_json``; the one place the two
    differ, the form of some floats, is checked value by value (:func:`_floats_agree`,
    ``floats(doc)`` names every float the document holds). ``exclude(doc)``: the top-level
    fields ``canonical()`` leaves out. ``tests/bundle/test_fast_parse.py`` holds both paths to
    the same answers on hostile input and ``to_json`` to ``canonical_json`` on every character.
    """
    try:
        doc = model.model_validate_json(raw)
        if doc.__pydantic_serializer__.to_json(doc, exclude=exclude(doc)) != raw:
            return None
    except (PydanticError, ValueError):  # ValueError: a string UTF-8 cannot encode
        return None
    return doc if _floats_agree(floats(doc)) else None


def _no_floats(_doc: BaseModel) -> tuple[float, ...]:
    return ()


def _revision_floats(doc: RevisionDoc) -> list[float | None]:
    return [v for e in doc.evidence for v in (e.gps_lat, e.gps_lon)]


def _manifest_left_out(m: Manifest) -> set[str] | None:
    """The fields :meth:`Manifest.canonical` leaves out of this manifest's bytes."""
    out = {name for name, empty in (("audit_head", m.audit_head is None),
                                    ("key_statements", not m.key_statements)) if empty}
    return out or None


#: every float a document of each model can hold (``tests/bundle/test_fast_parse.py`` checks
#: that no other field of these models, at any depth, is a float)
_FLOATS: dict[type[BaseModel], Callable[[Any], Iterable[float | None]]] = {
    RevisionDoc: _revision_floats, ReviewDoc: _no_floats, Manifest: _no_floats,
}


def parse_manifest(raw: bytes) -> Manifest:
    fast = _proven(Manifest, raw, _no_floats, _manifest_left_out)
    if fast is not None and fast.format_version == FORMAT_VERSION:
        return fast
    data = parse_json(raw, "manifest.json")
    if isinstance(data, dict) and data.get("format") == MANIFEST_FORMAT:
        version = data.get("format_version")
        if type(version) is int and version != FORMAT_VERSION:
            raise BundleRejected(
                "unsupported_version",
                f"bundle format version {str(version)[:20]} is not supported by this release "
                f"(it reads version {FORMAT_VERSION}); update SECity Desktop",
            )
    try:
        return Manifest.model_validate(data)
    except PydanticError as exc:
        raise BundleRejected("bad_manifest", f"manifest.json: {_first_error(exc)}") from None


def _parse_signed_doc(model: type[_Doc], raw: bytes, path: str, reason: str) -> _Doc:
    """A document whose exact bytes matter: strict schema, and already in canonical form
    (the proven fast path first: :func:`_proven`)."""
    fast = _proven(model, raw, _FLOATS[model])
    if fast is not None:
        return fast
    data = parse_json(raw, path)
    try:
        doc = model.model_validate(data)
    except PydanticError as exc:
        raise BundleRejected(reason, f"{path}: {_first_error(exc)}") from None
    if doc.canonical() != raw:
        raise BundleRejected(reason, f"{path} is not in canonical form")
    return doc


def parse_review(raw: bytes, path: str) -> ReviewDoc:
    return _parse_signed_doc(ReviewDoc, raw, path, "bad_review")


def parse_revision(raw: bytes, path: str) -> RevisionDoc:
    return _parse_signed_doc(RevisionDoc, raw, path, "bad_revision")
