"""The GUI's certificate check (Reports › Verify a certificate) judges the key's window too."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "reports"))

from report_helpers import ISSUED, YEAR, approve, fill

from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.crypto import keys
from secity_desktop.gui.certificate_verify import CertificateVerifyBox
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.identity import Identity
from secity_desktop.services.key_rotation import reenrol
from tests.bundle.office_flow import Offices, offices


@pytest.fixture
def o(tmp_path: Path) -> Iterator[Offices]:
    offs = offices(tmp_path)
    approve(offs.p, fill(offs.p, "5001", top=True))
    yield offs
    offs.close()


def test_pasted_code_of_a_revoked_key_is_refused_in_thai_with_its_window(
    qtbot: QtBot, o: Offices, tmp_path: Path
) -> None:
    svc = CertificateService(o.p, today=lambda: ISSUED)
    lost = o.key(o.p)
    before = svc.sign(svc.prepare("5001", YEAR), lost).payload
    time.sleep(1.05)  # payload times are whole seconds
    reenrol(o.n, keys.public_line(keys.generate().public_key(), ""),
            Identity(o.p).info().fingerprint, "แล็ปท็อปหาย", revoked_from=now_iso(), actor="n")
    time.sleep(1.05)
    stolen = svc.sign(svc.prepare("5001", YEAR), lost).payload
    assert before and stolen
    box = CertificateVerifyBox(o.n, lang="th")
    qtbot.addWidget(box)
    box.include_enrolled.setChecked(True)  # the nation checks a province's certificate
    box.text.setText(stolen)
    with qtbot.waitSignal(box.checked) as blocker:
        box.verify_text()
    assert blocker.args[0] is False
    text = box.result.text()
    assert "หลังจากกุญแจนี้ถูกเพิกถอนแล้ว" in text and "(เพิกถอนแล้ว)" in text
    box.text.setText(before)
    with qtbot.waitSignal(box.checked) as blocker:
        box.verify_text()
    assert blocker.args[0] is True
    assert "ขณะนั้นกุญแจใช้ได้ตั้งแต่" in box.result.text()
    box.resize(900, 260)
    box.show()
    box.grab().save(str(tmp_path / "verify_box.png"))
