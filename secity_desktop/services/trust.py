"""Enrolling and revoking the keys this workspace accepts bundles from.

Trust is only ever given by a person at the office (a key file handed over,
its fingerprint confirmed by phone or QR); a bundle cannot enrol its own key.
A province enrols its assessors, an assessor its province, a region or the
nation the provinces. One door for the CLI and the GUI: parse strictly,
refuse duplicates, audit every change in the same transaction.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.core import key_validity
from secity_desktop.core.enrolment import KEY_ROLES, TrustedKey
from secity_desktop.core.errors import ConflictError, ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import allowed_signers, keys
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, geography
from secity_desktop.store import trust as trust_store


class TrustService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    def all(self) -> list[TrustedKey]:
        return trust_store.all_keys(self.db)

    def get(self, ident: str) -> TrustedKey:
        """By fingerprint (``SHA256:…``), key id, or principal (``assessor-<key id>``)."""
        return trust_store.get(self.db, ident.strip().removeprefix("assessor-"))

    def add(
        self,
        public_text: str,
        *,
        name: str | None = None,
        organisation: str = "",
        position: str = "",
        actor: str | None = None,
        role: str = "assessor",
        municipality: str | None = None,
        office: bool = False,
    ) -> TrustedKey:
        """Enrol a key; ``role="municipality"`` with ``municipality=CODE`` enrols a
        municipality office's key, which signs only that municipality's ``self`` bundles;
        ``office`` marks an office's key (bundles to it are encrypted to it)."""
        municipality = self._key_role(role, municipality)
        pub, comment = keys.parse_public_line(public_text)
        who = (name or comment).strip()
        if not who:
            raise ValidationError("give the assessor's name (the key file has no comment)",
                                  code="trust.name_required")
        for label, value in (("name", who), ("organisation", organisation), ("position", position)):
            if "\n" in value or "\r" in value or len(value) > 200:
                raise ValidationError(f"the {label} must be one short line",
                                      code="profile.one_line")
        fp = keys.fingerprint(pub)
        existing = trust_store.find(self.db, fp)
        if existing is not None:
            state = "revoked" if existing.revoked else "enrolled"
            raise ConflictError(f"key {fp} is already {state} (as {existing.name})",
                                code="trust.already_enrolled", fingerprint=fp, name=existing.name, revoked=existing.revoked)
        now, by = now_iso(), actor or self.ws.actor
        key = TrustedKey(
            fingerprint=fp,
            key_id=keys.key_id(pub),
            public_line=keys.public_line(pub, ""),
            name=who,
            organisation=organisation.strip(),
            position=position.strip(),
            enrolled_at=now,
            enrolled_by=by,
            revoked_at=None,
            revoked_by=None,
            revoke_reason=None,
            role=role,
            municipality_code=municipality,
        )
        with self.db.atomic():
            trust_store.insert(self.db, key)
            if office:
                trust_store.set_office(self.db, fp, True)
            audit.append(
                self.db, actor=by, action="trust.add", target=fp, at=now,
                new={"name": who, "organisation": key.organisation, "key_id": key.key_id}
                | ({"role": role, "municipality": municipality} if role != "assessor" else {})
                | ({"office": True} if office else {}),
            )
        return trust_store.get(self.db, fp)

    def _key_role(self, role: str, municipality: str | None) -> str | None:
        if role not in KEY_ROLES:
            raise ValidationError(
                f"unknown key role {role!r}", code="self.key_role_unknown", role=str(role)[:40]
            )
        if role != "municipality":
            if municipality:
                raise ValidationError(
                    "only a municipality key names a municipality",
                    code="self.key_municipality_not_municipal",
                )
            return None
        if not municipality:
            raise ValidationError(
                "a municipality key needs the municipality it speaks for (--municipality CODE)",
                code="self.key_municipality_required",
            )
        record = geography.municipality(self.db, municipality.strip())
        province = self.ws.province_code
        if self.ws.role is Role.PROVINCE and province and record.province_code != province:
            raise ValidationError(
                f"municipality {record.code} is in province {record.province_code},"
                f" not this office's {province}",
                code="self.key_municipality_province", municipality=record.code,
                province=record.province_code,
            )
        return record.code

    def revoke(self, ident: str, *, reason: str = "", actor: str | None = None) -> TrustedKey:
        key = self.get(ident)
        if key.revoked:
            raise ConflictError(f"key {key.fingerprint} was already revoked on {key.revoked_at}",
                                code="trust.already_revoked", fingerprint=key.fingerprint)
        now, by = now_iso(), actor or self.ws.actor
        with self.db.atomic():
            trust_store.mark_revoked(self.db, key.fingerprint, now, by, reason or None)
            if key.role != "municipality":  # carried in this office's return/upward bundles
                from secity_desktop.services.key_statements import record_made

                record_made(self.ws, "revoke", holder=key, old=key.public_line, new=None,
                            effective_at=now, reason=reason or "revoked", actor=by)
            audit.append(
                self.db, actor=by, action="trust.revoke", target=key.fingerprint, at=now,
                reason=reason or None,
            )
        return trust_store.get(self.db, key.fingerprint)

    def office_keys(self) -> list[TrustedKey]:
        """Keys enrolled as an office's: field and upward bundles are encrypted to these."""
        return trust_store.office_keys(self.db)

    def is_office(self, ident: str) -> bool:
        return trust_store.is_office(self.db, self.get(ident).fingerprint)

    def set_office(self, ident: str, office: bool = True, *, actor: str | None = None) -> TrustedKey:
        """Mark (or unmark) an enrolled key as an office's, audited."""
        key = self.get(ident)
        now, by = now_iso(), actor or self.ws.actor
        with self.db.atomic():
            trust_store.set_office(self.db, key.fingerprint, office)
            audit.append(self.db, actor=by, action="trust.office", target=key.fingerprint, at=now,
                         new={"office": office})
        return key

    def allowed_signers(self) -> str:
        """Enrolled keys as an OpenSSH allowed_signers file (name as a # line above each).

        A key replaced by a rotation or revoked *from a date* is listed with its window as
        ``valid-after``/``valid-before`` options (``ssh-keygen -Y verify -Overify-time=…``
        honours them; ``certificate verify --trusted-keys`` reads them back); a key that
        replaced another starts at its ``valid-after``. A key revoked outright is left out:
        nothing it signed counts any more (docs/key-rotation.md, "allowed_signers windows").
        """
        entries = []
        for k in self.all():
            w = key_validity.window_of(k)
            if w.ending == "revoked":
                continue
            window = None
            if w.valid_until is not None or w.valid_from != key_validity.EPOCH:
                window = allowed_signers.Window(
                    None if w.valid_from == key_validity.EPOCH else w.valid_from, w.valid_until,
                    None if w.ending is None else ("retired" if w.ending == "retired" else "revoked"))
            entries.append((k.principal, keys.public_line(keys.load_public(k.public_line),
                                                          f"{k.name} {k.organisation}".strip()),
                            window))
        return allowed_signers.allowed_signers_text(entries)

    # --- added for the front ends (issue 9): key files read here, never in gui/ or cli/ ---
    def inspect(self, public_text: str) -> tuple[str, str]:
        """(fingerprint, comment) of a public-key line, to read out before enrolling it."""
        pub, comment = keys.parse_public_line(public_text)
        return keys.fingerprint(pub), comment

    def read_key_file(self, path: Path) -> str:
        """The text of a public-key file a person chose; unreadable files are refused plainly."""
        try:
            return Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(
                f"cannot read {path}: {exc}", code="key_file_unreadable", path=str(path)
            ) from None

    def read_statement_file(self, path: Path) -> bytes:
        """The bytes of a key statement file a person chose (checked when applied)."""
        try:
            return Path(path).read_bytes()
        except OSError as exc:
            raise ValidationError(
                f"cannot read {path}: {exc.strerror}", code="key_file_unreadable", path=str(path)
            ) from None

    def export_allowed_signers(self, target: Path) -> Path:
        """Write :meth:`allowed_signers` to a file (the GUI's Export button)."""
        Path(target).write_text(self.allowed_signers(), "utf-8")
        return Path(target)
