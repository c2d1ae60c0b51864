"""The workspace: one folder holding the store, evidence and keys.

This is the composition root every front end builds once and passes down —
no global app object. Opening it upgrades the schema, registers the
frameworks found in ``forms/`` (so a new official file is picked up by
dropping it in) and, on a new store, seeds the reference data.
"""

from __future__ import annotations

import getpass
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop import digests, paths
from secity_desktop.core import framework as fw
from secity_desktop.core.errors import SecityError, ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store import geography, settings
from secity_desktop.store.blobs import BlobStore
from secity_desktop.store.database import open_database
from secity_desktop.store.frameworks import FrameworkRepo

if TYPE_CHECKING:
    import sqlite_utils


@dataclass
class Workspace:
    data_dir: Path
    db: sqlite_utils.Database
    blobs: BlobStore
    frameworks: FrameworkRepo

    # --- settings kept in the store ---------------------------------------
    def setting(self, key: str, default: str | None = None) -> str | None:
        return settings.get(self.db, key, default)

    def set_setting(self, key: str, value: str) -> None:
        with self.db.atomic():
            settings.put(self.db, key, value)

    @property
    def role(self) -> Role:
        return Role(self.setting("role", Role.ASSESSOR.value))

    @property
    def province_code(self) -> str | None:
        return self.setting("province_code")

    @property
    def municipality_code(self) -> str | None:
        """The municipality a municipality office's workspace speaks for (else None)."""
        return self.setting("municipality_code") or None

    @property
    def actor(self) -> str:
        """Who the audit log names for edits made here."""
        return self.setting("user_name") or _os_user()

    @property
    def initialized(self) -> bool:
        return self.setting("created_at") is not None

    def close(self) -> None:
        self.db.close()
        self._closed = True

    @property
    def is_open(self) -> bool:
        """False once closed (a late timer or signal must not touch a closed store)."""
        return not getattr(self, "_closed", False)


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return os.environ.get("USER", "unknown")


FORMS_CHECKED = "forms.checked"  # {"rules": N, "files": {file SHA-256: framework hash}}


def register_frameworks(ws: Workspace, folder: Path | None = None) -> list[fw.Framework]:
    """Register every framework file in ``forms/`` (a broken file stops with its message).

    Parsing and validating the files is most of a workspace's opening, and they rarely
    change: a file whose bytes were already checked under these rules
    (``framework.RULES_VERSION``) and whose framework is stored is read back from the store
    (``fw.from_stored``) instead — no TOML, no pydantic. The record of checked files is one
    workspace setting, rewritten only when a file is new or changed."""
    folder = folder or paths.forms_dir()
    files = sorted(folder.glob("*.toml")) + sorted(folder.glob("*.json"))
    known = _checked_files(ws)
    seen: dict[str, str] = {}
    found: list[fw.Framework] = []
    new: list[tuple[fw.Framework, str]] = []
    for path in files:
        try:
            digest = digests.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = ""  # fw.load below says why it cannot be read
        stored = known.get(digest)
        if stored is not None and ws.frameworks.has(stored):
            found.append(ws.frameworks.get(stored))
        else:
            loaded = fw.load(path)  # validated against the rules
            new.append((loaded, digest))
            found.append(loaded)
            stored = loaded.hash
        seen[digest] = stored
    if new or seen != known:
        with ws.db.atomic():
            for f, _ in new:
                ws.frameworks.register(f, source=f"forms/{f.framework.id}-{f.version}")
            record = {"rules": fw.RULES_VERSION, "files": seen}
            settings.put(ws.db, FORMS_CHECKED, json.dumps(record, sort_keys=True))
    return sorted(found, key=lambda f: (f.framework.id, f.version))


def _checked_files(ws: Workspace) -> dict[str, str]:
    """The forms files this workspace already checked under the current rules."""
    try:
        record = json.loads(ws.setting(FORMS_CHECKED) or "{}")
    except ValueError:
        return {}
    if not isinstance(record, dict) or record.get("rules") != fw.RULES_VERSION:
        return {}
    files = record.get("files")
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def open_workspace(
    data_dir: Path, *, create: bool = True, forms_dir: Path | None = None
) -> Workspace:
    db = open_database(data_dir, create=create)
    ws = Workspace(data_dir, db, BlobStore(data_dir / "evidence"), FrameworkRepo(db))
    if not geography.has_reference(db):
        geography.seed_reference(db, paths.reference_data_dir())
    register_frameworks(ws, forms_dir)
    from secity_desktop.services import housekeeping

    housekeeping.clean_at_start(ws)  # what killed imports and copies left behind
    return ws


def init_workspace(
    ws: Workspace,
    *,
    role: Role,
    province_code: str | None,
    user_name: str | None = None,
    municipality_code: str | None = None,
) -> None:
    """A municipality office's workspace names its municipality; its province follows from it."""
    if role in (Role.PROVINCE,) and not province_code:
        raise ValidationError("a province workspace needs --province CODE",
                              code="province_required")
    if role is Role.MUNICIPALITY:
        if not municipality_code:
            raise ValidationError(
                "a municipality workspace needs --municipality CODE",
                code="self.municipality_required",
            )
        province_code = geography.municipality(ws.db, municipality_code.strip()).province_code
        municipality_code = geography.municipality(ws.db, municipality_code.strip()).code
    elif municipality_code:
        raise ValidationError(
            "only a municipality workspace names a municipality (--role municipality)",
            code="self.municipality_not_role",
        )
    if province_code:
        geography.province(ws.db, province_code)  # raises NotFoundError for a bad code
    with ws.db.atomic():
        settings.put_many(
            ws.db,
            [
                ("role", role.value),
                ("province_code", province_code or ""),
                ("user_name", user_name or _os_user()),
                ("municipality_code", municipality_code or ""),
            ],
        )
        settings.put_if_missing(ws.db, "created_at", now_iso())


__all__ = ["SecityError", "Workspace", "init_workspace", "open_workspace", "register_frameworks"]
