"""Small JPEG thumbnails of image evidence for reports.

Evidence photos are often 5–12 MB phone pictures; embedding them whole would
make a 100-photo report hundreds of megabytes. A thumbnail is decoded at a
reduced scale (JPEG ``draft`` mode decodes at 1/2…1/8 size directly, which is
what keeps 100 thumbnails well under a second), turned upright by its EXIF
orientation and re-encoded as a small JPEG that reportlab embeds unchanged.
"""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

THUMB_PX = 240  # long side in pixels: 2× the ~120 pt it is printed at, sharp enough on paper
QUALITY = 80
_CACHE_MAX = 512

_lock = threading.Lock()
_cache: OrderedDict[tuple[str, int], bytes | None] = OrderedDict()


def make_thumbnail(path: Path, max_px: int = THUMB_PX) -> bytes | None:
    """JPEG bytes of an image scaled to fit ``max_px``; None when the file is not a readable image.

    A broken or unsupported picture must not stop a report, so decoding errors
    give None and the report lists the file by name instead.
    """
    try:
        with Image.open(path) as img:
            img.draft("RGB", (max_px, max_px))
            img = ImageOps.exif_transpose(img)
            img.thumbnail((max_px, max_px), Image.Resampling.BILINEAR)
            if img.mode not in ("RGB", "L"):
                img = _flatten(img)
            out = io.BytesIO()
            img.save(out, "JPEG", quality=QUALITY, optimize=False)
            return out.getvalue()
    except (OSError, UnidentifiedImageError, ValueError, Image.DecompressionBombError):
        return None


def _flatten(img: Image.Image) -> Image.Image:
    """Transparent PNGs on white, as they look on a page."""
    rgba = img.convert("RGBA")
    bg = Image.new("RGB", rgba.size, (255, 255, 255))
    bg.paste(rgba, mask=rgba.getchannel("A"))
    return bg


def thumbnail_for(sha256: str, path: Path, max_px: int = THUMB_PX) -> bytes | None:
    """Cached by content hash: the same photo attached to several indicators is decoded once."""
    key = (sha256, max_px)
    with _lock:
        if key in _cache:
            _cache.move_to_end(key)
            return _cache[key]
    data = make_thumbnail(path, max_px)
    with _lock:
        _cache[key] = data
        while len(_cache) > _CACHE_MAX:
            _cache.popitem(last=False)
    return data


def clear_cache() -> None:
    with _lock:
        _cache.clear()
