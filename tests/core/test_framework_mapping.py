"""Declared framework mappings: what may be compared across versions, and what is a break."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from secity_desktop.core import framework as fw_mod
from secity_desktop.core.errors import ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.framework_mapping import (
    Mapping,
    Mappings,
    load_mappings,
    parse_mappings,
    version_of,
)
from secity_desktop.services.trend import mappings_path

DATA = Path(__file__).resolve().parent.parent / "data"


def _mini(version: str, renumber: dict[str, str] | None = None) -> Framework:
    text = (DATA / "mini_framework.toml").read_text(encoding="utf-8")
    text = text.replace('version = "test-1"', f'version = "{version}"')
    for old, new in (renumber or {}).items():
        text = text.replace(f'code = "{old}"', f'code = "{new}"')
    return fw_mod.parse(tomllib.loads(text), version)


V1 = _mini("test-1")
V2 = _mini("test-2", {"2.1": "2.2"})
V3 = _mini("test-3", {"2.1": "2.3"})


def test_same_version_is_always_comparable() -> None:
    c = Mappings().compare(V1, _mini("test-1"))
    assert c.link == "same" and c.components == {"1", "2"}


def test_no_declared_mapping_is_a_break() -> None:
    c = Mappings().compare(V1, V2)
    assert c.link == "break" and c.components == frozenset()


def test_a_declared_renumbering_keeps_totals_and_components_comparable() -> None:
    m = Mappings([Mapping("mini", "test-1", "test-2", {"1.1": "1.1", "1.2": "1.2", "2.1": "2.2"})])
    c = m.compare(V1, V2)
    assert c.link == "mapped" and c.components == {"1", "2"} and c.via == (("mini", "test-2"),)
    assert m.compare(V2, V1).link == "mapped"  # a correspondence reads both ways


def test_a_dropped_indicator_makes_its_component_incomparable() -> None:
    m = Mappings([Mapping("mini", "test-1", "test-2", {"1.1": "1.1", "1.2": "", "2.1": "2.2"})])
    c = m.compare(V1, V2)
    assert c.link == "mapped" and c.components == {"2"}


def test_an_indicator_moved_between_components_makes_both_incomparable() -> None:
    m = Mappings([Mapping("mini", "test-1", "test-2", {"1.1": "2.2", "1.2": "1.2", "2.1": "1.1"})])
    assert m.compare(V1, V2).components == frozenset()


def test_a_chain_of_mappings_joins_versions() -> None:
    m = Mappings([
        Mapping("mini", "test-1", "test-2", {"1.1": "1.1", "1.2": "1.2", "2.1": "2.2"}),
        Mapping("mini", "test-2", "test-3", {"1.1": "1.1", "1.2": "", "2.2": "2.3"}),
    ])
    frameworks = {version_of(f): f for f in (V1, V2, V3)}
    c = m.compare(V1, V3, frameworks)
    assert c.link == "mapped" and c.components == {"2"}
    assert c.via == (("mini", "test-2"), ("mini", "test-3"))


def test_a_mapping_naming_an_unknown_indicator_is_refused() -> None:
    m = Mappings([Mapping("mini", "test-1", "test-2", {"1.1": "1.1", "9.9": "2.2"})])
    with pytest.raises(ValidationError) as err:
        m.compare(V1, V2)
    assert err.value.code == "trend.bad_mapping" and err.value.params["indicator"] == "9.9"


def test_the_mapping_file(tmp_path: Path) -> None:
    shipped = load_mappings(mappings_path())
    assert shipped.mappings == []  # only one version ships: nothing to declare yet
    assert load_mappings(tmp_path / "absent.toml").mappings == []
    f = tmp_path / "m.toml"
    f.write_text('[[mappings]]\nframework = "mini"\nfrom_version = "test-1"\n'
                 'to_version = "test-2"\n[mappings.indicators]\n"2.1" = "2.2"\n', encoding="utf-8")
    [m] = load_mappings(f).mappings
    assert (m.from_version, m.to_version, m.indicators) == ("test-1", "test-2", {"2.1": "2.2"})
    with pytest.raises(ValidationError) as err:
        parse_mappings({"mappings": [{"framework": "mini", "from_version": "a"}]})
    assert err.value.code == "trend.mapping_malformed"
    f.write_text("[[mappings]\n", encoding="utf-8")
    with pytest.raises(ValidationError) as err:
        load_mappings(f)
    assert err.value.code == "trend.mapping_unreadable"
