"""The framework file format: the shipped file, hashing, and clear errors for broken files."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from secity_desktop import paths
from secity_desktop.core import framework as fw
from secity_desktop.core.errors import FrameworkError

DATA = Path(__file__).parents[1] / "data"


def test_shipped_framework_has_4_components_34_indicators(shipped_framework: fw.Framework) -> None:
    f = shipped_framework
    assert len(f.components) == 4
    assert [c.weight for c in f.components] == [25, 25, 25, 25]
    assert len(f.indicators) == 34
    assert f.is_provisional and f.framework.source_note_th and f.framework.source_note_en
    assert [c.title_th for c in f.components][:3] == ["เมืองอยู่ดี", "คนมีสุข", "สิ่งแวดล้อมยั่งยืน"]
    for ind in f.indicators:
        assert ind.title_th and ind.title_en and len(ind.levels) >= 2
        assert all(lv.label_th and lv.label_en for lv in ind.levels)
    assert [t.label_th.removeprefix("ระดับ") for t in f.tiers] == ["ดีเยี่ยม", "ดีมาก", "ดี"]


def test_hash_ignores_formatting_but_not_content(tmp_path: Path) -> None:
    src = DATA / "mini_framework.toml"
    original = fw.load(src)
    as_json = tmp_path / "same.json"
    as_json.write_text(json.dumps(tomllib.loads(src.read_text("utf-8")), indent=4), "utf-8")
    assert fw.load(as_json).hash == original.hash
    changed = src.read_text("utf-8").replace('label_en = "Component two"', 'label_en = "x"')
    changed = changed.replace('title_en = "Component two"', 'title_en = "Component 2"')
    other = tmp_path / "other.toml"
    other.write_text(changed, "utf-8")
    assert fw.load(other).hash != original.hash
    assert fw.load_text(original.canonical_json()).hash == original.hash


def _broken(tmp_path: Path, old: str, new: str) -> str:
    text = (DATA / "mini_framework.toml").read_text("utf-8").replace(old, new, 1)
    assert old in (DATA / "mini_framework.toml").read_text("utf-8")
    path = tmp_path / "broken.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(FrameworkError) as err:
        fw.load(path)
    return str(err.value)


def test_error_names_file_field_and_problem(tmp_path: Path) -> None:
    msg = _broken(tmp_path, '{ value = 1, label_th = "ต่ำ"', '{ value = "high", label_th = "ต่ำ"')
    assert "broken.toml" in msg
    assert "components[0] (code 1).indicators[1] (code 1.2).levels[0].value" in msg
    assert "integer" in msg


@pytest.mark.parametrize(
    ("old", "new", "needle"),
    [
        ("weight = 60", "weight = 50", "add up to 100"),
        ('code = "2.1"', 'code = "1.1"', "used twice"),
        ('{ value = 2, label_th = "ครบ"', '{ value = 0, label_th = "ครบ"', "ascending"),
        ('status = "official"', 'status = "maybe"', "framework.status"),
        ("min_total = 60", "min_total = 90", "highest to lowest"),
        ('title_en = "Indicator three"', 'title_en = "Indicator three"\ncolour = "red"', "colour"),
    ],
)
def test_rule_violations_are_explained(tmp_path: Path, old: str, new: str, needle: str) -> None:
    assert needle in _broken(tmp_path, old, new)


def test_not_toml_not_utf8_missing(tmp_path: Path) -> None:
    bad = tmp_path / "x.toml"
    bad.write_text("format = [", "utf-8")
    with pytest.raises(FrameworkError, match="not valid TOML"):
        fw.load(bad)
    bad.write_bytes(b"\xff\xfe\x00")
    with pytest.raises(FrameworkError, match="not UTF-8"):
        fw.load(bad)
    with pytest.raises(FrameworkError, match="cannot read"):
        fw.load(tmp_path / "missing.toml")


def test_schema_in_docs_is_current() -> None:
    doc = paths.project_root() / "docs" / "framework.schema.json"
    assert json.loads(doc.read_text("utf-8")) == fw.json_schema(), (
        "regenerate with: secity framework schema > docs/framework.schema.json"
    )
