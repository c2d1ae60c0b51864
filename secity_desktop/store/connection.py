"""The store's connection object: plain SQL without loading sqlite-utils.

Every repository takes a ``db`` and mostly runs plain statements (``db.execute``,
``db.conn.executemany``, ``db.query``, ``db.atomic()``). sqlite-utils' import (with its
plugin hooks, which scan installed packages) costs more than a whole ``secity assessment
set``'s work, so :class:`Database` answers those calls itself over ``sqlite3`` and builds
a real ``sqlite_utils.Database`` on the same connection only when something asks for more
(``db["table"].insert(…)``, ``db.table_names()``, …): same transactions, same API.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


_SAVEPOINTS = itertools.count(1)  # names unique within the process


class Database:
    """``sqlite_utils.Database``'s plain-SQL surface over one ``sqlite3`` connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._full: sqlite_utils.Database | None = None

    # --- what the repositories use, answered here ---------------------------
    def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] | None = None
                ) -> sqlite3.Cursor:
        if parameters is not None:
            return self.conn.execute(sql, parameters)  # type: ignore[arg-type]
        return self.conn.execute(sql)

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] | None = None
              ) -> Generator[dict[str, Any], None, None]:
        cursor = self.execute(sql, params)
        keys = [d[0] for d in cursor.description or ()]
        for row in cursor:
            yield dict(zip(keys, row, strict=True))

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """A transaction; nested blocks are SAVEPOINTs (as sqlite-utils' ``atomic``), so an
        inner failure rolls back only the inner block."""
        if self.conn.in_transaction:
            savepoint = f"sp_{next(_SAVEPOINTS)}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may have ended it already
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
        else:
            self.conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                self.rollback()
                raise
            else:
                try:
                    self.conn.execute("COMMIT")
                except BaseException:
                    self.rollback()
                    raise

    def change_token(self) -> tuple[int, int]:
        """Changes when anything may have been written to the store since the last call:
        another connection's commit moves ``PRAGMA data_version``, this connection's own
        writes (committed, rolled back or not, temp tables too) move ``total_changes``.
        A reader that kept a result with the token may reuse it while the token is the same
        (``services.dashboard_ranked``); a false alarm only costs a re-read."""
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        return int(version), self.conn.total_changes

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    # --- everything else: sqlite-utils, loaded on first use --------------------
    def full(self) -> sqlite_utils.Database:
        """The sqlite-utils view of this same connection (built once)."""
        if self._full is None:
            import sqlite_utils

            self._full = sqlite_utils.Database(self.conn)
        return self._full

    def __getitem__(self, table: str) -> Any:
        return self.full()[table]

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("conn", "_full"):
            raise AttributeError(name)
        return getattr(self.full(), name)
