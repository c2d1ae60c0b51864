"""Render the user guide's screenshots into ``docs/guide/img/`` (1366×768, Thai and English).

Run: ``python scripts/guide_screenshots.py [th|en ...]`` (sets QT_QPA_PLATFORM=offscreen itself).

Everything goes through the real path in throwaway workspaces, built the way
``tools/office_screenshots.py`` builds them: an assessor assesses, signs and
exports; three provinces import, review, pick model towns and write their
bundles; the nation imports upward bundles. Each PNG is reduced to a palette
with Pillow so the shipped guide stays small. The names are the ones the
guide's pages list in their front matter (tests/gui/test_help.py checks both
ways).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
OUT = ROOT / "docs" / "guide" / "img"
SIZE = (1366, 768)


def optimise(path: Path) -> None:
    """A window shot has few colours: a 256-colour palette keeps text crisp at a third the size."""
    from PIL import Image

    with Image.open(path) as img:
        small = img.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


def build(tmp: Path):  # type: ignore[no-untyped-def]
    """Assessor, three provinces and the nation, as tools/office_screenshots.py plans them."""
    from office_screenshots import OFFICES, PASS, PLAN, YEAR, _assess  # type: ignore[import-not-found]

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
    provinces, upward, returns, fields = {}, [], {}, {}
    for code, (munis, approve, back, town) in PLAN.items():
        p = open_workspace(tmp / f"province-{code}")
        init_workspace(p, role=Role.PROVINCE, province_code=code, user_name=OFFICES[code])
        Identity(p).set_profile(name=OFFICES[code], position="ผู้อำนวยการ",
                                organisation=OFFICES[code], province=code)
        Identity(p).create_key(PASS)
        TrustService(p).add(Identity(a).info().public_line, name="สมศรี ผู้ประเมิน",
                            organisation="สสภ.1")
        TrustService(a).add(Identity(p).info().public_line, name=OFFICES[code],
                            organisation=OFFICES[code])
        TrustService(n).add(Identity(p).info().public_line, name=OFFICES[code],
                            organisation=OFFICES[code])
        ids = {m: _assess(a, m, rng, best=m == town) for m in munis}
        for aid in ids.values():
            RevisionService(a).finalize(aid, akey)
        (tmp / code).mkdir()
        fields[code] = ExportService(a).export(list(ids.values()), tmp / code, akey).path
        ImportService(p).import_files([fields[code]])
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
    # one more assessment, signed and exported but not yet imported: the province's dry run
    extra = _assess(a, "5004", rng)
    RevisionService(a).finalize(extra, akey)
    (tmp / "new").mkdir()
    fields["new"] = ExportService(a).export([extra], tmp / "new", akey).path
    # and, on the assessor's laptop, one signed but not yet sent and one complete but not signed
    RevisionService(a).finalize(_assess(a, "9003", rng), akey)
    _assess(a, "2003", rng)
    return a, provinces, n, returns, fields


def _render(app, tr, lang: str, tmp: Path, a, provinces, n, returns, fields) -> None:  # type: ignore[no-untyped-def]
    """Every screenshot in one language."""
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.first_run import FirstRunWizard
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.new_assessment import NewAssessmentDialog
    from secity_desktop.gui.qt import QtCore, QtWidgets
    from secity_desktop.services.workspace import open_workspace

    tr.install(lang)
    written: list[Path] = []

    def shot(widget: QtWidgets.QWidget, stem: str) -> None:
        app.processEvents()  # type: ignore[union-attr]
        app.processEvents()  # type: ignore[union-attr]
        path = OUT / f"{stem}-{lang}.png"
        widget.grab().save(str(path))
        optimise(path)
        written.append(path)

    def window(ws) -> MainWindow:  # type: ignore[no-untyped-def]
        w = MainWindow(ws, lang, cfg.Settings(tmp / f"{lang}-{id(ws)}.ini"), restore=False)
        w.resize(*SIZE)
        w.show()
        app.processEvents()  # type: ignore[union-attr]
        return w

    # First start: the wizard's role page, on a fresh workspace.
    fresh = open_workspace(tmp / f"fresh-{lang}")
    wizard = FirstRunWizard(fresh, lang)
    wizard.resize(760, 520)
    wizard.show()
    shot(wizard, "first-run")
    wizard.close()
    fresh.close()

    # The assessor's day.
    w = window(a)
    w.assessment_table.view.resizeColumnsToContents()
    shot(w, "assessments")
    dialog = NewAssessmentDialog(w.assessments, lang, w)
    dialog.search.setText("เมือง" if lang == "th" else "Mueang")
    dialog.show()
    shot(dialog, "new-assessment")
    dialog.close()
    aid = w.assessment_model._ids[0]
    ed = w.open_assessment(aid)
    ed.open_indicator("1.1")
    shot(w, "editor")
    w.close_editor()
    sync = w.sync_place
    w.places.setCurrentWidget(sync)
    sync.setCurrentWidget(sync.export_page)
    sync.refresh()
    sync.export_page.unsent_button.click()
    shot(w, "assessor-send")
    sync.setCurrentWidget(sync.key_page)
    shot(w, "signing-key")
    imp = sync.import_page
    sync.setCurrentWidget(imp)
    imp.add_files([returns["50"].path])
    _check(imp, app)
    shot(w, "assessor-return")
    imp.clear()
    w.close()

    # The provincial secretary's day (Chiang Mai, 50).
    p = provinces["50"]
    w = window(p)
    sync = w.sync_place
    w.places.setCurrentWidget(sync)
    sync.setCurrentWidget(sync.trust_page)
    sync.trust_page.view.resizeColumnsToContents()
    shot(w, "province-trust")
    imp = sync.import_page
    sync.setCurrentWidget(imp)
    imp.add_files([fields["new"]])
    _check(imp, app)
    shot(w, "province-import")
    imp.clear()
    sync.setCurrentWidget(sync.send_page)
    sync.refresh()
    shot(w, "province-send")
    review = w.review_place
    w.places.setCurrentWidget(review)
    review.refresh()
    review.ind_table.selectRow(0)
    shot(w, "province-review")
    dash = w.dashboard_place
    w.places.setCurrentWidget(dash)
    dash.table.setCurrentIndex(dash.proxy.index(0, 0))
    shot(w, "province-dashboard")
    w.places.setCurrentWidget(w.reports_place)
    w.reports_place.kind.setCurrentIndex(2)
    w.reports_place.year.setValue(2569)  # the year the demo's model towns were chosen
    shot(w, "province-reports")
    w.close()

    # The nation's Coverage view.
    w = window(n)
    cov = w.coverage_place
    w.places.setCurrentWidget(cov)
    cov.table.sortByColumn(6, QtCore.Qt.SortOrder.DescendingOrder)
    cov.table.resizeColumnsToContents()
    shot(w, "coverage")
    w.close()
    tr.uninstall()
    for path in written:
        print(path.relative_to(ROOT), f"{path.stat().st_size // 1024} KB")


def main(langs: list[str]) -> int:
    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.qt import QtWidgets

    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    load_fonts(app)  # type: ignore[arg-type]
    OUT.mkdir(parents=True, exist_ok=True)
    tr = Translations(app)  # type: ignore[arg-type]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        a, provinces, n, returns, fields = build(tmp)
        for lang in langs:
            _render(app, tr, lang, tmp, a, provinces, n, returns, fields)
        for ws in (a, n, *provinces.values()):
            ws.close()
    return 0


def _check(imp, app) -> None:  # type: ignore[no-untyped-def]
    """Run the import page's dry run and wait for its plan (it works on a worker thread)."""
    imp.check()
    waited: Callable[[], bool] = lambda: imp.plan is not None and not imp.runner.busy  # noqa: E731
    for _ in range(2000):
        if waited():
            break
        app.processEvents()
    app.processEvents()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["th", "en"]))
