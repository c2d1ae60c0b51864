from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from secity_desktop.bundle.safezip import open_bundle_zip
from secity_desktop.bundle.zipwriter import DeterministicZipWriter
from secity_desktop.core.errors import ValidationError


def _make(out: Path, media: Path) -> str:
    with DeterministicZipWriter(out) as writer:
        writer.add_bytes("manifest.json", '{"municipality": "เทศบาลนครเชียงใหม่"}'.encode())
        writer.add_file("photos/site-01.JPG", media)
        writer.add_bytes("notes/บันทึก.txt", "ข้อสังเกต\n".encode() * 100)
    return hashlib.sha256(out.read_bytes()).hexdigest()


@pytest.fixture
def media(tmp_path: Path) -> Path:
    path = tmp_path / "site.jpg"
    path.write_bytes(b"\xff\xd8\xff" + os.urandom(200_000))
    return path


def test_identical_bytes_and_metadata(tmp_path: Path, media: Path) -> None:
    first = _make(tmp_path / "a.secbundle", media)
    os.utime(media, (0, 1_700_000_000))  # a changed mtime must not change the bundle
    second = _make(tmp_path / "b.secbundle", media)
    assert first == second
    with zipfile.ZipFile(tmp_path / "a.secbundle") as zf:
        infos = zf.infolist()
        assert [i.filename for i in infos] == [
            "manifest.json",
            "photos/site-01.JPG",
            "notes/บันทึก.txt",
        ]
        assert [i.compress_type for i in infos] == [
            zipfile.ZIP_DEFLATED,
            zipfile.ZIP_STORED,
            zipfile.ZIP_DEFLATED,
        ]
        for info in infos:
            assert info.date_time == (1980, 1, 1, 0, 0, 0)
            assert info.external_attr >> 16 == 0o100644
            assert info.create_system == 3


def test_round_trips_through_safe_reader(tmp_path: Path, media: Path) -> None:
    out = tmp_path / "a.secbundle"
    _make(out, media)
    with open_bundle_zip(out) as bundle:
        assert bundle.sha256_of("photos/site-01.JPG") == (
            hashlib.sha256(media.read_bytes()).hexdigest(),
            media.stat().st_size,
        )


def test_failure_leaves_nothing(tmp_path: Path) -> None:
    out = tmp_path / "a.secbundle"
    with pytest.raises(RuntimeError), DeterministicZipWriter(out) as writer:
        writer.add_bytes("a.json", b"{}")
        raise RuntimeError("crash mid-write")
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_previous_bundle(tmp_path: Path, media: Path) -> None:
    out = tmp_path / "a.secbundle"
    digest = _make(out, media)
    with pytest.raises(ValidationError), DeterministicZipWriter(out) as writer:
        writer.add_bytes("../escape", b"x")
    assert hashlib.sha256(out.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.secbundle", "site.jpg"]


@pytest.mark.parametrize("names", [["a", "a"], ["A", "a"], ["/abs"], ["dir/"], ["a", "a/b"]])
def test_writer_refuses_names_reader_would_reject(tmp_path: Path, names: list[str]) -> None:
    with pytest.raises(ValidationError), DeterministicZipWriter(tmp_path / "x.zip") as writer:
        for name in names:
            writer.add_bytes(name, b"x")
    assert list(tmp_path.iterdir()) == []


def test_missing_source_file(tmp_path: Path) -> None:
    from secity_desktop.core.errors import StoreError

    with pytest.raises(StoreError), DeterministicZipWriter(tmp_path / "x.zip") as writer:
        writer.add_file("a.jpg", tmp_path / "missing.jpg")
    assert list(tmp_path.iterdir()) == []
