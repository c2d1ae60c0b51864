"""What we can learn from an evidence file without trusting it: type, EXIF time and GPS.

Assessors photograph landfills and parks; the capture time and place are part
of the evidence, so they are read (Pillow, no Qt) and kept as metadata. A file
Pillow cannot parse is still accepted as a document.
"""

from __future__ import annotations

import datetime as dt
import mimetypes
from dataclasses import dataclass
from pathlib import Path

_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825


@dataclass(frozen=True)
class FileMeta:
    mime: str
    captured_at: str | None = None
    gps_lat: float | None = None
    gps_lon: float | None = None


def guess_mime(name: str) -> str:
    mime, _ = mimetypes.guess_type(name)
    return mime or "application/octet-stream"


def _dms(value: object, ref: object) -> float | None:
    try:
        d, m, s = (float(x) for x in value)  # type: ignore[union-attr]
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    deg = d + m / 60 + s / 3600
    return -deg if str(ref).upper() in ("S", "W") else deg


def read_meta(path: Path) -> FileMeta:
    mime = guess_mime(path.name)
    if not mime.startswith("image/"):
        return FileMeta(mime)
    try:
        from PIL import Image, UnidentifiedImageError

        with Image.open(path) as img:
            exif = img.getexif()
            sub = exif.get_ifd(_EXIF_IFD)
            raw = sub.get(_EXIF_DATETIME_ORIGINAL) or exif.get(0x0132)
            captured = None
            if raw:
                try:
                    captured = dt.datetime.strptime(
                        str(raw).strip("\x00 "), "%Y:%m:%d %H:%M:%S"
                    ).isoformat()
                except ValueError:
                    captured = None
            gps = exif.get_ifd(_GPS_IFD)
            lat = _dms(gps.get(2), gps.get(1)) if gps else None
            lon = _dms(gps.get(4), gps.get(3)) if gps else None
            return FileMeta(mime, captured, lat, lon)
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return FileMeta(mime)
