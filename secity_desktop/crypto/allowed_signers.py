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
from collections.abc import Iterable

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


def allowed_signers_text(
    entries: Iterable[tuple[str, str]], namespace: str = BUNDLE_NAMESPACE
) -> str:
    """Render ``(principal, public_line)`` pairs as an allowed_signers file.

    Each key is limited to ``namespace`` so an exported file cannot be reused to
    accept signatures made for another purpose. The public line's comment (often
    the assessor's Thai name) is kept only as a ``#`` line.
    """
    if not _SAFE_NAMESPACE.fullmatch(namespace):
        raise KeyFileError("a namespace may contain only letters, digits and . _ @ + -",
                           code="key.bad_namespace")
    out: list[str] = []
    for principal, line in entries:
        if not _SAFE_PRINCIPAL.fullmatch(principal):
            raise KeyFileError(
                "a signer principal may contain only ASCII letters, digits and . _ @ + - "
                "(use principal_for(key) for names in other scripts)", code="key.bad_principal"
            )
        pub, comment = parse_public_line(line)
        label = _comment_line(comment)
        if label:
            out.append(label)
        out.append(f'"{principal}" namespaces="{namespace}" {public_line(pub, "")}')
    return "\n".join(out) + "\n" if out else ""
