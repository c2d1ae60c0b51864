"""Ed25519 signing keys stored in OpenSSH's own formats.

Using OpenSSH formats means an assessor's key can be inspected, backed up or
re-protected with stock ``ssh-keygen`` and no SECity-specific tooling, and a
provincial office can check a fingerprint read out over the phone against what
``ssh-keygen -lf`` prints.
"""

from __future__ import annotations

import base64
import binascii
import functools
import struct
from pathlib import Path

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from secity_desktop import digests
from secity_desktop.atomic import write_bytes_atomic
from secity_desktop.core.errors import KeyFileError, WrongPassphraseError
from secity_desktop.crypto.constants import KDF_ROUNDS, KEY_ID_HEX_LEN

_KEY_TYPE = "ssh-ed25519"
_MAX_KEY_FILE = 64 * 1024
_PEM_BEGIN = b"-----BEGIN OPENSSH PRIVATE KEY-----"
_PEM_END = b"-----END OPENSSH PRIVATE KEY-----"
_AUTH_MAGIC = b"openssh-key-v1\0"


def generate() -> Ed25519PrivateKey:
    """Make a fresh signing key (Ed25519: small, fast, no parameter choices to get wrong)."""
    return Ed25519PrivateKey.generate()


def _public_path(path: Path) -> Path:
    return path.with_name(path.name + ".pub")


def _clean_comment(comment: str) -> str:
    """Keep a comment on one line, since a newline would split or forge a key line."""
    if any(ch in comment for ch in "\r\n\x00"):
        raise KeyFileError("a key comment must be a single line of text",
                           code="key.comment_multiline")
    return comment.strip()


def write_private(
    key: Ed25519PrivateKey,
    path: Path,
    passphrase: bytes,
    comment: str,
    *,
    rounds: int | None = None,
) -> None:
    """Store ``key`` passphrase-protected, plus ``<path>.pub`` carrying the comment.

    An unprotected signing key on a shared office laptop lets anyone sign bundles
    in the assessor's name, so an empty passphrase is refused. cryptography does
    not embed comments in private keys, so the comment lives in the ``.pub``
    file beside it, as ``ssh-keygen`` also writes one.

    The passphrase is stretched with bcrypt-pbkdf for ``rounds`` rounds
    (:data:`~secity_desktop.crypto.constants.KDF_ROUNDS` unless given; the
    rounds are recorded in the file, so older files with fewer rounds still
    open). ``rounds`` exists for the benchmark and for tests that make many
    keys; the application never passes it.
    """
    path = Path(path)
    if not passphrase:
        raise KeyFileError("a signing key needs a passphrase; an empty one is not allowed",
                           code="key.passphrase_empty")
    comment = _clean_comment(comment)
    try:
        encryption = (
            serialization.PrivateFormat.OpenSSH.encryption_builder()
            .kdf_rounds(rounds or KDF_ROUNDS)
            .build(passphrase)
        )
        blob = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, encryption
        )
    except UnsupportedAlgorithm as exc:  # pragma: no cover - depends on install
        raise KeyFileError(
            "cannot encrypt the key: the 'bcrypt' package is missing from this installation",
            code="key.bcrypt_missing"
        ) from exc
    try:
        write_bytes_atomic(path, blob, 0o600)
        line = public_line(key.public_key(), comment) + "\n"
        write_bytes_atomic(_public_path(path), line.encode("utf-8"), 0o644)
    except OSError as exc:
        raise KeyFileError(f"cannot write key file {path}: {exc.strerror or exc}",
                           code="key.write_failed", folder=str(path.parent)) from exc


def _read_key_bytes(path: Path) -> bytes:
    try:
        with open(path, "rb") as handle:
            data = handle.read(_MAX_KEY_FILE + 1)
    except FileNotFoundError as exc:
        raise KeyFileError(f"key file {path} does not exist",
                           code="key.missing", file=path.name) from exc
    except OSError as exc:
        raise KeyFileError(f"cannot read key file {path}: {exc.strerror or exc}",
                           code="key.unreadable", file=path.name) from exc
    if len(data) > _MAX_KEY_FILE:
        raise KeyFileError(f"{path} is far too large to be a key file",
                           code="key.file_too_large", file=path.name)
    return data


def read_private(path: Path, passphrase: bytes) -> Ed25519PrivateKey:
    """Open an OpenSSH Ed25519 key, telling a wrong passphrase apart from a bad file.

    The distinction matters to the user: one means "type it again", the other
    "restore the key from backup". Unprotected keys are refused for the same
    reason :func:`write_private` refuses to create them.
    """
    path = Path(path)
    data = _read_key_bytes(path)
    try:
        serialization.load_ssh_private_key(data, None)
    except TypeError:
        pass  # encrypted, as required
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"{path} is not a readable OpenSSH private key",
                           code="key.unreadable", file=path.name) from exc
    else:
        raise KeyFileError(
            f"key file {path} is not protected by a passphrase; "
            "protect it with 'ssh-keygen -p -f' before using it",
            code="key.unprotected", file=path.name
        )
    try:
        key = serialization.load_ssh_private_key(data, passphrase)
    except ValueError as exc:
        # With a well-formed encrypted key, the only check that can fail after
        # decryption is OpenSSH's check-int pair: the passphrase is wrong.
        raise WrongPassphraseError(f"wrong passphrase for key {path}",
                                   code="wrong_passphrase") from exc
    except (TypeError, UnsupportedAlgorithm) as exc:
        raise KeyFileError(f"{path} is not a readable OpenSSH private key",
                           code="key.unreadable", file=path.name) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise KeyFileError(f"{path} is not an Ed25519 key; SECity signs only with Ed25519",
                           code="key.not_ed25519", file=path.name)
    return key


def kdf_rounds(path: Path) -> int:
    """The bcrypt-pbkdf rounds a key file was protected with (0 for an unprotected key).

    Lets the app notice a key written with fewer rounds than it now uses and
    re-protect it at the next passphrase change; read from the OpenSSH header
    (``ciphername``, ``kdfname``, ``kdfoptions = salt, rounds``), no passphrase needed.
    """
    path = Path(path)
    data = _read_key_bytes(path).strip()
    if not (data.startswith(_PEM_BEGIN) and data.endswith(_PEM_END)):
        raise KeyFileError(f"{path} is not a readable OpenSSH private key",
                           code="key.unreadable", file=path.name)
    try:
        raw = base64.b64decode(b"".join(data[len(_PEM_BEGIN) : -len(_PEM_END)].split()), validate=True)
        if not raw.startswith(_AUTH_MAGIC):
            raise ValueError("magic")
        pos = len(_AUTH_MAGIC)
        fields: list[bytes] = []
        for _ in range(3):  # ciphername, kdfname, kdfoptions
            (n,) = struct.unpack_from(">I", raw, pos)
            fields.append(raw[pos + 4 : pos + 4 + n])
            if len(fields[-1]) != n:
                raise ValueError("short")
            pos += 4 + n
        if fields[1] == b"none":
            return 0
        if fields[1] != b"bcrypt":
            raise ValueError("kdf")
        (salt_len,) = struct.unpack_from(">I", fields[2], 0)
        (rounds,) = struct.unpack_from(">I", fields[2], 4 + salt_len)
    except (ValueError, struct.error, binascii.Error) as exc:
        raise KeyFileError(f"{path} is not a readable OpenSSH private key",
                           code="key.unreadable", file=path.name) from exc
    return int(rounds)


def read_comment(path: Path) -> str:
    """Comment from ``<path>.pub``, or ``""`` if it has none; used to keep it across rewrites."""
    try:
        text = _public_path(Path(path)).read_text(encoding="utf-8")
        return parse_public_line(text)[1]
    except (OSError, UnicodeDecodeError, KeyFileError):
        return ""


def change_passphrase(path: Path, old: bytes, new: bytes) -> None:
    """Re-encrypt in place; the old file stays intact until the new one is complete.

    The new file always gets today's :data:`KDF_ROUNDS`, so changing the
    passphrase is also how an old 16-round key is strengthened.
    """
    path = Path(path)
    key = read_private(path, old)
    write_private(key, path, new, read_comment(path))


def _wire_blob(pub: Ed25519PublicKey) -> bytes:
    """The SSH wire encoding, which is what fingerprints and signatures are computed over."""
    text = pub.public_bytes(serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH)
    return base64.b64decode(text.split()[1])


def public_line(pub: Ed25519PublicKey, comment: str) -> str:
    """One ``authorized_keys``-style line, the form people paste into enrolment forms."""
    text = pub.public_bytes(
        serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
    ).decode("ascii")
    comment = _clean_comment(comment)
    return f"{text} {comment}" if comment else text


def parse_public_line(text: str) -> tuple[Ed25519PublicKey, str]:
    """Parse a pasted public key strictly, so enrolment never silently accepts junk.

    Only ``ssh-ed25519`` is accepted: allowing other types would let weaker or
    differently-behaving keys into the trust store.
    """
    line = text.strip()
    if "\n" in line or "\r" in line:
        raise KeyFileError("expected exactly one public key line", code="key.public_one_line")
    parts = line.split(None, 2)
    if len(parts) < 2:
        raise KeyFileError("not a public key line: expected 'ssh-ed25519 AAAA… comment'",
                           code="key.public_not_a_key")
    if parts[0] != _KEY_TYPE:
        raise KeyFileError("only ssh-ed25519 public keys are accepted",
                           code="key.public_not_ed25519")
    try:
        blob = base64.b64decode(parts[1], validate=True)
    except (binascii.Error, ValueError) as exc:
        raise KeyFileError("the public key text is damaged (bad base64)",
                           code="key.public_damaged") from exc
    try:
        key = serialization.load_ssh_public_key(f"{_KEY_TYPE} {parts[1]}".encode("ascii"))
    except (ValueError, UnsupportedAlgorithm, UnicodeEncodeError) as exc:
        raise KeyFileError("the public key text is damaged", code="key.public_damaged") from exc
    if not isinstance(key, Ed25519PublicKey) or _wire_blob(key) != blob:
        raise KeyFileError("the public key text is damaged", code="key.public_damaged")
    comment = parts[2].strip() if len(parts) == 3 else ""
    return key, comment


@functools.lru_cache(maxsize=4096)
def load_public(line: str) -> Ed25519PublicKey:
    """A stored public-key line as a key (cached: an office checks many bundles per key)."""
    return parse_public_line(line)[0]


def fingerprint(pub: Ed25519PublicKey) -> str:
    """``SHA256:…`` exactly as ``ssh-keygen -lf`` prints it, for reading aloud and comparing."""
    digest = digests.sha256(_wire_blob(pub)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def key_id(pub: Ed25519PublicKey) -> str:
    """Short stable id for manifests and principals; ASCII-safe whatever the owner's name."""
    raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return digests.sha256(raw).hexdigest()[:KEY_ID_HEX_LEN]
