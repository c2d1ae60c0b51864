"""Getting a passphrase into a command without it ever touching the command line.

Scripts pass ``--passphrase-file`` (the first line of the file); people are
asked with getpass, and a wrong passphrase is asked again (three tries), never
a traceback. The passphrase is held as bytes only as long as needed.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from secity_desktop import messages
from secity_desktop.cli.say import language, say
from secity_desktop.core.errors import SecityError, ValidationError, WrongPassphraseError

if TYPE_CHECKING:  # annotations only: commands without a key never load cryptography
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from secity_desktop.services.identity import Identity

TRIES = 3
T = TypeVar("T")


class _NeverOnCommandLine(argparse.Action):
    """``--passphrase X`` would otherwise match ``--passphrase-file`` by abbreviation and
    land in shell history and process lists; refuse it outright, without echoing it."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        parser.error(f"{option_string} is not accepted: a passphrase must never be typed on the "
                     "command line; use --passphrase-file FILE or answer the prompt")


def add_passphrase_args(p: argparse.ArgumentParser, *, new: bool = False) -> None:
    for flag in ("--passphrase", "--new-passphrase", "--pass", "--passphrase-fil"):
        p.add_argument(flag, action=_NeverOnCommandLine, help=argparse.SUPPRESS)
    p.add_argument(
        "--passphrase-file", type=Path, help="read the key's passphrase from the first line of FILE"
    )
    if new:
        p.add_argument(
            "--new-passphrase-file", type=Path, help="read the new passphrase from FILE"
        )


def warn_if_shared(path: Path) -> bool:
    """Warn (stderr and log) when others may read or change the passphrase file.

    POSIX only: the mode bits say it exactly. Windows has no such bits (Python's
    ``st_mode`` there only reflects the read-only flag) and files under the user's
    profile are private by its ACL, so the check is skipped there.
    """
    if sys.platform == "win32":
        return False
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        return False
    if not mode & 0o077:
        return False
    lang = language(None)
    text = messages.render(
        "passphrase.file_shared", {"path": str(path), "mode": f"{mode:o}"}, lang,
        f"warning: the passphrase file {path} can be read by other users (mode {mode:o}); "
        f"make it private: chmod 600 {path}")
    print(f"secity: {text}", file=sys.stderr)
    logging.getLogger("secity.cli").warning("passphrase file %s is open to others (mode %o)",
                                            path, mode)
    return True


def from_file(path: Path) -> bytes:
    warn_if_shared(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"cannot read the passphrase file {path}: {exc.strerror}",
                              code="cli.passphrase_file_unreadable", file=Path(path).name) from None
    line = data.split(b"\n", 1)[0].removesuffix(b"\r")
    if not line:
        raise ValidationError(f"the passphrase file {path} is empty",
                              code="cli.passphrase_file_empty", file=Path(path).name)
    return line


def _ask(prompt: str) -> bytes:
    if not sys.stdin.isatty():
        raise ValidationError("no terminal to ask for the passphrase; use --passphrase-file FILE",
                              code="cli.no_terminal")
    return getpass.getpass(prompt).encode("utf-8")


def new_passphrase(file: Path | None) -> bytes:
    if file is not None:
        return from_file(file)
    lang = language(None)  # prompts follow $SECITY_LANG (they come before any output)
    first = _ask(say(lang, "passphrase.new", "New passphrase (at least 8 characters): "))
    if _ask(say(lang, "passphrase.repeat", "Repeat the new passphrase: ")) != first:
        raise ValidationError("the two passphrases differ; nothing was changed",
                              code="key.passphrases_differ")
    return first


def unlock(identity: Identity, file: Path | None) -> Ed25519PrivateKey:
    """Open the signing key: once from a file, or up to three tries at the prompt."""
    return _unlock(identity, file, identity.unlock)


def unlock_for_reading(identity: Identity, file: Path | None,
                       files: Sequence[Path] | None = None) -> tuple[Ed25519PrivateKey, ...]:
    """The keys that open sealed bundles (current, then the retired ones ``files`` are
    addressed to), with ONE passphrase."""
    return _unlock(identity, file, lambda phrase: identity.unlock_for_reading(phrase, files))


def _unlock(identity: Identity, file: Path | None, opener: Callable[[bytes], T]) -> T:
    if file is not None:
        return opener(from_file(file))
    identity.info()  # a missing key is reported before anyone types a passphrase
    lang = language(None)
    for attempt in range(1, TRIES + 1):
        try:
            return opener(_ask(say(lang, "passphrase.ask", "Passphrase for your signing key: ")))
        except WrongPassphraseError:
            if attempt == TRIES:
                break
            print(say(lang, "passphrase.wrong", "Wrong passphrase; try again."), file=sys.stderr)
    raise SecityError(f"wrong passphrase ({TRIES} tries); nothing was signed",
                      code="key.wrong_passphrase_tries", tries=TRIES)


def old_passphrase(identity: Identity, file: Path | None) -> bytes:
    """The current passphrase, checked (so `key passwd` fails before asking for a new one)."""
    if file is not None:
        phrase = from_file(file)
        identity.unlock(phrase)
        return phrase
    lang = language(None)
    for attempt in range(1, TRIES + 1):
        phrase = _ask(say(lang, "passphrase.current", "Current passphrase: "))
        try:
            identity.unlock(phrase)
            return phrase
        except WrongPassphraseError:
            if attempt == TRIES:
                break
            print(say(lang, "passphrase.wrong", "Wrong passphrase; try again."), file=sys.stderr)
    raise SecityError(f"wrong passphrase ({TRIES} tries); nothing was changed",
                      code="key.wrong_passphrase_tries", tries=TRIES)
