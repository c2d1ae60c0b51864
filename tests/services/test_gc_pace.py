"""The import's collector pacing raises only the first threshold, and always puts it back."""

from __future__ import annotations

import gc
import threading

import pytest

from secity_desktop.services.gc_pace import IMPORT_GEN0_THRESHOLD, fewer_collections


@pytest.fixture
def default_thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


def test_raised_inside_restored_after_even_on_error(default_thresholds) -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        assert gc.get_threshold() == (IMPORT_GEN0_THRESHOLD, 10, 10)
        raise RuntimeError("boom")
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_and_concurrent_users_restore_once_the_last_leaves(default_thresholds) -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=other)
    with fewer_collections():
        t.start()
        assert inside.wait(5)
        with fewer_collections():
            pass
        assert gc.get_threshold()[0] == IMPORT_GEN0_THRESHOLD
    assert gc.get_threshold()[0] == IMPORT_GEN0_THRESHOLD  # the other import still runs
    release.set()
    t.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_disabled_threshold_stays_disabled(default_thresholds) -> None:
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == (0, 10, 10)
