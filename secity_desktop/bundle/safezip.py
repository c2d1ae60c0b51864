"""Opening bundle zips as hostile input.

Bundles travel by USB stick and e-mail, so every header is assumed to lie. The
whole central directory is checked against :class:`ZipLimits` before a single
member byte is read, and members are then streamed with their real size
counted (see :mod:`zipstream`). Writing lives in :mod:`zipwriter`.
"""

from __future__ import annotations

import re
import stat
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any, BinaryIO, NamedTuple, Self

from secity_desktop import digests
from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.bundle.zipnames import NameRegistry, check_name
from secity_desktop.bundle.zipstream import Entry, EntryStream, locate_data, read_whole
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.core.errors import BundleRejected

__all__ = ["BundleRejected", "DeterministicZipWriter", "SafeZip", "ZipLimits", "open_bundle_zip"]

_MiB = 1024 * 1024
_GiB = 1024 * _MiB
_ALLOWED_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_DOS_DIRECTORY = 0x10


@dataclass(frozen=True)
class ZipLimits:
    """Ceilings for one bundle; tests scale them down, production keeps the defaults."""

    max_entries: int = 20_000
    max_total_uncompressed: int = 4 * _GiB
    max_entry_size: int = 2 * _GiB
    max_ratio: int = 200
    ratio_applies_above: int = 1 * _MiB
    max_name_len: int = 255
    max_manifest_size: int = 16 * _MiB


class _Info(NamedTuple):
    """What the central directory says of one member, as both directory readers return it."""

    name: str  # as decoded (zipfile's ``orig_filename``)
    raw_name: bytes
    flag_bits: int
    compress_type: int
    external_attr: int
    file_size: int
    compress_size: int
    CRC: int
    header_offset: int


def _raw_name(info: zipfile.ZipInfo) -> bytes:
    if info.flag_bits & 0x800:
        return info.orig_filename.encode("utf-8", errors="surrogatepass")
    return info.orig_filename.encode("cp437")


def _from_zipinfo(info: zipfile.ZipInfo) -> _Info:
    return _Info(info.orig_filename, _raw_name(info), info.flag_bits, info.compress_type,
                 info.external_attr, info.file_size, info.compress_size, info.CRC, info.header_offset)


def _shown(info: _Info) -> str:
    """A bounded, escaped form of a hostile name, made only for a refusal's message."""
    return repr(info.name[:80])


def _check_kind(info: _Info) -> None:
    """Refuse anything but a regular file, whichever system wrote the attributes."""
    kind = stat.S_IFMT(info.external_attr >> 16)
    if kind == stat.S_IFLNK:
        raise BundleRejected("symlink", f"entry {_shown(info)} is a symbolic link")
    if kind == stat.S_IFDIR or info.external_attr & _DOS_DIRECTORY:
        raise BundleRejected("bad_name", f"entry {_shown(info)} is a folder; bundles hold only files")
    if kind not in (0, stat.S_IFREG):
        raise BundleRejected("special_file", f"entry {_shown(info)} is a device, pipe or socket")


#: The names every bundle this app writes is made of. Such a name passes every rule of
#: ``zipnames.check_name`` (ASCII letters, digits, '-' and '.' only; no empty, '.', '..' or
#: reserved part; no part ends in '.'; a hex or uuid part is never a Windows device name) and
#: is its own case-fold; no file name among them is a folder of another. So a directory made
#: only of them, each unique and within the length limit, passes the name checks and
#: ``NameRegistry`` exactly when it holds no name twice — which is what :func:`_plain_names`
#: checks instead (``tests/bundle/test_safezip.py`` holds both to the same answers).
_APP_NAME = re.compile(
    r"manifest\.json(?:\.sig)?"
    r"|(?:revisions|reviews)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.json(?:\.sig)?"
    r"|frameworks/[0-9a-f]{64}\.json|evidence/[0-9a-f]{64}"
)


def _plain_names(infos: list[_Info], max_len: int) -> bool:
    """Whether every name is one the app writes, once, within ``max_len`` (see ``_APP_NAME``)."""
    match = _APP_NAME.fullmatch
    return (all(match(i.name) and len(i.name) <= max_len for i in infos)
            and len({i.name for i in infos}) == len(infos))


def _check_entry(info: _Info, limits: ZipLimits, names: NameRegistry | None) -> None:
    """One member's header against the rules; ``names`` None: its name is known to pass."""
    if info.flag_bits & 0x41:
        raise BundleRejected("encrypted", f"entry {_shown(info)} is encrypted")
    if info.compress_type not in _ALLOWED_METHODS:
        raise BundleRejected(
            "unsupported_method", f"entry {_shown(info)} uses a compression method SECity does not accept"
        )
    if not info.flag_bits & 0x800 and not info.name.isascii():
        raise BundleRejected("bad_name", f"entry {_shown(info)} has a non-UTF-8 name")
    if names is not None:
        check_name(info.name, limits.max_name_len)
        names.add(info.name)
    _check_kind(info)
    if info.file_size > limits.max_entry_size:
        raise BundleRejected("too_large", f"entry {_shown(info)} is larger than allowed")
    if info.compress_type == zipfile.ZIP_STORED and info.file_size != info.compress_size:
        raise BundleRejected("corrupt", f"entry {_shown(info)} has inconsistent sizes")
    if (
        info.file_size > limits.ratio_applies_above
        and info.file_size > limits.max_ratio * info.compress_size
    ):
        raise BundleRejected(
            "zip_bomb", f"entry {_shown(info)} claims to expand more than {limits.max_ratio}×"
        )


def _entries(infos: list[_Info], start_dir: int, limits: ZipLimits) -> dict[str, Entry]:
    if len(infos) > limits.max_entries:
        raise BundleRejected(
            "too_many_entries", f"the bundle has more than {limits.max_entries} entries"
        )
    names = None if _plain_names(infos, limits.max_name_len) else NameRegistry()
    total = 0
    for info in infos:
        _check_entry(info, limits, names)
        total += info.file_size
        if total > limits.max_total_uncompressed:
            raise BundleRejected("too_large", "the bundle's contents are larger than allowed")
    ordered = sorted(infos, key=lambda i: i.header_offset)
    # (an empty zip has no member to end: it opens empty, and the reader refuses it)
    ends = [i.header_offset for i in ordered[1:]] + [start_dir] if ordered else []
    by_name: dict[str, Entry] = {}
    for info, end in zip(ordered, ends, strict=True):
        entry = Entry(info.name, info.raw_name, info.compress_type, info.file_size,
                      info.compress_size, info.CRC, info.header_offset, end)
        if entry.header_offset < 0 or entry.header_offset + 30 + entry.compressed_size > end:
            raise BundleRejected("zip_bomb", "bundle entries overlap each other")
        by_name[entry.name] = entry
    return {info.name: by_name[info.name] for info in infos}


#: The end-of-central-directory record and a central-directory header (APPNOTE 4.3.16, 4.3.12).
_EOCD = struct.Struct("<4s4H2LH")
_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_EOCD_MAGIC = b"PK\x05\x06"
_CENTRAL_MAGIC = b"PK\x01\x02"
_ZIP64_LOCATOR_MAGIC = b"PK\x06\x07"
_MAX_EXTRACT_VERSION = 63  # zipfile's own ceiling
#: How much of a file's end the plain reader fetches at once: a bundle's whole directory, usually.
_TAIL = 16 * 1024


def _plain_directory(fh: BinaryIO) -> tuple[list[_Info], int] | None:
    """The directory of a plain zip — what every bundle this app writes is — read in one pass.

    Taken only when the file is exactly: members, then a central directory of ``n`` headers
    without extra fields or comments, then an end record without a comment, nothing before,
    between or after (no zip64, no spanning, no prepended bytes). Read so, the records are
    the very values :mod:`zipfile` would return for the same bytes; anything else returns
    ``None`` and :func:`_read_directory` lets zipfile parse it as before, refusals included
    (``tests/bundle/test_safezip_directory.py`` holds both readers to the same answers).
    """
    end = fh.seek(0, 2)
    if end < _EOCD.size:
        return None
    fh.seek(max(0, end - _TAIL))
    tail = fh.read()
    if len(tail) != min(end, _TAIL):
        return None
    magic, disk, cd_disk, here, count, cd_size, cd_offset, comment = _EOCD.unpack_from(
        tail, len(tail) - _EOCD.size)
    if (magic != _EOCD_MAGIC or disk or cd_disk or here != count or comment
            or cd_offset + cd_size != end - _EOCD.size):
        return None
    locator = len(tail) - _EOCD.size - 20
    if locator >= 0 and tail[locator:locator + 4] == _ZIP64_LOCATOR_MAGIC:
        return None  # zipfile would look for a zip64 record there
    start = len(tail) - _EOCD.size - cd_size
    if start >= 0:
        cd = tail[start:len(tail) - _EOCD.size]
    else:
        fh.seek(cd_offset)
        cd = fh.read(cd_size)
        if len(cd) != cd_size:
            return None
    infos: list[_Info] = []
    pos = 0
    unpack = _CENTRAL.unpack_from
    size = _CENTRAL.size
    try:
        for _ in range(count):
            (magic, _made, _system, extract, _reserved, flags, method, _t, _d, crc, csize, usize,
             name_len, extra_len, comment_len, _disk, _internal, external, offset) = unpack(cd, pos)
            if (magic != _CENTRAL_MAGIC or extra_len or comment_len
                    or extract > _MAX_EXTRACT_VERSION):
                return None
            raw = cd[pos + size:pos + size + name_len]
            pos += size + name_len
            if pos > cd_size:
                return None
            if flags & 0x800:
                name = raw.decode("utf-8")
            elif raw.isascii():
                name = raw.decode("ascii")
            else:
                return None
            infos.append(_Info(name, raw, flags, method, external, usize, csize, crc, offset))
    except (struct.error, UnicodeDecodeError):
        return None
    if pos != cd_size:
        return None
    return infos, cd_offset


def _read_directory(fh: BinaryIO) -> tuple[list[_Info], int]:
    plain = _plain_directory(fh)
    if plain is not None:
        return plain
    fh.seek(0)
    head = fh.read(4)
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as archive:
            return [_from_zipinfo(i) for i in archive.infolist()], archive.start_dir
    except UnicodeDecodeError as exc:
        raise BundleRejected("bad_name", "an entry name is not valid UTF-8") from exc
    except Exception as exc:  # any parse failure of hostile input is a refusal
        if head == b"PK\x03\x04":
            raise BundleRejected(
                "truncated", "the bundle is incomplete or damaged (was the copy cut short?)"
            ) from exc
        raise BundleRejected("not_a_zip", "the file is not a SECity bundle (not a zip)") from exc


class SafeZip:
    """A validated bundle zip; members can only be read through counting streams."""

    def __init__(self, fh: BinaryIO, entries: dict[str, Entry], limits: ZipLimits) -> None:
        self._fh = fh
        self._entries = entries
        self.limits = limits
        #: where each member's data starts, once its local header was checked (zipstream.locate_data)
        self._starts: dict[str, int] = {}

    def _start(self, entry: Entry) -> int:
        start = self._starts.get(entry.name)
        if start is None:
            start = self._starts[entry.name] = locate_data(self._fh, entry)
        return start

    def names(self) -> list[str]:
        """Member names in central-directory order."""
        return list(self._entries)

    def size(self, name: str) -> int:
        """Declared size; safe to use for progress bars because reads enforce it."""
        return self._entry(name).size

    def _entry(self, name: str) -> Entry:
        try:
            return self._entries[name]
        except KeyError:
            raise BundleRejected(
                "missing_entry", f"the bundle has no entry {name[:80]!r}"
            ) from None

    def open_entry(self, name: str, *, check_crc: bool = True) -> EntryStream:
        """Stream a member; raises :class:`BundleRejected` mid-read if it lies about its size.

        ``check_crc=False`` only for callers that check a SHA-256 of the content themselves.
        """
        entry = self._entry(name)
        return EntryStream(self._fh, entry, check_crc=check_crc, start=self._start(entry))

    def read_small(self, name: str, max_bytes: int | None = None) -> bytes:
        """Whole member in memory, for manifests; refused up front if declared too large."""
        cap = self.limits.max_manifest_size if max_bytes is None else max_bytes
        entry = self._entry(name)
        if entry.size > cap:
            raise BundleRejected("too_large", f"entry {name[:80]!r} is too large to read")
        whole = read_whole(self._fh, entry, self._start(entry))
        if whole is not None:
            return whole
        with self.open_entry(name) as stream:
            return stream.read()

    def read_stored(self, name: str, max_bytes: int) -> tuple[int, bytes]:
        """(method, bytes as stored — compressed for DEFLATE) of a member, local header checked.

        For recognising a member already verified elsewhere by its exact stored bytes:
        inflating is deterministic, so the same stored bytes inflate to the same content.
        """
        entry = self._entry(name)
        if entry.compressed_size > max_bytes:
            raise BundleRejected("too_large", f"entry {name[:80]!r} is too large to read")
        start = self._start(entry)
        self._fh.seek(start)
        data = self._fh.read(entry.compressed_size)
        if len(data) != entry.compressed_size:
            raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
        return entry.method, data

    def sha256_of(self, name: str) -> tuple[str, int]:
        """Hex SHA-256 and real size of a member, streamed, to compare with the manifest."""
        digest = digests.sha256()
        size = 0
        with self.open_entry(name) as stream:
            while chunk := stream.read(CHUNK_SIZE):
                digest.update(chunk)
                size += len(chunk)
        return digest.hexdigest(), size

    def scan(
        self,
        consume: Callable[[str], Callable[[bytes], None] | None],
        file_hasher: Any,
    ) -> int:
        """Read the whole file once, front to back, feeding every byte to ``file_hasher``.

        For each STORED member for which ``consume(name)`` returns a callback, that member's
        data is also handed over chunk by chunk — so a caller can hash (and copy) the members
        and the file in one sequential read instead of two. Local headers are checked as in
        :meth:`open_entry`; a short file is ``truncated``. Returns the file size. Members the
        callback does not take (or that are deflated) must be read with :meth:`open_entry`.
        """
        fh = self._fh
        pos = 0

        def raw(upto: int, sink: Callable[[bytes], None] | None = None) -> None:
            nonlocal pos
            fh.seek(pos)
            while pos < upto:
                chunk = fh.read(min(CHUNK_SIZE, upto - pos))
                if not chunk:
                    raise BundleRejected("truncated", "the bundle file ends in the middle of an entry")
                file_hasher.update(chunk)
                if sink is not None:
                    sink(chunk)
                pos += len(chunk)

        for entry in sorted(self._entries.values(), key=lambda e: e.header_offset):
            start = self._start(entry)
            if entry.header_offset < pos:
                raise BundleRejected("zip_bomb", "bundle entries overlap each other")
            raw(start)
            sink = consume(entry.name) if entry.method == zipfile.ZIP_STORED else None
            raw(start + entry.compressed_size, sink)
        fh.seek(0, 2)
        raw(fh.tell())
        return pos

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_bundle_zip(path: Path, limits: ZipLimits | None = None) -> SafeZip:
    """Open and fully vet a bundle's directory; nothing inside is read until asked."""
    limits = limits or ZipLimits()
    try:
        fh: BinaryIO = open(path, "rb")  # noqa: SIM115 - owned by the returned SafeZip
    except FileNotFoundError as exc:
        raise BundleRejected("unreadable", f"bundle {path} does not exist") from exc
    except OSError as exc:
        raise BundleRejected("unreadable", f"cannot read bundle {path}: {exc.strerror}") from exc
    try:
        infos, start_dir = _read_directory(fh)
        return SafeZip(fh, _entries(infos, start_dir, limits), limits)
    except BaseException:
        fh.close()
        raise
