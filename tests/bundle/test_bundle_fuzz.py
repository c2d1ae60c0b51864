"""Random damage to valid bundles: never a crash, never an accepted change.

A mutation may be harmless (a flipped bit in a zip timestamp) and then the
bundle may be accepted — but only if what lands in the store is exactly what
the undamaged bundle would have put there.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from secity_desktop.services.bundle_import import ImportService
from secity_desktop.services.workspace import Workspace
from tests.bundle import flow
from tests.bundle import hostile as h


def content(ws: Workspace) -> dict[str, Any]:
    q = ws.db.execute
    return {
        "revisions": q("SELECT assessment_id, sha256, content, signature FROM revisions ORDER BY 1").fetchall(),
        "responses": q("SELECT * FROM responses ORDER BY 1, 2").fetchall(),
        "evidence": q(
            "SELECT assessment_id, indicator_code, sha256, original_name, mime, size, captured_at,"
            " gps_lat, gps_lon, added_at, added_by FROM evidence ORDER BY 1, 2, 3"
        ).fetchall(),
        "assessments": q(
            "SELECT id, municipality_code, year, framework_hash, status, revision, supersedes"
            " FROM assessments ORDER BY 1"
        ).fetchall(),
        "blobs": sorted(
            (s, ws.blobs.path_for(s).read_bytes() if ws.blobs.exists(s) else None)
            for (s,) in q("SELECT sha256 FROM blobs").fetchall()
        ),
    }


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("fuzz")
    a = flow.assessor(root / "a")
    aid = flow.complete(a, evidence_every=17)
    flow.finalize(a, aid)
    bundle = flow.export(a, [aid], root / "good.secbundle")
    ref = flow.province(root / "ref")
    flow.enrol(ref, a)
    empty_view = content(ref)
    assert ImportService(ref).import_files([bundle]).ok
    office = flow.province(root / "office")
    flow.enrol(office, a)
    yield {"bundle": bundle.read_bytes(), "expected": content(ref), "empty": empty_view,
           "office": office, "root": root, "n": 0}
    for ws in (a, ref, office):
        ws.close()


def _flip(data: bytes, draw: st.DrawFn) -> bytes:
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(buf) - 1))
        buf[pos] ^= draw(st.integers(1, 255))
    return bytes(buf)


def _truncate(data: bytes, draw: st.DrawFn) -> bytes:
    return data[: draw(st.integers(0, len(data) - 1))]


def _swap(data: bytes, draw: st.DrawFn) -> bytes:
    items = h.entries_from_bytes(data)
    i = draw(st.integers(0, len(items) - 1))
    j = draw(st.integers(0, len(items) - 1))
    (ii, di), (ij, dj) = items[i], items[j]
    items[i], items[j] = (ii, dj), (ij, di)
    return h.rezip(items)


def _shuffle(data: bytes, draw: st.DrawFn) -> bytes:
    items = h.entries_from_bytes(data)
    return h.rezip(draw(st.permutations(items)))


MUTATIONS = [_flip, _truncate, _swap, _shuffle]


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_damaged_bundles_never_crash_and_never_change_data(world: dict[str, Any], data: st.DataObject) -> None:
    mutate = data.draw(st.sampled_from(MUTATIONS))
    blob = mutate(world["bundle"], data.draw)
    world["n"] += 1
    path: Path = world["root"] / f"m{world['n']}.secbundle"
    path.write_bytes(blob)
    office: Workspace = world["office"]
    before = content(office)
    result = ImportService(office).import_files([path])  # any exception fails the test
    after = content(office)
    if result.plan.rejected:
        assert after == before
        assert result.plan.rejected[0].reason
    else:
        assert after == world["expected"], f"{mutate.__name__} changed accepted data"
    assert zipfile.is_zipfile(path) or result.plan.rejected
