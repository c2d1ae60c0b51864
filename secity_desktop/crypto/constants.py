"""Values that other parties depend on byte for byte: signature namespace, hashes, key ids.

Changing any of these breaks signatures already in the field, so they sit
together where a reviewer will notice.
"""

from __future__ import annotations

from typing import Final

#: SSHSIG namespace for signatures over bundles; ``ssh-keygen -Y verify -n`` must match it.
BUNDLE_NAMESPACE: Final = "secbundle@secity.th"

#: SSHSIG namespace for key statements (rotate, re-enrol, revoke): docs/key-rotation.md.
KEYS_NAMESPACE: Final = "keys@secity.th"

#: Hash inside SSHSIG signatures we create (OpenSSH's own default).
SIGNATURE_HASH: Final = "sha512"

#: Hashes we accept in SSHSIG signatures made elsewhere (those PROTOCOL.sshsig allows).
ACCEPTED_SIGNATURE_HASHES: Final = frozenset({"sha256", "sha512"})

#: Length of the short key id written into manifests.
KEY_ID_HEX_LEN: Final = 16

#: bcrypt-pbkdf rounds for new key files and passphrase changes: ≈ 0.7 s to unlock on the
#: project's 2-core VM (OpenSSH's default, 16, takes ≈ 0.35 s); measured by ``bench/bench_kdf.py``,
#: the table is in docs/signatures.md. Older files keep the rounds written in them and still open.
KDF_ROUNDS: Final = 32
