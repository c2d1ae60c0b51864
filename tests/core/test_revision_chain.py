"""Stale replays: an incoming revision that something held already supersedes."""

from __future__ import annotations

from secity_desktop.core.revision_chain import superseded_by


def test_a_replayed_first_revision_after_the_second_is_held() -> None:
    assert superseded_by("r1", {"r2": "r1"}) == "r2"


def test_the_newest_successor_is_named() -> None:
    assert superseded_by("r1", {"r2": "r1", "r3": "r2", "x": None}) == "r3"


def test_not_stale() -> None:
    assert superseded_by("r3", {"r2": "r1", "r3": "r2"}) is None  # the newest itself
    assert superseded_by("n1", {"r2": "r1"}) is None  # another assessment
    assert superseded_by("r1", {}) is None


def test_only_the_held_links_count() -> None:
    """r3 supersedes r2, which is not held: nothing links r1 to r3, so the planner decides."""
    assert superseded_by("r1", {"r3": "r2"}) is None


def test_hostile_loops_and_forks_end() -> None:
    assert superseded_by("a", {"b": "a", "a": "b"}) == "b"
    assert superseded_by("a", {"c": "a", "b": "a"}) == "b"
