"""Verifying a ``.secbundle`` before anything in it is believed.

Order matters: the zip's directory is vetted first (safezip), then the
manifest's signature against the office's enrolled keys, then the manifest's
schema, then every entry's presence, size and hash, then each revision's own
signature and content. Only a bundle that passes everything is returned;
anything else raises ``BundleRejected`` with a stable reason code.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop import digests
from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.bundle.content import check_lists, check_revision, framework_named_as
from secity_desktop.bundle.documents import (
    Manifest,
    ReviewDoc,
    RevisionDoc,
    parse_manifest,
    parse_review,
    parse_revision,
)
from secity_desktop.bundle.safezip import SafeZip, ZipLimits, open_bundle_zip
from secity_desktop.bundle.signers import (
    check_signature,
    check_vouched_window,
    check_window,
    claim_sender,
    revoked_by_date,
    vouched_signature,
)
from secity_desktop.bundle.statements import REVOKED_HISTORY, carried_revocations, provisional_keys
from secity_desktop.bundle.write import MANIFEST, MANIFEST_SIG, evidence_path, review_path
from secity_desktop.core import framework as fw
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import BundleRejected, FrameworkError

#: Where the OS offers one call that flushes everything (POSIX ``sync``), staged evidence is not
#: fsynced file by file; the importer calls :func:`flush_staged` once per batch instead, before
#: anything refers to it. Hundreds of per-file fsyncs cost more than the hashing.
BATCH_SYNC = hasattr(os, "sync")
MAX_SIG = 16 * 1024
MAX_REVISION = 4 * 1024 * 1024
MAX_FRAMEWORK = 4 * 1024 * 1024
MAX_REVIEW = 4 * 1024 * 1024


@dataclass(frozen=True)
class VerifiedRevision:
    doc: RevisionDoc
    content: bytes
    signature: str
    sha256: str
    signer: TrustedKey


@dataclass
class VerifiedBundle:
    path: Path
    file_sha256: str
    size: int
    manifest: Manifest
    signer: TrustedKey
    revisions: list[VerifiedRevision]
    frameworks: dict[str, fw.Framework]
    evidence: dict[str, int]
    staged: dict[str, Path] = field(default_factory=dict)
    reviews: list[ReviewDoc] = field(default_factory=list)
    #: True when the file was an age-encrypted bundle; ``file_sha256``/``size`` are then the
    #: inner signed bundle's (its identity: the same bundle encrypted twice differs), and
    #: ``outer_sha256``/``outer_size`` the file's own.
    encrypted: bool = False
    outer_sha256: str = ""
    outer_size: int = 0
    #: the signed key statements the manifest carries (applied when the import is)
    key_statements: list[bytes] = field(default_factory=list)
    #: keys accepted only thanks to a grace (replaced or revoked from a date before now)
    late_keys: set[str] = field(default_factory=set)

    @property
    def kind(self) -> str:
        return self.manifest.kind

    def discard_staged(self) -> None:
        for p in self.staged.values():
            with contextlib.suppress(OSError):
                os.unlink(p)
        self.staged.clear()


def flush_staged() -> None:
    """Make staged (and renamed) evidence durable before the transaction that refers to it."""
    if BATCH_SYNC:
        os.sync()


def file_sha256(path: Path) -> tuple[str, int]:
    h = digests.sha256()
    n = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK_SIZE):
                h.update(chunk)
                n += len(chunk)
    except OSError as exc:
        raise BundleRejected("unreadable", f"cannot read {path.name}: {exc.strerror}") from None
    return h.hexdigest(), n


def _check_self(m: Manifest, revisions: list[VerifiedRevision], signer: TrustedKey) -> None:
    """A municipality key speaks only for its own municipality, and only in ``self`` bundles.

    A verified result must come from an assessor: a municipality's signature on a field
    (or any other) bundle is refused, so its claim can never pass as a verified level.
    """
    signers = [signer] + [r.signer for r in revisions]
    if m.kind != "self":
        if any(k.role == "municipality" for k in signers):
            raise BundleRejected(
                "municipality_signer",
                f"a municipality's key signed this {m.kind} bundle; it may sign only its own"
                " self-assessment",
            )
        return
    if m.reviews or m.model_towns:
        raise BundleRejected("bad_manifest", "a self bundle carries self-assessments only")
    if not revisions:
        raise BundleRejected("bad_manifest", "a self bundle carries at least one self-assessment")
    for k in signers:
        if k.role != "municipality" or not k.municipality_code:
            raise BundleRejected(
                "not_municipality_key",
                f"{k.name}'s key is not enrolled as a municipality's key; enrol it with"
                " `secity trust add --role municipality --municipality CODE`",
            )
    for r in revisions:
        for k in signers:
            if r.doc.municipality.code != k.municipality_code:
                raise BundleRejected(
                    "wrong_municipality",
                    f"{k.name}'s key speaks for municipality {k.municipality_code}, not"
                    f" {r.doc.municipality.code}",
                )


def _check_kind(m: Manifest, revisions: list[VerifiedRevision], reviews: list[ReviewDoc]) -> None:
    """What each kind of bundle may hold; anything else is refused as malformed."""
    if m.kind == "self":
        return  # _check_self
    if m.kind == "field":
        if m.reviews or m.model_towns:
            raise BundleRejected("bad_manifest", "a field bundle cannot carry reviews or model towns")
        return
    by_id = {r.doc.id: r for r in revisions}
    if m.kind == "return":
        if revisions or m.model_towns or m.frameworks:
            raise BundleRejected("bad_manifest", "a return bundle carries reviews only")
        if not reviews or any(rv.status != "returned" for rv in reviews):
            raise BundleRejected("bad_manifest", "a return bundle must hold returned reviews only")
        return
    # upward: every revision approved by the sending province, for its own municipalities
    province = m.sender.province
    if not province:
        raise BundleRejected("bad_manifest", "an upward bundle must name the sender's province")
    if any(rv.status != "approved" for rv in reviews):
        raise BundleRejected("bad_manifest", "an upward bundle carries approved results only")
    reviewed = {rv.assessment_id for rv in reviews}
    if set(by_id) != reviewed:
        raise BundleRejected("bad_manifest", "every revision of an upward bundle needs its approval, and no more")
    for rv in reviews:
        rev = by_id[rv.assessment_id]
        if (rv.revision, rv.revision_sha256, rv.municipality_code, rv.year) != (
            rev.doc.revision, rev.sha256, rev.doc.municipality.code, rev.doc.year
        ):
            raise BundleRejected("bad_review", f"{review_path(rv.assessment_id)} judged other content than the bundle holds")
    for mr in m.municipalities:
        if mr.province_code != province:
            raise BundleRejected(
                "wrong_province",
                f"municipality {mr.code} belongs to province {mr.province_code}; the sender speaks for {province}",
            )
    listed = {mr.code for mr in m.municipalities}
    for t in m.model_towns:
        if t.municipality_code not in listed:
            raise BundleRejected("bad_manifest", f"model town {t.municipality_code} is not among the bundle's municipalities")
        if t.province_code != province:
            raise BundleRejected("wrong_province", f"a model town for province {t.province_code} is not the sender's to choose")


def _read_sig(z: SafeZip, name: str) -> str:
    raw = z.read_small(name, MAX_SIG)
    try:
        return raw.decode("ascii")
    except UnicodeDecodeError:
        raise BundleRejected("bad_signature", f"{name} is not an SSH signature") from None


def _check_entries(z: SafeZip, m: Manifest) -> None:
    listed = [e.path for e in m.entries]
    if len(set(listed)) != len(listed):
        raise BundleRejected("bad_manifest", "the manifest lists an entry twice")
    have = set(z.names()) - {MANIFEST, MANIFEST_SIG}
    missing = sorted(set(listed) - have)
    extra = sorted(have - set(listed))
    if missing:
        raise BundleRejected("missing_entry", f"the bundle lacks {missing[0]!r} (and {len(missing) - 1} more)")
    if extra:
        raise BundleRejected("extra_entry", f"the bundle holds {extra[0][:80]!r}, which the manifest does not list")
    for e in m.entries:
        if z.size(e.path) != e.size:
            raise BundleRejected("size_mismatch", f"{e.path} is {z.size(e.path)} bytes, the manifest says {e.size}")


#: Framework members already verified in this process, by what they inflate to:
#: (method, SHA-256, size of the content) → the exact stored bytes (compressed for DEFLATE)
#: that inflated to it. Every bundle carries the same ~150 KB framework; recognising its ~30 KB
#: of stored bytes by comparing them with these costs a memory compare instead of inflating
#: and hashing it (or even hashing the stored bytes). Inflating is deterministic: the same
#: stored bytes always give the same content. Right for any bundle, any thread.
_VERIFIED_MEMBERS: dict[tuple[int, str, int], bytes] = {}
_MAX_MEMBERS_KEPT = 64
_MAX_MEMBER_BYTES_KEPT = 16 * 1024 * 1024


def _framework_bytes_known(z: SafeZip, path: str, expect: dict[str, tuple[str, int]]) -> bool:
    """Whether this framework member's stored bytes are ones that inflated to what is expected."""
    method, raw = z.read_stored(path, MAX_FRAMEWORK)
    known = _VERIFIED_MEMBERS.get((method, *expect[path]))
    return known is not None and known == raw


def _remember_framework_bytes(z: SafeZip, path: str, expect: dict[str, tuple[str, int]]) -> None:
    method, raw = z.read_stored(path, MAX_FRAMEWORK)
    kept = sum(len(b) for b in _VERIFIED_MEMBERS.values())
    if len(_VERIFIED_MEMBERS) < _MAX_MEMBERS_KEPT and kept + len(raw) <= _MAX_MEMBER_BYTES_KEPT:
        _VERIFIED_MEMBERS.setdefault((method, *expect[path]), raw)


def _read_checked(z: SafeZip, path: str, expect: dict[str, tuple[str, int]], cap: int) -> bytes:
    data = z.read_small(path, cap)
    sha, size = expect[path]
    if digests.sha256(data).hexdigest() != sha or len(data) != size:
        raise BundleRejected("hash_mismatch", f"{path} does not match its hash in the manifest")
    return data


def _stream_checked(
    z: SafeZip, path: str, sha: str, size: int, sink: Path | None, tick: Callable[[int], None]
) -> None:
    h = digests.sha256()
    n = 0
    out = open(sink, "wb") if sink is not None else None  # noqa: SIM115
    try:
        # The SHA-256 from the signed manifest is checked, which makes the zip CRC redundant.
        with z.open_entry(path, check_crc=False) as stream:
            for chunk in stream.chunks():
                h.update(chunk)
                n += len(chunk)
                if out is not None:
                    out.write(chunk)
                tick(len(chunk))
        if out is not None:
            out.flush()
            if not BATCH_SYNC:
                os.fsync(out.fileno())
    finally:
        if out is not None:
            out.close()
    if n != size or h.hexdigest() != sha:
        raise BundleRejected("hash_mismatch", f"{path} does not match its hash in the manifest")


#: How a part is created: written through the OS call itself (no buffered file object per
#: part), replacing a leftover of the same name as ``open(…, "wb")`` would.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)


def _write_all(fd: int, chunk: bytes | memoryview) -> None:
    view = memoryview(chunk)
    while view:
        view = view[os.write(fd, view):]


class _Sink:
    """One evidence member seen during the sequential scan: hashed, counted, maybe staged."""

    def __init__(self, sha: str, size: int, target: Path | None, tick: Callable[[int], None]) -> None:
        self.sha, self.size, self.tick = sha, size, tick
        self.hasher = digests.sha256()
        self.count = 0
        self.target = target
        self.fd = os.open(target, _CREATE, 0o666) if target is not None else -1

    def __call__(self, chunk: bytes) -> None:
        self.hasher.update(chunk)
        self.count += len(chunk)
        if self.fd >= 0:
            _write_all(self.fd, chunk)
        self.tick(len(chunk))

    def finish(self) -> None:
        if self.fd >= 0:
            if not BATCH_SYNC:
                os.fsync(self.fd)
            self.close()
        if self.count != self.size or self.hasher.hexdigest() != self.sha:
            raise BundleRejected(
                "hash_mismatch", f"{evidence_path(self.sha)} does not match its hash in the manifest"
            )

    def close(self) -> None:
        if self.fd >= 0:
            fd, self.fd = self.fd, -1
            os.close(fd)


Stager = Callable[[str], Path | None]
"""sha → the (temp) path to write that evidence to while it is verified, or None when it is held.

The import service hands one per bundle (``store.blob_staging.BlobStaging.stager``): a part
in the evidence file's final folder, renamed into place when the import is applied. A stager
with a ``many(shas)`` method (that one) is asked once for all of a bundle's evidence:
``{sha: path}`` for those not held.
"""


def folder_stager(stage_dir: Path, have_blob: Callable[[str], bool]) -> Stager:
    """A stager that writes evidence not held yet as ``stage_dir/<sha>`` (library callers, tests)."""
    made = False

    def stage(sha: str) -> Path | None:
        nonlocal made
        if have_blob(sha):
            return None
        if not made:
            stage_dir.mkdir(exist_ok=True)
            made = True
        return stage_dir / sha

    return stage


def _stage(vb: VerifiedBundle, stager: Stager | None, sha: str) -> Path | None:
    """Where this evidence is written while hashed; noted in ``vb.staged`` before it exists."""
    target = None if stager is None else stager(sha)
    if target is not None:
        vb.staged[sha] = target
    return target


def _scan_evidence(
    z: SafeZip,
    vb: VerifiedBundle,
    stager: Stager | None,
    progress: Callable[[int, int], bool] | None,
) -> tuple[str, int]:
    """Hash the file and every evidence member in one front-to-back read; returns (sha, size)."""
    total = sum(vb.evidence.values())
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done += n
        if progress is not None and progress(done, total) is False:
            from secity_desktop.core.errors import Cancelled

            raise Cancelled("import cancelled; nothing was changed", code="cancelled")

    by_path = {evidence_path(s): s for s in vb.evidence}
    sinks: dict[str, _Sink] = {}
    many = getattr(stager, "many", None)
    targets: dict[str, Path] | None = None
    if many is not None:  # every part named (journaled, noted) before the first is created
        targets = many(list(vb.evidence))
        vb.staged.update(targets)

    def consume(name: str) -> Callable[[bytes], None] | None:
        sha = by_path.get(name)
        if sha is None:
            return None
        target = _stage(vb, stager, sha) if targets is None else targets.get(sha)
        sinks[sha] = _Sink(sha, vb.evidence[sha], target, tick)
        return sinks[sha]

    file_hash = digests.sha256()
    try:
        size = z.scan(consume, file_hash)
        for sink in sinks.values():
            sink.finish()
    finally:
        for sink in sinks.values():
            sink.close()
    # evidence a hostile writer deflated is not in the scan: read it the careful way
    for sha in sorted(set(vb.evidence) - set(sinks)):
        target = _stage(vb, stager, sha) if targets is None else targets.get(sha)
        _stream_checked(z, evidence_path(sha), sha, vb.evidence[sha], target, tick)
    return file_hash.hexdigest(), size


def verify_bundle(
    path: Path,
    trusted: Sequence[TrustedKey],
    *,
    limits: ZipLimits | None = None,
    stage_dir: Path | None = None,
    have_blob: Callable[[str], bool] = lambda _s: False,
    progress: Callable[[int, int], bool] | None = None,
    framework_cache: dict[str, fw.Framework] | None = None,
    stager: Stager | None = None,
) -> VerifiedBundle:
    """Check everything; evidence not yet held is written where ``stager`` says while hashed.

    ``stage_dir`` (with ``have_blob``) is the simple stager :func:`folder_stager`.
    """
    if stager is None and stage_dir is not None:
        stager = folder_stager(stage_dir, have_blob)
    vb: VerifiedBundle | None = None
    with open_bundle_zip(path, limits) as z:
        names = set(z.names())
        for required in (MANIFEST, MANIFEST_SIG):
            if required not in names:
                raise BundleRejected("missing_entry", f"the bundle has no {required}")
        body = z.read_small(MANIFEST)
        armoured = _read_sig(z, MANIFEST_SIG)
        history = [k for k in trusted if k.role == REVOKED_HISTORY]  # judged by, never trusted
        trusted = [k for k in trusted if k.role != REVOKED_HISTORY]
        # parsed once: the key statements are read from it before the signature is checked
        # (nothing in them is believed unless their own signatures verify), the manifest
        # itself only after — a refusal of its parse is raised there, in the same order
        parsed: Manifest | BundleRejected
        try:
            parsed = parse_manifest(body)
        except BundleRejected as exc:
            parsed = exc
        trusted = [*trusted, *provisional_keys(body, trusted, parsed)]
        late: set[str] = set()
        try:
            signer = check_signature(armoured, body, trusted, MANIFEST)
        except BundleRejected as exc:
            if exc.reason == "unknown_signer":
                claim_sender(exc, armoured, body)
            raise
        if isinstance(parsed, BundleRejected):
            raise parsed
        m = parsed
        if m.sender.key_fingerprint != signer.fingerprint or m.sender.key_id != signer.key_id:
            raise BundleRejected("sender_mismatch", "the manifest names a different sender than its signer")
        made = m.audit_head.at if m.audit_head else m.created_at
        check_window(signer, MANIFEST, late, [m.created_at, made], made)
        revoked = revoked_by_date([*history, *carried_revocations(body, signer, trusted, m)])
        _check_entries(z, m)
        check_lists(m)
        expect = {e.path: (e.sha256, e.size) for e in m.entries}
        frameworks: dict[str, fw.Framework] = {}
        for fe in m.frameworks:
            if fe.path != f"frameworks/{fe.hash}.json" or fe.path not in expect:
                raise BundleRejected("bad_manifest", f"framework {fe.hash[:12]}… has no entry")
            cached = (framework_cache or {}).get(fe.hash)
            if (cached is not None and expect[fe.path][0] == fe.hash
                    and _framework_bytes_known(z, fe.path, expect)):
                # the same stored bytes as a member verified before: they inflate to the framework
                # hash's canonical JSON, held here already — no need to inflate them again
                frameworks[fe.hash] = framework_named_as(cached, fe)
                continue
            text = _read_checked(z, fe.path, expect, MAX_FRAMEWORK)
            if cached is not None and expect[fe.path][0] == fe.hash:
                # the entry's bytes hash to the framework hash, so they ARE its canonical JSON
                frameworks[fe.hash] = framework_named_as(cached, fe)
                _remember_framework_bytes(z, fe.path, expect)
                continue
            try:
                loaded = fw.load_text(text.decode("utf-8"), fe.path)
            except (FrameworkError, UnicodeDecodeError) as exc:
                raise BundleRejected("framework_mismatch", f"{fe.path}: {str(exc)[:200]}") from None
            if loaded.hash != fe.hash:
                raise BundleRejected("framework_mismatch", f"{fe.path} does not hash to {fe.hash[:12]}…")
            frameworks[fe.hash] = framework_named_as(loaded, fe)
            if framework_cache is not None:
                framework_cache[fe.hash] = loaded
        revisions: list[VerifiedRevision] = []
        evidence: dict[str, int] = {}
        claimed = {e.path for e in m.entries if e.path.startswith("frameworks/")}
        for re_ in m.revisions:
            if re_.path != f"revisions/{re_.id}.json" or re_.signature_path != re_.path + ".sig":
                raise BundleRejected("bad_manifest", f"revision {re_.id} has odd entry names")
            if re_.path not in expect or re_.signature_path not in expect:
                raise BundleRejected("missing_entry", f"revision {re_.id} has no entry")
            content = _read_checked(z, re_.path, expect, MAX_REVISION)
            sig = _read_checked(z, re_.signature_path, expect, MAX_SIG).decode("ascii", "replace")
            doc = parse_revision(content, re_.path)
            if m.kind == "upward":
                rsigner = vouched_signature(sig, content, doc, signer, re_.path)
                check_vouched_window(revoked.get(rsigner.fingerprint), doc, re_.path)
            else:
                rsigner = check_signature(sig, content, trusted, re_.path)
                check_window(rsigner, re_.path, late, [doc.finalized_at], doc.finalized_at)
            if (doc.assessor.key_fingerprint, doc.assessor.key_id) != (rsigner.fingerprint, rsigner.key_id):
                raise BundleRejected("sender_mismatch", f"{re_.path} names a different assessor than its signer")
            check_revision(doc, m, frameworks)
            for e in doc.evidence:
                ep = evidence_path(e.sha256)
                if expect.get(ep) != (e.sha256, e.size):
                    raise BundleRejected("missing_entry", f"{re_.path}: evidence {e.sha256[:12]}… is not in the bundle")
                evidence[e.sha256] = e.size
            claimed |= {re_.path, re_.signature_path}
            # its SHA-256 is the manifest's, checked against these very bytes by _read_checked
            revisions.append(VerifiedRevision(doc, content, sig, expect[re_.path][0], rsigner))
        if len({r.doc.id for r in revisions}) != len(revisions):
            raise BundleRejected("bad_manifest", "the manifest lists a revision twice")
        reviews: list[ReviewDoc] = []
        for ve in m.reviews:
            if ve.path != review_path(ve.assessment_id) or ve.path not in expect:
                raise BundleRejected("bad_manifest", f"review of {ve.assessment_id} has no entry")
            rdoc = parse_review(_read_checked(z, ve.path, expect, MAX_REVIEW), ve.path)
            if (rdoc.assessment_id, rdoc.revision, rdoc.status) != (ve.assessment_id, ve.revision, ve.status):
                raise BundleRejected("bad_review", f"{ve.path} disagrees with the manifest")
            claimed.add(ve.path)
            reviews.append(rdoc)
        if len({r.assessment_id for r in reviews}) != len(reviews):
            raise BundleRejected("bad_manifest", "the manifest lists a review twice")
        _check_kind(m, revisions, reviews)
        _check_self(m, revisions, signer)
        claimed |= {evidence_path(s) for s in evidence}
        unclaimed = sorted(set(expect) - claimed)
        if unclaimed:
            raise BundleRejected("extra_entry", f"{unclaimed[0]} is listed but belongs to nothing")
        vb = VerifiedBundle(path, "", 0, m, signer, revisions, frameworks, evidence, reviews=reviews,
                            key_statements=[t.encode("utf-8") for t in m.key_statements],
                            late_keys=late)
        try:
            vb.file_sha256, vb.size = _scan_evidence(z, vb, stager, progress)
        except BaseException:
            vb.discard_staged()
            raise
    return vb

