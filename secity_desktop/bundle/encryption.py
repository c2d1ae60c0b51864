"""Encrypting a finished ``.secbundle`` to the office that will import it (the age format).

A bundle on a lost USB stick must not expose names and photos (PDPA), so the
signed zip is wrapped, whole and unchanged, in an `age <https://age-encryption.org/v1>`_
file addressed to the receiving office's ssh-ed25519 key(s). Using age (through
``pyrage``, the Python binding of the reference Rust implementation) rather than
a format of our own means:

* a receiving office, or an auditor, can open a bundle with stock tools:
  ``age -d -i office_key bundle.secbundle.age > bundle.secbundle`` then
  ``ssh-keygen -Y verify`` exactly as before;
* the recipient is the key the office already enrolled with, no new key type;
* both directions stream in constant memory (age's STREAM: 64 KiB chunks, each
  authenticated; truncation is caught at the end by the last-chunk flag).

Signing stays inside (sign-then-encrypt): the signature is over the plain
bundle, so who wrote it is proven to whoever can read it, and the encryption
only hides it from everyone else.

Reading an encrypted bundle: :func:`decrypt_to` writes the plain bundle into a
temp file in the caller's staging folder and only returns once age has
authenticated every chunk; the caller then runs ``bundle.read.verify_bundle``
on that file (the zip reader needs random access, so the plain bundle has to be
on disk) and deletes it — :func:`open_decrypted` does both, and
``bundle.incoming.verify_bundle_file`` does all of it for a file as it arrives. Nothing that fails
to decrypt is ever handed to the zip reader. See docs/bundle-format.md.
"""

from __future__ import annotations

import base64
import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal, Protocol

import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop import digests
from secity_desktop.bundle.constants import CHUNK_SIZE
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import (
    BundleRejected,
    Cancelled,
    ConflictError,
    StoreError,
    ValidationError,
)
from secity_desktop.crypto import keys

#: The first line of every binary age file.
AGE_MAGIC = b"age-encryption.org/v1\n"
_ZIP_MAGIC = b"PK\x03\x04"
#: An age header is a few hundred bytes per recipient; anything longer is not ours.
MAX_HEADER = 64 * 1024
#: Suffix an encrypted bundle gets after ``.secbundle`` (what ``age -o`` users expect).
ENCRYPTED_SUFFIX = ".age"

Progress = Callable[[int, int], bool]
"""(bytes done, bytes total) → False to cancel."""

Kind = Literal["age", "zip", "unknown"]

OwnKeys = Ed25519PrivateKey | Sequence[Ed25519PrivateKey]
"""The keys this workspace opens bundles with: its current key, then the retired ones a
rotation kept (``Identity.unlock_for_reading``) — a bundle sealed to the office's old key
while it was in transit still opens (docs/key-rotation.md, "Retired private keys")."""


def key_list(keyset: OwnKeys) -> list[Ed25519PrivateKey]:
    """``keyset`` as a list, current key first."""
    return [keyset] if isinstance(keyset, Ed25519PrivateKey) else list(keyset)


class Hasher(Protocol):
    def update(self, data: bytes | memoryview, /) -> None: ...


@dataclass(frozen=True)
class EncryptedFile:
    path: Path
    sha256: str
    size: int
    recipients: tuple[str, ...]
    """Fingerprints of the keys that can open it."""


def sniff(path: Path) -> Kind:
    """What a file claims to be from its first bytes: an age file, a (plain) zip, or neither."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(AGE_MAGIC))
    except OSError as exc:
        raise BundleRejected("unreadable", f"cannot read {Path(path).name}: {exc.strerror}") from None
    if head == AGE_MAGIC:
        return "age"
    if head.startswith(_ZIP_MAGIC):
        return "zip"
    return "unknown"


def stanza_tag(public_line: str) -> str:
    """The tag age writes in an ssh-ed25519 stanza: base64 of SHA-256(SSH wire key)[:4]."""
    blob = base64.b64decode(public_line.split()[1])
    return base64.b64encode(digests.sha256(blob).digest()[:4]).decode("ascii").rstrip("=")


def header_stanzas(path: Path) -> list[tuple[str, ...]]:
    """The recipient stanzas' argument lines (``("ssh-ed25519", tag, share)``, ...).

    Read without any key, so a refusal can say "this bundle is for someone else"
    rather than "damaged". Raises ``not_encrypted`` when the file is not age.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(MAX_HEADER)
    except OSError as exc:
        raise BundleRejected("unreadable", f"cannot read {Path(path).name}: {exc.strerror}") from None
    if not head.startswith(AGE_MAGIC):
        raise BundleRejected("not_encrypted", f"{Path(path).name} is not an encrypted bundle")
    out: list[tuple[str, ...]] = []
    for line in head[len(AGE_MAGIC) :].split(b"\n"):
        if line.startswith(b"--- "):
            return out
        if line.startswith(b"-> "):
            out.append(tuple(line[3:].decode("ascii", "replace").split(" ")))
    raise BundleRejected("ciphertext_damaged", f"{Path(path).name}: the encryption header is cut short")


def _recipient(key: TrustedKey) -> pyrage.ssh.Recipient:
    if key.revoked:
        raise ConflictError(
            f"the key of {key.label} ({key.fingerprint}) was revoked on {key.revoked_at}; "
            "a bundle cannot be encrypted to it",
            code="encryption.recipient_revoked", name=key.label, fingerprint=key.fingerprint,
            revoked_at=key.revoked_at,
        )
    pub = keys.load_public(key.public_line)  # strict ssh-ed25519 parse, raises KeyFileError
    bare = keys.public_line(pub, "")
    try:
        return pyrage.ssh.Recipient.from_str(bare)
    except pyrage.RecipientError as exc:  # pragma: no cover - a parsed Ed25519 line always works
        raise ValidationError(
            f"{key.fingerprint} cannot be used as a recipient: {exc}",
            code="encryption.recipient_invalid", fingerprint=key.fingerprint,
        ) from None


def trusted_from_line(line: str) -> TrustedKey:
    """A bare public-key line as an (unrevoked) recipient, for callers with no enrolment row."""
    pub, comment = keys.parse_public_line(line)
    return TrustedKey(
        fingerprint=keys.fingerprint(pub), key_id=keys.key_id(pub), public_line=line.strip(),
        name=comment, organisation="", position="", enrolled_at="", enrolled_by="",
        revoked_at=None, revoked_by=None, revoke_reason=None,
    )


class _Counting:
    """A file wrapper that reports progress as age reads or writes through it.

    An exception raised inside pyrage's callback comes back as a generic I/O
    error, so a cancel is remembered here and re-raised by the caller.
    """

    def __init__(
        self, fh: BinaryIO, total: int, progress: Progress | None, hasher: Hasher | None = None
    ) -> None:
        self.fh, self.total, self.progress, self.hasher = fh, total, progress, hasher
        self.done = 0
        self.cancelled = False
        #: An error reading or writing our own file (a full disk, a pulled USB stick), kept so
        #: it is reported as what it is, not as a damaged bundle.
        self.io_error: OSError | None = None

    def _tick(self, n: int) -> None:
        self.done += n
        if self.progress is not None and self.progress(self.done, self.total) is False:
            self.cancelled = True
            raise OSError("cancelled")

    def read(self, n: int = -1) -> bytes:
        try:
            data = self.fh.read(n)
        except OSError as exc:
            self.io_error = exc
            raise
        if self.hasher is not None:
            self.hasher.update(data)
        self._tick(len(data))
        return data

    def readinto(self, buf: bytearray | memoryview) -> int:
        try:
            n = self.fh.readinto(buf) or 0  # type: ignore[attr-defined]
        except OSError as exc:
            self.io_error = exc
            raise
        if self.hasher is not None:
            self.hasher.update(memoryview(buf)[:n])
        self._tick(n)
        return n

    def write(self, data: bytes) -> int:
        try:
            n = self.fh.write(data)
        except OSError as exc:
            self.io_error = exc
            raise
        if self.progress is not None:
            self._tick(len(data))
        return n

    def flush(self) -> None:
        self.fh.flush()


def _io_failure(what: Path, exc: OSError) -> StoreError:
    return StoreError(f"cannot read or write {what}: {exc.strerror or exc}",
                      code="outgoing.io_failure", file=what.name)


def _temp_beside(target: Path) -> tuple[BinaryIO, Path]:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    return os.fdopen(fd, "wb", buffering=CHUNK_SIZE), Path(name)


def encrypt_file(
    src: Path, dst: Path, recipients: Sequence[TrustedKey | str], progress: Progress | None = None
) -> EncryptedFile:
    """Encrypt the finished bundle ``src`` to ``recipients`` as ``dst`` (atomic, streamed).

    Every recipient can decrypt alone (an office with a spare key enrols both).
    A revoked recipient is refused: sending a bundle to a key that may be in
    someone else's hands is exactly what revocation is meant to stop. ``dst``
    appears complete or not at all; a cancel raises ``Cancelled``.
    """
    src, dst = Path(src), Path(dst)
    if not recipients:
        raise ValidationError("an encrypted bundle needs at least one recipient",
                              code="encryption.no_recipients")
    enrolled = [trusted_from_line(k) if isinstance(k, str) else k for k in recipients]
    wanted = [_recipient(k) for k in enrolled]
    total = src.stat().st_size
    out, tmp = _temp_beside(dst)
    try:
        with open(src, "rb", buffering=CHUNK_SIZE) as fin, out:
            counted = _Counting(fin, total, progress)
            sink = _Counting(out, 0, None)
            try:
                pyrage.encrypt_io(counted, sink, wanted)
            except (OSError, pyrage.EncryptError) as exc:
                if counted.cancelled:
                    raise Cancelled("export cancelled; no bundle was written",
                                    code="cancelled") from None
                err = counted.io_error or sink.io_error
                raise _io_failure(src if err is counted.io_error else dst, err or OSError(str(exc))) from None
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dst)
    except OSError as exc:  # opening, flushing or renaming our own files
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise _io_failure(dst, exc) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    sha = digests.sha256()
    size = 0
    with open(dst, "rb") as fh:
        while chunk := fh.read(CHUNK_SIZE):
            sha.update(chunk)
            size += len(chunk)
    return EncryptedFile(dst, sha.hexdigest(), size, tuple(k.fingerprint for k in enrolled))


def _identity(key: Ed25519PrivateKey) -> pyrage.ssh.Identity:
    """age's view of our signing key: an unencrypted OpenSSH PEM that only ever lives in memory."""
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
    )
    return pyrage.ssh.Identity.from_buffer(pem)


def _check_addressed(path: Path, keyset: OwnKeys) -> list[Ed25519PrivateKey]:
    """The keys of ``keyset`` the file is addressed to (current first), or ``not_for_us``."""
    all_keys = key_list(keyset)
    tags = {s[1] for s in header_stanzas(path) if len(s) > 1 and s[0] == "ssh-ed25519"}
    usable = [k for k in all_keys if stanza_tag(keys.public_line(k.public_key(), "")) in tags]
    if not all_keys:
        raise BundleRejected("not_for_us", f"{Path(path).name} is encrypted, and no key was given to open it")
    if not usable:
        key = all_keys[0]
        raise BundleRejected(
            "not_for_us",
            f"{Path(path).name} is encrypted for another office's key, not this workspace's "
            f"({keys.fingerprint(key.public_key())})",
            fingerprint=keys.fingerprint(key.public_key()),
        )
    return usable


def decrypt_to(
    src: Path,
    staging_dir: Path,
    key: OwnKeys,
    progress: Progress | None = None,
    hasher: Hasher | None = None,
) -> Path:
    """Decrypt ``src`` into a new temp file in ``staging_dir``; its path is returned.

    The file is only returned after age authenticated every chunk and the end
    of the stream, so a truncated or tampered ciphertext never reaches the zip
    reader: it raises ``ciphertext_damaged`` and leaves nothing behind. A file
    with no stanza for this workspace's key raises ``not_for_us``. ``key`` may be several
    keys (the current one, then retired ones): each addressed one is offered to age. The caller
    owns (and deletes) the returned file; :func:`open_decrypted` does that.
    ``hasher`` (e.g. ``digests.sha256()``) sees every ciphertext byte as it is read, so the
    encrypted file's own hash costs no second pass.
    """
    src, staging_dir = Path(src), Path(staging_dir)
    identities = [_identity(k) for k in _check_addressed(src, key)]
    try:
        staging_dir.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".decrypted-", suffix=".secbundle", dir=staging_dir)
    except OSError as exc:
        raise _io_failure(staging_dir, exc) from None
    plain = Path(name)
    try:
        total = src.stat().st_size
        with open(src, "rb", buffering=CHUNK_SIZE) as fin, os.fdopen(fd, "wb", buffering=CHUNK_SIZE) as out:
            counted = _Counting(fin, total, progress, hasher)
            sink = _Counting(out, 0, None)
            try:
                pyrage.decrypt_io(counted, sink, identities)
            except (OSError, pyrage.DecryptError) as exc:
                if counted.cancelled:
                    raise Cancelled("import cancelled; nothing was changed",
                                    code="cancelled") from None
                if counted.io_error is not None:
                    raise BundleRejected(
                        "unreadable", f"cannot read {src.name}: {counted.io_error.strerror}"
                    ) from None
                if sink.io_error is not None:
                    raise _io_failure(staging_dir, sink.io_error) from None
                raise BundleRejected(
                    "ciphertext_damaged",
                    f"{src.name} is damaged or was altered after it was encrypted ({exc})",
                ) from None
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(plain)
        raise
    return plain


@contextlib.contextmanager
def open_decrypted(
    src: Path,
    staging_dir: Path,
    key: OwnKeys,
    progress: Progress | None = None,
    hasher: Hasher | None = None,
) -> Iterator[Path]:
    """``with open_decrypted(...) as plain: verify_bundle(plain, ...)`` — the temp file always goes."""
    plain = decrypt_to(src, staging_dir, key, progress, hasher)
    try:
        yield plain
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(plain)


__all__ = [
    "AGE_MAGIC",
    "ENCRYPTED_SUFFIX",
    "EncryptedFile",
    "OwnKeys",
    "decrypt_to",
    "encrypt_file",
    "header_stanzas",
    "key_list",
    "open_decrypted",
    "sniff",
    "stanza_tag",
]
