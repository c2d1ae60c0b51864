"""Writing a ``.secbundle``: deterministic, streamed, signed.

The manifest can be written first because every entry's hash and size are
known before any byte is copied (evidence is content-addressed; revisions and
frameworks are small canonical JSON already in memory). Evidence is then
streamed in 1 MiB chunks and re-hashed on the way, so a damaged local file
aborts the export instead of shipping a bundle the office would reject.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import digests
from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.bundle.documents import (
    FORMAT_VERSION,
    AuditHeadRecord,
    BundleKind,
    EntryRecord,
    FrameworkEntry,
    Manifest,
    ModelTownRecord,
    MunicipalityRecord,
    Person,
    ReviewDoc,
    ReviewEntry,
    RevisionDoc,
    RevisionEntry,
)
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.core.errors import Cancelled, StoreError
from secity_desktop.crypto import sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE

MANIFEST = "manifest.json"
MANIFEST_SIG = "manifest.json.sig"
BUNDLE_SUFFIX = ".secbundle"

Progress = Callable[[int, int], bool]
"""(bytes done, bytes total) → False to cancel."""


@dataclass(frozen=True)
class SignedRevision:
    doc: RevisionDoc
    content: bytes
    signature: str


@dataclass(frozen=True)
class FrameworkText:
    hash: str
    id: str
    version: str
    canonical: str


@dataclass(frozen=True)
class WrittenBundle:
    path: Path
    sha256: str
    size: int
    revisions: int
    evidence_bytes: int
    #: Encrypted (age) to these fingerprints; empty for a plain bundle. ``sha256``/``size``
    #: stay the inner signed bundle's (its identity), ``outer_*`` are the file's own.
    encrypted_to: tuple[str, ...] = ()
    outer_sha256: str = ""
    outer_size: int = 0


def evidence_path(sha: str) -> str:
    return f"evidence/{sha}"


def _sha(data: bytes) -> str:
    return digests.sha256(data).hexdigest()


def review_path(assessment_id: str) -> str:
    return f"reviews/{assessment_id}.json"


def build_manifest(
    revisions: Sequence[SignedRevision],
    frameworks: Sequence[FrameworkText],
    evidence_sizes: dict[str, int],
    sender: Person,
    *,
    kind: BundleKind = "field",
    reviews: Sequence[ReviewDoc] = (),
    model_towns: Sequence[ModelTownRecord] = (),
    extra_municipalities: Sequence[MunicipalityRecord] = (),
    audit_head: AuditHeadRecord | None = None,
    key_statements: Sequence[str] = (),
) -> tuple[Manifest, dict[str, bytes]]:
    """The manifest plus the in-memory entries it describes (all but evidence).

    Reviews need no signature of their own: the manifest's signature covers
    their hashes, and they are only ever sent by the office that wrote them.
    """
    small: dict[str, bytes] = {}
    fw_entries = []
    for f in sorted(frameworks, key=lambda f: f.hash):
        path = f"frameworks/{f.hash}.json"
        small[path] = f.canonical.encode("utf-8")
        fw_entries.append(FrameworkEntry(hash=f.hash, id=f.id, version=f.version, path=path))
    munis: dict[str, MunicipalityRecord] = {}
    rev_entries = []
    for r in sorted(revisions, key=lambda r: (r.doc.revision, r.doc.id)):
        path = f"revisions/{r.doc.id}.json"
        small[path] = r.content
        small[path + ".sig"] = r.signature.encode("ascii")
        munis[r.doc.municipality.code] = r.doc.municipality
        rev_entries.append(
            RevisionEntry(
                id=r.doc.id, revision=r.doc.revision, supersedes=r.doc.supersedes,
                municipality_code=r.doc.municipality.code, year=r.doc.year,
                framework_hash=r.doc.framework.hash, path=path, signature_path=path + ".sig",
            )
        )
    review_entries = []
    for rv in sorted(reviews, key=lambda r: r.assessment_id):
        path = review_path(rv.assessment_id)
        small[path] = rv.canonical()
        review_entries.append(
            ReviewEntry(assessment_id=rv.assessment_id, revision=rv.revision, status=rv.status, path=path)
        )
    for mr in extra_municipalities:
        munis.setdefault(mr.code, mr)
    entries = [EntryRecord(path=p, sha256=_sha(b), size=len(b)) for p, b in small.items()]
    entries += [
        EntryRecord(path=evidence_path(s), sha256=s, size=n) for s, n in evidence_sizes.items()
    ]
    # The newest event the bundle carries, not the wall clock: the same content gives the same bytes.
    stamps = [r.doc.finalized_at for r in revisions]
    stamps += [d.at for rv in reviews for d in rv.decisions]
    stamps += [t.chosen_at for t in model_towns]
    manifest = Manifest(
        format="secbundle",
        format_version=FORMAT_VERSION,
        created_at=max(stamps, default="1970-01-01T00:00:00Z"),
        sender=sender,
        frameworks=fw_entries,
        municipalities=[munis[c] for c in sorted(munis)],
        revisions=rev_entries,
        entries=sorted(entries, key=lambda e: e.path),
        kind=kind,
        reviews=review_entries,
        model_towns=sorted(model_towns, key=lambda t: (t.province_code, t.year, t.id)),
        audit_head=audit_head,
        key_statements=list(key_statements),
    )
    return manifest, small


def write_bundle(
    path: Path,
    revisions: Sequence[SignedRevision],
    frameworks: Sequence[FrameworkText],
    blob_path: Callable[[str], Path],
    sender: Person,
    key: Ed25519PrivateKey,
    progress: Progress | None = None,
    *,
    kind: BundleKind = "field",
    reviews: Sequence[ReviewDoc] = (),
    model_towns: Sequence[ModelTownRecord] = (),
    extra_municipalities: Sequence[MunicipalityRecord] = (),
    audit_head: AuditHeadRecord | None = None,
    key_statements: Sequence[str] = (),
) -> WrittenBundle:
    """Write the bundle atomically; raises Cancelled (nothing left behind) if progress says so.

    ``audit_head`` (the sender's ``store.audit.head()``) is signed with the manifest so the
    receiver can anchor the sender's audit chain (docs/audit.md).
    """
    sizes: dict[str, int] = {}
    for r in revisions:
        for e in r.doc.evidence:
            sizes[e.sha256] = e.size
    manifest, small = build_manifest(
        revisions, frameworks, sizes, sender, kind=kind, reviews=reviews,
        model_towns=model_towns, extra_municipalities=extra_municipalities, audit_head=audit_head,
        key_statements=key_statements,
    )
    body = manifest.canonical()
    signature = sshsig.sign(key, body, BUNDLE_NAMESPACE).encode("ascii")
    total = sum(e.size for e in manifest.entries) + len(body)
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            raise Cancelled("export cancelled; no bundle was written", code="cancelled")

    with DeterministicZipWriter(path) as zw:
        zw.add_bytes(MANIFEST, body)
        zw.add_bytes(MANIFEST_SIG, signature)
        tick(len(body))
        for entry in manifest.entries:
            if entry.path in small:
                zw.add_bytes(entry.path, small[entry.path])
                tick(entry.size)
                continue
            _copy_evidence(zw, entry, blob_path(entry.sha256), tick)
    sha, size = _file_sha(path)
    return WrittenBundle(path, sha, size, len(revisions), sum(sizes.values()))


def _copy_evidence(
    zw: DeterministicZipWriter, entry: EntryRecord, src: Path, tick: Callable[[int], None]
) -> None:
    """Stream one blob in, re-hashing it: a damaged local file aborts the export."""
    hasher = digests.sha256()

    def seen(chunk: bytes) -> None:
        hasher.update(chunk)
        tick(len(chunk))

    try:
        if src.stat().st_size != entry.size:
            raise StoreError(f"evidence {entry.sha256[:12]}… has changed size on disk; it is damaged",
                             code="outgoing.evidence_damaged", sha256=entry.sha256[:12])
    except OSError as exc:
        raise StoreError(
            f"evidence {entry.sha256[:12]}… cannot be read: {exc.strerror or exc}",
            code="outgoing.evidence_unreadable", sha256=entry.sha256[:12]
        ) from None
    zw.add_file(entry.path, src, stored=True, on_chunk=seen)
    if hasher.hexdigest() != entry.sha256:
        raise StoreError(f"evidence {entry.sha256[:12]}… no longer matches its hash; it is damaged",
                         code="outgoing.evidence_damaged", sha256=entry.sha256[:12])


def _file_sha(path: Path) -> tuple[str, int]:
    h = digests.sha256()
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK_SIZE):
            h.update(chunk)
            n += len(chunk)
    return h.hexdigest(), n


def default_name(sender: Person, created_at: str, count: int, kind: BundleKind = "field") -> str:
    stamp = "".join(ch for ch in created_at[:19] if ch.isdigit())
    infix = "" if kind == "field" else f"{kind}-"
    return f"secity-{infix}{sender.key_id}-{stamp}-{count}{BUNDLE_SUFFIX}"


__all__ = [
    "BUNDLE_SUFFIX",
    "MANIFEST",
    "MANIFEST_SIG",
    "FrameworkText",
    "SignedRevision",
    "WrittenBundle",
    "build_manifest",
    "default_name",
    "review_path",
    "write_bundle",
]
