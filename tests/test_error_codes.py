"""Every refusal is raised with its own code: none falls back to a class's generic text.

A ``SecityError`` raised without ``code=`` would reach a Thai screen as the class's
generic line ("ทำรายการไม่สำเร็จ") — true but useless — or, before the catalogue, as
English. The scan finds every call that builds a ``SecityError`` subclass anywhere in
``secity_desktop/`` and requires a ``code=`` keyword, unless the class sets the code
itself in its ``__init__`` (``BundleRejected("zip_slip", …)`` → ``bundle.zip_slip``).
``tests/test_messages.py`` then requires Thai for each of those codes.
"""

from __future__ import annotations

import ast
from pathlib import Path

from secity_desktop import messages, paths
from secity_desktop.core import errors

PKG = paths.project_root() / "secity_desktop"


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(py, ast.parse(py.read_text(encoding="utf-8"))) for py in sorted(PKG.rglob("*.py"))]


def _name(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _sets_code_itself(cls: ast.ClassDef) -> bool:
    """Whether the class's ``__init__`` passes ``code=`` to ``super().__init__``."""
    for fn in cls.body:
        if isinstance(fn, ast.FunctionDef) and fn.name == "__init__":
            for call in ast.walk(fn):
                if (isinstance(call, ast.Call) and _name(call.func) == "__init__"
                        and any(kw.arg == "code" for kw in call.keywords)):
                    return True
    return False


def _error_classes(trees: list[tuple[Path, ast.Module]]) -> tuple[set[str], set[str]]:
    """(every SecityError subclass name in the package, those that set their code themselves)."""
    bases: dict[str, list[str]] = {}
    self_coded: set[str] = set()
    for _, tree in trees:
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = [_name(b) for b in node.bases]
                if _sets_code_itself(node):
                    self_coded.add(node.name)
    found = {"SecityError"}
    grew = True
    while grew:
        grew = False
        for name, parents in bases.items():
            if name not in found and any(p in found for p in parents):
                found.add(name)
                grew = True
    return found, self_coded


def uncoded_sites() -> list[str]:
    trees = _trees()
    classes, self_coded = _error_classes(trees)
    out = []
    for py, tree in trees:
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or _name(node.func) not in classes:
                continue
            if _name(node.func) in self_coded or any(kw.arg == "code" for kw in node.keywords):
                continue
            out.append(f"{py.relative_to(PKG).as_posix()}:{node.lineno} {_name(node.func)}")
    return out


def test_every_secity_error_is_built_with_a_code() -> None:
    assert uncoded_sites() == []


def test_the_scan_sees_error_classes_and_their_subclasses() -> None:
    classes, self_coded = _error_classes(_trees())
    # a real check that the scan can fail: these are raised all over the package
    assert {"ValidationError", "ConflictError", "KeyFileError", "ReviewRefused"} <= classes
    assert {"BundleRejected", "SignatureError", "BackupRefused"} <= self_coded
    assert "ValidationError" not in self_coded


def test_a_status_param_reads_in_thai() -> None:
    exc = errors.ConflictError("assessment x is finalized and cannot be edited",
                               code="assessment.not_editable", status="finalized")
    text = messages.describe(exc, "th")
    assert "ยืนยันและลงนามแล้ว" in text and "finalized" not in text
    assert messages.describe(exc, "en") == str(exc)


def test_a_wrong_passphrase_names_no_key_file(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from secity_desktop.crypto import keys

    path = tmp_path / "assessor_ed25519"
    keys.write_private(Ed25519PrivateKey.generate(), path, b"correct horse", "a", rounds=1)
    try:
        keys.read_private(path, b"wrong horse")
    except errors.WrongPassphraseError as exc:
        text = messages.describe(exc, "th")
    else:
        raise AssertionError("a wrong passphrase opened the key")
    assert text == messages.catalogue("th")["wrong_passphrase"]
    assert "assessor_ed25519" not in text
