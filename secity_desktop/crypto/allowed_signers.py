"""OpenSSH ``allowed_signers`` files for checking bundles with stock ``ssh-keygen``.

An office that doubts this app can export its enrolled keys and run
``ssh-keygen -Y verify`` itself. Principals are generated ASCII ids rather than
people's names because allowed_signers treats ``*``, ``?``, ``,`` and quotes
specially; a Thai name would also be awkward to type on the command line. The
human name goes in a ``#`` comment line above the key instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop.core.enrolment import PRINCIPAL_PREFIX
from secity_desktop.core.errors import KeyFileError
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from secity_desktop.crypto.keys import key_id, parse_public_line, public_line

# No wildcards (* ?), list separators (,), quotes or whitespace: each principal
# must match exactly itself when ssh-keygen reads it back.
_SAFE_PRINCIPAL = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}")
_SAFE_NAMESPACE = re.compile(r"[A-Za-z0-9._@+-]{1,128}")


def principal_for(pub: Ed25519PublicKey) -> str:
    """The principal SECity uses for a key: ``assessor-<key_id>``, stable and ASCII-only."""
    return PRINCIPAL_PREFIX + key_id(pub)


def _comment_line(text: str) -> str:
    """Flatten a free-text label into one ``#`` line so it can never become a key line."""
    flat = "".join(
        " " if unicodedata.category(ch) in {"Cc", "Zl", "Zp"} else ch for ch in text
    ).strip()
    return f"# {flat}" if flat else ""


@dataclass(frozen=True)
class Window:
    """A key's validity as OpenSSH writes it: ``valid-after`` / ``valid-before`` (ISO instants
    here, either may be None = open). ``ending`` says why it ends (``retired`` by a rotation,
    ``revoked`` from a date): OpenSSH has no word for it, so it travels in the ``#`` line."""

    valid_from: str | None = None
    valid_until: str | None = None
    ending: str | None = None


_STAMP = re.compile(r"(\d{8})(?:(\d{4})(\d{2})?)?(Z?)")
#: how an allowed_signers time without ``Z`` is read: OpenSSH uses the verifying machine's
#: zone; SECity's verifiers are in Thailand, so Thai time (documented in docs/key-rotation.md)
_THAI = timezone(timedelta(hours=7))


def _instant(stamp: str) -> datetime:
    t = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    return t if t.tzinfo is not None else t.replace(tzinfo=_THAI)


def _ssh_time(t: datetime) -> str:
    return t.astimezone(UTC).strftime("%Y%m%d%H%M%SZ")


def _ceil_second(t: datetime) -> datetime:
    whole = t.replace(microsecond=0)
    return whole if whole == t else whole + timedelta(seconds=1)


def window_options(window: Window | None) -> str:
    """``valid-after="…Z",valid-before="…Z"`` (or "") meaning exactly our window.

    Ours is half-open, ``[from, until)``; OpenSSH refuses when the verify time is
    ``< valid-after`` or ``> valid-before``, in whole seconds. So valid-after is ``from``
    rounded up to a second, valid-before one second before ``until`` rounded up — a
    signature time inside our window is inside OpenSSH's, and one outside is outside.
    """
    if window is None:
        return ""
    out = []
    if window.valid_from:
        out.append(f'valid-after="{_ssh_time(_ceil_second(_instant(window.valid_from)))}"')
    if window.valid_until:
        end = _ceil_second(_instant(window.valid_until)) - timedelta(seconds=1)
        out.append(f'valid-before="{_ssh_time(end)}"')
    return ",".join(out)


def parse_ssh_time(text: str) -> datetime:
    """``YYYYMMDD[HHMM[SS]][Z]`` as OpenSSH reads it (``Z`` = UTC, else Thai time here)."""
    m = _STAMP.fullmatch(text)
    if not m:
        raise KeyFileError(f"{text!r} is not an allowed_signers time (YYYYMMDD[HHMM[SS]][Z])",
                           code="key.allowed_signers.bad_time", value=text[:40])
    day, hm, sec, z = m.groups()
    try:
        t = datetime.strptime(day + (hm or "0000") + (sec or "00"), "%Y%m%d%H%M%S")
    except ValueError:
        raise KeyFileError(f"{text!r} is not an allowed_signers time (YYYYMMDD[HHMM[SS]][Z])",
                           code="key.allowed_signers.bad_time", value=text[:40]) from None
    return t.replace(tzinfo=UTC if z else _THAI)


_OPTION = re.compile(r'(valid-after|valid-before)="([^"]*)"')


def window_of_line(options: str, comment: str = "") -> Window | None:
    """The window an allowed_signers line's options state (None when it states none).

    The inverse of :func:`window_options`: ``until`` = valid-before + 1 s (OpenSSH's end is
    inclusive, ours exclusive). ``ending`` is ``revoked`` when the ``#`` line above says
    "revoked", else ``retired``.
    """
    found = dict(_OPTION.findall(options))
    if not found:
        return None
    after, before = found.get("valid-after"), found.get("valid-before")
    start = parse_ssh_time(after).isoformat() if after else None
    until = (parse_ssh_time(before) + timedelta(seconds=1)).isoformat() if before else None
    ending = None if until is None else ("revoked" if "revoked" in comment.lower() else "retired")
    return Window(start, until, ending)


def allowed_signers_text(
    entries: Iterable[tuple[str, str] | tuple[str, str, Window | None]],
    namespace: str = BUNDLE_NAMESPACE,
) -> str:
    """Render ``(principal, public_line[, window])`` as an allowed_signers file.

    Each key is limited to ``namespace`` so an exported file cannot be reused to
    accept signatures made for another purpose. The public line's comment (often
    the assessor's Thai name) is kept only as a ``#`` line. A key with a window
    (replaced by a rotation, revoked from a date, or replacing another) gets OpenSSH's
    ``valid-after`` / ``valid-before`` options, which ``ssh-keygen -Y verify`` checks
    against ``-Overify-time=`` (default: now); the ``#`` line then says how it ended.
    """
    if not _SAFE_NAMESPACE.fullmatch(namespace):
        raise KeyFileError("a namespace may contain only letters, digits and . _ @ + -",
                           code="key.bad_namespace")
    out: list[str] = []
    for entry in entries:
        principal, line = entry[0], entry[1]
        window = entry[2] if len(entry) > 2 else None  # type: ignore[misc]
        if not _SAFE_PRINCIPAL.fullmatch(principal):
            raise KeyFileError(
                "a signer principal may contain only ASCII letters, digits and . _ @ + - "
                "(use principal_for(key) for names in other scripts)", code="key.bad_principal"
            )
        pub, comment = parse_public_line(line)
        note = _window_note(window)
        label = _comment_line(f"{comment} {note}".strip())
        if label:
            out.append(label)
        window_opts = window_options(window)
        opts = f'namespaces="{namespace}"' + (f",{window_opts}" if window_opts else "")
        out.append(f'"{principal}" {opts} {public_line(pub, "")}')
    return "\n".join(out) + "\n" if out else ""


def _window_note(window: Window | None) -> str:
    if window is None or not window.valid_until:
        return ""
    word = "revoked from" if window.ending == "revoked" else "retired at"
    return f"({word} {window.valid_until})"


def read_windows(text: str) -> dict[str, Window]:
    """fingerprint → the window its allowed_signers line states (keys without one left out).

    For a verifier holding only the exported file (``certificate verify --trusted-keys``).
    """
    from secity_desktop.crypto.keys import fingerprint

    out: dict[str, Window] = {}
    last_comment = ""
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#"):
            last_comment = line
            continue
        at = line.find("ssh-ed25519 ")
        if at < 0:
            last_comment = ""
            continue
        window = window_of_line(line[:at], last_comment)
        last_comment = ""
        if window is None:
            continue
        pub, _ = parse_public_line(line[at:])
        out[fingerprint(pub)] = window
    return out


__all__: Sequence[str] = (
    "Window", "allowed_signers_text", "parse_ssh_time", "principal_for", "read_windows",
    "window_of_line", "window_options",
)
