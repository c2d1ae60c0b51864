"""The assessor's identity: profile and signing key, kept in the workspace folder.

The private key is only ever held here, encrypted under the assessor's
passphrase in OpenSSH's own format (``<data_dir>/keys/assessor_ed25519``), and
unlocked for one signing operation at a time: callers pass the passphrase in
(Electrum's ``@protected`` pattern) and never keep the opened key.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from secity_desktop.bundle.documents import Person
from secity_desktop.core.errors import (
    ConflictError,
    KeyFileError,
    NotFoundError,
    SecityError,
    ValidationError,
    WrongPassphraseError,
)
from secity_desktop.crypto import keys
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, settings

KEY_FILE = "assessor_ed25519"
#: a key replaced by ``secity key rotate``: ``<KEY_FILE>.retired-<key id>`` (+ ``.pub``), kept
#: encrypted under the workspace's *current* passphrase so it can still open bundles sealed to it
RETIRED_PREFIX = KEY_FILE + ".retired-"
PROFILE_FIELDS = ("name", "position", "organisation", "province")
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class Profile:
    name: str
    position: str = ""
    organisation: str = ""
    province: str = ""


@dataclass(frozen=True)
class KeyInfo:
    fingerprint: str
    key_id: str
    public_line: str
    path: Path

    def __repr__(self) -> str:  # keep paths and keys out of crash reports' noise
        return f"KeyInfo(fingerprint={self.fingerprint!r}, key_id={self.key_id!r})"


def check_new_passphrase(passphrase: bytes) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"choose a passphrase of at least {MIN_PASSPHRASE} characters; it protects your signature",
            code="key.passphrase_short", min=MIN_PASSPHRASE
        )


class Identity:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws

    @property
    def key_path(self) -> Path:
        return self.ws.data_dir / "keys" / KEY_FILE

    # --- profile ----------------------------------------------------------
    def profile(self) -> Profile:
        values = {f: self.ws.setting(f"profile.{f}", "") or "" for f in PROFILE_FIELDS}
        if not values["name"]:
            values["name"] = self.ws.actor
        return Profile(**values)

    def set_profile(self, **fields: str | None) -> Profile:
        old = self.profile()
        with self.ws.db.atomic():
            for f, v in fields.items():
                if f not in PROFILE_FIELDS:
                    raise ValidationError(f"unknown profile field {f!r}",
                                          code="profile.unknown_field", field=f)
                if v is None:
                    continue
                if "\n" in v or "\r" in v:
                    raise ValidationError(f"the {f} must be one line", code="profile.one_line")
                settings.put(self.ws.db, f"profile.{f}", v.strip())
            new = self.profile()
            if new != old:
                audit.append(
                    self.ws.db,
                    actor=self.ws.actor,
                    action="profile.set",
                    old=old.__dict__,
                    new=new.__dict__,
                )
        return new

    # --- key --------------------------------------------------------------
    def has_key(self) -> bool:
        return self.key_path.is_file()

    def create_key(self, passphrase: bytes) -> KeyInfo:
        if self.has_key():
            raise ConflictError(
                f"this workspace already has a signing key ({self.key_path}); "
                "change its passphrase instead of replacing it", code="key.exists"
            )
        check_new_passphrase(passphrase)
        self.key_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        key = keys.generate()
        keys.write_private(key, self.key_path, passphrase, self._comment())
        info = self.info()
        with self.ws.db.atomic():
            audit.append(
                self.ws.db,
                actor=self.ws.actor,
                action="key.create",
                new={"fingerprint": info.fingerprint, "key_id": info.key_id},
            )
        return info

    def _comment(self) -> str:
        return self.profile().name

    def public_key(self) -> Ed25519PublicKey:
        if not self.has_key():
            raise NotFoundError("this workspace has no signing key yet; run `secity key init`",
                                code="no_signing_key")
        text = self.key_path.with_name(KEY_FILE + ".pub").read_text("utf-8")
        return keys.parse_public_line(text)[0]

    def info(self) -> KeyInfo:
        pub = self.public_key()
        return KeyInfo(
            keys.fingerprint(pub),
            keys.key_id(pub),
            keys.public_line(pub, self._comment()),
            self.key_path,
        )

    def unlock(self, passphrase: bytes) -> Ed25519PrivateKey:
        """Open the key for one operation; raises WrongPassphraseError (retryable)."""
        if not self.has_key():
            raise NotFoundError("this workspace has no signing key yet; run `secity key init`",
                                code="no_signing_key")
        key = keys.read_private(self.key_path, passphrase)
        if keys.key_id(key.public_key()) != keys.key_id(self.public_key()):
            raise ConflictError("the key file and its .pub file do not belong together",
                                code="key.pair_mismatch")
        return key

    def change_passphrase(self, old: bytes, new: bytes) -> None:
        """New passphrase for the key, and for the retired keys kept with it (one passphrase)."""
        check_new_passphrase(new)
        keys.change_passphrase(self.key_path, old, new)
        self.rewrap_retired(old, new)
        with self.ws.db.atomic():
            audit.append(self.ws.db, actor=self.ws.actor, action="key.passphrase")

    # --- retired keys (docs/key-rotation.md, "Retired private keys") ------
    def retired_key_paths(self) -> list[Path]:
        """The retired private key files still kept (their ``.pub`` halves stay for history)."""
        folder = self.key_path.parent
        return sorted(p for p in folder.glob(RETIRED_PREFIX + "*")
                      if not p.name.endswith(".pub") and p.is_file())

    def retired_keys(self) -> list[KeyInfo]:
        """Which retired private keys are kept: their fingerprints, read from the ``.pub`` halves."""
        out = []
        for path in self.retired_key_paths():
            try:
                pub = keys.parse_public_line(path.with_name(path.name + ".pub").read_text("utf-8"))[0]
            except (OSError, UnicodeDecodeError, KeyFileError):
                continue
            out.append(KeyInfo(keys.fingerprint(pub), keys.key_id(pub), keys.public_line(pub, ""), path))
        return out

    def _open_retired(self, passphrase: bytes,
                      only: Sequence[Path] | None = None) -> list[tuple[Path, Ed25519PrivateKey]]:
        """The retired keys the passphrase opens (of ``only``, when given). One under another
        passphrase (kept by a release before retired keys were re-protected at rotation) is
        skipped: it cannot be opened with one prompt, and ``ssh-keygen -p -f FILE`` can still
        re-protect it by hand."""
        out = []
        for path in self.retired_key_paths() if only is None else only:
            try:
                out.append((path, keys.read_private(path, passphrase)))
            except (WrongPassphraseError, KeyFileError):
                continue
        return out

    def unlock_for_reading(self, passphrase: bytes,
                           files: Sequence[Path] | None = None) -> tuple[Ed25519PrivateKey, ...]:
        """The keys that open bundles sealed to this workspace: the current key, then the
        retired ones (a bundle sealed to the old key while in transit during a rotation).
        Only the current key ever signs; a wrong passphrase raises as :meth:`unlock` does.

        With ``files``, only the retired keys one of those (age) files is addressed to are
        opened: each costs a full bcrypt-pbkdf unlock (≈ 1 s), so an import of bundles
        sealed to the current key costs no more than before.
        """
        current = self.unlock(passphrase)
        only = None if files is None else self._addressed(files)
        return (current, *(k for _p, k in self._open_retired(passphrase, only)))

    def _addressed(self, files: Sequence[Path]) -> list[Path]:
        """The retired key files that some encrypted file among ``files`` is addressed to."""
        from secity_desktop.bundle.encryption import header_stanzas, sniff, stanza_tag

        tags: set[str] = set()
        for f in files:
            try:
                if sniff(Path(f)) == "age":
                    tags |= {s[1] for s in header_stanzas(Path(f)) if len(s) > 1 and s[0] == "ssh-ed25519"}
            except SecityError:
                continue  # unreadable or damaged: the import refuses it with its own reason
        return [k.path for k in self.retired_keys() if stanza_tag(k.public_line) in tags]

    def rewrap_retired(self, old: bytes, new: bytes) -> int:
        """Re-protect the retired keys ``old`` opens under ``new`` (same format, today's
        rounds); how many. Each file is replaced atomically."""
        opened = self._open_retired(old)
        for path, key in opened:
            keys.write_private(key, path, new, keys.read_comment(path))
        return len(opened)

    def forget_retired(self, key_id: str) -> KeyInfo:
        """Delete one retired *private* key for good (its ``.pub`` stays: certificates and
        history still name it). Bundles sealed to it can no longer be opened here."""
        found = [k for k in self.retired_keys() if key_id in (k.key_id, k.fingerprint)]
        if not found:
            raise NotFoundError(f"no retired private key {key_id!r} is kept here",
                                code="key.retired.unknown", key=key_id[:60])
        info = found[0]
        info.path.unlink()
        with self.ws.db.atomic():
            audit.append(self.ws.db, actor=self.ws.actor, action="key.forget_retired",
                         target=info.fingerprint)
        return info

    def person(self) -> Person:
        """The signer block written into revisions and manifests."""
        p, info = self.profile(), self.info()
        return Person(
            name=p.name,
            position=p.position,
            organisation=p.organisation,
            province=p.province,
            key_fingerprint=info.fingerprint,
            key_id=info.key_id,
        )

    def qr_svg(self, scale: int = 4) -> str:
        """QR of the public-key line (no comment, plain ASCII): scanned at enrolment."""
        import io

        import segno

        pub = self.public_key()
        buf = io.BytesIO()
        segno.make(keys.public_line(pub, ""), error="m").save(buf, kind="svg", scale=scale)
        return buf.getvalue().decode("utf-8")

    def save_qr(self, path: Path, scale: int = 6) -> None:
        import segno

        segno.make(keys.public_line(self.public_key(), ""), error="m").save(str(path), scale=scale)

    # --- added for the front ends (issue 9) --------------------------------
    def qr_png(self, scale: int = 5) -> bytes:
        """The enrolment QR (public-key line, no comment) as PNG bytes for a screen."""
        import io

        import segno

        buf = io.BytesIO()
        segno.make(keys.public_line(self.public_key(), ""), error="m").save(
            buf, kind="png", scale=scale, border=2
        )
        return buf.getvalue()

    def export_public(self, target: Path) -> Path:
        """Write the public-key line to a file to hand to the office (or to assessors)."""
        Path(target).write_text(self.info().public_line + "\n", "utf-8")
        return Path(target)

