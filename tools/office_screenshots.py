"""Regenerate the office-bundle screenshots: the province's Send page, the assessor's import of
a return bundle, and the national Coverage view.

QT_QPA_PLATFORM=offscreen python tools/office_screenshots.py [th|en]

Everything goes through the real path, in throwaway workspaces: one assessor
assesses municipalities of three provinces, signs and exports a field bundle
for each; each province imports, reviews (approves, returns one), chooses a
model town and writes its bundles; the nation enrols the provinces' keys and
imports their upward bundles. Rendered at 1366×768 into docs/screenshots/.
"""

from __future__ import annotations

import hashlib
import os
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
SIZE = (1366, 768)
PASS = b"demo passphrase 2569"
YEAR = 2569
# province → (municipalities assessed, approved ones, returned ones, model town)
PLAN = {
    "50": (["5001", "5002", "5003"], ["5001", "5002"], ["5003"], "5001"),
    "20": (["2001", "2002", "2004", "2005"], ["2002", "2004"], ["2005"], "2002"),
    "90": (["9001", "9002"], ["9001", "9002"], [], None),
}
OFFICES = {"50": "ทสจ.เชียงใหม่", "20": "ทสจ.ชลบุรี", "90": "ทสจ.สงขลา"}


def _assess(ws, code: str, rng: random.Random, best: bool = False) -> str:  # type: ignore[no-untyped-def]
    """One complete assessment; ``best``: every indicator at its top level (a model town
    must reach a tier)."""
    from secity_desktop.services.assessments import AssessmentService

    svc = AssessmentService(ws)
    a = svc.new(code, YEAR)
    fw = ws.frameworks.get(a.framework_hash)
    files = ws.data_dir / "files"
    files.mkdir(exist_ok=True)
    for ind in fw.indicators:
        values = [lv.value for lv in ind.levels]
        level = values[-1] if best else rng.choice(values[len(values) // 3:])
        svc.set_response(a.id, ind.code, level, f"ผลการดำเนินงาน {ind.code} ปี {YEAR}")
        if level != values[0]:
            p = files / f"{code}-{ind.code}.jpg"
            p.write_bytes(hashlib.sha256(f"{code}{ind.code}".encode()).digest() * 32)
            svc.attach(a.id, ind.code, p)
    svc.mark_complete(a.id)
    return a.id


def build(tmp: Path):  # type: ignore[no-untyped-def]
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.bundle_export import ExportService
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.model_town import ModelTownService
    from secity_desktop.services.office_bundles import OfficeBundleService
    from secity_desktop.services.review.workflow import ReviewService
    from secity_desktop.services.revisions import RevisionService
    from secity_desktop.services.trust import TrustService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    rng = random.Random(YEAR)
    a = open_workspace(tmp / "assessor")
    init_workspace(a, role=Role.ASSESSOR, province_code=None, user_name="สมศรี ผู้ประเมิน")
    Identity(a).set_profile(name="สมศรี ผู้ประเมิน", position="นักวิชาการสิ่งแวดล้อม",
                            organisation="สสภ.1", province="50")
    Identity(a).create_key(PASS)
    akey = Identity(a).unlock(PASS)
    n = open_workspace(tmp / "national")
    init_workspace(n, role=Role.NATIONAL, province_code=None, user_name="กองส่งเสริม ส่วนกลาง")
    provinces, upward, returns = {}, [], {}
    for code, (munis, approve, back, town) in PLAN.items():
        p = open_workspace(tmp / f"province-{code}")
        init_workspace(p, role=Role.PROVINCE, province_code=code, user_name=OFFICES[code])
        Identity(p).set_profile(name=OFFICES[code], position="ผู้อำนวยการ",
                                organisation=OFFICES[code], province=code)
        Identity(p).create_key(PASS)
        TrustService(p).add(Identity(a).info().public_line, actor=p.actor,
                                name="สมศรี ผู้ประเมิน", organisation="สสภ.1")
        TrustService(a).add(Identity(p).info().public_line, actor=a.actor,
                                name=OFFICES[code], organisation=OFFICES[code])
        TrustService(n).add(Identity(p).info().public_line, actor=n.actor,
                                name=OFFICES[code], organisation=OFFICES[code])
        ids = {m: _assess(a, m, rng, best=m == town) for m in munis}
        for aid in ids.values():
            RevisionService(a).finalize(aid, akey)
        field = ExportService(a).export(list(ids.values()), tmp, akey).path
        ImportService(p).import_files([field])
        rs = ReviewService(p)
        for m, aid in ids.items():
            rs.start(aid)
            if m in approve:
                rs.approve(aid, "ผ่านการพิจารณา")
            elif m in back:
                rs.comment(aid, "ภาพถ่ายหลักฐานไม่ชัดเจน ขอภาพใหม่", indicator="2.1")
                rs.return_for_revision(aid, "แนบหลักฐานตัวชี้วัด 2.1 เพิ่มเติมแล้วส่งใหม่")
        if town:
            ModelTownService(p).set(YEAR, town, "คะแนนรวมสูงสุดในจังหวัด และมีหลักฐานครบทุกตัวชี้วัด")
        svc = OfficeBundleService(p)
        pkey = Identity(p).unlock(PASS)
        upward.append(svc.export(svc.prepare_upward(YEAR), tmp, pkey).path)
        if back:
            (tmp / "return").mkdir(exist_ok=True)
            returns[code] = svc.export(svc.prepare_return([ids[m] for m in back]),
                                       tmp / "return", pkey)
        provinces[code] = p
    ImportService(n).import_files(upward)
    return a, provinces, n, returns


def main(lang: str = "th") -> None:
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.qt import QtCore, QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    tr = Translations(app)  # type: ignore[arg-type]
    tr.install(lang)
    out = ROOT / "docs" / "screenshots"
    suffix = "" if lang == "th" else f"-{lang}"
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        a, provinces, n, returns = build(tmp)

        def window(ws):  # type: ignore[no-untyped-def]
            w = MainWindow(ws, lang, cfg.Settings(tmp / f"{id(ws)}.ini"), restore=False)
            w.resize(*SIZE)
            w.show()
            app.processEvents()
            return w

        # The province's Send page, after writing the year's upward bundle.
        w = window(provinces["50"])
        w.places.setCurrentWidget(w.sync_place)
        page = w.sync_place.send_page
        w.sync_place.setCurrentWidget(page)
        page.writer.ask = lambda *_a: PASS
        loop = QtCore.QEventLoop()
        page.written.connect(lambda _w: loop.quit())
        (tmp / "ส่งผล").mkdir()
        page.write_upward(tmp / "ส่งผล")
        loop.exec()
        rm = page.return_model
        rm.setData(rm.index(0, 0), QtCore.Qt.CheckState.Checked.value,
                   QtCore.Qt.ItemDataRole.CheckStateRole)
        app.processEvents()
        w.grab().save(str(out / f"sync-send{suffix}.png"))
        w.close()

        # The assessor checks the province's return bundle before applying it.
        w = window(a)
        w.places.setCurrentWidget(w.sync_place)
        imp = w.sync_place.import_page
        w.sync_place.setCurrentWidget(imp)
        imp.add_files([returns["50"].path, returns["20"].path])
        imp.check()
        while imp.plan is None:
            app.processEvents()
        app.processEvents()
        w.grab().save(str(out / f"sync-return-import{suffix}.png"))
        imp.clear()
        w.close()

        # The nation's Coverage view: reporting provinces first.
        w = window(n)
        cov = w.coverage_place
        w.places.setCurrentWidget(cov)
        cov.table.sortByColumn(6, QtCore.Qt.SortOrder.DescendingOrder)
        cov.table.resizeColumnsToContents()
        app.processEvents()
        w.grab().save(str(out / f"coverage{suffix}.png"))
        w.close()
        for ws in (a, n, *provinces.values()):
            ws.close()
    tr.uninstall()


if __name__ == "__main__":
    main(*sys.argv[1:2])
