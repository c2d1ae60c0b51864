"""Framework versions kept in the store by content hash.

An assessment names its framework by hash; keeping the canonical JSON in the
store means an assessment stays readable even after the file in ``forms/`` is
replaced by a newer version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from secity_desktop.core import framework as fw
from secity_desktop.core.errors import NotFoundError
from secity_desktop.core.thai_calendar import now_iso

if TYPE_CHECKING:
    import sqlite_utils


class FrameworkRepo:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._cache: dict[str, fw.Framework] = {}

    def register(self, framework: fw.Framework, source: str) -> str:
        h = framework.hash
        if self.db.execute("SELECT 1 FROM frameworks WHERE hash = ?", [h]).fetchone() is None:
            self.db["frameworks"].insert(
                {
                    "hash": h,
                    "fw_id": framework.framework.id,
                    "version": framework.version,
                    "status": framework.status,
                    "title_th": framework.framework.title_th,
                    "title_en": framework.framework.title_en,
                    "content": framework.canonical_json(),
                    "source": source,
                    "added_at": now_iso(),
                }
            )
        self._cache[h] = framework
        return h

    def get(self, hash_: str) -> fw.Framework:
        if hash_ in self._cache:
            return self._cache[hash_]
        row = self.db.execute("SELECT content FROM frameworks WHERE hash = ?", [hash_]).fetchone()
        if row is None:
            raise NotFoundError(f"framework {hash_[:12]}… is not in this workspace",
                                code="framework.unknown")
        loaded = fw.from_stored(row[0], hash_, f"framework {hash_[:12]}")
        self._cache[hash_] = loaded
        return loaded

    def has(self, hash_: str) -> bool:
        return hash_ in self._cache or self.db.execute(
            "SELECT 1 FROM frameworks WHERE hash = ?", [hash_]).fetchone() is not None

    def list(self) -> list[dict[str, object]]:
        return list(
            self.db.query(
                "SELECT hash, fw_id, version, status, title_th, title_en, source, added_at"
                " FROM frameworks ORDER BY added_at"
            )
        )

    def current(self) -> fw.Framework:
        """The newest official framework, or the newest provisional one if none is official."""
        rows = self.list()
        if not rows:
            raise NotFoundError("no framework is loaded in this workspace",
                                code="framework.none_loaded")
        official = [r for r in rows if r["status"] == "official"]
        pick = (official or rows)[-1]
        return self.get(str(pick["hash"]))
