"""An import's evidence, written straight into its final folder under a temp name until applied.

While a bundle is verified, each evidence file not held yet is streamed out of the zip into
``evidence/<ab>/<sha>.<stage>-<n>.part`` — the folder where it will live — and hashed on the way
(``bundle.read``). Applying the import is then one rename in the same folder per file: no
per-bundle staging folders, no second copy. The ``.part`` name is the marker: the store only
ever reads bare SHA-256 names, so a part is invisible to everything else (backups included).
Each part name carries the import's stage (``stage-…``) and the bundle's number, so two bundles
of one batch carrying the same new file never share a part, and a refused bundle's parts are
removed without touching another's.

The import's stage folder ``evidence/tmp/stage-*`` (``owner.json``: services/housekeeping)
holds the journal ``parts.log``: every part is named there **before** it is created, and every
blob an apply is about to rename into place (``placed <sha>``) before the first rename. A
finished import removes the folder. An import killed at any moment leaves it, and the next
start or import sweeps it (:func:`sweep`): the listed parts are deleted, and so is every listed
blob that no row refers to — under SQLite's write lock (:func:`drop_unreferenced`), so a
concurrent import either commits its rows first (the blob stays) or finds it gone inside its
own transaction and says so (``import_evidence_vanished``). docs/bundle-format.md,
*Applying*, has the whole story.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from secity_desktop.store.blobs import BlobStore

if TYPE_CHECKING:
    import sqlite_utils

JOURNAL = "parts.log"
WORKER_JOURNALS = "parts.*.log"
PART_SUFFIX = ".part"
_PART = re.compile(r"([0-9a-f]{2})/(\1[0-9a-f]{62})\.(stage-[A-Za-z0-9_]+)-([0-9]{1,9})\.part")
_SHA = re.compile(r"[0-9a-f]{64}")


class BlobStaging:
    """Where one import writes the evidence it verifies, and how it is put in place.

    Safe to share between the import's worker threads: folders are made once per import and
    the journal is written under one lock (a line per part, unbuffered, before the part exists).
    """

    def __init__(self, blobs: BlobStore, stage: Path, *, journal: str = JOURNAL) -> None:
        self.blobs = blobs
        self.stage = stage
        self.token = stage.name
        self.journal = journal  # a worker process keeps its own (services/verify_pool.py)
        self._lock = threading.Lock()
        self._folders: set[str] = set()
        self._journal: BinaryIO | None = None

    # --- while verifying (worker threads) ---------------------------------
    def target(self, sha: str, owner: int) -> Path | None:
        """Where bundle number ``owner`` writes evidence ``sha``; None when it is held already."""
        return self.targets([sha], owner).get(sha)

    def targets(self, shas: Iterable[str], owner: int) -> dict[str, Path]:
        """:meth:`target` for all of one bundle's evidence at once: one journal write, one lock.

        Every part is in the journal before any of them is created (the caller creates them
        after this returns), as with :meth:`target` one by one.
        """
        out: dict[str, Path] = {}
        lines: list[str] = []
        new_folders: list[tuple[str, str]] = []
        suffix = f".{self.token}-{owner}{PART_SUFFIX}"
        for sha in shas:
            final = self.blobs.file_for(sha)
            if sha in out or os.path.isfile(final):
                continue
            folder = os.path.dirname(final)
            if sha[:2] not in self._folders:
                new_folders.append((sha[:2], folder))
            out[sha] = Path(folder, sha + suffix)
            lines.append(f"part {sha[:2]}/{sha}{suffix}\n")
        if not out:
            return out
        with self._lock:
            for prefix, folder in new_folders:  # each fan-out folder once per import
                if prefix not in self._folders:
                    os.makedirs(folder, exist_ok=True)
                    self._folders.add(prefix)
            self._log("".join(lines))
        return out

    def stager(self, owner: int) -> _BundleStager:
        """:meth:`target` for one bundle, in the shape ``bundle.read.verify_bundle`` takes."""
        return _BundleStager(self, owner)

    # --- applying (worker thread, before the transaction) ------------------
    def place(self, parts: Sequence[tuple[str, Path, int]], flush: Callable[[], None]) -> list[str]:
        """Rename verified parts (sha, part, size) to their final names; returns the blobs made.

        ``flush`` (one ``os.sync``) runs before the renames — the bytes are on disk before any
        final name points at them — and after, so the names are too before rows refer to them.
        A part whose blob appeared meanwhile (another bundle of the batch, another window) is
        dropped. Each blob about to appear is journaled first, for the sweep after a kill.
        """
        todo: list[tuple[str, Path, str]] = []
        chosen: set[str] = set()
        for sha, part, size in parts:
            final = self.blobs.file_for(sha)
            try:
                held = os.stat(final).st_size == size
            except FileNotFoundError:
                held = False
            if held or sha in chosen:
                with contextlib.suppress(OSError):
                    os.unlink(part)
            else:
                todo.append((sha, part, final))
                chosen.add(sha)
        if not todo:
            return []
        flush()
        with self._lock:
            self._log("".join(f"placed {sha}\n" for sha, _p, _f in todo))
        for _sha, part, final in todo:
            os.replace(part, final)
        flush()
        return [sha for sha, _p, _f in todo]

    def _log(self, text: str) -> None:
        if self._journal is None:
            self._journal = open(self.stage / self.journal, "ab", buffering=0)  # noqa: SIM115
        self._journal.write(text.encode("ascii"))

    def close(self) -> None:
        with self._lock:
            if self._journal is not None:
                self._journal.close()
                self._journal = None


class _BundleStager:
    """One bundle's stager: called with a SHA-256 (one part), or ``many`` for all at once."""

    __slots__ = ("owner", "staging")

    def __init__(self, staging: BlobStaging, owner: int) -> None:
        self.staging, self.owner = staging, owner

    def __call__(self, sha: str) -> Path | None:
        return self.staging.target(sha, self.owner)

    def many(self, shas: Iterable[str]) -> dict[str, Path]:
        return self.staging.targets(shas, self.owner)


def discard_parts(parts: Iterable[Path]) -> None:
    for p in parts:
        with contextlib.suppress(OSError):
            os.unlink(p)


def _journals(stage: Path) -> list[Path]:
    """The import's journal and those of its worker processes (``parts.<pid>.log``)."""
    try:
        return [stage / JOURNAL, *sorted(stage.glob(WORKER_JOURNALS))]
    except OSError:
        return [stage / JOURNAL]


def journal_of(stage: Path) -> tuple[list[str], list[str]]:
    """(part paths relative to the evidence folder, shas placed) a stage's journals list.

    A line that is not exactly what :class:`BlobStaging` writes — or a part of another
    stage — is ignored: the journal is never a way to delete an arbitrary file.
    """
    text = ""
    for journal in _journals(stage):
        with contextlib.suppress(OSError):
            text += journal.read_text("ascii", errors="replace")
    parts, placed = [], []
    for line in text.splitlines():
        kind, _, rest = line.partition(" ")
        m = _PART.fullmatch(rest) if kind == "part" else None
        if m is not None and m.group(3) == stage.name:
            parts.append(rest)
        elif kind == "placed" and _SHA.fullmatch(rest):
            placed.append(rest)
    return parts, placed


def worker_parts(stage: Path, blobs: BlobStore, owners: set[int]) -> list[Path]:
    """The parts worker processes journaled in ``stage`` for these files' numbers.

    What a worker that died mid-chunk may have left: the parent verifies those files again and
    deletes these first (services/verify_pool.py).
    """
    out: list[Path] = []
    for journal in _journals(stage)[1:]:
        try:
            text = journal.read_text("ascii", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            kind, _, rest = line.partition(" ")
            m = _PART.fullmatch(rest) if kind == "part" else None
            if m is not None and m.group(3) == stage.name and int(m.group(4)) in owners:
                out.append(blobs.root / rest)
    return out


def sweep(stage: Path, blobs: BlobStore, drop: Callable[[list[str]], object] | None) -> tuple[int, bool]:
    """Undo what a killed import left: its parts, and the blobs it placed that nothing uses.

    Returns (bytes removed, whether the stage may be deleted now): when the journal lists
    placed blobs and no ``drop`` (a store to check them against) is given, the stage stays
    for a sweep that has one.
    """
    parts, placed = journal_of(stage)
    freed = 0
    for rel in parts:
        p = blobs.root / rel
        with contextlib.suppress(OSError):
            size = p.stat().st_size
            p.unlink()
            freed += size
    if placed:
        if drop is None:
            return freed, False
        drop(placed)
    return freed, True


def drop_unreferenced(db: sqlite_utils.Database, blobs: BlobStore, shas: Sequence[str]) -> list[str]:
    """Delete the evidence files among ``shas`` that no row refers to; returns those deleted.

    Runs holding SQLite's write lock (``BEGIN IMMEDIATE``): an import committing rows for one
    of these files either committed before (the file stays) or commits after and checks,
    inside its own transaction, that its files exist (services/bundle_import).
    """
    if not shas:
        return []
    gone: list[str] = []
    conn = db.conn
    own = not conn.in_transaction  # inside a caller's transaction its lock already serves
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        held: set[str] = set()
        for i in range(0, len(shas), 500):
            chunk = list(shas[i:i + 500])
            marks = ",".join("?" * len(chunk))
            held |= {r[0] for r in conn.execute(
                f"SELECT sha256 FROM blobs WHERE sha256 IN ({marks})", chunk)}
        for sha in dict.fromkeys(shas):
            if sha not in held:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(blobs.path_for(sha))
                    gone.append(sha)
    finally:
        if own:
            conn.execute("COMMIT")
    return gone


def missing(blobs: BlobStore, shas: Iterable[str]) -> list[str]:
    """Evidence files among ``shas`` that are not in the store (checked inside a transaction)."""
    return [s for s in dict.fromkeys(shas) if not os.path.isfile(blobs.file_for(s))]
