"""The data behind ``build.spec``: what goes into the frozen app, and what is left out.

Kept apart from the spec so it can be imported and tested without running
PyInstaller (``tests/release/test_spec_helpers.py``): the spec itself only wires
these lists into ``Analysis``/``EXE``/``COLLECT``/``BUNDLE``.

What is trimmed, and why it is safe (checked by ``packaging/build_check.py`` on the
frozen app, which breaks Thai text, renders a certificate and opens every GUI place):

* **pythainlp** ships ~63 MB of corpora and models; the app only tokenises with
  ``newmm``, which reads ``words_th.txt`` (1.5 MB), and importing
  ``pythainlp.tokenize`` reads ``stopwords_th.txt``. Only those are kept, with the
  corpus catalogue's licence notes.
* **Qt's own translations** (``PySide6/Qt/translations``): Qt has no Thai catalogue
  and English needs none, so none ship. A ``qtbase_<lang>.qm`` for a language the app
  offers would be kept automatically.
* **Qt modules** the app never imports (it uses QtCore, QtGui, QtWidgets only).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path, PurePath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "SECityDesktop"
CLI_NAME = "secity"
BUNDLE_ID = "th.go.dcce.secity-desktop"
UI_LANGUAGES = ("th", "en")

#: pythainlp corpus files the app reads (see secity_desktop/core/thai_linebreak.py).
PYTHAINLP_KEEP = frozenset({"words_th.txt", "stopwords_th.txt"})

#: Qt's own catalogues worth shipping: only for languages the app offers.
QT_TRANSLATIONS_KEEP = frozenset(f"qtbase_{lang}.qm" for lang in UI_LANGUAGES if lang != "en")

QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets")
QT_MODULES_EXCLUDED = (
    "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtQuickTest",
    "QtQmlFeatures", "QtWebEngineCore", "QtWebEngineWidgets", "QtMultimedia", "QtOpenGL",
    "QtOpenGLWidgets", "QtSql", "QtDesigner", "Qt3DCore", "QtCharts", "QtDataVisualization",
    "QtPdf", "QtPdfWidgets", "QtSvg", "QtSvgWidgets", "QtTest", "QtUiTools", "QtXml", "QtHelp",
    "QtDBus", "QtConcurrent", "QtPrintSupport", "QtLabsStyleKit",
)
PYTHON_EXCLUDES = (
    "tkinter", "matplotlib", "numpy", "pandas", "torch", "hypothesis", "pytest", "_pytest",
    "pytestqt", "IPython", "PIL.ImageQt", "PIL._avif", "readline", "pydoc", "unittest",
    # Pillow's colour management (LAB conversions; liblcms2) and Tk bridge: no path uses them;
    # the pure-Python decimal fallback (the C `_decimal` ships)
    "PIL.ImageCms", "PIL._imagingcms", "PIL.ImageTk", "PIL._imagingtk", "_pydecimal",
    # image formats no evidence comes in (photos: JPEG/MPO, PNG, GIF, WebP, TIFF, BMP kept);
    # Image.init() skips a plugin it cannot import
    "PIL.SpiderImagePlugin", "PIL.FpxImagePlugin", "PIL.MicImagePlugin", "PIL.PcdImagePlugin",
    "PIL.McIdasImagePlugin", "PIL.GbrImagePlugin", "PIL.XVThumbImagePlugin",
    "PIL.ImtImagePlugin", "PIL.PixarImagePlugin", "PIL.SunImagePlugin", "PIL.SgiImagePlugin",
    "PIL.WmfImagePlugin", "PIL.XpmImagePlugin", "PIL.XbmImagePlugin", "PIL.FliImagePlugin",
    "PIL.FitsImagePlugin", "PIL.GribStubImagePlugin", "PIL.Hdf5StubImagePlugin",
    "PIL.BufrStubImagePlugin", "PIL.MpegImagePlugin", "PIL.PalmImagePlugin",
    "PIL.PdfImagePlugin", "PIL.PdfParser", "PIL.EpsImagePlugin", "PIL.PSDraw",
    "PIL.DdsImagePlugin", "PIL.BlpImagePlugin", "PIL.FtexImagePlugin", "PIL.QoiImagePlugin",
    "PIL.IcnsImagePlugin", "PIL.ImageShow",
    # offline app: no TLS; libcrypto (4.7 MB) goes with _hashlib, and every SHA-256 then runs
    # through cryptography's own OpenSSL (secity_desktop/digests.py), not hashlib's slow fallback
    "ssl", "_ssl", "_hashlib",
    # East Asian codecs: Thai (cp874, tis-620) and UTF-8 are pure Python
    "_codecs_jp", "_codecs_hk", "_codecs_cn", "_codecs_kr", "_codecs_tw", "_codecs_iso2022",
    # build tools and servers nothing imports at run time (each EXE carries its own archive)
    "setuptools", "distutils", "_distutils_hack", "pkg_resources", "pip", "asyncio",
    "doctest", "pdb", "lib2to3", "xmlrpc", "reportlab.graphics.testshapes",
    # multiprocessing ships for the import's verification workers (services/verify_pool.py:
    # spawn, a ProcessPoolExecutor, one Event); not its managers, pools, shared memory or
    # fork server, which nothing uses
    "multiprocessing.dummy", "multiprocessing.managers", "multiprocessing.pool",
    "multiprocessing.forkserver", "multiprocessing.popen_forkserver",
    "multiprocessing.shared_memory", "multiprocessing.sharedctypes", "multiprocessing.heap",
    # reportlab's chart/barcode/drawing package: the reports draw their own bars (reports/charts.py)
    # and no report path imports it (checked by rendering every report and the guide)
    "reportlab.graphics",
    # mail, FTP and text-encoding guessing nothing here uses
    "smtplib", "ftplib", "charset_normalizer",
    # pydantic's v1 compatibility layer and its mypy plugin: the app is written for pydantic 2
    # and neither is imported by it (0.3 MB zipped across the two executables)
    "pydantic.v1", "pydantic.mypy",
)
#: What the console ``secity`` never imports (its own archive leaves them out; see build.spec).
CLI_EXCLUDES = ["PySide6", "shiboken6", "secity_desktop.gui", "secity_desktop.app", "zxcvbn"]
#: Shared libraries that only excluded Qt modules need (matched on the file name).
QT_LIBS_EXCLUDED = tuple(
    re.compile(rf"(^|[/\\])(lib)?Qt6?{name[2:]}(\.|_)", re.IGNORECASE)
    for name in (
        "QtQml", "QtQuick", "QtPdf", "QtSvg", "QtNetwork", "QtOpenGL", "QtVirtualKeyboard",
        "QtQmlModels", "QtQmlMeta", "QtQmlWorkerScript", "QtEglFSDeviceIntegration",
        "QtEglFsKmsSupport", "QtWaylandClient", "QtWaylandEglClientHwIntegration",
        "QtWlShellIntegration",
    )
)
#: Qt plugins a desktop user never needs: the GTK theme (it drags in GTK, cairo and pango),
#: embedded-device platforms (VNC, framebuffer, EGLFS, Vulkan display) and their input
#: plugins, image formats that need an excluded module (SVG) or that evidence never is, and the
#: native Wayland platform: on a Wayland desktop Qt runs through XWayland with the xcb plugin
#: (Linux is not where offices run the app; Windows is), which keeps the zipped bundle ≤ 70 MB.
QT_PLUGINS_EXCLUDED = frozenset({
    "qgtk3", "qvnc", "qlinuxfb", "qvkkhrdisplay", "qeglfs", "qminimalegl", "qtiff", "qicns",
    "qsvg", "qsvgicon", "qpdf", "qtga", "qwbmp", "qwayland", "qwayland-egl", "qwayland-generic",
})
QT_PLUGIN_FOLDERS_EXCLUDED = frozenset({
    "egldeviceintegrations", "generic", "wayland-decoration-client",
    "wayland-graphics-integration-client", "wayland-shell-integration",
})
#: Libraries only the GTK theme plugin needs (Linux); Qt's xcb/wayland platforms do not.
GTK_STACK = re.compile(
    r"^lib(gtk-3|gdk-3|gdk_pixbuf-2\.0|atk-1\.0|atk-bridge-2\.0|atspi|cairo|cairo-gobject|"
    r"pango-1\.0|pangocairo-1\.0|pangoft2-1\.0|fribidi|pixman-1|epoxy|thai|datrie|"
    r"harfbuzz|graphite2)\.so"
)

def version() -> str:
    text = (ROOT / "secity_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'__version__ = "([^"]+)"', text)
    if not match:
        raise SystemExit("no __version__ in secity_desktop/__init__.py")
    return match.group(1)


def version_tuple(text: str) -> tuple[int, int, int, int]:
    """``0.1.0`` → ``(0, 1, 0, 0)``: Windows file versions are four 16-bit numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", text)[:4]]
    numbers += [0] * (4 - len(numbers))
    return tuple(min(n, 65535) for n in numbers)  # type: ignore[return-value]


def cli_modules() -> list[str]:
    """Every ``secity`` command module: ``cli/commands.py`` imports them by name, lazily,
    so PyInstaller's import scan cannot see them (the frozen CLI said "No module named
    secity_desktop.cli.doctor_cmds" without this)."""
    text = (ROOT / "secity_desktop" / "cli" / "commands.py").read_text(encoding="utf-8")
    return sorted({f"secity_desktop.cli.{m}" for m in re.findall(r'\("(\w+_cmds)"', text)})


def excludes() -> list[str]:
    return [f"PySide6.{m}" for m in QT_MODULES_EXCLUDED] + list(PYTHON_EXCLUDES)


def folder(name: str, *, skip: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Every file under a top-level folder, kept at the same relative place in the bundle."""
    pairs = []
    for path in sorted((ROOT / name).rglob("*")):
        rel = path.relative_to(ROOT)
        if not path.is_file() or "__pycache__" in path.parts or any(rel.match(s) for s in skip):
            continue
        pairs.append((str(path), str(path.parent.relative_to(ROOT))))
    return pairs


def compile_catalogues(out: Path) -> list[tuple[str, str]]:
    """Compile ``i18n/secity_*.ts`` and ``i18n/qt_*.ts`` (Qt's own strings in Thai) with the
    installed PySide6's lrelease; only ``.qm`` ship."""
    sys.path.insert(0, str(ROOT))
    from secity_desktop.services.ui_catalogue import copy_compiled, qm_message_count

    out.mkdir(parents=True, exist_ok=True)
    pairs = []
    for ts in sorted([*(ROOT / "i18n").glob("secity_*.ts"), *(ROOT / "i18n").glob("qt_*.ts")]):
        qm = copy_compiled(ts, out)
        print(f"compiled {ts.name}: {qm_message_count(qm)} messages")
        pairs.append((str(qm), "i18n"))
    return pairs


def app_datas(build_dir: Path) -> list[tuple[str, str]]:
    """Our own data: resources, frameworks, compiled catalogues, error texts and licences."""
    datas = folder("resources", skip=("resources/icons/*.svg", "resources/icons/*.icns",
                                      "resources/icons/*.ico", "resources/icons/secity-512.png"))
    datas += folder("forms")
    datas += folder("docs/guide")  # the user guide (Help › คู่มือการใช้งาน, F1) and its screenshots
    datas += compile_catalogues(build_dir / "i18n")
    datas += [(str(p), "i18n") for p in sorted((ROOT / "i18n").glob("messages_*.toml"))]
    datas += [(str(p), "i18n") for p in sorted((ROOT / "i18n").glob("cli_*.toml"))]
    datas += [(str(ROOT / "LICENSE"), "."), (str(ROOT / "THIRD-PARTY-NOTICES"), ".")]
    return datas


def keep_data(dest: str) -> bool:
    """False for third-party data files the app never reads (see the module docstring)."""
    parts = PurePath(dest.replace("\\", "/")).parts
    if len(parts) >= 3 and parts[0] == "pythainlp" and parts[1] == "corpus":
        return parts[-1] in PYTHAINLP_KEEP
    if "translations" in parts and parts[0] == "PySide6":
        return parts[-1] in QT_TRANSLATIONS_KEEP
    return not (parts and parts[-1].endswith(".ts") and parts[0] == "i18n")


def keep_binary(dest: str) -> bool:
    """False for Qt libraries and plugins that only excluded modules or embedded devices use."""
    name = dest.replace("\\", "/")
    parts = PurePath(name).parts
    if "/qml/" in name or name.endswith("/qml"):
        return False
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        stem = parts[-1].split(".")[0]
        stem = stem[3:] if stem.startswith("lib") else stem
        if folder in QT_PLUGIN_FOLDERS_EXCLUDED or stem in QT_PLUGINS_EXCLUDED:
            return False
    if len(parts) == 1 and GTK_STACK.match(parts[0]):
        return False
    return not any(p.search(name) for p in QT_LIBS_EXCLUDED)


def _top_level_library(dest: str) -> bool:
    name = dest.replace("\\", "/")
    return (
        "/" not in name
        and ".so" in name
        and "cpython-" not in name
        and ".abi3." not in name
        and not name.startswith("libpython")
    )


def prune_orphans(binaries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """Linux: drop top-level shared libraries that no kept binary loads any more.

    PyInstaller collects each plugin's dependencies before the spec trims the plugin
    (the GTK theme brings Kerberos, cups and more), so after trimming those libraries
    are orphans. What every kept binary needs is asked of ``ldd`` (transitively),
    through PyInstaller's own ``get_imports``; anything else at the top level goes.
    """
    if not sys.platform.startswith("linux"):
        return binaries
    from PyInstaller.depend.bindepend import get_imports

    needed: set[str] = set()
    for dest, src, _kind in binaries:
        if not _top_level_library(dest):
            needed.update(name for name, _path in get_imports(src))
    return [b for b in binaries if not _top_level_library(b[0]) or Path(b[0]).name in needed]


def trim(toc: list[tuple[str, str, str]], keep: object) -> list[tuple[str, str, str]]:
    return [entry for entry in toc if keep(entry[0])]  # type: ignore[operator]


def windows_version_text(text: str) -> str:
    """A ``VSVersionInfo`` resource, in the text form ``EXE(version=FILE)`` reads.

    Explorer's Properties then show product, version and publisher. Written as text (the
    format ``pyi-grab_version`` prints) rather than built from PyInstaller's classes, which
    import the Windows-only ``pefile``: so it is generated and tested on any OS.
    """
    numbers = version_tuple(text)
    dotted = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": "Department of Climate Change and Environment (DCCE)",
        "FileDescription": "SECity Desktop",
        "FileVersion": dotted,
        "InternalName": APP_NAME,
        "LegalCopyright": "MIT License; see LICENSE and THIRD-PARTY-NOTICES",
        "OriginalFilename": f"{APP_NAME}.exe",
        "ProductName": "SECity Desktop",
        "ProductVersion": text,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_windows_version_file(text: str, build_dir: Path) -> str:
    build_dir.mkdir(parents=True, exist_ok=True)
    path = build_dir / "version_info.txt"
    path.write_text(windows_version_text(text), encoding="utf-8")
    return str(path)


def macos_info_plist(text: str) -> dict[str, object]:
    """Info.plist entries: version, Thai as the development region, and ``.secbundle`` files."""
    return {
        "CFBundleName": "SECity Desktop",
        "CFBundleDisplayName": "SECity Desktop",
        "CFBundleShortVersionString": text,
        "CFBundleVersion": text,
        "CFBundleDevelopmentRegion": "th",
        "CFBundleLocalizations": ["th", "en"],
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "12.0",
        "NSHumanReadableCopyright": "MIT License",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "SECity bundle",
                "CFBundleTypeRole": "Viewer",
                "LSHandlerRank": "Owner",
                "CFBundleTypeExtensions": ["secbundle"],
                "CFBundleTypeIconFile": "secity.icns",
            }
        ],
    }
