"""Every refusal the register and past-results code can give has a Thai text with its fields."""

from __future__ import annotations

import re

from secity_desktop import messages, paths

FILES = [
    "core/reference.py", "core/register_match.py", "core/past_results.py",
    "services/register.py", "services/history.py", "store/geography.py",
]
PATTERNS = (
    re.compile(r'code="([a-z_.]+)"'),
    re.compile(r'_problem\(n, "([a-z_]+)"'),
    re.compile(r'(?:_reason|Reason)\(\s*"(row\.[a-z_]+)"'),
)


def codes() -> set[str]:
    found: set[str] = set()
    for rel in FILES:
        text = (paths.project_root() / "secity_desktop" / rel).read_text(encoding="utf-8")
        for pattern in PATTERNS:
            for code in pattern.findall(text):
                found.add(code if "." in code or pattern is PATTERNS[0] else f"row.{code}")
    return found


def test_every_code_has_thai_text() -> None:
    found = codes()
    assert len(found) > 30
    table = messages.catalogue("th")
    assert sorted(c for c in found if c not in table) == []


def test_thai_text_renders_with_the_params_given() -> None:
    text = messages.render("row.several_records", {"records": ["5001", "5002"]}, "th")
    assert "5001, 5002" in text
    assert "{" not in messages.render("import_rejected", {"file": "a.csv", "count": 2, "first_line": 3}, "th")
