"""Evidence rows as the store reads and writes them: a linked file (``Evidence``) and a link
to write (``NewEvidence``). Plain data; the reads and writes are in ``store/assessments.py``,
which answers both names (``repo.Evidence``) and imports this module only when evidence is
read or written — an edit of a level never needs these classes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class Evidence:
    id: int
    assessment_id: str
    indicator_code: str
    sha256: str
    original_name: str
    mime: str
    size: int
    captured_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    added_at: str
    added_by: str

    @property
    def is_image(self) -> bool:
        return self.mime.startswith("image/")

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class NewEvidence:
    """An evidence link to write: the file (by hash) and what is known about it."""

    indicator_code: str
    sha256: str
    original_name: str
    mime: str
    size: int
    captured_at: str | None
    gps_lat: float | None
    gps_lon: float | None
    added_at: str
    added_by: str
