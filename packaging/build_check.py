"""Build the frozen app and prove it works as a new user would meet it.

    .venv/bin/python packaging/build_check.py              # build, then check
    .venv/bin/python packaging/build_check.py --no-build   # check dist/ as it is

Run by ``.ci/run`` after the tests (Linux) and by ``.github/workflows/release.yml``
(Windows, macOS). Every step runs the *frozen* executables with a fresh, empty home
folder and a ``PATH`` without the venv, so nothing from a source run (a compiled
catalogue in the cache, ``lrelease`` on ``PATH``) can hide a missing file:

1. the notices match the lock (``third_party_notices.py --check``);
2. ``secity doctor --json``: Thai UI catalogue loaded with ≥ 400 messages, six fonts,
   a framework, the word list found and a Thai sentence broken into its words, every
   shipped data file present, exit 0;
3. the same doctor with its text redirected to a pipe under code page 874 is UTF-8;
4. a province workspace (demo data), an approval, a key, a signed certificate PDF
   rendered by the frozen CLI (Thai shaping and line breaking) and verified by it;
5. the windowed app started offscreen to its first window with ``--smoke-test``:
   every place built, the Thai catalogue loaded, the About box with the licences;
6. an import of more bundles than ``verify_pool.COLD_MIN`` by each frozen executable (the
   windowed one runs the CLI command too): its log must say that worker processes verified some
   of them (spawned from that executable, which ``multiprocessing.freeze_support()`` turns into
   a worker);
7. the bundle's size, unpacked and zipped, against the targets in docs/release.md.

Prints one line per step and a JSON summary; exits 1 at the first failure.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "packaging"))
import spec_helpers as H  # noqa: E402

EXE = ".exe" if os.name == "nt" else ""
MIN_MESSAGES = 400
MAX_UNPACKED = 170_000_000  # bytes; Linux target (docs/release.md)
MAX_ZIPPED = 70_000_000


class CheckFailed(Exception):
    pass


def dist_dir() -> Path:
    return ROOT / "dist" / f"{H.APP_NAME}-{H.version()}"


def build() -> float:
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "build.spec"],
        cwd=ROOT, check=True,
    )
    return time.monotonic() - started


def clean_env(home: Path) -> dict[str, str]:
    """A new user's environment: empty home, config and cache; no venv on PATH."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "PYTHON"))}
    venv_bin = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    for key, sub in (("HOME", ""), ("USERPROFILE", ""), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache"), ("XDG_DATA_HOME", ".local/share"),
                     ("APPDATA", "AppData/Roaming"), ("LOCALAPPDATA", "AppData/Local")):
        env[key] = str(home / sub) if sub else str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("SECITY_DATA_DIR", None)
    return env


def run(cmd: list[str], env: dict[str, str], *, ok: bool = True, **kw: Any) -> subprocess.CompletedProcess[bytes]:
    done = subprocess.run(cmd, env=env, capture_output=True, timeout=300, check=False, **kw)
    if ok and done.returncode != 0:
        raise CheckFailed(
            f"{' '.join(cmd)} exited {done.returncode}\n{done.stdout.decode('utf-8', 'replace')}"
            f"\n{done.stderr.decode('utf-8', 'replace')}"
        )
    return done


def need(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def check_doctor(cli: Path, env: dict[str, str], ws: Path) -> dict[str, Any]:
    done = run([str(cli), "--data-dir", str(ws), "doctor", "--json"], env)
    data = json.loads(done.stdout.decode("utf-8"))
    need(data["frozen"], "doctor does not run frozen")
    need(data["ok"], f"doctor reports missing parts: {data['checks']}")
    need(data["ui_catalogue"]["messages"] >= MIN_MESSAGES,
         f"Thai UI catalogue has {data['ui_catalogue']['messages']} messages")
    need(Path(data["ui_catalogue"]["file"]).parent.name == "i18n", "catalogue not the shipped one")
    need(len(data["fonts"]) == 6, f"fonts: {data['fonts']}")
    need(bool(data["framework"]), "no framework")
    need(data["word_list"]["sample"] == ["เมือง", "สิ่งแวดล้อม", "ยั่งยืน"],
         f"Thai line breaking: {data['word_list']}")
    return data


def check_code_page(cli: Path, env: dict[str, str], ws: Path) -> None:
    done = run([str(cli), "--data-dir", str(ws), "doctor"], {**env, "PYTHONIOENCODING": "cp874"})
    text = done.stdout.decode("utf-8")  # raises if the output is not UTF-8
    need("→" in text and "✓" in text, "doctor text lost its arrows under cp874")


def check_certificate(cli: Path, env: dict[str, str], ws: Path, tmp: Path) -> str:
    base = [str(cli), "--data-dir", str(ws)]
    run([*base, "init", "--role", "province", "--province", "50", "--name", "ทดสอบ", "--demo"], env)
    listed = json.loads(run([*base, "assessment", "list", "--json"], env).stdout)
    pick = next((a for a in listed if a["tier"] and a["status"] in ("under_review", "approved")), None)
    need(pick is not None, "demo data has no assessment with a tier to certify")
    assert pick is not None
    if pick["status"] != "approved":
        approved = run([*base, "--json", "review", "approve", pick["id"], "--comment",
                        "ผ่าน → อนุมัติ"], env)
        need(b'"approved"' in approved.stdout, "approval not confirmed")  # codes in --json
    passphrase = tmp / "pass.txt"
    passphrase.write_text("build check passphrase\n", encoding="utf-8")
    run([*base, "key", "init", "--name", "ตรวจสอบ", "--passphrase-file", str(passphrase)], env)
    pdf = tmp / "certificate.pdf"
    run([*base, "report", "certificate", "--municipality", pick["municipality"], "--year",
         str(pick["year"]), "-o", str(pdf), "--passphrase-file", str(passphrase)], env)
    need(pdf.is_file() and pdf.stat().st_size > 10_000, "no certificate PDF")
    verified = run([*base, "--lang", "en", "certificate", "verify", "--pdf", str(pdf)],
                   env).stdout.decode("utf-8")
    need(verified.startswith("GENUINE"), f"certificate does not verify: {verified}")
    thai = run([*base, "certificate", "verify", "--pdf", str(pdf)], env).stdout.decode("utf-8")
    need(thai.startswith("ของจริง"), f"the frozen CLI does not speak Thai by default: {thai}")
    return verified.strip()


def check_gui(gui: Path, env: dict[str, str], ws: Path, tmp: Path) -> dict[str, Any]:
    version = run([str(gui), "--version"], env).stdout.decode("utf-8", "replace")
    out = tmp / "smoke.json"
    done = run([str(gui), "--data-dir", str(ws), "--smoke-test"],
               {**env, "SECITY_SMOKE_TEST_OUT": str(out)})
    need(out.is_file(), f"no smoke report: {done.stderr.decode('utf-8', 'replace')}")
    data = json.loads(out.read_text(encoding="utf-8"))
    need(data["thai_catalogue"] and data["sample"] == "แบบประเมิน", f"GUI not Thai: {data}")
    need(len(data["places"]) >= 5, f"places: {data['places']}")
    need(data["licence_chars"] > 10_000, "About box has no licence text")
    need(H.version() in version or os.name == "nt", f"--version said {version!r}")
    return data


def check_import_workers(exes: list[Path], env: dict[str, str], tmp: Path) -> list[str]:
    """Bundles made by the source tree (the bench's generator), imported by each frozen
    executable (the windowed one runs CLI commands too): its log must say a worker helped."""
    sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
    import bench_sync

    from secity_desktop.services import verify_pool

    bench_sync.BUNDLES, bench_sync.EVIDENCE, bench_sync.EVIDENCE_KB = verify_pool.COLD_MIN + 40, 1, 4
    made = tmp / "import-bundles"
    made.mkdir()
    files, public = bench_sync._make_bundles(made)
    pub = made / "assessor.pub"
    pub.write_text(public + "\n", encoding="utf-8")
    said = []
    for exe in exes:
        logs = tmp / f"import-logs-{exe.stem}"
        run_env = {**env, "SECITY_LOG_DIR": str(logs)}
        base = [str(exe), "--data-dir", str(tmp / f"import-office-{exe.stem}")]
        run([*base, "init", "--role", "province", "--province", "50", "--name", "ทดสอบ"], run_env)
        run([*base, "trust", "add", str(pub), "--name", "ผู้ประเมิน"], run_env)
        done = run([*base, "--json", "bundle", "import", *map(str, files)], run_env)
        result = json.loads(done.stdout.decode("utf-8"))
        need(len(result.get("applied", [])) == len(files), f"{exe.name} import: {str(result)[:400]}")
        text = (logs / "secity.log").read_text("utf-8", errors="replace")
        line = next((ln for ln in text.splitlines() if "worker processes" in ln), "")
        need(" 0 of them" not in line and "of them in" in line and "broke" not in line,
             f"{exe.name}: no verification in worker processes: {line or text[-2000:]}")
        said.append(f"{exe.name}: " + line.split(": ", 1)[-1])
    return said


def sizes(folder: Path) -> dict[str, int]:
    """Bytes of the folder's regular files (PyInstaller's symlinks counted once, as ``du`` does),
    and of a deflate-9 zip of them: what a download of the folder weighs."""
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    unpacked = sum(p.stat().st_size for p in files)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "bundle.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            for p in files:
                z.write(p, p.relative_to(folder.parent))
        zipped = archive.stat().st_size
    return {"unpacked_bytes": unpacked, "zipped_bytes": zipped, "files": len(files)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="check dist/ without building")
    parser.add_argument("--no-size-limit", action="store_true", help="report sizes, do not fail")
    args = parser.parse_args(argv)
    summary: dict[str, Any] = {"version": H.version(), "platform": sys.platform}
    try:
        notices = subprocess.run([sys.executable, str(ROOT / "packaging" / "third_party_notices.py"),
                                  "--check"], check=False)
        need(notices.returncode == 0, "THIRD-PARTY-NOTICES does not match the lock")
        if not args.no_build:
            summary["build_seconds"] = round(build(), 1)
            print(f"build: {summary['build_seconds']} s")
        folder = dist_dir()
        cli, gui = folder / f"{H.CLI_NAME}{EXE}", folder / f"{H.APP_NAME}{EXE}"
        need(cli.is_file() and gui.is_file(), f"executables missing in {folder}")
        with tempfile.TemporaryDirectory(prefix="secity-check-") as tmp_name:
            tmp = Path(tmp_name)
            env = clean_env(tmp / "home")
            ws = tmp / "workspace"
            doctor = check_doctor(cli, env, ws)
            print(f"doctor: Thai {doctor['ui_catalogue']['messages']} messages, "
                  f"{len(doctor['fonts'])} fonts, framework {doctor['framework']['version']}, "
                  f"line break {' | '.join(doctor['word_list']['sample'])}")
            check_code_page(cli, env, ws)
            print("console: UTF-8 output under code page 874")
            summary["certificate"] = check_certificate(cli, env, ws, tmp)
            print(f"certificate: {summary['certificate'][:60]}…")
            summary["gui"] = check_gui(gui, env, ws, tmp)
            print(f"gui: {len(summary['gui']['places'])} places, Thai, about box ok")
            summary["import_workers"] = check_import_workers([cli, gui], env, tmp)
            print(f"import: {'; '.join(summary['import_workers'])}")
        summary["size"] = sizes(folder)
        unpacked, zipped = summary["size"]["unpacked_bytes"], summary["size"]["zipped_bytes"]
        print(f"size: {unpacked / 1e6:.1f} MB unpacked ({unpacked / 2**20:.1f} MiB), "
              f"{zipped / 1e6:.1f} MB zipped ({zipped / 2**20:.1f} MiB)")
        if sys.platform.startswith("linux") and not args.no_size_limit:
            need(unpacked <= MAX_UNPACKED and zipped <= MAX_ZIPPED, "bundle over the size target")
    except (CheckFailed, subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        print(f"build check FAILED: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(summary, ensure_ascii=False))
    print("build check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
