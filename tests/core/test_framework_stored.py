"""The framework's value form and its two ways in: checked against the rules (pydantic), or
read back from the store by content hash without re-checking (core/framework.py)."""

from __future__ import annotations

import hashlib
import json

import pytest

from secity_desktop.core import framework as fw
from secity_desktop.core.errors import FrameworkError

# The rules' JSON schema, pinned beside RULES_VERSION: a rule change must bump the version,
# so every workspace checks its forms again (services/workspace.register_frameworks).
RULES = {1: "9e33c4cd27c9e8a776c5e681df697db51273ebb3941b5e79c92ae84d86245188"}


def test_a_rule_change_bumps_the_rules_version() -> None:
    schema = hashlib.sha256(fw.canonical_json(fw.json_schema()).encode()).hexdigest()
    assert RULES.get(fw.RULES_VERSION) == schema, (
        "core/framework_schema.py changed: bump framework.RULES_VERSION and pin the new hash"
    )


def test_stored_framework_read_back_without_checking(shipped_framework: fw.Framework) -> None:
    text = shipped_framework.canonical_json()
    back = fw.from_stored(text, shipped_framework.hash)
    assert back == shipped_framework and back.hash == shipped_framework.hash
    assert back.canonical_json() == text
    assert back.indicator("1.1") == shipped_framework.indicator("1.1")
    assert [t.model_dump() for t in back.tiers] == [t.model_dump() for t in shipped_framework.tiers]


def test_stored_text_that_does_not_match_its_hash_is_checked(
    shipped_framework: fw.Framework,
) -> None:
    data = json.loads(shipped_framework.canonical_json())
    data["components"][0]["weight"] = 99.0  # weights no longer add up to 100
    with pytest.raises(FrameworkError, match="add up to 100"):
        fw.from_stored(fw.canonical_json(data), shipped_framework.hash)
    with pytest.raises(FrameworkError):
        fw.from_stored("{}", hashlib.sha256(b"{}").hexdigest())  # hashes right, wrong shape


def test_value_form_hashes_as_the_checked_form(mini_framework: fw.Framework) -> None:
    """The hash names assessments and signatures: the dataclass form must dump exactly
    what the rules' model dumps."""
    from secity_desktop.core import framework_schema

    checked = framework_schema.Framework.model_validate(mini_framework.model_dump())
    assert fw.canonical_json(checked.model_dump(mode="json")) == mini_framework.canonical_json()
