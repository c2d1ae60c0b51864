"""The key page's "Replace key…" button: new key, rotation statement, the office applies it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from secity_desktop.gui import common
from secity_desktop.gui.transfer.key_page import KeyPage
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import apply_statement
from secity_desktop.services.trust import TrustService
from tests.bundle import flow


def test_replace_key_button_makes_a_statement_the_office_applies(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    try:
        flow.enrol(p, a)
        identity = Identity(a)
        old_fp = identity.info().fingerprint
        answers = [b"wrong passphrase", flow.PASS, b"the new passphrase"]
        errors: list[str] = []

        def ask(_parent, _prompt, error, _confirm):  # type: ignore[no-untyped-def]
            errors.append(error)
            return answers.pop(0)

        told: list[str] = []
        monkeypatch.setattr(common, "show_box", lambda box: told.append(common.plain_text(box)))
        page = KeyPage(identity, ask)
        qtbot.addWidget(page)
        assert page.rotate_button.isEnabled()
        statement = page.rotate_key(tmp_path)
        assert statement is not None and statement.is_file()
        assert errors[1]  # the wrong passphrase was asked again
        assert page.fingerprint.text() == identity.info().fingerprint != old_fp
        assert told and statement.name in told[0]
        key = apply_statement(p, statement.read_bytes(), actor="p")
        assert key.fingerprint == identity.info().fingerprint
        assert TrustService(p).get(old_fp).retired  # replaced, not revoked
    finally:
        a.close()
        p.close()
