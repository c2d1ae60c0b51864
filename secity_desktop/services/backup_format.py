"""The ``.secbackup`` file: a zip of the whole workspace with a manifest of SHA-256 hashes.

Layout (see ``docs/backup.md``)::

    database/secity.sqlite3     consistent snapshot (online backup API), single-file mode
    evidence/ab/abcdef…         every evidence blob, named by its SHA-256 as on disk
    keys/assessor_ed25519       the signing key, still encrypted under its passphrase
    keys/assessor_ed25519.pub
    preferences/settings.ini    the GUI preferences file, when there is one
    backup.json                 the manifest, written last: format, version, schema,
                                every member's path, size and SHA-256

Members are STORED (evidence is mostly JPEG/PDF already; the store compresses
poorly and a backup must stream at disk speed); only the manifest is deflated.
Written by the bundle's deterministic zip writer (atomic ``.part`` → rename),
read back through the same hostile-zip reader as bundles: a backup handed to
restore may come from anywhere, so its names, sizes and hashes are all checked
before a byte lands in the new workspace.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from secity_desktop import digests
from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.bundle.safezip import SafeZip, ZipLimits, open_bundle_zip
from secity_desktop.core.errors import BundleRejected, SecityError

FORMAT = "secity-backup"
VERSION = 1
SUFFIX = ".secbackup"
MANIFEST = "backup.json"
DB_MEMBER = "database/secity.sqlite3"
PREFS_MEMBER = "preferences/settings.ini"
_EVIDENCE = re.compile(r"evidence/([0-9a-f]{2})/([0-9a-f]{64})")
_KEY = re.compile(r"keys/[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
_SHA = r"^[0-9a-f]{64}$"

_GiB = 1024**3
#: A workspace is far larger than a bundle; the other ceilings stay as strict.
LIMITS = ZipLimits(
    max_entries=2_000_000,
    max_total_uncompressed=4096 * _GiB,
    max_entry_size=512 * _GiB,
    max_manifest_size=512 * 1024 * 1024,
)


class BackupRefused(SecityError):
    """A backup file that cannot be used; ``reason`` is a stable code (``backup.<reason>``)."""

    def __init__(self, reason: str, message: str, **params: object) -> None:
        super().__init__(message, code=f"backup.{reason}", **params)
        self.reason = reason


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    path: str = Field(max_length=255)
    sha256: str = Field(pattern=_SHA)
    size: int = Field(ge=0)
    #: evidence whose bytes no longer match its name on the source computer: kept, but
    #: restored aside (``damaged-evidence/``), never as if it were sound.
    damaged: bool = False


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["secity-backup"]
    version: int
    created_at: str = Field(max_length=64)
    app_version: str = Field(max_length=64)
    schema_version: int = Field(ge=1)
    kind: Literal["manual", "daily"]
    workspace: dict[str, str]
    entries: list[Entry]
    #: evidence the store refers to that was not on the source disk (named, not hidden)
    missing: list[str] = Field(default_factory=list)

    def canonical(self) -> bytes:
        return (json.dumps(self.model_dump(), ensure_ascii=False, indent=1) + "\n").encode("utf-8")

    @property
    def total(self) -> int:
        return sum(e.size for e in self.entries)


def member_kind(name: str) -> str | None:
    """``database``, ``evidence``, ``key``, ``preferences`` — or None for a name not allowed."""
    if name == DB_MEMBER:
        return "database"
    if name == PREFS_MEMBER:
        return "preferences"
    m = _EVIDENCE.fullmatch(name)
    if m and m.group(2).startswith(m.group(1)):
        return "evidence"
    if _KEY.fullmatch(name):
        return "key"
    return None


def evidence_member(sha: str) -> str:
    return f"evidence/{sha[:2]}/{sha}"


def parse_manifest(raw: bytes) -> Manifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise BackupRefused("not_a_backup", "the file's backup.json is not valid JSON") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BackupRefused("not_a_backup", "the file is not a SECity backup")
    version = data.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise BackupRefused(
            "newer_format", f"the backup was made by a newer SECity Desktop (format {version}); "
            "update the app to restore it", version=str(version))
    try:
        return Manifest.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise BackupRefused("bad_manifest", f"backup.json: {where}: {first['msg']}") from None


@contextmanager
def open_backup(path: Path) -> Iterator[tuple[SafeZip, Manifest]]:
    """Open a backup file as hostile input: directory vetted, manifest parsed and matched."""
    try:
        z = open_bundle_zip(path, LIMITS)
    except BundleRejected as exc:
        raise _refused(exc, path) from None
    try:
        if MANIFEST not in z.names():
            raise BackupRefused("not_a_backup", f"{path.name} is not a SECity backup (no backup.json)")
        try:
            manifest = parse_manifest(z.read_small(MANIFEST))
        except BundleRejected as exc:
            raise _refused(exc, path) from None
        _check_members(z, manifest)
        yield z, manifest
    finally:
        z.close()


def _refused(exc: BundleRejected, path: Path) -> BackupRefused:
    if exc.reason in ("not_a_zip",):
        return BackupRefused("not_a_backup", f"{path.name} is not a SECity backup (not a zip)")
    if exc.reason == "unreadable":
        return BackupRefused("unreadable", f"cannot read {path.name}: {exc}", file=path.name)
    return BackupRefused("damaged", f"{path.name} is damaged or not a SECity backup ({exc})",
                         file=path.name)


def _check_members(z: SafeZip, m: Manifest) -> None:
    listed = [e.path for e in m.entries]
    if len(set(listed)) != len(listed):
        raise BackupRefused("bad_manifest", "backup.json lists a member twice")
    have = set(z.names()) - {MANIFEST}
    extra, missing = sorted(have - set(listed)), sorted(set(listed) - have)
    if extra:
        raise BackupRefused("bad_manifest", f"the file holds {extra[0][:80]!r}, which backup.json does not list")
    if missing:
        raise BackupRefused("damaged", f"the file lacks {missing[0][:80]!r} (and {len(missing) - 1} more)")
    if DB_MEMBER not in have:
        raise BackupRefused("bad_manifest", "the backup holds no database")
    for e in m.entries:
        kind = member_kind(e.path)
        if kind is None:
            raise BackupRefused("bad_manifest", f"{e.path[:80]!r} is not a member a backup may hold")
        if kind == "evidence" and not e.damaged and e.path.rsplit("/", 1)[1] != e.sha256:
            raise BackupRefused("bad_manifest", f"{e.path} is listed with another hash than its name")
        if z.size(e.path) != e.size:
            raise BackupRefused("damaged", f"{e.path} is {z.size(e.path)} bytes, backup.json says {e.size}")


def stream_member(
    z: SafeZip, entry: Entry, sink: Callable[[bytes], object] | None, tick: Callable[[int], None]
) -> None:
    """Read one member, hand each chunk to ``sink``, and refuse it unless hash and size match."""
    digest = digests.sha256()
    size = 0
    try:
        with z.open_entry(entry.path, check_crc=False) as stream:
            for chunk in stream.chunks():
                digest.update(chunk)
                size += len(chunk)
                if sink is not None:
                    sink(chunk)  # type: ignore[arg-type]
                tick(len(chunk))
    except BundleRejected as exc:
        raise BackupRefused("damaged", f"{entry.path}: {exc}") from None
    if size != entry.size or digest.hexdigest() != entry.sha256:
        raise BackupRefused("damaged", f"{entry.path} does not match its hash in backup.json",
                            member=entry.path)


@dataclass(frozen=True)
class VerifyResult:
    path: Path
    manifest: Manifest

    @property
    def entries(self) -> int:
        return len(self.manifest.entries)

    @property
    def damaged(self) -> list[str]:
        return [e.path for e in self.manifest.entries if e.damaged]

    def as_json(self) -> dict[str, object]:
        m = self.manifest
        return {"file": str(self.path), "ok": True, "created_at": m.created_at,
                "kind": m.kind, "schema_version": m.schema_version, "entries": self.entries,
                "bytes": m.total, "evidence": sum(1 for e in m.entries
                                                   if member_kind(e.path) == "evidence"),
                "damaged": self.damaged, "missing": m.missing, "workspace": m.workspace}


def sha_of_file(path: Path) -> tuple[str, int]:
    digest = digests.sha256()
    n = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
            n += len(chunk)
    return digest.hexdigest(), n
