"""The import planner decides on values handed in (PlanFacts), never on tables it reads."""

from __future__ import annotations

import pytest

from secity_desktop.bundle.plan import Action, PlanFacts, facts_wanted, plan_import
from secity_desktop.bundle.read import VerifiedBundle, verify_bundle
from secity_desktop.core.lifecycle import Role
from secity_desktop.services.trust import TrustService
from tests.bundle import flow


@pytest.fixture(scope="module")
def verified(tmp_path_factory: pytest.TempPathFactory) -> VerifiedBundle:
    root = tmp_path_factory.mktemp("plan")
    a = flow.assessor(root / "a")
    aid = flow.complete(a, evidence_every=8)
    flow.finalize(a, aid)
    path = flow.export(a, [aid], root / "b.secbundle")
    p = flow.province(root / "p")
    flow.enrol(p, a)
    vb = verify_bundle(path, TrustService(p).all())
    a.close()
    p.close()
    return vb


def _plan(vb: VerifiedBundle, facts: PlanFacts, role: Role = Role.PROVINCE, province: str = "50"):  # type: ignore[no-untyped-def]
    return plan_import(facts, [vb], role=role, province=province)


def test_facts_wanted_names_exactly_the_keys_the_bundle_touches(verified: VerifiedBundle) -> None:
    d = verified.revisions[0].doc
    want = facts_wanted([verified])
    assert want.assessment_ids == {d.id}
    # its own id too: a held revision superseding it makes it a stale replay (issue 14)
    assert want.superseded == {d.id}
    assert want.roots == {(d.municipality.code, d.year, d.framework.hash)}
    assert want.municipalities == {d.municipality.code}


def test_decisions_follow_the_facts(verified: VerifiedBundle) -> None:
    rev = verified.revisions[0]
    d = rev.doc
    listed = {"municipality_province": {d.municipality.code: "50"}}

    assert _plan(verified, PlanFacts()).rejected[0].reason == "unknown_municipality"
    assert _plan(verified, PlanFacts(**listed), province="10").rejected[0].reason == "wrong_province"
    assert _plan(verified, PlanFacts(**listed), role=Role.ASSESSOR).rejected[0].reason == "wrong_kind"

    [item] = _plan(verified, PlanFacts(**listed)).items
    assert item.action is Action.ADD

    held = PlanFacts(**listed, revision_sha={d.id: rev.sha256}, assessments=frozenset({d.id}))
    assert [i.action for i in _plan(verified, held).items] == [Action.SKIP]

    clash = PlanFacts(**listed, revision_sha={d.id: "0" * 64})
    assert _plan(verified, clash).rejected[0].reason == "revision_clash"

    other = PlanFacts(
        **listed, first_revisions={(d.municipality.code, d.year, d.framework.hash): ["other-id"]}
    )
    [item] = _plan(verified, other).items
    assert (item.action, item.other_id) == (Action.CONFLICT, "other-id")


def test_the_same_bundle_twice_in_one_batch_is_planned_once_then_skipped(
    verified: VerifiedBundle,
) -> None:
    d = verified.revisions[0].doc
    facts = PlanFacts(municipality_province={d.municipality.code: "50"})
    plan = plan_import(facts, [verified, verified], role=Role.PROVINCE, province="50")
    assert [i.action for i in plan.items] == [Action.ADD, Action.SKIP]
