"""Each role's places and key dialogs, in Thai, at 1366×768 and at 1024×600.

Run: ``python scripts/role_screenshots.py`` (all sizes) or ``… 1024x600``. Writes
``docs/screenshots/<size>/<role>-<place>.png``. ``scripts/screenshots.py`` runs it too.

Each size renders in its own child process on an offscreen screen of exactly that
size (Qt's offscreen ``configfile``), so dialogs size themselves as they would on
that laptop; fontconfig sees DejaVu only, as on a machine with no Thai system font,
and the bundled Sarabun carries the Thai. The workspaces are the user guide's
(``scripts/guide_screenshots.py``: an assessor, three provinces, the nation) plus a
region office that imported the provinces' upward bundles and a municipality office
doing its self-assessment.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZES = {"1366x768": (1366, 768), "1024x600": (1024, 600)}
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")


def _fontconfig(tmp: Path) -> Path:
    """A fontconfig that knows DejaVu only (no Thai system font): Sarabun must do the Thai."""
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{DEJAVU}</dir>\n  <cachedir>{tmp / 'fc-cache'}</cachedir>\n</fontconfig>\n",
        encoding="utf-8",
    )
    return conf


def spawn(size: str) -> int:
    """Render one size in a child process on a screen of that size."""
    width, height = SIZES[size]
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        screen = tmp / "screen.json"
        screen.write_text(json.dumps({"screens": [{
            "name": size, "x": 0, "y": 0, "width": width, "height": height,
            "logicalDpi": 96, "logicalBase": 96, "dpr": 1,
        }]}))
        env = os.environ | {
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen}",
            "FONTCONFIG_FILE": str(_fontconfig(tmp)),
            "XDG_CACHE_HOME": str(tmp / "cache"),  # its own compiled catalogue: no race
        }
        env.pop("QT_SCALE_FACTOR", None)
        return subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--render", size], env=env, check=False
        ).returncode


def render(size: str) -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "scripts"))
    sys.path.insert(0, str(ROOT / "tools"))
    from guide_screenshots import build, optimise  # type: ignore[import-not-found]

    from secity_desktop.gui.fonts import load_fonts
    from secity_desktop.gui.i18n import Translations
    from secity_desktop.gui.qt import QtWidgets

    started = time.monotonic()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(sys.argv[:1])
    family = load_fonts(app)  # type: ignore[arg-type]
    translations = Translations(app)  # type: ignore[arg-type]
    if not translations.install("th"):  # kept referenced: a collected one takes Thai with it
        raise SystemExit("the Thai catalogue did not load")
    out = OUT / size
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        os.environ["XDG_CONFIG_HOME"] = str(tmp / "config")
        a, provinces, n, _returns, fields = build(tmp)
        region = _region(tmp, provinces)
        town = _municipality(tmp)
        shots = Shots(app, out, optimise)
        _first_run(shots, tmp)
        for role, ws in (
            ("assessor", a),
            ("province", provinces["50"]),
            ("region", region),
            ("national", n),
            ("municipality", town),
        ):
            _role(shots, role, ws, tmp, fields)
        for ws in (a, n, region, town, *provinces.values()):
            ws.close()
    screen = app.primaryScreen().availableGeometry()  # type: ignore[union-attr]
    print(
        f"{size}: {len(shots.written)} screenshots in {out.relative_to(ROOT)} "
        f"(screen {screen.width()}×{screen.height()}, font {family}, "
        f"{time.monotonic() - started:.0f} s)"
    )
    return 0


class Shots:
    def __init__(self, app, out: Path, optimise) -> None:  # type: ignore[no-untyped-def]
        self.app, self.out, self.optimise = app, out, optimise
        self.written: list[Path] = []

    def __call__(self, widget, stem: str) -> None:  # type: ignore[no-untyped-def]
        for _ in range(3):
            self.app.processEvents()
        path = self.out / f"{stem}.png"
        widget.grab().save(str(path))
        self.optimise(path)
        self.written.append(path)


def _region(tmp: Path, provinces):  # type: ignore[no-untyped-def]
    """A region office (north) that enrolled the provinces and imported their upward bundles."""
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services.bundle_import import ImportService
    from secity_desktop.services.identity import Identity
    from secity_desktop.services.trust import TrustService
    from secity_desktop.services.workspace import init_workspace, open_workspace

    r = open_workspace(tmp / "region")
    init_workspace(r, role=Role.REGION, province_code=None, user_name="สสภ.1 เชียงใหม่")
    for code, p in provinces.items():
        TrustService(r).add(Identity(p).info().public_line, name=f"ทสจ. {code}")
    upward = sorted(tmp.glob("*.secbundle"))
    if upward:
        try:
            ImportService(r).import_files(upward)
        except Exception as exc:
            print(f"region import skipped: {exc}")
    return r


def _municipality(tmp: Path):  # type: ignore[no-untyped-def]
    """A municipality office (เทศบาลนครเชียงใหม่) filling its own self-assessment."""
    from secity_desktop.core.lifecycle import Role
    from secity_desktop.services import demo
    from secity_desktop.services.workspace import init_workspace, open_workspace

    m = open_workspace(tmp / "municipality")
    init_workspace(m, role=Role.MUNICIPALITY, province_code=None, municipality_code="5001",
                   user_name="กองสาธารณสุขและสิ่งแวดล้อม")
    demo.seed(m)  # its own self-assessment, partly filled
    return m


def _first_run(shot: Shots, tmp: Path) -> None:
    from secity_desktop.gui.first_run import FirstRunWizard
    from secity_desktop.services.workspace import open_workspace

    fresh = open_workspace(tmp / "fresh")
    wizard = FirstRunWizard(fresh, "th")
    wizard.show()
    shot(wizard, "first-run")
    wizard.close()
    fresh.close()


PLACES = (
    ("assessments", "assessments_stack"),
    ("municipalities", "municipality_place"),
    ("framework", "framework_view"),
    ("sync", "sync_place"),
    ("review", "review_place"),
    ("dashboard", "dashboard_place"),
    ("coverage", "coverage_place"),
    ("reports", "reports_place"),
)


def _role(shot: Shots, role: str, ws, tmp: Path, fields) -> None:  # type: ignore[no-untyped-def]
    from secity_desktop.gui import settings as cfg
    from secity_desktop.gui.about import AboutDialog
    from secity_desktop.gui.main_window import MainWindow
    from secity_desktop.gui.new_assessment import NewAssessmentDialog
    from secity_desktop.gui.preferences import PreferencesDialog
    from secity_desktop.gui.qt import QtCore
    from secity_desktop.gui.review_dialogs import OverrideDialog, ReasonDialog
    from secity_desktop.services.onboarding import summary

    w = MainWindow(ws, "th", cfg.Settings(tmp / f"{role}.ini"), restore=False)
    w.show()
    area = w.screen().availableGeometry()
    w.resize(area.size() - (w.frameGeometry().size() - w.size()))  # maximized, frame included
    for slug, attr in PLACES:
        place = getattr(w, attr, None)
        if place is None:
            continue
        w.places.setCurrentWidget(place)
        if slug == "sync":
            for i in range(place.count()):
                place.setCurrentIndex(i)
                shot(w, f"{role}-sync-{i + 1}")
            place.setCurrentIndex(0)
            continue
        if slug == "review":
            place.refresh()
            place.ind_table.selectRow(0)
        shot(w, f"{role}-{slug}")
    w.places.setCurrentWidget(w.assessments_stack)
    ids = w.assessment_model._ids
    if ids:
        editor = w.open_assessment(ids[0])
        editor.open_indicator("1.1")
        shot(w, f"{role}-editor")
        w.close_editor()
    if role == "assessor":
        dialog = NewAssessmentDialog(w.assessments, "th", w)
        dialog.search.setText("เมือง")
        dialog.show()
        shot(dialog, f"{role}-new-assessment")
        dialog.close()
    if role == "municipality":  # Municipalities › Self-assessment…: the spreadsheet dialog
        w.places.setCurrentWidget(w.municipality_place)
        dialog = w.municipality_place.open_self_assessment()
        shot(dialog, f"{role}-self-assessment")
        dialog.close()
    if w.review_place is not None:
        fw = ws.frameworks.current()
        longest = max(fw.indicators, key=lambda i: max(len(lv.label_th) for lv in i.levels))
        for stem, dialog in (
            ("override", OverrideDialog(longest, longest.levels[0].value, None, "th", w)),
            ("return", ReasonDialog(
                QtCore.QCoreApplication.translate("ReviewPlace", "Return for revision"),
                QtCore.QCoreApplication.translate(
                    "ReviewPlace", "Tell the assessor what to fix (required)."
                ),
                w,
            )),
        ):
            dialog.show()
            shot(dialog, f"{role}-{stem}")
            dialog.close()
    for stem, dialog in (
        ("preferences", PreferencesDialog(w.settings, w, summary(ws), "th")),
        ("about", AboutDialog(ws.frameworks.current(), w, ws.data_dir)),
    ):
        dialog.show()
        shot(dialog, f"{role}-{stem}")
        dialog.close()
    w.close()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--render"]:
        return render(argv[1])
    sizes = argv or list(SIZES)
    with concurrent.futures.ThreadPoolExecutor(len(sizes)) as pool:  # one child per size
        return max(pool.map(spawn, sizes))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
