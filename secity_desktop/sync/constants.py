"""Values that other parties depend on byte for byte.

Changing any of these breaks signatures or bundles already in the field, so
they sit together where a reviewer will notice.
"""

from __future__ import annotations

from typing import Final

#: SSHSIG namespace for signatures over bundles; ``ssh-keygen -Y verify -n`` must match it.
BUNDLE_NAMESPACE: Final = "secbundle@secity.th"

#: Hash inside SSHSIG signatures we create (OpenSSH's own default).
SIGNATURE_HASH: Final = "sha512"

#: Hashes we accept in SSHSIG signatures made elsewhere (those PROTOCOL.sshsig allows).
ACCEPTED_SIGNATURE_HASHES: Final = frozenset({"sha256", "sha512"})

#: Length of the short key id written into manifests.
KEY_ID_HEX_LEN: Final = 16

#: Prefix for allowed_signers principals, followed by the key id (always ASCII-safe).
PRINCIPAL_PREFIX: Final = "assessor-"

#: Chunk size for streaming hashes and copies, so no bundle member is held whole in memory.
CHUNK_SIZE: Final = 1024 * 1024

#: Timestamp stamped on every bundle entry so identical inputs give identical bytes.
ZIP_FIXED_DATE_TIME: Final = (1980, 1, 1, 0, 0, 0)

#: Permission bits stamped on every bundle entry (regular file, rw-r--r--).
ZIP_FILE_MODE: Final = 0o100644

#: Extensions already compressed; deflating them again only costs time.
STORED_EXTENSIONS: Final = frozenset(
    {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".heif", ".mp4", ".mov"}
    | {".m4a", ".mp3", ".pdf", ".zip", ".gz", ".xz", ".docx", ".xlsx", ".pptx", ".secbundle"}
)
