"""The audit-trail indicator in the About box: "Verify now" through the runner, both outcomes."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.core.lifecycle import Role
from secity_desktop.gui.about import AboutDialog
from secity_desktop.services.workspace import init_workspace, open_workspace


def test_verify_now_says_whole_then_broken(qtbot: QtBot, tmp_path: Path) -> None:
    ws = open_workspace(tmp_path / "w")
    init_workspace(ws, role=Role.PROVINCE, province_code="50", user_name="จังหวัด")
    try:
        dialog = AboutDialog(ws.frameworks.current(), None, ws.data_dir, ws, "en")
        qtbot.addWidget(dialog)
        box = dialog.audit_box
        assert box is not None and "Not checked" in box.state.text()
        box.verify()
        qtbot.waitUntil(lambda: box.report is not None, timeout=10_000)
        assert box.report.ok and box.state.text().startswith("Whole:")
        # someone removes the append-only protection
        ws.db.execute("DROP TRIGGER audit_no_update")
        box.report = None
        box.verify_button.click()
        qtbot.waitUntil(lambda: box.report is not None, timeout=10_000)
        assert not box.report.ok
        assert "BROKEN" in box.state.text() and "audit_no_update" in box.state.text()
        dialog.grab().save(str(tmp_path / "about_audit.png"))
    finally:
        ws.close()
