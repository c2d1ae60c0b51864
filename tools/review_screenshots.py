"""Regenerate docs/screenshots/review.png and dashboard.png from a province demo workspace.

QT_QPA_PLATFORM=offscreen python tools/review_screenshots.py [th|en]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(lang: str = "th") -> None:
    from secity_desktop.app import main as app_main
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.services.review.demo import seed_review
    from secity_desktop.services.workspace import init_workspace, open_workspace

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "ws"
        ws = open_workspace(data)
        init_workspace(ws, role=Role.PROVINCE, province_code="20", user_name="สนง.ทสจ.ชลบุรี")
        seed_review(ws)
        ws.close()
        window = app_main(["--data-dir", str(data), "--lang", lang], exec_=False)
        app = QtWidgets.QApplication.instance()
        window.resize(1400, 820)  # type: ignore[attr-defined]
        suffix = "" if lang == "th" else f"-{lang}"
        out = ROOT / "docs" / "screenshots"
        review = window.review_place  # type: ignore[attr-defined]
        window.places.setCurrentWidget(review)  # type: ignore[attr-defined]
        overridden = window.ws.db.execute(  # type: ignore[attr-defined]
            "SELECT assessment_id FROM review_overrides LIMIT 1"
        ).fetchone()[0]
        review.select(overridden)
        review.ind_table.selectRow(1)
        app.processEvents()  # type: ignore[union-attr]
        window.grab().save(str(out / f"review{suffix}.png"))  # type: ignore[attr-defined]
        dash = window.dashboard_place  # type: ignore[attr-defined]
        window.places.setCurrentWidget(dash)  # type: ignore[attr-defined]
        dash.table.setCurrentIndex(dash.proxy.index(0, 0))
        app.processEvents()  # type: ignore[union-attr]
        window.grab().save(str(out / f"dashboard{suffix}.png"))  # type: ignore[attr-defined]
        window.close()  # type: ignore[attr-defined]
        window.ws.close()  # type: ignore[attr-defined]


if __name__ == "__main__":
    main(*sys.argv[1:2])
