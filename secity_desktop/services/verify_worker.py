"""What a verification worker process runs, and the per-file steps both processes share.

Kept apart from the pool (``services/verify_pool.py``, which says how the work is shared) so
each stays small. Nothing heavy is imported at the top: the GUI and the CLI load this with
the import service, and a worker pays the bundle readers' imports once, in
:func:`init_worker`.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from secity_desktop.bundle.plan import Rejection
    from secity_desktop.bundle.read import VerifiedBundle

    Outcome = VerifiedBundle | Rejection


@dataclasses.dataclass(frozen=True)
class Unsealed:
    """An age file decrypted here for a worker: its plain copy, and the outer file's identity."""

    plain: Path
    outer_sha256: str
    outer_size: int


def unseal(path: Path, trusted: Sequence[Any], own_key: Any, decrypt_dir: Path) -> Unsealed | Outcome:
    """The steps ``bundle.incoming.verify_bundle_file`` takes for an age file before it
    verifies the plain bundle, done here so only the plain copy goes to a worker (the key
    never does): the revoked-recipient check, then decryption with the file's hash taken on
    the way. A refusal is returned as the same :class:`Rejection`; any other failure raises
    (the caller then verifies the file here, which says it as in-process)."""
    from secity_desktop import digests
    from secity_desktop.bundle.encryption import decrypt_to
    from secity_desktop.bundle.incoming import _refuse_revoked_recipient
    from secity_desktop.core.errors import BundleRejected

    try:
        _refuse_revoked_recipient(path, own_key, trusted)
        outer = path.stat().st_size
        hasher = digests.sha256()
        plain = decrypt_to(path, decrypt_dir, own_key, None, hasher)
    except BundleRejected as exc:
        return refusal(path, exc)
    return Unsealed(plain, hasher.hexdigest(), outer)


def refused_as(rej: Rejection, path: Path, opened: Unsealed | None) -> Rejection:
    """A worker's refusal named for the file as given (an age file: its own hash and size)."""
    if opened is None:
        return dataclasses.replace(rej, path=path)
    from secity_desktop.bundle.read import file_sha256
    from secity_desktop.core.errors import BundleRejected

    try:
        sha, size = file_sha256(path)
    except BundleRejected:
        sha, size = None, 0
    return dataclasses.replace(rej, path=path, file_sha256=sha, size=size)


# --- the worker (child side) --------------------------------------------------------------
_CANCEL: Any = None
#: (token, context, the framework hashes the parent sent: only those go back as None)
_CONTEXT: tuple[int, tuple[Any, ...], frozenset[str]] | None = None


def init_worker(cancel: Any) -> None:
    """Runs once in each worker: keep the cancel event, load the readers (and the encoder of
    what goes back) before any task."""
    global _CANCEL
    _CANCEL = cancel
    import secity_desktop.bundle.incoming
    import secity_desktop.services.verify_results
    import secity_desktop.store.blob_staging  # noqa: F401


def ping() -> int:
    return os.getpid()


def verify_chunk(token: int, blob: bytes, cwd: str, items: list[tuple[int, str]]) -> bytes:
    """Verify files (number, path) in a worker: ("ok", bundle) | ("refused", Rejection) | ("again", None)
    for each, encoded as one ``bytes`` by ``services/verify_results.py`` (the parent rebuilds
    the document models without re-running their schema: :func:`verify_results.loads`).

    Frameworks the parent already holds are sent back as None (it puts its own object back);
    so is each bundle's path (the parent names it with its own).
    """
    global _CONTEXT
    from secity_desktop.bundle.plan import Rejection
    from secity_desktop.services import verify_results
    from secity_desktop.services.gc_pace import fewer_collections
    from secity_desktop.store.blob_staging import BlobStaging
    from secity_desktop.store.blobs import BlobStore

    if _CONTEXT is None or _CONTEXT[0] != token:
        context = pickle.loads(blob)
        _CONTEXT = (token, context, frozenset(context[1]))
    if os.getcwd() != cwd:  # the parent's current folder: a path given relative means the same
        os.chdir(cwd)
    trusted, cache, limits, blobs_root, stage = _CONTEXT[1]
    parents = _CONTEXT[2]  # (cache also learns the frameworks verified here: not the parent's)
    staging = None if stage is None else BlobStaging(BlobStore(blobs_root), stage,
                                                     journal=f"parts.{os.getpid()}.log")
    out: list[tuple[int, str, Any]] = []
    try:
        with fewer_collections():
            for n, path in items:
                if _CANCEL is not None and _CANCEL.is_set():
                    out.append((n, "again", None))
                    continue
                try:
                    result = verify_or_refuse(
                        Path(path), trusted, limits=limits, cache=cache, decrypt_dir=blobs_root,
                        stager=None if staging is None else staging.stager(n))
                except Exception:  # a full disk, a bug: the parent does it again and says it
                    out.append((n, "again", None))
                    continue
                if isinstance(result, Rejection):
                    out.append((n, "refused", result))
                else:
                    result.frameworks = {h: None if h in parents and cache[h] is fw else fw
                                         for h, fw in result.frameworks.items()}
                    result.path = None  # type: ignore[assignment]
                    out.append((n, "ok", result))
            return verify_results.dumps(out)  # (while the collector is paced: ≈ 50 models a file)
    finally:
        if staging is not None:
            staging.close()


# --- one file, in either process -----------------------------------------------------------
def verify_or_refuse(path: Path, trusted: Sequence[Any], *, limits: Any, cache: dict[str, Any],
                     stager: Callable[[str], Path | None] | None, decrypt_dir: Path,
                     own_key: Any = None, progress: Callable[[int, int], bool] | None = None) -> Outcome:
    """The bundle verified, or the :class:`Rejection` that says why it is refused.

    ``decrypt_dir`` is used only with ``own_key`` (a worker never has it: it refuses an
    encrypted file as ``not_for_us`` before decrypting anything — and is never sent one).
    """
    from secity_desktop.bundle.incoming import verify_bundle_file
    from secity_desktop.core.errors import BundleRejected

    try:
        return verify_bundle_file(
            path, trusted, own_key=own_key, decrypt_dir=decrypt_dir,
            limits=limits, stager=stager, progress=progress, framework_cache=cache,
        )
    except BundleRejected as exc:
        return refusal(path, exc)


def refusal(path: Path, exc: Any) -> Rejection:
    """The :class:`Rejection` for a file refused with ``exc`` (a ``BundleRejected``)."""
    from secity_desktop.bundle.plan import Rejection
    from secity_desktop.bundle.read import file_sha256
    from secity_desktop.core.errors import BundleRejected

    try:
        sha, size = file_sha256(path)
    except BundleRejected:
        sha, size = None, 0
    claim = exc.params
    return Rejection(
        path, exc.reason, str(exc), sha, size,
        sender_fingerprint=claim.get("sender_fingerprint"),
        sender_name=claim.get("sender_name"),
        sender_organisation=claim.get("sender_organisation"),
        sender_public=claim.get("sender_public"),
    )
