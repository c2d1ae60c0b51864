"""What a bundle's signed documents must say, beyond their schema: checks behind the signature.

A valid signature proves who wrote a document, not that the app wrote it: a
signer (or a bug) can sign a revision no finalize would produce. These checks
refuse what the app never writes — an incomplete revision, a response twice or
out of order, a framework named by one id/version and carried as another, a
municipality listed twice — each with its own reason code (docs/bundle-format.md).
"""

from __future__ import annotations

from itertools import pairwise
from typing import NamedTuple

from secity_desktop.bundle.documents import FrameworkEntry, Manifest, RevisionDoc, indicator_order
from secity_desktop.core import framework as fw
from secity_desktop.core.errors import BundleRejected


def check_lists(m: Manifest) -> None:
    """One record per municipality and per framework, municipalities in code order (as written)."""
    codes = [mr.code for mr in m.municipalities]
    if len(set(codes)) != len(codes):
        dup = next(c for c in codes if codes.count(c) > 1)
        raise BundleRejected(
            "duplicate_municipality", f"the manifest lists municipality {dup} twice", municipality=dup
        )
    if codes != sorted(codes):
        raise BundleRejected("bad_manifest", "the manifest's municipalities are not in code order")
    hashes = [fe.hash for fe in m.frameworks]
    if len(set(hashes)) != len(hashes):
        raise BundleRejected("bad_manifest", "the manifest lists a framework twice")


def framework_named_as(loaded: fw.Framework, fe: FrameworkEntry) -> fw.Framework:
    """The framework the manifest names by id and version must be the one its hash designates."""
    if (loaded.framework.id, loaded.version) != (fe.id, fe.version):
        raise BundleRejected(
            "framework_mismatch",
            f"{fe.path}: the manifest calls it {fe.id[:40]} {fe.version[:40]}, "
            f"it is {loaded.framework.id} {loaded.version}",
        )
    return loaded


def check_revision(doc: RevisionDoc, m: Manifest, frameworks: dict[str, fw.Framework]) -> None:
    path = f"revisions/{doc.id}.json"
    entry = next((r for r in m.revisions if r.id == doc.id), None)
    if entry is None or (
        entry.revision, entry.supersedes, entry.municipality_code, entry.year, entry.framework_hash
    ) != (doc.revision, doc.supersedes, doc.municipality.code, doc.year, doc.framework.hash):
        raise BundleRejected("revision_mismatch", f"{path} disagrees with the manifest")
    if doc.municipality not in m.municipalities:
        raise BundleRejected("revision_mismatch", f"{path}: municipality record differs from the manifest's")
    f = frameworks.get(doc.framework.hash)
    if f is None:
        raise BundleRejected("missing_framework", f"{path} uses a framework the bundle does not carry")
    if (doc.framework.id, doc.framework.version) != (f.framework.id, f.version):
        raise BundleRejected(
            "framework_mismatch",
            f"{path} names framework {doc.framework.id[:40]} {doc.framework.version[:40]}, but its "
            f"hash is that of {f.framework.id} {f.version}",
        )
    check_responses(doc, f, path)
    for e in doc.evidence:
        if f.indicator(e.indicator) is None:
            raise BundleRejected("bad_revision", f"{path}: evidence for unknown indicator {e.indicator!r}")


class _Scale(NamedTuple):
    levels: dict[str, frozenset[int]]  # indicator code → its level values
    indicators: tuple[tuple[str, bool, int], ...]  # (code, evidence required, lowest value)
    #: every code, in the order a finalized revision answers them (None if two codes sort alike:
    #: then only the walk of check_responses can say which is "answered twice")
    ordered: list[str] | None
    ordered_levels: tuple[frozenset[int], ...]  # the level values of ``ordered``, in order


_SCALES: dict[str, _Scale] = {}


def _scale(f: fw.Framework) -> _Scale:
    """A framework's scales and order, kept per framework hash — the hash fixes the content —
    so the hundreds of revisions of one import look their framework up once (issue 11)."""
    hit = _SCALES.get(f.hash)
    if hit is None:
        levels = {i.code: frozenset(lv.value for lv in i.levels) for i in f.indicators}
        ordered = sorted(levels, key=indicator_order)
        keys = [indicator_order(c) for c in ordered]
        strict = all(a < b for a, b in pairwise(keys))
        hit = _Scale(levels, tuple((i.code, i.evidence_required, i.min_value) for i in f.indicators),
                     ordered if strict else None, tuple(levels[c] for c in ordered))
        if len(_SCALES) < 64:
            _SCALES[f.hash] = hit
    return hit


def _complete_in_order(doc: RevisionDoc, scale: _Scale) -> bool:
    """Whether the responses answer exactly every indicator, once each, in order, each with a
    level on its scale — what every finalized revision does. Then the walk below would find
    nothing but missing evidence; anything else takes that walk, for its exact refusal."""
    responses = doc.responses
    if scale.ordered is None or [r.indicator for r in responses] != scale.ordered:
        return False
    return all(r.level is not None and r.level in allowed
               for r, allowed in zip(responses, scale.ordered_levels, strict=True))


def check_responses(doc: RevisionDoc, f: fw.Framework, path: str) -> None:
    """A finalized revision answers every indicator once, in code order, on its scale.

    The app only finalizes a complete assessment (every indicator answered, and
    evidence attached wherever the framework requires it above the lowest level:
    docs/scoring.md), and writes responses sorted by code. A signed revision that
    breaks this was not made by the app's finalize, so it is refused even though
    its signature holds.
    """
    found = _scale(f)
    scale, indicators = found.levels, found.indicators
    if _complete_in_order(doc, found):
        _check_evidence_required(doc, f, path, {r.indicator: r.level for r in doc.responses},
                                 indicators)
        return
    prev: tuple[tuple[int, int, str], ...] | None = None
    prev_code = ""
    for r in doc.responses:
        levels_of = scale.get(r.indicator)
        if levels_of is None:
            raise BundleRejected("bad_revision", f"{path}: indicator {r.indicator!r} is not in its framework")
        order = indicator_order(r.indicator)
        if prev is not None and order == prev:
            raise BundleRejected(
                "duplicate_response", f"{path}: indicator {r.indicator} is answered twice", indicator=r.indicator
            )
        if prev is not None and order < prev:
            raise BundleRejected(
                "unsorted_responses",
                f"{path}: responses are not in indicator order ({r.indicator} after {prev_code})",
            )
        prev, prev_code = order, r.indicator
        if r.level is not None and r.level not in levels_of:
            raise BundleRejected("bad_revision", f"{path}: level {r.level} is not on {r.indicator}'s scale")
    levels = {r.indicator: r.level for r in doc.responses}
    unanswered = [code for code, _req, _low in indicators if levels.get(code) is None]
    if unanswered:
        _incomplete(f, path, unanswered, "unanswered")
    _check_evidence_required(doc, f, path, levels, indicators)


def _check_evidence_required(doc: RevisionDoc, f: fw.Framework, path: str,
                             levels: dict[str, int | None],
                             indicators: tuple[tuple[str, bool, int], ...]) -> None:
    with_evidence = {e.indicator for e in doc.evidence}
    no_evidence = [
        code for code, required, low in indicators
        if required and (levels.get(code) or 0) > low and code not in with_evidence
    ]
    if no_evidence:
        _incomplete(f, path, no_evidence, "without the evidence the framework requires")


def _incomplete(f: fw.Framework, path: str, missing: list[str], what: str) -> None:
    raise BundleRejected(
        "incomplete_revision",
        f"{path}: {len(missing)} of {len(f.indicators)} indicators {what} "
        f"({', '.join(missing[:5])}{'…' if len(missing) > 5 else ''}); only a complete "
        "assessment can be finalized",
        missing=len(missing), count=len(f.indicators),
    )
