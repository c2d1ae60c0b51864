"""Numbered schema steps (``PRAGMA user_version``).

We number steps rather than use sqlite-utils' name-based ``Migrations`` because
a number lets an older release recognise a store from a newer one and refuse
it. Never edit a released step: add the next one. A test opens a store made at
every older version and upgrades it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

from secity_desktop.store import stored_scores

Step = Callable[["sqlite_utils.Database"], None]


def _v1_core(db: sqlite_utils.Database) -> None:
    for sql in (
        """CREATE TABLE workspace (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
        """CREATE TABLE frameworks (
            hash TEXT PRIMARY KEY, fw_id TEXT NOT NULL, version TEXT NOT NULL,
            status TEXT NOT NULL, title_th TEXT NOT NULL, title_en TEXT NOT NULL,
            content TEXT NOT NULL, source TEXT, added_at TEXT NOT NULL)""",
        """CREATE TABLE regional_offices (
            number INTEGER PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL,
            seat_province_code TEXT, verified INTEGER NOT NULL DEFAULT 0, source TEXT)""",
        """CREATE TABLE provinces (
            code TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL,
            region_office INTEGER REFERENCES regional_offices(number),
            region_office_verified INTEGER NOT NULL DEFAULT 0, source TEXT)""",
        """CREATE TABLE municipalities (
            code TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
            type TEXT NOT NULL CHECK (type IN ('nakhon', 'mueang', 'tambon')),
            province_code TEXT NOT NULL REFERENCES provinces(code),
            is_seat INTEGER NOT NULL DEFAULT 0, source TEXT)""",
        "CREATE INDEX municipalities_province ON municipalities(province_code)",
        """CREATE TABLE assessments (
            id TEXT PRIMARY KEY,
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            year INTEGER NOT NULL CHECK (year BETWEEN 2500 AND 2700),
            framework_hash TEXT NOT NULL REFERENCES frameworks(hash),
            status TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 1,
            supersedes TEXT, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)""",
        "CREATE INDEX assessments_place_year ON assessments(municipality_code, year)",
        """CREATE TABLE responses (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL, level INTEGER, note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
            PRIMARY KEY (assessment_id, indicator_code))""",
        """CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY, size INTEGER NOT NULL, stored_at TEXT NOT NULL)""",
        """CREATE TABLE evidence (
            id INTEGER PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES blobs(sha256),
            original_name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL,
            captured_at TEXT, gps_lat REAL, gps_lon REAL,
            added_at TEXT NOT NULL, added_by TEXT NOT NULL,
            removed_at TEXT, removed_by TEXT)""",
        "CREATE INDEX evidence_assessment ON evidence(assessment_id, indicator_code)",
        """CREATE TABLE audit (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, assessment_id TEXT, target TEXT,
            old TEXT, new TEXT, reason TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE)""",
        "CREATE INDEX audit_assessment ON audit(assessment_id, seq)",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    ):
        db.execute(sql)


def _v2_lists_and_ui(db: sqlite_utils.Database) -> None:
    """Which municipality list is loaded (and its date), and where the user left off."""
    for sql in (
        """CREATE TABLE municipality_lists (
            id INTEGER PRIMARY KEY, source TEXT NOT NULL, file_sha256 TEXT,
            list_date TEXT, imported_at TEXT NOT NULL, rows INTEGER NOT NULL)""",
        "ALTER TABLE municipalities ADD COLUMN list_id INTEGER REFERENCES municipality_lists(id)",
        """CREATE TABLE ui_state (key TEXT PRIMARY KEY, value TEXT NOT NULL)""",
    ):
        db.execute(sql)


def _v4_sync(db: sqlite_utils.Database) -> None:
    """Signed revisions, the trust registry, and what was exported and imported where."""
    for sql in (
        # One frozen, signed revision per finalized (or received) assessment row.
        """CREATE TABLE revisions (
            assessment_id TEXT PRIMARY KEY REFERENCES assessments(id),
            sha256 TEXT NOT NULL, content TEXT NOT NULL, signature TEXT NOT NULL,
            signer_fingerprint TEXT NOT NULL, finalized_at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('local', 'import')))""",
        """CREATE TABLE trusted_keys (
            fingerprint TEXT PRIMARY KEY, key_id TEXT NOT NULL UNIQUE,
            public_line TEXT NOT NULL, name TEXT NOT NULL, organisation TEXT NOT NULL DEFAULT '',
            position TEXT NOT NULL DEFAULT '',
            enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
            revoked_at TEXT, revoked_by TEXT, revoke_reason TEXT)""",
        """CREATE TABLE exports (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, path TEXT NOT NULL,
            file_sha256 TEXT NOT NULL, size INTEGER NOT NULL, revisions INTEGER NOT NULL)""",
        """CREATE TABLE export_items (
            export_id INTEGER NOT NULL REFERENCES exports(id),
            assessment_id TEXT NOT NULL REFERENCES assessments(id),
            PRIMARY KEY (export_id, assessment_id))""",
        "CREATE INDEX export_items_assessment ON export_items(assessment_id)",
        """CREATE TABLE imports (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, by TEXT NOT NULL, file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL, size INTEGER NOT NULL, sender_fingerprint TEXT,
            sender_name TEXT, result TEXT NOT NULL, reason TEXT, message TEXT,
            added INTEGER NOT NULL DEFAULT 0, updated INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0, conflicts INTEGER NOT NULL DEFAULT 0,
            quarantine_path TEXT)""",
        # Two revisions that supersede the same one: both kept, flagged for a person.
        """CREATE TABLE revision_conflicts (
            id INTEGER PRIMARY KEY, assessment_id TEXT NOT NULL REFERENCES assessments(id),
            other_id TEXT NOT NULL REFERENCES assessments(id), supersedes TEXT,
            kind TEXT NOT NULL, import_id INTEGER REFERENCES imports(id),
            flagged_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT)""",
        "CREATE INDEX assessments_supersedes ON assessments(supersedes)",
    ):
        db.execute(sql)


def _v5_review(db: sqlite_utils.Database) -> None:
    """Province review: decisions, comments, reviewer overrides (kept beside the assessor's
    levels, never over them) and the model town chosen per province and year.

    Every row has its own id, time and author so a "return for revision" or an upward
    bundle can carry them as data.
    """
    for sql in (
        """CREATE TABLE review_decisions (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL, action TEXT NOT NULL,
            old_status TEXT NOT NULL, new_status TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '', author TEXT NOT NULL, at TEXT NOT NULL)""",
        "CREATE INDEX review_decisions_assessment ON review_decisions(assessment_id, at)",
        """CREATE TABLE review_comments (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL, indicator_code TEXT,
            body TEXT NOT NULL CHECK (length(trim(body)) > 0),
            author TEXT NOT NULL, at TEXT NOT NULL)""",
        "CREATE INDEX review_comments_assessment ON review_comments(assessment_id, at)",
        """CREATE TABLE review_overrides (
            id TEXT PRIMARY KEY,
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL, indicator_code TEXT NOT NULL,
            assessor_level INTEGER, level INTEGER,
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            author TEXT NOT NULL, at TEXT NOT NULL,
            current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)))""",
        """CREATE UNIQUE INDEX review_overrides_current
            ON review_overrides(assessment_id, indicator_code) WHERE current = 1""",
        """CREATE TABLE model_towns (
            id TEXT NOT NULL UNIQUE,
            province_code TEXT NOT NULL REFERENCES provinces(code),
            year INTEGER NOT NULL CHECK (year BETWEEN 2500 AND 2700),
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            assessment_id TEXT REFERENCES assessments(id),
            reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
            chosen_by TEXT NOT NULL, chosen_at TEXT NOT NULL,
            PRIMARY KEY (province_code, year))""",
        "CREATE INDEX assessments_year ON assessments(year, municipality_code, revision)",
        # Covering index: the dashboard sums levels without touching the table rows.
        "CREATE INDEX responses_levels ON responses(assessment_id, indicator_code, level)",
    ):
        db.execute(sql)


def _v6_office_bundles(db: sqlite_utils.Database) -> None:
    """Bundles now come in kinds (field, return, upward): exports and imports say which.

    A flagged conflict is resolved by a person choosing which revision stands
    (``kept_id``) and why; the other stays in the store, set aside.
    """
    for sql in (
        "ALTER TABLE exports ADD COLUMN kind TEXT NOT NULL DEFAULT 'field'",
        "ALTER TABLE imports ADD COLUMN kind TEXT NOT NULL DEFAULT 'field'",
        "ALTER TABLE revision_conflicts ADD COLUMN kept_id TEXT REFERENCES assessments(id)",
        "ALTER TABLE revision_conflicts ADD COLUMN resolution TEXT",
        "CREATE INDEX revision_conflicts_a ON revision_conflicts(assessment_id)",
        "CREATE INDEX revision_conflicts_b ON revision_conflicts(other_id)",
    ):
        db.execute(sql)


def _v8_audit_heads(db: sqlite_utils.Database) -> None:
    """Heads of audit chains: every one seen in an imported bundle, and every one we sent.

    A receiving office keeps each sender's heads so a later bundle whose head
    goes back (truncated) or differs at a seen sequence (rewritten) is noticed
    (core/audit_anchor.py, docs/audit.md); the heads a workspace sent are kept
    so ``audit verify`` can check its own chain against what others were told.
    Append-only like the audit log: a head is evidence.
    """
    for sql in (
        """CREATE TABLE audit_heads (
            id INTEGER PRIMARY KEY,
            direction TEXT NOT NULL CHECK (direction IN ('received', 'sent')),
            sender_fingerprint TEXT NOT NULL,
            seq INTEGER NOT NULL CHECK (seq >= 0),
            hash TEXT NOT NULL,
            event_at TEXT NOT NULL,
            bundle_sha256 TEXT NOT NULL,
            seen_at TEXT NOT NULL,
            verdict TEXT NOT NULL,
            UNIQUE (direction, sender_fingerprint, seq, hash, bundle_sha256))""",
        "CREATE INDEX audit_heads_sender ON audit_heads(direction, sender_fingerprint, seq)",
        """CREATE TRIGGER audit_heads_no_update BEFORE UPDATE ON audit_heads
            BEGIN SELECT RAISE(ABORT, 'audit heads are append-only'); END""",
        """CREATE TRIGGER audit_heads_no_delete BEFORE DELETE ON audit_heads
            BEGIN SELECT RAISE(ABORT, 'audit heads are append-only'); END""",
    ):
        db.execute(sql)
def _v11_encryption(db: sqlite_utils.Database) -> None:
    """Encryption to the receiving office (issue 14, docs/bundle-format.md).

    * ``trusted_keys.office``: the key is an office's (a province at an assessor, the
      region or nation at a province): field and upward bundles are encrypted to these.
    * ``exports.encrypted_to``: the fingerprints a bundle was encrypted to, as a JSON list;
      NULL for a bundle someone chose to send unencrypted (recorded, never silent).
    """
    for sql in (
        "ALTER TABLE trusted_keys ADD COLUMN office INTEGER NOT NULL DEFAULT 0"
        " CHECK (office IN (0, 1))",
        "ALTER TABLE exports ADD COLUMN encrypted_to TEXT",
    ):
        db.execute(sql)


def _v12_key_windows(db: sqlite_utils.Database) -> None:
    """Key validity windows and the key statements a workspace made or received (issue 14).

    * ``trusted_keys.valid_from``: when a key that replaced another began to count (the
      rotation's or re-enrolment's ``effective_at``); NULL for an ordinary enrolment (no
      lower bound: work is signed before the office enrols the key).
    * ``trusted_keys.retired_at``: a rotation retired the key from this instant (it is NOT
      revoked: what it signed before stays valid, late bundles get a grace, docs/key-rotation.md).
    * ``trusted_keys.revoked_from``: 1 when ``revoked_at`` is a revocation *from a date*
      (a lost key re-enrolled, or a signed revocation statement) rather than an immediate
      revocation of a compromised key: bundles signed before it stay acceptable for a bounded time.
    * ``key_statements``: every signed key statement this workspace made (to carry in its
      bundles) or received (from a file or a bundle), with what applying it did: the history.
    """
    for sql in (
        "ALTER TABLE trusted_keys ADD COLUMN valid_from TEXT",
        "ALTER TABLE trusted_keys ADD COLUMN retired_at TEXT",
        "ALTER TABLE trusted_keys ADD COLUMN revoked_from INTEGER NOT NULL DEFAULT 0"
        " CHECK (revoked_from IN (0, 1))",
        """CREATE TABLE key_statements (
            id INTEGER PRIMARY KEY,
            origin TEXT NOT NULL CHECK (origin IN ('made', 'received')),
            kind TEXT NOT NULL CHECK (kind IN ('rotate', 'reenrol', 'revoke')),
            old_fingerprint TEXT NOT NULL,
            new_fingerprint TEXT,
            effective_at TEXT NOT NULL,
            made_at TEXT NOT NULL,
            reason TEXT NOT NULL,
            document TEXT NOT NULL,
            signed INTEGER NOT NULL CHECK (signed IN (0, 1)),
            sha256 TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            bundle_sha256 TEXT,
            outcome TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL)""",
        "CREATE INDEX key_statements_origin ON key_statements(origin, made_at)",
    ):
        db.execute(sql)


def _v13_stored_scores(db: sqlite_utils.Database) -> None:
    """Per-assessment scores stored, kept true by triggers (issue 11; docs/lists.md).

    ``assessment_scores`` holds each assessment's total, tier, answered count and component
    scores, with the framework hash and scoring rules they were computed under;
    ``score_queue`` lists assessments whose row a write removed. The triggers are in
    ``store.stored_scores``. Existing assessments are scored here, 5,000 at a time (one SQL
    pass each: bounded memory), inside the step's transaction.
    """
    for sql in stored_scores.schema_sql():
        db.execute(sql)
    for _done in stored_scores.fill(db):
        pass


def _v14_standings(db: sqlite_utils.Database) -> None:
    """The standing assessment per municipality and year, stored (issue 11; docs/dashboard.md).

    ``standings`` names, for each municipality and fiscal year, the assessment that stands
    (highest revision, then newest edit, never one set aside in a conflict); triggers on
    ``assessments`` and ``revision_conflicts`` keep it true (``store.standings``). The
    dashboard, coverage and the SAR gaps read it instead of a window query over every
    assessment. Filled here with one window query.
    """
    from secity_desktop.store import standings  # here: its imports stay off the CLI's path

    for sql in standings.schema_sql():
        db.execute(sql)
    standings.fill(db)


def _v15_standing_status(db: sqlite_utils.Database) -> None:
    """Each standing carries its assessment's status, kept by the same triggers (places2;
    docs/lists.md): the Progress and Coverage places count approved towns from ``standings``
    alone instead of looking up every standing assessment (≈ 0.1–0.4 s nationally)."""
    from secity_desktop.store import standings  # here: its imports stay off the CLI's path

    standings.add_status(db)


_V7_TYPES = "('pao', 'nakhon', 'mueang', 'tambon', 'sao', 'bangkok', 'pattaya')"
_V7_BANGKOK = (
    "Bangkok is a province-level local government (กรุงเทพมหานคร) outside the programme's"
    " 76 provinces; listed so the register can hold it"
)


def _v7_register(db: sqlite_utils.Database) -> None:
    """The real register of local governments (docs/register.md).

    * ``municipalities`` holds every form LPA covers (อบจ., เทศบาลนคร/เมือง/ตำบล, อบต.,
      กรุงเทพมหานคร, เมืองพัทยา): the table is rebuilt for its wider CHECK, keeping every
      row; assessments and model towns keep pointing at the same codes (the rows are
      re-inserted under ``defer_foreign_keys``, and the commit checks every reference).
      New columns: the department's code where known (``official_code``) and the district.
    * ``municipality_codes``: other codes naming a record (its department code when the
      record keeps a local code, former department codes), so a record's own code never
      changes — signed revisions name it.
    * ``municipality_types``: the forms a record has had, with since when and from which list.
    * ``provinces.in_programme``: Bangkok (10) is listed, outside the programme's 76.
    * ``history_imports`` and ``past_results``: earlier years' awards, each with its source.
    """
    db.execute("PRAGMA defer_foreign_keys = ON")
    for sql in (
        "ALTER TABLE provinces ADD COLUMN in_programme INTEGER NOT NULL DEFAULT 1"
        " CHECK (in_programme IN (0, 1))",
        # a seeded store gets Bangkok now; a new one gets it from provinces.csv
        "INSERT INTO provinces (code, name_th, name_en, region_office, region_office_verified,"
        " source, in_programme) SELECT '10', 'กรุงเทพมหานคร', 'Bangkok', NULL, 0, ?, 0"
        " WHERE EXISTS (SELECT 1 FROM provinces) AND NOT EXISTS"
        " (SELECT 1 FROM provinces WHERE code = '10')",
        "CREATE TEMP TABLE v7_municipalities AS SELECT * FROM municipalities",
        "DROP TABLE municipalities",
        f"""CREATE TABLE municipalities (
            code TEXT PRIMARY KEY, name_th TEXT NOT NULL, name_en TEXT NOT NULL DEFAULT '',
            type TEXT NOT NULL CHECK (type IN {_V7_TYPES}),
            province_code TEXT NOT NULL REFERENCES provinces(code),
            is_seat INTEGER NOT NULL DEFAULT 0, source TEXT,
            list_id INTEGER REFERENCES municipality_lists(id),
            official_code TEXT UNIQUE, district TEXT NOT NULL DEFAULT '', updated_at TEXT)""",
        "INSERT INTO municipalities (code, name_th, name_en, type, province_code, is_seat,"
        " source, list_id) SELECT code, name_th, name_en, type, province_code, is_seat, source,"
        " list_id FROM v7_municipalities",
        "DROP TABLE v7_municipalities",
        "CREATE INDEX municipalities_province ON municipalities(province_code)",
        """CREATE TABLE municipality_codes (
            code TEXT PRIMARY KEY,
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            kind TEXT NOT NULL CHECK (kind IN ('official', 'former')),
            source TEXT NOT NULL, list_id INTEGER REFERENCES municipality_lists(id),
            recorded_at TEXT NOT NULL)""",
        "CREATE INDEX municipality_codes_record ON municipality_codes(municipality_code)",
        # a code names one record: an alias may not be another record's own code
        """CREATE TRIGGER municipality_codes_unique BEFORE INSERT ON municipality_codes
            WHEN EXISTS (SELECT 1 FROM municipalities WHERE code = NEW.code
                         AND code <> NEW.municipality_code)
            BEGIN SELECT RAISE(ABORT, 'a municipality code names one record only'); END""",
        """CREATE TRIGGER municipalities_code_unique BEFORE INSERT ON municipalities
            WHEN EXISTS (SELECT 1 FROM municipality_codes WHERE code = NEW.code)
            BEGIN SELECT RAISE(ABORT, 'a municipality code names one record only'); END""",
        f"""CREATE TABLE municipality_types (
            id INTEGER PRIMARY KEY,
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            type TEXT NOT NULL CHECK (type IN {_V7_TYPES}), previous_type TEXT,
            name_th TEXT NOT NULL, since TEXT, recorded_at TEXT NOT NULL, source TEXT NOT NULL,
            list_id INTEGER REFERENCES municipality_lists(id))""",
        "CREATE INDEX municipality_types_record ON municipality_types(municipality_code, id)",
        "INSERT INTO municipality_types (municipality_code, type, name_th, recorded_at, source,"
        " list_id) SELECT code, type, name_th, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
        " coalesce(source, 'listed before the register (schema 20)'), list_id"
        " FROM municipalities",
        """CREATE TABLE history_imports (
            id INTEGER PRIMARY KEY, file_name TEXT NOT NULL, file_sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, rows INTEGER NOT NULL)""",
        """CREATE TABLE past_results (
            id INTEGER PRIMARY KEY,
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            year INTEGER NOT NULL CHECK (year BETWEEN 2500 AND 2700),
            level TEXT NOT NULL CHECK (level IN ('area', 'national')),
            award_code TEXT NOT NULL, award_text TEXT NOT NULL, award_key TEXT NOT NULL,
            import_id INTEGER NOT NULL REFERENCES history_imports(id),
            source_line INTEGER NOT NULL,
            UNIQUE (municipality_code, year, level, award_key))""",
        "CREATE INDEX past_results_year ON past_results(year, municipality_code)",
    ):
        db.execute(sql, [_V7_BANGKOK] if "'10', 'กรุงเทพมหานคร'" in sql else [])
    bad = db.execute("PRAGMA foreign_key_check").fetchall()
    if bad:
        raise sqlite3.IntegrityError(f"references broken by the register step: {bad[:5]}")


def _v9_compact_responses(db: sqlite_utils.Database) -> None:
    """Responses laid out for their key (issue 11; docs/store.md, "A smaller store").

    The response key (assessment id, indicator) was stored three times: in the rowid
    table, in the primary key's index, and in the covering index ``responses_levels``
    — 540 of a national store's 609 MB. As a ``WITHOUT ROWID`` table the rows live in
    the primary key's own B-tree, ordered by assessment then indicator: one copy of the
    key, every read by assessment (editor, scores, exports) one range of pages, and the
    covering index is no longer needed. Rows are copied in key order so pages are full.
    The audit log stays as it is: its key ``seq`` is already the rowid, and both of its
    indexes answer queries (by assessment; a hash is unique). The space freed here is
    given back by ``database.migrate``, which compacts the file after a step like this.
    """
    for sql in (
        """CREATE TABLE responses_v9 (
            assessment_id TEXT NOT NULL REFERENCES assessments(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL, level INTEGER, note TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
            PRIMARY KEY (assessment_id, indicator_code)) WITHOUT ROWID""",
        "INSERT INTO responses_v9 (assessment_id, indicator_code, level, note, updated_at,"
        " updated_by) SELECT assessment_id, indicator_code, level, note, updated_at, updated_by"
        " FROM responses ORDER BY assessment_id, indicator_code",
        "DROP TABLE responses",  # its indexes (the key's and responses_levels) go with it
        "ALTER TABLE responses_v9 RENAME TO responses",
    ):
        db.execute(sql)


def _v10_self_assessments(db: sqlite_utils.Database) -> None:
    """A municipality's own assessment (SAR) beside the verified one (docs/self-assessment.md).

    * ``self_assessments``: one row per self-assessment received, keyed by municipality and
      fiscal year; ``current`` marks the one that stands (older ones stay, set aside). Its
      source is a signed ``self`` bundle (signer, revision id, SHA-256, the signed bytes) or a
      spreadsheet (file, SHA-256, who entered it) — a spreadsheet is never signed.
    * ``self_responses`` and ``self_evidence``: the claimed levels, notes and evidence files.
    * ``trusted_keys.role`` / ``municipality_code``: an office enrols a municipality's key as
      it enrols an assessor's; a municipality key signs only its own ``self`` bundles.
    """
    for sql in (
        "ALTER TABLE trusted_keys ADD COLUMN role TEXT NOT NULL DEFAULT 'assessor'"
        " CHECK (role IN ('assessor', 'office', 'municipality'))",
        "ALTER TABLE trusted_keys ADD COLUMN municipality_code TEXT",
        """CREATE TABLE self_assessments (
            id INTEGER PRIMARY KEY,
            municipality_code TEXT NOT NULL REFERENCES municipalities(code),
            year INTEGER NOT NULL CHECK (year BETWEEN 2500 AND 2700),
            framework_hash TEXT NOT NULL REFERENCES frameworks(hash),
            source TEXT NOT NULL CHECK (source IN ('signed', 'spreadsheet')),
            signer_fingerprint TEXT, signer_name TEXT,
            revision_id TEXT, revision INTEGER, revision_sha256 TEXT UNIQUE,
            content TEXT, signature TEXT,
            file_name TEXT, file_sha256 TEXT, entered_by TEXT,
            recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL,
            current INTEGER NOT NULL DEFAULT 1 CHECK (current IN (0, 1)),
            CHECK (source = 'spreadsheet' OR (signer_fingerprint IS NOT NULL
                   AND revision_sha256 IS NOT NULL AND signature IS NOT NULL)),
            CHECK (source = 'signed' OR (entered_by IS NOT NULL AND length(trim(entered_by)) > 0
                   AND signature IS NULL)))""",
        """CREATE UNIQUE INDEX self_assessments_current
            ON self_assessments(municipality_code, year) WHERE current = 1""",
        "CREATE INDEX self_assessments_year ON self_assessments(year, municipality_code)",
        """CREATE TABLE self_responses (
            self_id INTEGER NOT NULL REFERENCES self_assessments(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL, level INTEGER, note TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (self_id, indicator_code))""",
        """CREATE TABLE self_evidence (
            id INTEGER PRIMARY KEY,
            self_id INTEGER NOT NULL REFERENCES self_assessments(id) ON DELETE CASCADE,
            indicator_code TEXT NOT NULL, sha256 TEXT NOT NULL REFERENCES blobs(sha256),
            name TEXT NOT NULL, mime TEXT NOT NULL, size INTEGER NOT NULL)""",
        "CREATE INDEX self_evidence_self ON self_evidence(self_id, indicator_code)",
    ):
        db.execute(sql)


#: Steps after which the file is compacted (VACUUM, outside the step's transaction).
COMPACT_AFTER = frozenset({9})

MIGRATIONS: list[tuple[int, Step]] = [
    (1, _v1_core),
    (2, _v2_lists_and_ui),
    (4, _v4_sync),
    (5, _v5_review),
    (6, _v6_office_bundles),
    (7, _v7_register),
    (8, _v8_audit_heads),
    (9, _v9_compact_responses),
    (10, _v10_self_assessments),
    (11, _v11_encryption),
    (12, _v12_key_windows),
    (13, _v13_stored_scores),
    (14, _v14_standings),
    (15, _v15_standing_status),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]
