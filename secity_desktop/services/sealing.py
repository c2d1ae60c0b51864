"""To whom a bundle is encrypted, and writing it encrypted (issue 14; docs/bundle-format.md).

Who can open a bundle follows where it goes:

* a **field** bundle (assessor → province) and an **upward** bundle (province → region,
  nation) are encrypted to every unrevoked key this workspace enrolled *as an office's*
  (``secity trust add --office``, or the office box on the Trust page) — an assessor
  enrols the province's key by the same fingerprint/QR check as before;
* a **return** bundle (province → assessor) is encrypted to the key that signed each
  returned revision (the assessor's own enrolled key).

No recipient means no encrypted bundle: the export is refused
(``seal.no_office_key`` / ``seal.no_assessor_key``) unless the person asked
for an unencrypted one (``--unencrypted`` or the GUI's choice), which is recorded
(``exports.encrypted_to`` NULL, and ``"unencrypted": true`` in the audit event).

The plain signed bundle is written into the workspace's own scratch folder (never beside
the target, which is often a USB stick), encrypted to the target, then deleted.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from secity_desktop.bundle.encryption import ENCRYPTED_SUFFIX, encrypt_file
from secity_desktop.bundle.write import WrittenBundle
from secity_desktop.core.enrolment import TrustedKey
from secity_desktop.core.errors import ConflictError
from secity_desktop.services.trust import TrustService
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import revisions
from secity_desktop.store import trust as trust_store


@dataclass(frozen=True)
class Sealing:
    """How a bundle leaves: encrypted to ``recipients``, or plain when there are none."""

    recipients: tuple[TrustedKey, ...]
    scratch: Path | None = None

    @property
    def encrypted(self) -> bool:
        return bool(self.recipients)

    @property
    def fingerprints(self) -> list[str] | None:
        """For the ``exports`` row: None means sent unencrypted."""
        return [k.fingerprint for k in self.recipients] if self.recipients else None


PLAIN = Sealing(())


def _scratch(ws: Workspace) -> Path:
    root = ws.blobs.root / "tmp"
    root.mkdir(parents=True, exist_ok=True)
    return root


def office_sealing(ws: Workspace, *, encrypt: bool = True) -> Sealing:
    """Field and upward bundles: every unrevoked key enrolled as an office's."""
    if not encrypt:
        return PLAIN
    live = [k for k in TrustService(ws).office_keys() if k.active]
    if not live:
        raise ConflictError(
            "no office key is enrolled here, so the bundle cannot be encrypted: enrol the "
            "receiving office's public key as an office key (secity trust add --office), "
            "or export with --unencrypted if the office asked for that",
            code="seal.no_office_key",
        )
    return Sealing(tuple(live), _scratch(ws))


def assessor_sealing(ws: Workspace, ids: Sequence[str], *, encrypt: bool = True) -> Sealing:
    """Return bundles: the keys that signed the returned revisions."""
    if not encrypt:
        return PLAIN
    found: dict[str, TrustedKey] = {}
    for aid in ids:
        fp = revisions.signer_fingerprint(ws.db, aid)
        key = trust_store.find(ws.db, fp) if fp else None
        if key is None:
            raise ConflictError(
                f"the assessor who signed {aid} has no enrolled key here, so the return bundle "
                "cannot be encrypted to them; export with --unencrypted if they asked for that",
                code="seal.no_assessor_key", assessment_id=aid,
            )
        found[key.fingerprint] = key  # a revoked one is refused by encrypt_file, by name
    return Sealing(tuple(found.values()), _scratch(ws))


def sealed_target(path: Path, sealing: Sealing) -> Path:
    """``x.secbundle`` → ``x.secbundle.age`` when encrypted."""
    if sealing.encrypted and not path.name.endswith(ENCRYPTED_SUFFIX):
        return path.with_name(path.name + ENCRYPTED_SUFFIX)
    return path


def write_sealed(
    path: Path,
    sealing: Sealing,
    write_plain: Callable[[Path, Callable[[int, int], bool] | None], WrittenBundle],
    progress: Callable[[int, int], bool] | None = None,
) -> WrittenBundle:
    """Write the bundle at ``path`` (plain) or ``path.age`` (encrypted, through scratch).

    The result keeps the inner bundle's SHA-256 and size (its identity) and names the file
    actually written; progress runs once over both passes (writing, then encrypting).
    """
    if not sealing.encrypted:
        return write_plain(path, progress)
    assert sealing.scratch is not None
    plain = sealing.scratch / f".plain-{os.getpid()}-{path.name}"

    def first(done: int, total: int) -> bool:
        return progress is None or progress(done, 2 * max(total, 1)) is not False

    try:
        written = write_plain(plain, first)
        total = max(written.size, 1)

        def second(done: int, _t: int) -> bool:
            return progress is None or progress(total + min(done, total), 2 * total) is not False

        target = sealed_target(path, sealing)
        enc = encrypt_file(plain, target, sealing.recipients, second)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(plain)
    return replace(written, path=enc.path, encrypted_to=enc.recipients, outer_size=enc.size,
                   outer_sha256=enc.sha256)
