"""Verifying a ``.secbundle`` before anything in it is believed.

Order matters: the zip's directory is vetted first (safezip), then the
manifest's signature against the office's enrolled keys, then the manifest's
schema, then every entry's presence, size and hash, then each revision's own
signature and content. Only a bundle that passes everything is returned;
anything else raises ``BundleRejected`` with a stable reason code.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from secity_desktop.core import framework as fw
from secity_desktop.core.errors import FrameworkError
from secity_desktop.sync import keys, sshsig
from secity_desktop.sync.bundle_write import MANIFEST, MANIFEST_SIG, evidence_path
from secity_desktop.sync.constants import BUNDLE_NAMESPACE, CHUNK_SIZE
from secity_desktop.sync.documents import Manifest, RevisionDoc, parse_manifest, parse_revision
from secity_desktop.sync.errors import BundleRejected, SignatureError
from secity_desktop.sync.safezip import SafeZip, ZipLimits, open_bundle_zip
from secity_desktop.sync.trust import TrustedKey

MAX_SIG = 16 * 1024
MAX_REVISION = 4 * 1024 * 1024
MAX_FRAMEWORK = 4 * 1024 * 1024


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

    def discard_staged(self) -> None:
        for p in self.staged.values():
            with contextlib.suppress(OSError):
                os.unlink(p)
        self.staged.clear()


def file_sha256(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(CHUNK_SIZE):
                h.update(chunk)
                n += len(chunk)
    except OSError as exc:
        raise BundleRejected("unreadable", f"cannot read {path.name}: {exc.strerror}") from None
    return h.hexdigest(), n


_SIG_REASONS = {
    "malformed": "bad_signature",
    "bad_namespace": "bad_signature",
    "wrong_namespace": "wrong_namespace",
    "unknown_key": "unknown_signer",
    "bad_signature": "bad_signature",
}


def _check_sig(armoured: str, data: bytes, trusted: Sequence[TrustedKey], what: str) -> TrustedKey:
    by_raw = {k.fingerprint: k for k in trusted}
    try:
        pub = sshsig.verify(armoured, data, BUNDLE_NAMESPACE, [k.public_key for k in trusted])
    except SignatureError as exc:
        raise BundleRejected(_SIG_REASONS.get(exc.reason, "bad_signature"), f"{what}: {exc}") from None
    signer = by_raw[keys.fingerprint(pub)]
    if signer.revoked:
        raise BundleRejected(
            "revoked_key",
            f"{what}: signed by {signer.name}'s key {signer.fingerprint}, revoked on "
            f"{signer.revoked_at}",
        )
    return signer


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


def _read_checked(z: SafeZip, path: str, expect: dict[str, tuple[str, int]], cap: int) -> bytes:
    data = z.read_small(path, cap)
    sha, size = expect[path]
    if hashlib.sha256(data).hexdigest() != sha or len(data) != size:
        raise BundleRejected("hash_mismatch", f"{path} does not match its hash in the manifest")
    return data


def _stream_checked(
    z: SafeZip, path: str, sha: str, size: int, sink: Path | None, tick: Callable[[int], None]
) -> None:
    h = hashlib.sha256()
    n = 0
    out = open(sink, "wb") if sink is not None else None  # noqa: SIM115
    try:
        with z.open_entry(path) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                h.update(chunk)
                n += len(chunk)
                if out is not None:
                    out.write(chunk)
                tick(len(chunk))
        if out is not None:
            out.flush()
            os.fsync(out.fileno())
    finally:
        if out is not None:
            out.close()
    if n != size or h.hexdigest() != sha:
        raise BundleRejected("hash_mismatch", f"{path} does not match its hash in the manifest")


def _check_revision(doc: RevisionDoc, m: Manifest, frameworks: dict[str, fw.Framework]) -> None:
    path = f"revisions/{doc.id}.json"
    entry = next((r for r in m.revisions if r.id == doc.id), None)
    if entry is None or (
        entry.revision, entry.supersedes, entry.municipality_code, entry.year, entry.framework_hash
    ) != (doc.revision, doc.supersedes, doc.municipality.code, doc.year, doc.framework.hash):
        raise BundleRejected("revision_mismatch", f"{path} disagrees with the manifest")
    if doc.municipality not in m.municipalities:
        raise BundleRejected("revision_mismatch", f"{path}: municipality record differs from the manifest's")
    f = frameworks.get(doc.framework.hash)
    if f is None:
        raise BundleRejected("missing_framework", f"{path} uses a framework the bundle does not carry")
    seen: set[str] = set()
    for r in doc.responses:
        ind = f.indicator(r.indicator)
        if ind is None or r.indicator in seen:
            raise BundleRejected("bad_revision", f"{path}: indicator {r.indicator!r} is unknown or repeated")
        seen.add(r.indicator)
        if r.level is not None and ind.level(r.level) is None:
            raise BundleRejected("bad_revision", f"{path}: level {r.level} is not on {r.indicator}'s scale")
    for e in doc.evidence:
        if f.indicator(e.indicator) is None:
            raise BundleRejected("bad_revision", f"{path}: evidence for unknown indicator {e.indicator!r}")


def verify_bundle(
    path: Path,
    trusted: Sequence[TrustedKey],
    *,
    limits: ZipLimits | None = None,
    stage_dir: Path | None = None,
    have_blob: Callable[[str], bool] = lambda _s: False,
    progress: Callable[[int, int], bool] | None = None,
    framework_cache: dict[str, fw.Framework] | None = None,
) -> VerifiedBundle:
    """Check everything; with ``stage_dir``, evidence not yet held is copied there while hashed."""
    file_sha, file_size = file_sha256(path)
    vb: VerifiedBundle | None = None
    with open_bundle_zip(path, limits) as z:
        names = set(z.names())
        for required in (MANIFEST, MANIFEST_SIG):
            if required not in names:
                raise BundleRejected("missing_entry", f"the bundle has no {required}")
        body = z.read_small(MANIFEST)
        signer = _check_sig(_read_sig(z, MANIFEST_SIG), body, trusted, MANIFEST)
        m = parse_manifest(body)
        if m.sender.key_fingerprint != signer.fingerprint or m.sender.key_id != signer.key_id:
            raise BundleRejected("sender_mismatch", "the manifest names a different sender than its signer")
        _check_entries(z, m)
        expect = {e.path: (e.sha256, e.size) for e in m.entries}
        frameworks: dict[str, fw.Framework] = {}
        for fe in m.frameworks:
            if fe.path != f"frameworks/{fe.hash}.json" or fe.path not in expect:
                raise BundleRejected("bad_manifest", f"framework {fe.hash[:12]}… has no entry")
            text = _read_checked(z, fe.path, expect, MAX_FRAMEWORK)
            cached = (framework_cache or {}).get(fe.hash)
            if cached is not None and expect[fe.path][0] == fe.hash:
                # the entry's bytes hash to the framework hash, so they ARE its canonical JSON
                frameworks[fe.hash] = cached
                continue
            try:
                loaded = fw.load_text(text.decode("utf-8"), fe.path)
            except (FrameworkError, UnicodeDecodeError) as exc:
                raise BundleRejected("framework_mismatch", f"{fe.path}: {str(exc)[:200]}") from None
            if loaded.hash != fe.hash:
                raise BundleRejected("framework_mismatch", f"{fe.path} does not hash to {fe.hash[:12]}…")
            frameworks[fe.hash] = loaded
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
            rsigner = _check_sig(sig, content, trusted, re_.path)
            if doc.assessor.key_fingerprint != rsigner.fingerprint:
                raise BundleRejected("sender_mismatch", f"{re_.path} names a different assessor than its signer")
            _check_revision(doc, m, frameworks)
            for e in doc.evidence:
                ep = evidence_path(e.sha256)
                if expect.get(ep) != (e.sha256, e.size):
                    raise BundleRejected("missing_entry", f"{re_.path}: evidence {e.sha256[:12]}… is not in the bundle")
                evidence[e.sha256] = e.size
            claimed |= {re_.path, re_.signature_path}
            revisions.append(
                VerifiedRevision(doc, content, sig, hashlib.sha256(content).hexdigest(), rsigner)
            )
        if len({r.doc.id for r in revisions}) != len(revisions):
            raise BundleRejected("bad_manifest", "the manifest lists a revision twice")
        claimed |= {evidence_path(s) for s in evidence}
        unclaimed = sorted(set(expect) - claimed)
        if unclaimed:
            raise BundleRejected("extra_entry", f"{unclaimed[0]} is listed but belongs to nothing")
        vb = VerifiedBundle(path, file_sha, file_size, m, signer, revisions, frameworks, evidence)
        total = sum(evidence.values())
        done = 0

        def tick(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None and progress(done, total) is False:
                from secity_desktop.store.blobs import Cancelled

                raise Cancelled("import cancelled; nothing was changed")

        try:
            for sha, size in sorted(evidence.items()):
                sink = None
                if stage_dir is not None and not have_blob(sha):
                    sink = stage_dir / sha
                    vb.staged[sha] = sink
                _stream_checked(z, evidence_path(sha), sha, size, sink, tick)
        except BaseException:
            vb.discard_staged()
            raise
    return vb
