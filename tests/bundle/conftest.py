"""Shared helpers for the sync tests: running the real ssh-keygen for interop checks."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Sequence

import pytest

SSH_KEYGEN = shutil.which("ssh-keygen") or "/usr/bin/ssh-keygen"


def run_keygen(
    args: Sequence[str], stdin: bytes | None = None, check: bool = True
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [SSH_KEYGEN, *args], input=stdin, capture_output=True, check=check, timeout=60
    )


@pytest.fixture(scope="session")
def keygen_available() -> None:
    if shutil.which("ssh-keygen") is None and not os.path.exists(SSH_KEYGEN):
        pytest.skip("ssh-keygen is not installed")
