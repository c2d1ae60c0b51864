"""The GUI's import opens a bundle sealed to the office's key from before its rotation.

Real keys (issue 14, gap 1): the assessor seals a field bundle to the province; the province
replaces its key on the key page ("Replace key…", the same service); the import page asks
for the passphrase ONCE and the bundle is checked and imported with the retired key.
"""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from secity_desktop.gui import common
from secity_desktop.gui.transfer.key_page import KeyPage
from secity_desktop.gui.transfer.place import SyncPlace
from secity_desktop.services.bundle_export import ExportService
from secity_desktop.services.identity import Identity
from secity_desktop.services.trust import TrustService
from tests.bundle import flow
from tests.gui.test_sync_place import Answers

NEW_PASS = b"the province's new passphrase"


def test_import_page_opens_a_bundle_sealed_to_the_replaced_key(
    qtbot: QtBot, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    a = flow.assessor(tmp_path / "a")
    p = flow.province(tmp_path / "p")
    try:
        flow.enrol(p, a)
        Identity(p).create_key(flow.PASS)
        TrustService(a).add(Identity(p).info().public_line, actor="a", name="ทสจ.", office=True)
        aid = flow.complete(a, evidence_every=0)
        flow.finalize(a, aid)
        (tmp_path / "stick").mkdir()
        sealed = ExportService(a).export([aid], tmp_path / "stick", Identity(a).unlock(flow.PASS),
                                         encrypt=True).path
        monkeypatch.setattr(common, "show_box", lambda _box: None)  # the notices say "done"
        keys_page = KeyPage(Identity(p), Answers(flow.PASS, NEW_PASS))
        qtbot.addWidget(keys_page)
        assert keys_page.rotate_key(tmp_path / "st") is not None
        place = SyncPlace(p, ask=Answers(NEW_PASS))
        qtbot.addWidget(place)
        imp = place.import_page
        imp.ask = asked = Answers(NEW_PASS)
        imp.add_files([sealed])
        imp.check()
        qtbot.waitUntil(lambda: imp.plan is not None, timeout=20_000)
        assert asked.answers == [] and len(asked.errors) == 1  # one prompt
        assert [imp.model.action_at(r) for r in range(imp.model.rowCount())] == ["add"]
    finally:
        a.close()
        p.close()
