"""Render the main places offscreen into ``docs/screenshots/`` (1366×768, Thai and English).

Deterministic: a throwaway demo workspace, a generated photo with EXIF time and GPS.
Run: ``python scripts/screenshots.py`` (sets QT_QPA_PLATFORM=offscreen itself). It then
runs ``scripts/role_screenshots.py``: every role's places and key dialogs in Thai at
1366×768 and 1024×600 (``docs/screenshots/<size>/``); ``--no-roles`` skips those.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def _photo(path: Path) -> Path:
    from PIL import Image, ImageDraw

    img = Image.new("RGB", (800, 600), "#8fb996")
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 380, 800, 600), fill="#7a6a55")
    draw.ellipse((560, 60, 680, 180), fill="#f4d35e")
    exif = img.getexif()
    exif[0x0132] = "2026:11:20 09:41:00"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (7.0, 12.0, 30.0), 3: "E", 4: (100.0, 35.0, 45.0)})
    img.save(path, "JPEG", exif=exif.tobytes())
    return path


def main() -> int:
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.editor.dialogs import MissingDialog
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.new_assessment import NewAssessmentDialog
    from secity_desktop.gui.qt import QtWidgets
    from secity_desktop.services import demo
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    OUT.mkdir(parents=True, exist_ok=True)
    tr = Translations(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["XDG_CONFIG_HOME"] = str(Path(tmp) / "config")
        os.environ["XDG_CACHE_HOME"] = str(Path(tmp) / "cache")
        ws = open_workspace(Path(tmp) / "ws")
        init_workspace(ws, role=Role.ASSESSOR, province_code=None, user_name="สมศรี ผู้ประเมิน")
        demo.seed(ws)
        svc = AssessmentService(ws)
        songkhla = next(i for i in svc.list() if svc.get(i).municipality_code == "9001")
        svc.set_response(songkhla, "3.2", 3, "สวนสาธารณะหาดใหญ่ใน ปลูกต้นไม้เพิ่ม 1,200 ต้นในปี 2569")
        svc.attach(songkhla, "3.2", _photo(Path(tmp) / "สวนสาธารณะ.jpg"))
        doc = Path(tmp) / "แผนพื้นที่สีเขียว 2569.pdf"
        doc.write_bytes(b"%PDF-1.4\n% demo\n")
        svc.attach(songkhla, "3.2", doc)

        for lang in ("th", "en"):
            tr.install(lang)
            settings = cfg.Settings(Path(tmp) / f"{lang}.ini")
            w = MainWindow(ws, lang, settings, restore=False)
            w.resize(*SIZE)
            w.show()
            app.processEvents()
            if lang == "th":
                w.assessment_table.view.resizeColumnsToContents()
                app.processEvents()
                w.grab().save(str(OUT / "assessments-th.png"))
                dialog = NewAssessmentDialog(svc, lang, w)
                dialog.search.setText("เมือง")
                dialog.show()
                app.processEvents()
                dialog.grab().save(str(OUT / "new-assessment-th.png"))
                dialog.close()
            ed = w.open_assessment(songkhla)
            ed.open_indicator("3.2")
            app.processEvents()
            app.processEvents()
            ed.scroll.ensureWidgetVisible(ed.page.evidence_box, 0, 0)
            w._saved(__import__("datetime").datetime.now().astimezone())
            app.processEvents()
            w.grab().save(str(OUT / f"editor-evidence-{lang}.png"))
            ed.scroll.verticalScrollBar().setValue(0)
            ed.open_indicator("1.1")
            app.processEvents()
            w.grab().save(str(OUT / f"editor-{lang}.png"))
            if lang == "th":
                missing = MissingDialog(ed.fw, ed.card, lang, w)
                missing.show()
                app.processEvents()
                missing.grab().save(str(OUT / "missing-th.png"))
                missing.close()
            w.close_editor()
            w.close()
        tr.uninstall()
        ws.close()
        tr.install("th")
        _feedback_shot(app, Path(tmp) / "feedback")
        tr.uninstall()
    for png in sorted(OUT.glob("*.png")):
        print(png.relative_to(ROOT))
    if "--no-roles" in sys.argv[1:]:
        return 0
    sys.path.insert(0, str(ROOT / "scripts"))
    from role_screenshots import main as role_shots  # type: ignore[import-not-found]

    return role_shots([])


def _feedback_shot(app, tmp: Path) -> None:  # type: ignore[no-untyped-def]
    """The assessor's editor after the province returned the assessment with comments."""
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.services.assessments import AssessmentService
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.office_bundles import OfficeBundleService
    from secity_desktop.services.review.workflow import ReviewService
    from secity_desktop.services.revisions import RevisionService
    from secity_desktop.services.trust import TrustService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    pw = b"screenshot passphrase"
    a = open_workspace(tmp / "assessor")
    init_workspace(a, role=Role.ASSESSOR, province_code=None, user_name="สมศรี ผู้ประเมิน")
    p = open_workspace(tmp / "province")
    init_workspace(p, role=Role.PROVINCE, province_code="90", user_name="กานดา ศรีสุข")
    for ws, name in ((a, "สมศรี ผู้ประเมิน"), (p, "กานดา ศรีสุข")):
        Identity(ws).set_profile(name=name, organisation="ทสจ.สงขลา")
        Identity(ws).create_key(pw)
    TrustService(p).add(Identity(a).info().public_line, actor="t")
    TrustService(a).add(Identity(p).info().public_line, actor="t", name="ทสจ.สงขลา")
    svc = AssessmentService(a)
    aid = svc.new("9001", 2569).id
    fw = a.frameworks.get(svc.get(aid).framework_hash)
    photo = _photo(tmp / "photo.jpg")
    for ind in fw.indicators:
        svc.set_response(aid, ind.code, ind.levels[-1].value, "ดำเนินการครบถ้วน")
        svc.attach(aid, ind.code, photo)
    svc.mark_complete(aid)
    RevisionService(a).finalize(aid, Identity(a).unlock(pw))
    sent = ExportService(a).export([aid], tmp, Identity(a).unlock(pw)).path
    ImportService(p).import_files([sent])
    rs = ReviewService(p)
    rs.start(aid)
    rs.comment(aid, "ภาพถ่ายจุดรวบรวมขยะอันตรายไม่ชัดเจน กรุณาถ่ายใหม่ให้เห็นป้ายและภาชนะรองรับ", indicator="1.1")
    rs.override(aid, "1.1", fw.indicators[0].levels[1].value, "ยังไม่มีหลักฐานการคัดแยกขยะอันตรายครบทุกชุมชน")
    rs.return_for_revision(aid, "กรุณาแก้ไขตัวชี้วัด 1.1 และแนบหลักฐานเพิ่มเติม แล้วส่งกลับภายใน 15 วัน")
    ob = OfficeBundleService(p)
    back = ob.export(ob.prepare_return([aid]), tmp, Identity(p).unlock(pw)).path
    ImportService(a).import_files([back])
    draft = a.db.execute("SELECT id FROM assessments WHERE supersedes = ?", [aid]).fetchone()[0]
    w = MainWindow(a, "th", cfg.Settings(tmp / "th.ini"), restore=False)
    w.resize(*SIZE)
    w.show()
    ed = w.open_assessment(draft)
    ed.open_indicator("1.1")
    app.processEvents()
    app.processEvents()
    w.grab().save(str(OUT / "editor-feedback-th.png"))
    w.close_editor()
    w.close()
    a.close()
    p.close()


if __name__ == "__main__":
    sys.exit(main())
