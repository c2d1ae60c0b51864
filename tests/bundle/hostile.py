"""Making hostile variants of a valid bundle: re-zipped, re-signed, or patched byte by byte."""

from __future__ import annotations

import io
import json
import stat
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.core.framework import canonical_json
from secity_desktop.crypto import sshsig
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE

Entries = list[tuple[zipfile.ZipInfo | str, bytes]]


def entries(bundle: Path) -> Entries:
    with zipfile.ZipFile(bundle) as z:
        return [(i, z.read(i)) for i in z.infolist()]


def rezip(items: Entries, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(buf, "w", compression=method) as z:
            for info, data in items:
                if isinstance(info, zipfile.ZipInfo):
                    info = _copy(info)
                z.writestr(info, data)
    return buf.getvalue()


def _copy(info: zipfile.ZipInfo) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(info.filename, info.date_time)
    new.external_attr = info.external_attr
    new.create_system = info.create_system
    new.compress_type = info.compress_type
    return new


def name_of(info: zipfile.ZipInfo | str) -> str:
    return info.filename if isinstance(info, zipfile.ZipInfo) else info


def replace(items: Entries, name: str, data: bytes) -> Entries:
    return [(i, data if name_of(i) == name else d) for i, d in items]


def drop(items: Entries, pred: Callable[[str], bool]) -> Entries:
    return [(i, d) for i, d in items if not pred(name_of(i))]


def get(items: Entries, name: str) -> bytes:
    return next(d for i, d in items if name_of(i) == name)


def with_manifest(
    items: Entries, key: Ed25519PrivateKey, edit: Callable[[dict], object] | None = None,
    raw: bytes | None = None, namespace: str = BUNDLE_NAMESPACE,
) -> Entries:
    """Change the manifest (as dict or raw bytes) and sign it properly with the sender's key."""
    if raw is None:
        m = json.loads(get(items, "manifest.json"))
        if edit is not None:
            out = edit(m)
            m = out if out is not None else m
        raw = canonical_json(m).encode("utf-8")
    sig = sshsig.sign(key, raw, namespace).encode()
    return replace(replace(items, "manifest.json", raw), "manifest.json.sig", sig)


def add_entry(items: Entries, name: str, data: bytes, mode: int | None = None) -> Entries:
    info = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    return [*items, (info, data)]


def relist(items: Entries, key: Ed25519PrivateKey, name: str, data: bytes) -> Entries:
    """Add an entry AND list it in a re-signed manifest (so only the zip checks can catch it)."""
    import hashlib

    def edit(m: dict) -> None:
        m["entries"].append({"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)})

    return with_manifest(items, key, edit)


SYMLINK = stat.S_IFLNK | 0o777
CHARDEV = stat.S_IFCHR | 0o644


def entries_from_bytes(data: bytes) -> Entries:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [(i, z.read(i)) for i in z.infolist()]
