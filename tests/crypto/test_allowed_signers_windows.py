"""OpenSSH ``valid-after``/``valid-before`` in allowed_signers files (issue 14, gap 4).

What OpenSSH 9 really does, checked with the real ssh-keygen: ``-Y verify`` refuses when the
verify time (``-Overify-time=``, default now) is ``< valid-after`` or ``> valid-before``, in
whole seconds, ``Z`` meaning UTC. Our windows are half-open ``[from, until)``; the options we
write must agree with them to the second on both edges.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from secity_desktop.core.errors import KeyFileError
from secity_desktop.crypto import keys, sshsig
from secity_desktop.crypto.allowed_signers import (
    Window,
    allowed_signers_text,
    parse_ssh_time,
    principal_for,
    read_windows,
    window_options,
)
from secity_desktop.crypto.constants import BUNDLE_NAMESPACE
from tests.bundle.conftest import run_keygen

FROM = "2026-06-01T09:00:00+07:00"
UNTIL = "2026-11-27T10:00:00+07:00"


def test_options_say_our_window_in_utc_and_read_back_the_same() -> None:
    w = Window(FROM, UNTIL, "retired")
    assert window_options(w) == 'valid-after="20260601020000Z",valid-before="20261127025959Z"'
    pub = keys.generate().public_key()
    text = allowed_signers_text([(principal_for(pub), keys.public_line(pub, "ทสจ."), w)])
    assert "(retired at 2026-11-27T10:00:00+07:00)" in text.splitlines()[0]
    back = read_windows(text)[keys.fingerprint(pub)]
    assert datetime.fromisoformat(back.valid_from) == datetime.fromisoformat(FROM)
    assert datetime.fromisoformat(back.valid_until) == datetime.fromisoformat(UNTIL)
    assert back.ending == "retired"
    revoked = allowed_signers_text([(principal_for(pub), keys.public_line(pub, ""),
                                     Window(None, UNTIL, "revoked"))])
    assert read_windows(revoked)[keys.fingerprint(pub)].ending == "revoked"
    assert 'valid-after' not in revoked
    # a key without a window is written as before, and has no window read back
    plain = allowed_signers_text([(principal_for(pub), keys.public_line(pub, ""))])
    assert "valid-" not in plain and read_windows(plain) == {}


def test_a_fraction_of_a_second_rounds_the_safe_way() -> None:
    w = Window("2026-01-01T00:00:00.5+00:00", "2026-01-02T00:00:00.5+00:00")
    # valid from 00:00:00.5 → OpenSSH from 00:00:01; until 00:00:00.5 → last valid second 00:00:00
    assert window_options(w) == 'valid-after="20260101000001Z",valid-before="20260102000000Z"'


def test_times_openssh_accepts_are_read_and_junk_is_refused() -> None:
    assert parse_ssh_time("20261127") == datetime(2026, 11, 27, tzinfo=parse_ssh_time("20261127").tzinfo)
    assert parse_ssh_time("202611271030Z") == datetime(2026, 11, 27, 10, 30, tzinfo=UTC)
    assert parse_ssh_time("20261127103005Z").second == 5
    assert parse_ssh_time("20261127").utcoffset() == timedelta(hours=7)  # no Z: Thai time
    for bad in ("2026-11-27", "20261327", "2026112710", "x"):
        with pytest.raises(KeyFileError) as err:
            parse_ssh_time(bad)
        assert err.value.code == "key.allowed_signers.bad_time"


def test_ssh_keygen_honours_the_window_to_the_second(tmp_path: Path, keygen_available: None) -> None:
    key = keys.generate()
    pub = key.public_key()
    allowed = tmp_path / "allowed_signers"
    allowed.write_text(allowed_signers_text(
        [(principal_for(pub), keys.public_line(pub, ""), Window(FROM, UNTIL, "retired"))]), "utf-8")
    msg = b"a manifest"
    sig = tmp_path / "m.sig"
    sig.write_text(sshsig.sign(key, msg, BUNDLE_NAMESPACE))

    def verify_at(when: str | None) -> int:
        args = ["-Y", "verify", "-f", str(allowed), "-I", principal_for(pub), "-n", BUNDLE_NAMESPACE,
                "-s", str(sig)]
        if when is not None:
            args.append(f"-Overify-time={when}")
        return run_keygen(args, stdin=msg, check=False).returncode

    assert verify_at(None) != 0  # now is after the window: a retired key fails by default
    assert verify_at("20260901000000Z") == 0  # inside
    assert verify_at("20261127025959Z") == 0  # the last second before the rotation (10:00 +07)
    assert verify_at("20261127030000Z") != 0  # the rotation itself: no longer valid (ours too)
    assert verify_at("20260601020000Z") == 0  # the first second it counts
    assert verify_at("20260601015959Z") != 0  # before it took over

