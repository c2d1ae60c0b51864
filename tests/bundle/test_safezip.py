from __future__ import annotations

import hashlib
import stat
import zipfile
import zlib
from pathlib import Path

import pytest

from secity_desktop.bundle.safezip import ZipLimits, open_bundle_zip
from secity_desktop.core.errors import BundleRejected
from tests.bundle import zipcraft

SMALL = ZipLimits(
    max_entries=5,
    max_total_uncompressed=64 * 1024,
    max_entry_size=40 * 1024,
    max_ratio=20,
    ratio_applies_above=1024,
    max_name_len=40,
    max_manifest_size=1024,
)


def _write(tmp_path: Path, data: bytes, name: str = "b.secbundle") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _reason(tmp_path: Path, data: bytes, limits: ZipLimits | None = None) -> str:
    """Open and read every entry; return the rejection reason."""
    with (
        pytest.raises(BundleRejected) as info,
        open_bundle_zip(_write(tmp_path, data), limits) as z,
    ):
        for name in z.names():
            z.sha256_of(name)
    assert str(info.value)
    return info.value.reason


def _info(name: str, mode: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name)
    info.create_system = 3
    info.external_attr = mode << 16
    return info


def test_valid_bundle_reads_back(tmp_path: Path) -> None:
    files = {"manifest.json": b'{"a": 1}', "photos/ก.jpg": b"\xff\xd8" * 500, "empty.txt": b""}
    with open_bundle_zip(_write(tmp_path, zipcraft.build(files.items()))) as bundle:
        assert bundle.names() == list(files)
        for name, content in files.items():
            assert bundle.sha256_of(name) == (hashlib.sha256(content).hexdigest(), len(content))
            assert bundle.size(name) == len(content)
        assert bundle.read_small("manifest.json") == files["manifest.json"]
        with bundle.open_entry("photos/ก.jpg") as stream:
            assert stream.read(3) == b"\xff\xd8\xff"
        with pytest.raises(BundleRejected) as missing:
            bundle.open_entry("nope")
        assert missing.value.reason == "missing_entry"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../evil", "zip_slip"),
        ("a/../../evil", "zip_slip"),
        ("/abs", "zip_slip"),
        ("C:\\x", "zip_slip"),
        ("C:/x", "zip_slip"),
        ("dir\\..\\x", "zip_slip"),
        ("a//b", "bad_name"),
        ("a/./b", "bad_name"),
        ("dir/", "bad_name"),
        ("bell\x07", "bad_name"),
        ("evil\u202etxt.exe", "bad_name"),
        ("CON.txt", "bad_name"),
        ("trailing.", "bad_name"),
        ("x" * 41, "bad_name"),
    ],
)
def test_bad_names(tmp_path: Path, name: str, reason: str) -> None:
    assert _reason(tmp_path, zipcraft.build([(name, b"x")]), SMALL) == reason


def test_nul_in_name(tmp_path: Path) -> None:
    data = zipcraft.build([("aXb", b"x")]).replace(b"aXb", b"a\x00b")
    assert _reason(tmp_path, data) == "bad_name"


def test_non_utf8_name_without_flag(tmp_path: Path) -> None:
    data = zipcraft.build([("é.txt", b"x")])
    data = zipcraft.patch(data, 0, "flags", zipcraft.read_field(data, 0, "flags") & ~0x800)
    assert _reason(tmp_path, data) == "bad_name"


@pytest.mark.parametrize(
    ("names", "reason"),
    [
        (["a.txt", "a.txt"], "duplicate_name"),
        (["A.txt", "a.txt"], "duplicate_name"),
        (["caf\u00e9", "cafe\u0301"], "duplicate_name"),
        (["a", "a/b"], "duplicate_name"),
        (["a/b", "A"], "duplicate_name"),
    ],
)
def test_duplicates(tmp_path: Path, names: list[str], reason: str) -> None:
    assert _reason(tmp_path, zipcraft.build((n, b"x") for n in names)) == reason


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        (stat.S_IFLNK | 0o777, "symlink"),
        (stat.S_IFIFO | 0o644, "special_file"),
        (stat.S_IFCHR | 0o644, "special_file"),
        (stat.S_IFBLK | 0o644, "special_file"),
        (stat.S_IFDIR | 0o755, "bad_name"),
    ],
)
def test_non_regular_entries(tmp_path: Path, mode: int, reason: str) -> None:
    data = zipcraft.build([(_info("link", mode), b"/etc/passwd")])
    assert _reason(tmp_path, data) == reason


def test_encrypted(tmp_path: Path) -> None:
    data = zipcraft.patch(zipcraft.build([("a", b"x")]), 0, "flags", 0x1)
    assert _reason(tmp_path, data) == "encrypted"


def test_encrypted_only_in_local_header(tmp_path: Path) -> None:
    data = bytearray(zipcraft.build([("a", b"x")]))
    data[6] |= 0x1  # general-purpose flags of the first local header only
    data = bytes(data)
    assert _reason(tmp_path, data) == "encrypted"


def test_unsupported_method(tmp_path: Path) -> None:
    data = zipcraft.build([("a", b"x" * 100)], method=zipfile.ZIP_BZIP2)
    assert _reason(tmp_path, data) == "unsupported_method"


def test_too_many_entries(tmp_path: Path) -> None:
    data = zipcraft.build((f"f{i}", b"x") for i in range(6))
    assert _reason(tmp_path, data, SMALL) == "too_many_entries"


def test_entry_too_large(tmp_path: Path) -> None:
    data = zipcraft.build([("big", bytes(range(256)) * 200)])
    assert _reason(tmp_path, data, SMALL) == "too_large"


def test_total_too_large(tmp_path: Path) -> None:
    data = zipcraft.build((f"f{i}", zlib.crc32(bytes([i])).to_bytes(4) * 8000) for i in range(3))
    relaxed = ZipLimits(max_total_uncompressed=64 * 1024, max_ratio=10_000)
    assert _reason(tmp_path, data, relaxed) == "too_large"


def test_manifest_too_large(tmp_path: Path) -> None:
    noise = b"".join(hashlib.sha256(bytes([i])).digest() for i in range(60))
    with open_bundle_zip(_write(tmp_path, zipcraft.build([("m", noise)])), SMALL) as z:
        with pytest.raises(BundleRejected) as info:
            z.read_small("m")
        assert info.value.reason == "too_large"
        assert z.read_small("m", max_bytes=4096) == noise


def test_zip_bomb_ratio_default_limits(tmp_path: Path) -> None:
    data = zipcraft.build([("zeros", bytes(3 * 1024 * 1024))])  # ~1000x, over 1 MiB
    assert _reason(tmp_path, data) == "zip_bomb"


def test_zip_bomb_ratio_scaled(tmp_path: Path) -> None:
    assert _reason(tmp_path, zipcraft.build([("z", bytes(30_000))]), SMALL) == "zip_bomb"


def test_small_compressible_entry_is_fine(tmp_path: Path) -> None:
    # ratio limit applies only above the threshold, so tiny JSON full of spaces passes
    with open_bundle_zip(_write(tmp_path, zipcraft.build([("j", b" " * 1000)])), SMALL) as z:
        assert z.read_small("j") == b" " * 1000


def test_deflate_longer_than_declared_is_zip_bomb(tmp_path: Path) -> None:
    payload = bytes(range(256)) * 8
    data = zipcraft.build([("a", payload)])
    data = zipcraft.patch(data, 0, "size", 10)
    data = zipcraft.patch(data, 0, "crc", zlib.crc32(payload[:10]))
    with zipfile.ZipFile(_write(tmp_path, data, "z.zip")) as naive:
        assert naive.read("a") == payload[:10]  # what trusting the header would give
    assert _reason(tmp_path, data) == "zip_bomb"


def test_stream_shorter_than_declared(tmp_path: Path) -> None:
    data = zipcraft.patch(zipcraft.build([("a", b"hello" * 50)]), 0, "size", 400)
    assert _reason(tmp_path, data) == "truncated"


def test_bad_crc(tmp_path: Path) -> None:
    data = zipcraft.patch(zipcraft.build([("a", b"hello" * 50)]), 0, "crc", 1234)
    assert _reason(tmp_path, data) == "corrupt"


def test_overlapping_entries(tmp_path: Path) -> None:
    data = zipcraft.build([("a", b"x" * 50), ("b", b"y" * 50)])
    data = zipcraft.patch(data, 1, "offset", 0)
    assert _reason(tmp_path, data) == "zip_bomb"


def test_truncated(tmp_path: Path) -> None:
    data = zipcraft.build([("a", bytes(range(256)) * 40), ("b", b"y" * 500)])
    for cut in (len(data) // 2, len(data) - 5, 10):
        assert _reason(tmp_path, data[:cut]) == "truncated"


@pytest.mark.parametrize("data", [b"", b"\x00" * 100, bytes(range(256)) * 4, b"%PDF-1.7 not a zip"])
def test_not_a_zip(tmp_path: Path, data: bytes) -> None:
    assert _reason(tmp_path, data) == "not_a_zip"


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(BundleRejected) as info:
        open_bundle_zip(tmp_path / "nope.secbundle")
    assert info.value.reason == "unreadable"


def test_messages_escape_control_characters(tmp_path: Path) -> None:
    with pytest.raises(BundleRejected) as info:
        open_bundle_zip(_write(tmp_path, zipcraft.build([("x\x1b[31m", b"x")])))
    assert "\x1b" not in str(info.value)


# --- names the app writes: checked by one match (branch impdocs) ------------------------------
_UUID = "12345678-9abc-def0-1234-56789abcdef0"
_HEX = "0123456789abcdef" * 4
APP_NAMES = ["manifest.json", "manifest.json.sig", f"revisions/{_UUID}.json",
             f"revisions/{_UUID}.json.sig", f"reviews/{_UUID}.json", f"frameworks/{_HEX}.json",
             f"evidence/{_HEX}"]


def _entries_answer(names: list[str], limits: ZipLimits, monkeypatch: pytest.MonkeyPatch,
                    *, plain: bool) -> object:
    from secity_desktop.bundle import safezip

    infos = [safezip._Info(n, n.encode("utf-8"), 0x800, zipfile.ZIP_STORED, 0o644 << 16, 1, 1, 0, 40 * k)
             for k, n in enumerate(names)]
    with monkeypatch.context() as m:
        if not plain:
            m.setattr(safezip, "_plain_names", lambda _i, _n: False)
        try:
            return ("ok", safezip._entries(infos, 40 * len(names) + 10, limits))
        except BundleRejected as exc:
            return ("refused", exc.reason, str(exc))


def test_app_names_checked_by_one_match_answer_as_every_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    near = [f"Revisions/{_UUID}.json", f"revisions/{_UUID.upper()}.json", f"evidence/{_HEX[:-1]}",
            f"evidence/{_HEX}/", f"evidence/{_HEX}.", "evidence", "revisions", "con/x",
            f"frameworks/{_HEX}.JSON", "manifest.json/x", "manifest.json ", "MANIFEST.JSON",
            f"reviews/{_UUID}.json.sig.sig", f"evidence/{_HEX}\\x", f"evidence/../{_HEX}",
            "/manifest.json", "./manifest.json", f"revisions/{_UUID}", f"evidence/{_HEX}0"]
    sets = [APP_NAMES, APP_NAMES + APP_NAMES[:1], [*APP_NAMES, "manifest.json".upper()]]
    sets += [[*APP_NAMES, n] for n in near] + [[n, *APP_NAMES] for n in near]
    sets += [[f"evidence/{_HEX}", "evidence"], ["evidence", f"evidence/{_HEX}"],
             [f"evidence/{_HEX}", f"EVIDENCE/{_HEX}"]]
    for limits in (ZipLimits(), SMALL, *(ZipLimits(max_name_len=n) for n in (80, 79, 73, 72, 55, 54))):
        for names in sets:
            fast = _entries_answer(names, limits, monkeypatch, plain=True)
            assert fast == _entries_answer(names, limits, monkeypatch, plain=False), names


def test_every_app_name_passes_the_name_rules() -> None:
    import random
    import uuid as uuidlib

    from secity_desktop.bundle import safezip
    from secity_desktop.bundle.zipnames import NameRegistry, check_name, fold

    rng = random.Random(3)
    names = list(APP_NAMES)
    for _ in range(300):
        u = str(uuidlib.UUID(int=rng.getrandbits(128)))
        h = "".join(rng.choice("0123456789abcdef") for _ in range(64))
        names += [f"revisions/{u}.json", f"revisions/{u}.json.sig", f"reviews/{u}.json",
                  f"frameworks/{h}.json", f"evidence/{h}"]
    registry = NameRegistry()
    for n in dict.fromkeys(names):
        assert safezip._APP_NAME.fullmatch(n)
        check_name(n, 255)
        assert fold(n) == n
        registry.add(n)


def test_the_one_match_is_taken_for_what_the_app_writes(monkeypatch: pytest.MonkeyPatch) -> None:
    from secity_desktop.bundle import safezip, zipnames

    def no(*_a: object) -> None:
        raise AssertionError("the per-name rules ran")

    monkeypatch.setattr(safezip, "check_name", no)
    monkeypatch.setattr(zipnames.NameRegistry, "add", no)
    assert _entries_answer(APP_NAMES, ZipLimits(), monkeypatch, plain=True)[0] == "ok"
