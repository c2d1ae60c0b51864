"""The refusal catalogue: every code the source raises has Thai, and templates use real params."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from secity_desktop import messages, paths
from secity_desktop.core import errors

PKG = paths.project_root() / "secity_desktop"
REASON_ERRORS = {"BundleRejected": "bundle", "SignatureError": "signature", "Rejection": "bundle"}


def _calls() -> list[tuple[str, ast.Call]]:
    out = []
    for py in PKG.rglob("*.py"):
        tree = ast.parse(py.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                out.append((py.relative_to(PKG).as_posix(), node))
    return out


def _name(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""


def test_every_code_raised_has_a_thai_text() -> None:
    table = messages.catalogue("th")
    missing = []
    for where, call in _calls():
        for kw in call.keywords:
            if kw.arg == "code" and isinstance(kw.value, ast.Constant) and isinstance(
                kw.value.value, str
            ) and kw.value.value not in table:
                missing.append(f"{where}:{call.lineno} {kw.value.value}")
        prefix = REASON_ERRORS.get(_name(call))
        if prefix and call.args and isinstance(call.args[0], ast.Constant):
            code = f"{prefix}.{call.args[0].value}"
            if code not in table:
                missing.append(f"{where}:{call.lineno} {code}")
    assert missing == []


def test_every_error_class_has_a_generic_thai_text() -> None:
    table = messages.catalogue("th")
    classes = [c for c in vars(errors).values()
               if isinstance(c, type) and issubclass(c, errors.SecityError)]
    assert all(c.default_code in table for c in classes), [c.default_code for c in classes]


def test_templates_name_only_params_their_raise_sites_pass() -> None:
    table = messages.catalogue("th")
    passed: dict[str, set[str]] = {}
    for _, call in _calls():
        code = next((kw.value.value for kw in call.keywords if kw.arg == "code"
                     and isinstance(kw.value, ast.Constant)), None)
        if isinstance(code, str):
            passed.setdefault(code, set()).update(
                kw.arg for kw in call.keywords if kw.arg and kw.arg != "code")
    wrong = {code: messages.fields(table[code]) - names
             for code, names in passed.items()
             if code in table and not messages.fields(table[code]) <= names}
    assert wrong == {}


def test_catalogue_is_valid_toml_and_renders() -> None:
    with (paths.i18n_dir() / "messages_th.toml").open("rb") as fh:
        tomllib.load(fh)
    exc = errors.ValidationError("year 2020 is not a Buddhist Era year")
    assert messages.describe(exc, "en") == "year 2020 is not a Buddhist Era year"
    assert messages.describe(exc, "th") == table_text("invalid_input")
    assert "KeyError" in messages.describe(KeyError("x"), "th")


def table_text(code: str) -> str:
    return messages.catalogue("th")[code]


def test_compiled_catalogue_is_used_only_while_the_file_is_unchanged(tmp_path: Path) -> None:
    """``messages.load_table`` keeps a parsed copy in the user cache (no TOML on each
    command), and an edited file, a broken cache or a missing one is read again."""
    source = tmp_path / "demo_th.toml"
    source.write_text('[a]\nb = "หนึ่ง"\n', "utf-8")
    assert messages.load_table(source) == {"a.b": "หนึ่ง"}
    cached = list((paths.user_dir("cache") / "i18n").glob("demo_th-*.marshal"))
    assert len(cached) == 1
    source.write_text('[a]\nb = "สอง"\nc = "สาม"\n', "utf-8")  # an upgrade: same name
    assert messages.load_table(source) == {"a.b": "สอง", "a.c": "สาม"}
    cached[0].write_bytes(b"\x00garbage")
    assert messages.load_table(source) == {"a.b": "สอง", "a.c": "สาม"}
    cached[0].unlink()
    assert messages.load_table(source) == {"a.b": "สอง", "a.c": "สาม"}
    source.write_text("not = [toml", "utf-8")
    assert messages.load_table(source) == {}
    assert messages.load_table(tmp_path / "missing.toml") == {}


def test_the_shipped_catalogue_reads_the_same_through_the_cache() -> None:
    path = paths.i18n_dir() / "messages_th.toml"
    parsed = {k: str(v) for k, v in messages._flatten(tomllib.loads(path.read_text("utf-8"))).items()}
    assert messages.load_table(path) == parsed  # parsed, cached
    assert messages.load_table(path) == parsed  # from the cache
