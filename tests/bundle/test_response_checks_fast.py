"""``content.check_responses`` answers a complete, ordered revision without its walk — and
exactly as the walk would, whatever the responses (impcpu).

Every finalized revision answers every indicator once, in order, on its scale: that list is
compared with the framework's in one step. Each way a hostile revision can break the rule is
checked both ways here: the same acceptance, or the same refusal and message.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest

from secity_desktop import paths
from secity_desktop.bundle import content
from secity_desktop.bundle.documents import ResponseRecord
from secity_desktop.core import framework as fw
from secity_desktop.core.errors import BundleRejected

FRAMEWORK = fw.discover(paths.forms_dir())[0]


def _doc(responses: list[tuple[str, int | None]], evidence_for: list[str] | None = None) -> Any:
    """A stand-in with what check_responses reads: responses and evidence (indicator only)."""
    class E:
        def __init__(self, indicator: str) -> None:
            self.indicator = indicator

    class D:
        pass

    d = D()
    d.responses = [ResponseRecord(indicator=c, level=lv, note="", updated_at="t", updated_by="x")
                   for c, lv in responses]
    d.evidence = [E(c) for c in (evidence_for or [])]
    return d


def _top(i: fw.Indicator) -> int:
    return i.levels[-1].value


def _cases() -> list[Any]:
    inds = sorted(FRAMEWORK.indicators, key=lambda i: content.indicator_order(i.code))
    low = [(i.code, i.levels[0].value) for i in inds]
    every = [i.code for i in inds]
    out = [
        _doc(low),
        _doc([(i.code, _top(i)) for i in inds], every),  # top levels, evidence everywhere
        _doc([(i.code, _top(i)) for i in inds]),  # top levels, no evidence
        _doc(low[:-1]),  # one unanswered
        _doc(low[1:]),
        _doc([*low[:1], (low[0][0], None), *low[1:]]),
        _doc([*low, ("99.9", 1)]),  # an unknown code
        _doc([("99.9", 1), *low]),
        _doc([*low[:1], *low]),  # answered twice
        _doc([low[1], low[0], *low[2:]]),  # out of order
        _doc(list(reversed(low))),
        _doc([(c, None) for c, _ in low]),
        _doc([*low[:-1], (low[-1][0], None)]),
        _doc([*low[:-1], (low[-1][0], 987)]),  # off the scale
        _doc([*low[:-1], (low[-1][0], -1)]),
        _doc([]),
    ]
    return out


def _outcome(run: Callable[[], None]) -> object:
    try:
        run()
        return "ok"
    except BundleRejected as exc:
        return (exc.reason, str(exc), exc.params)


def test_the_one_step_check_answers_as_the_walk(monkeypatch: pytest.MonkeyPatch) -> None:
    cases = _cases()
    fast = [_outcome(lambda d=d: content.check_responses(d, FRAMEWORK, "r.json")) for d in cases]
    monkeypatch.setattr(content, "_complete_in_order", lambda *_a: False)
    walk = [_outcome(lambda d=d: content.check_responses(d, FRAMEWORK, "r.json")) for d in cases]
    assert fast == walk
    assert fast[0] == "ok" and fast[1] == "ok"
    assert len({f[0] for f in fast if f != "ok"}) >= 4  # incomplete, unknown, twice, order, scale


def test_codes_that_sort_alike_always_take_the_walk() -> None:
    """A framework where two codes sort alike ("1.1", "1.01"): only the walk can say "twice"."""
    comp = FRAMEWORK.components[0]
    first = comp.indicators[0]
    twin = replace(first, code=first.code.replace(".", ".0", 1))
    odd = replace(FRAMEWORK, components=(replace(comp, indicators=(*comp.indicators, twin)),
                                         *FRAMEWORK.components[1:]))
    assert odd.hash != FRAMEWORK.hash
    assert content._scale(odd).ordered is None
    inds = sorted(odd.indicators, key=lambda i: content.indicator_order(i.code))
    both = _doc([(i.code, i.levels[0].value) for i in inds])
    with pytest.raises(BundleRejected) as info:
        content.check_responses(both, odd, "r.json")
    assert info.value.reason == "duplicate_response"
