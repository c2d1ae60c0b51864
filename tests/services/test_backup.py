"""Whole-workspace backup, verify and restore: round trip, refusals, hostile files, automatics."""

from __future__ import annotations

import datetime as dt
import errno
import json
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from secity_desktop.core.errors import ConflictError, StoreError
from secity_desktop.core.io_errors import DiskError
from secity_desktop.crypto import keys, sshsig
from secity_desktop.services import backup as backup_mod
from secity_desktop.services import backup_auto
from secity_desktop.services.assessments import AssessmentService
from secity_desktop.services.backup import CreateBackup, VerifyBackup
from secity_desktop.services.backup_format import BackupRefused
from secity_desktop.services.identity import Identity
from secity_desktop.services.operations import run_inline
from secity_desktop.services.restore import RestoreBackup
from secity_desktop.services.workspace import Workspace, open_workspace
from secity_desktop.store import backup as store_backup
from secity_desktop.store.database import DB_NAME
from secity_desktop.store.migrations import SCHEMA_VERSION
from tests.bundle import flow


@pytest.fixture
def source(tmp_path: Path) -> Workspace:
    ws = flow.assessor(tmp_path / "src")
    aid = flow.complete(ws, evidence_every=4)
    flow.finalize(ws, aid)
    AssessmentService(ws).new("5002", 2569)
    yield ws
    ws.close()


def backup(ws: Workspace, target: Path, **kw: object) -> backup_mod.BackupResult:
    return run_inline(CreateBackup(ws, target, preferences=Path("/nonexistent"), **kw))  # type: ignore[arg-type]


def test_round_trip_restores_a_working_workspace(source: Workspace, tmp_path: Path) -> None:
    prefs = tmp_path / "cfg" / "settings.ini"
    prefs.parent.mkdir()
    prefs.write_text("[preferences]\nlanguage=en\n", "utf-8")
    r = run_inline(CreateBackup(source, tmp_path / "b", preferences=prefs))
    assert r.path == tmp_path / "b.secbackup" and r.damaged == [] and r.missing == []
    names = zipfile.ZipFile(r.path).namelist()
    assert names[0] == "database/secity.sqlite3" and names[-1] == "backup.json"
    assert "keys/assessor_ed25519" in names and "preferences/settings.ini" in names
    assert all(i.compress_type == zipfile.ZIP_STORED for i in zipfile.ZipFile(r.path).infolist()
               if i.filename != "backup.json")
    assert run_inline(VerifyBackup(r.path)).entries == r.entries

    new_prefs = tmp_path / "other-user" / "settings.ini"
    restored = run_inline(RestoreBackup(r.path, tmp_path / "restored", preferences=new_prefs))
    assert restored.missing_evidence == [] and restored.preferences == "applied"
    assert new_prefs.read_text("utf-8") == prefs.read_text("utf-8")
    assert store_backup.integrity_errors(tmp_path / "restored" / DB_NAME) == []
    ws = open_workspace(tmp_path / "restored", create=False)
    try:
        before = AssessmentService(source).list()
        assert AssessmentService(ws).list() == before and len(before) == 2
        assert [AssessmentService(ws).get(i).status for i in before] == [
            AssessmentService(source).get(i).status for i in before]
        for (sha,) in source.db.execute("SELECT DISTINCT sha256 FROM evidence").fetchall():
            assert ws.blobs.path_for(sha).read_bytes() == source.blobs.path_for(sha).read_bytes()
        assert restored.evidence_files > 0
        key = Identity(ws).unlock(flow.PASS)  # the same key, still encrypted, still opens
        assert keys.fingerprint(key.public_key()) == Identity(source).info().fingerprint
        sig = sshsig.sign(key, b"after restore", "file")
        sshsig.verify(sig, b"after restore", "file", [Identity(source).public_key()])
        assert (tmp_path / "restored" / "keys" / "assessor_ed25519").stat().st_mode & 0o077 == 0
        events = [e.action for e in __import__("secity_desktop.store.audit", fromlist=["x"]).events(ws.db)]
        assert "workspace.restore" in events
    finally:
        ws.close()
    assert json.loads(source.setting("backup.last") or "{}")["path"] == str(r.path)


def _corrupt(db: Path) -> None:
    """Four damaged pages: index pages the app does not need to open the store."""
    conn = sqlite3.connect(db)
    pages = [n for (n,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name IN ('municipalities_province',"
        " 'assessments_place_year', 'evidence_assessment', 'audit_assessment') ORDER BY pageno")]
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    assert len(pages) >= 4
    data = bytearray(db.read_bytes())
    for n in pages[:4]:
        start = (n - 1) * size
        data[start:start + size] = b"\xa5" * size
    db.write_bytes(bytes(data))


def test_damaged_store_is_refused_with_salvage_steps(tmp_path: Path) -> None:
    ws = flow.assessor(tmp_path / "w")
    ws.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ws.close()
    db = tmp_path / "w" / DB_NAME
    _corrupt(db)
    assert store_backup.integrity_errors(db)
    ws = open_workspace(tmp_path / "w", create=False)
    try:
        with pytest.raises(StoreError) as info:
            backup(ws, tmp_path / "b.secbackup")
    finally:
        ws.close()
    assert info.value.code == "backup.store_damaged"
    assert ".dump" in str(info.value) and ".recover" in str(info.value)
    assert not (tmp_path / "b.secbackup").exists() and not list(tmp_path.glob(".*part"))
    if shutil.which("sqlite3"):  # the steps the message gives work
        sql = subprocess.run(["sqlite3", str(db), ".dump"], capture_output=True, check=True).stdout
        subprocess.run(["sqlite3", str(tmp_path / "recovered.sqlite3")], input=sql, check=True,
                       capture_output=True)
        step = str(info.value).split('sqlite3 recovered.sqlite3 "', 1)[1].split('"', 1)[0]
        assert step.startswith(f"PRAGMA user_version = {SCHEMA_VERSION};")
        subprocess.run(["sqlite3", str(tmp_path / "recovered.sqlite3"), step], check=True,
                       capture_output=True)
        assert store_backup.integrity_errors(tmp_path / "recovered.sqlite3") == []
        (tmp_path / "w" / "secity.sqlite3-wal").unlink(missing_ok=True)
        (tmp_path / "w" / "secity.sqlite3-shm").unlink(missing_ok=True)
        db.replace(tmp_path / "damaged.sqlite3")
        (tmp_path / "recovered.sqlite3").replace(db)
        ws = open_workspace(tmp_path / "w", create=False)  # and the salvaged store backs up
        try:
            assert backup(ws, tmp_path / "after.secbackup").entries > 0
        finally:
            ws.close()


def test_not_enough_space_is_refused_before_writing(source: Workspace, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_mod, "free_space", lambda _f: 10_000)
    with pytest.raises(DiskError) as info:
        backup(source, tmp_path / "b.secbackup")
    assert info.value.code == "backup.not_enough_space"
    assert not list(tmp_path.glob("*.secbackup")) and not list(tmp_path.glob(".*part"))


def test_disk_full_mid_backup(source: Workspace, tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    real = zipfile._ZipWriteFile.write  # type: ignore[attr-defined]
    written = [0]

    def write(self, data):  # type: ignore[no-untyped-def]
        written[0] += len(data)
        if written[0] > 200_000:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, data)

    monkeypatch.setattr(zipfile._ZipWriteFile, "write", write)  # type: ignore[attr-defined]
    with pytest.raises(DiskError) as info:
        backup(source, tmp_path / "b.secbackup")
    assert info.value.code == "backup.no_space" and str(tmp_path) in str(info.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["src"]  # no file, no .part
    assert source.setting("backup.last") is None


def test_existing_target_needs_overwrite(source: Workspace, tmp_path: Path) -> None:
    backup(source, tmp_path / "b.secbackup")
    with pytest.raises(ConflictError):
        backup(source, tmp_path / "b.secbackup")
    assert backup(source, tmp_path / "b.secbackup", overwrite=True).size > 0


def test_damaged_evidence_is_kept_aside_not_trusted(source: Workspace, tmp_path: Path) -> None:
    sha = source.db.execute("SELECT sha256 FROM evidence LIMIT 1").fetchone()[0]
    path = source.blobs.path_for(sha)
    path.write_bytes(b"bit rot" + path.read_bytes()[7:])
    r = backup(source, tmp_path / "b.secbackup")
    assert r.damaged == [f"evidence/{sha[:2]}/{sha}"]
    restored = run_inline(RestoreBackup(r.path, tmp_path / "r", preferences=tmp_path / "p.ini"))
    assert restored.damaged_evidence == r.damaged and restored.missing_evidence == [sha]
    assert (tmp_path / "r" / "damaged-evidence" / sha).is_file()
    assert not (tmp_path / "r" / "evidence" / sha[:2] / sha).exists()


def _rewrite(src: Path, dst: Path, change) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            for name, body in change(info.filename, data):
                zout.writestr(name, body)


@pytest.mark.parametrize("case, reason", [
    ("flip", "damaged"),
    ("extra", "bad_manifest"),
    ("slip", "damaged"),
    ("schema", "newer_schema"),
    ("format", "newer_format"),
    ("notzip", "not_a_backup"),
])
def test_hostile_backups_are_refused_and_leave_nothing(source: Workspace, tmp_path: Path,
                                                        case: str, reason: str) -> None:
    good = backup(source, tmp_path / "good.secbackup").path
    bad = tmp_path / "bad.secbackup"

    def manifest(mutate):  # type: ignore[no-untyped-def]
        def change(name: str, data: bytes):  # type: ignore[no-untyped-def]
            if name == "backup.json":
                m = json.loads(data)
                mutate(m)
                data = json.dumps(m).encode()
            return [(name, data)]
        return change

    if case == "flip":
        _rewrite(good, bad, lambda n, d: [(n, d[:-1] + bytes([d[-1] ^ 1]) if n == "keys/assessor_ed25519" else d)])
    elif case == "extra":
        _rewrite(good, bad, lambda n, d: [(n, d)] + ([("evil.exe", b"MZ")] if n == "backup.json" else []))
    elif case == "slip":
        _rewrite(good, bad, lambda n, d: [("../../escape" if n.startswith("keys/assessor_ed25519.pub") else n, d)])
    elif case == "schema":
        _rewrite(good, bad, manifest(lambda m: m.update(schema_version=999)))
    elif case == "format":
        _rewrite(good, bad, manifest(lambda m: m.update(version=99)))
    else:
        bad.write_bytes(b"%PDF-1.7 not a backup")
    with pytest.raises(BackupRefused) as info:
        run_inline(RestoreBackup(bad, tmp_path / "target", preferences=tmp_path / "p.ini"))
    assert info.value.reason == reason, info.value
    assert not (tmp_path / "target").exists()
    assert not (tmp_path.parent / "escape").exists()
    if case in ("flip", "extra"):
        with pytest.raises(BackupRefused):
            run_inline(VerifyBackup(bad))


def test_restore_only_into_an_empty_folder(source: Workspace, tmp_path: Path) -> None:
    good = backup(source, tmp_path / "good.secbackup").path
    target = tmp_path / "busy"
    target.mkdir()
    (target / "mine.txt").write_text("keep me")
    with pytest.raises(ConflictError) as info:
        run_inline(RestoreBackup(good, target, preferences=tmp_path / "p.ini"))
    assert info.value.code == "restore.target_not_empty"
    assert [p.name for p in target.iterdir()] == ["mine.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert run_inline(RestoreBackup(good, empty, preferences=tmp_path / "p.ini")).assessments == 2


def test_failed_restore_leaves_an_existing_empty_folder_empty(
        source: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = backup(source, tmp_path / "good.secbackup").path
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setattr(store_backup, "integrity_errors", lambda _p, limit=20: ["page 3: boom"])
    with pytest.raises(BackupRefused):
        run_inline(RestoreBackup(good, empty, preferences=tmp_path / "p.ini"))
    assert list(empty.iterdir()) == []


def test_daily_backup_prunes_and_skips_when_short(source: Workspace, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    backup_auto.configure(source, keep=2, folder=str(tmp_path / "daily"))
    days = [dt.date(2026, 1, d) for d in (1, 2, 3)]
    for day in days:
        assert backup_auto.due(source, day)
        assert backup_auto.run_daily(source, day) is not None
        assert not backup_auto.due(source, day)
    kept = sorted(p.name for p in (tmp_path / "daily").iterdir())
    assert kept == ["secity-daily-2026-01-02.secbackup", "secity-daily-2026-01-03.secbackup"]
    monkeypatch.setattr(backup_mod, "free_space", lambda _f: 1000)
    assert backup_auto.run_daily(source, dt.date(2026, 1, 4)) is None
    notice = backup_auto.notice(source)
    assert notice is not None and notice["code"] == "backup.daily_skipped_no_space"
    assert sorted(p.name for p in (tmp_path / "daily").iterdir()) == kept
    monkeypatch.undo()
    assert backup_auto.run_daily(source, dt.date(2026, 1, 4)) is not None
    assert backup_auto.notice(source) is None  # a good backup clears the notice


def _store_at_schema_5(folder: Path) -> None:
    """A store as release 5 left it: the schema steps up to 5 only (no data needed)."""
    import sqlite_utils

    from secity_desktop.store.database import migrate

    folder.mkdir(parents=True)
    db = sqlite_utils.Database(folder / DB_NAME)
    migrate(db, target=5)
    db.close()


def test_copy_before_schema_migration(tmp_path: Path) -> None:
    _store_at_schema_5(tmp_path / "old")
    ws = open_workspace(tmp_path / "old")
    try:
        copies = list((tmp_path / "old" / "backups" / "pre-migration").glob("*.sqlite3"))
        assert len(copies) == 1 and f"schema5-before-{SCHEMA_VERSION}" in copies[0].name
        assert store_backup.schema_version(copies[0]) == 5
        assert store_backup.integrity_errors(copies[0]) == []
        assert [f.kind for f in backup_auto.listing(ws)] == ["pre-migration"]
    finally:
        ws.close()


def test_pre_migration_copy_skipped_when_short_leaves_a_notice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _store_at_schema_5(tmp_path / "old")
    monkeypatch.setattr(store_backup, "free_bytes", lambda _f: 1000)
    ws = open_workspace(tmp_path / "old")
    try:
        assert not (tmp_path / "old" / "backups" / "pre-migration").exists()
        notice = store_backup.notice(ws.db)
        assert notice is not None and notice["code"] == "backup.pre_migration_skipped"
    finally:
        ws.close()
