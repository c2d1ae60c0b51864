"""The assessor's identity: profile and signing key, kept in the workspace folder.

The private key is only ever held here, encrypted under the assessor's
passphrase in OpenSSH's own format (``<data_dir>/keys/assessor_ed25519``), and
unlocked for one signing operation at a time: callers pass the passphrase in
(Electrum's ``@protected`` pattern) and never keep the opened key.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from secity_desktop.bundle.documents import Person
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.crypto import keys
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, settings

KEY_FILE = "assessor_ed25519"
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
        check_new_passphrase(new)
        keys.change_passphrase(self.key_path, old, new)
        with self.ws.db.atomic():
            audit.append(self.ws.db, actor=self.ws.actor, action="key.passphrase")

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

