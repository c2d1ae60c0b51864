"""Bundle container values that other parties depend on byte for byte.

Changing any of these breaks bundles already in the field (the signature
namespace and key-id rules are in ``crypto.constants``).
"""

from __future__ import annotations

from typing import Final

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
