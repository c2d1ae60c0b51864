"""Rules for member names in a bundle zip, shared by the reader and the writer.

A name is later turned into a path on an office PC (often Windows), so anything
that could escape the extraction folder, alias another entry, or confuse a file
manager is refused outright rather than "cleaned": silently renaming would make
the signed manifest and the extracted files disagree.
"""

from __future__ import annotations

import re
import unicodedata

from secity_desktop.core.errors import BundleRejected

_DRIVE = re.compile(r"^[A-Za-z]:")
#: Plain ASCII names (every name SECity writes): no control, bidi or surrogate characters can be
#: in them, so the per-character Unicode walk is skipped; every other rule still applies.
_PLAIN = re.compile(r"[A-Za-z0-9._/-]+")
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(1, 10)}
    | {f"lpt{i}" for i in range(1, 10)}
)


def _shown(name: str) -> str:
    """A bounded form, control characters escaped, of a hostile name for messages."""
    return repr(name[:80])


def check_name(name: str, max_len: int) -> None:
    """Raise :class:`BundleRejected` unless ``name`` is a plain relative file path."""
    if not name:
        raise BundleRejected("bad_name", "an entry has an empty name")
    # a plain ASCII name is one byte a character and holds no control, bidi, backslash or ':'
    plain = _PLAIN.fullmatch(name) is not None
    if (len(name) if plain else len(name.encode("utf-8", errors="surrogatepass"))) > max_len:
        raise BundleRejected("bad_name", f"entry name {_shown(name)} is longer than {max_len} bytes")
    if not plain and any(
        unicodedata.category(ch) in {"Cc", "Cs"} or ch in _BIDI for ch in name
    ):
        raise BundleRejected("bad_name", f"entry name {_shown(name)} contains control characters")
    if not plain and "\\" in name:
        raise BundleRejected("zip_slip", f"entry name {_shown(name)} contains a backslash")
    if name.startswith("/") or (not plain and _DRIVE.match(name)):
        raise BundleRejected("zip_slip", f"entry name {_shown(name)} is an absolute path")
    parts = name.split("/")
    if ".." in parts:
        raise BundleRejected("zip_slip", f"entry name {_shown(name)} climbs out of the bundle ('..')")
    if name.endswith("/"):
        raise BundleRejected("bad_name", f"entry {_shown(name)} is a folder; bundles hold only files")
    for part in parts:
        if part in {"", "."}:
            raise BundleRejected("bad_name", f"entry name {_shown(name)} has an empty or '.' component")
        if part[-1] in ". " or part.split(".")[0].lower() in _WINDOWS_RESERVED:
            raise BundleRejected("bad_name", f"entry name {_shown(name)} is not a valid Windows file name")


def fold(name: str) -> str:
    """The key under which two names would land on the same file on Windows or macOS."""
    if name.isascii():  # NFC leaves ASCII alone, and ASCII case-folds to its lower case
        return name.lower()
    return unicodedata.normalize("NFC", name).casefold()


class NameRegistry:
    """Detects names that collide exactly, by case/normalisation, or as file vs folder."""

    def __init__(self) -> None:
        self._exact: set[str] = set()
        self._files: set[str] = set()
        self._dirs: set[str] = set()

    def add(self, name: str) -> None:
        if name in self._exact:
            raise BundleRejected("duplicate_name", f"entry {_shown(name)} appears more than once")
        key = fold(name)
        if key in self._files:
            raise BundleRejected(
                "duplicate_name", f"entry {_shown(name)} differs from another only by letter case"
            )
        parts = key.split("/")
        prefixes = {"/".join(parts[:i]) for i in range(1, len(parts))}
        if key in self._dirs or prefixes & self._files:
            raise BundleRejected(
                "duplicate_name", f"entry {_shown(name)} would be both a file and a folder"
            )
        self._exact.add(name)
        self._files.add(key)
        self._dirs |= prefixes
