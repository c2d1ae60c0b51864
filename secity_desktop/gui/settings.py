"""Typed preferences and window state, declared once (Electrum's ConfigVar, Picard's options).

Preferences are choices a person makes (language); window state is what the app
remembers by itself (geometry, splitter sizes). They live in separate groups of
one INI file so "reset preferences" never loses the window layout and vice versa.
The file sits in the platform's config dir (XDG_CONFIG_HOME on Linux), so tests
that point that variable at a temp folder never touch a real user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from secity_desktop import paths
from secity_desktop.gui.qt import QtCore

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Key(Generic[T]):
    name: str
    default: T
    choices: tuple[T, ...] = ()


# --- preferences (shown in the Preferences dialog) ------------------------
LANGUAGE: Key[str] = Key("preferences/language", "th", ("th", "en"))
NOTE_SAVE_DELAY_MS: Key[int] = Key("preferences/note_save_delay_ms", 700)

# --- window state (remembered silently) -----------------------------------
GEOMETRY = "window/geometry"
WINDOW_STATE = "window/state"
EDITOR_SPLITTER = "window/editor_splitter"


def settings_path() -> Path:
    return paths.preferences_file()


class Settings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._q = QtCore.QSettings(str(self.path), QtCore.QSettings.Format.IniFormat)

    # typed preferences
    def get(self, key: Key[T]) -> T:
        raw = self._q.value(key.name, None)
        if raw is None:
            return key.default
        try:
            if isinstance(key.default, bool):
                value = str(raw).lower() in ("1", "true", "yes")
            else:
                value = type(key.default)(raw)
        except (TypeError, ValueError):
            return key.default
        if key.choices and value not in key.choices:
            return key.default
        return value  # type: ignore[return-value]

    def set(self, key: Key[T], value: T) -> None:
        if key.choices and value not in key.choices:
            raise ValueError(f"{key.name}: {value!r} is not one of {key.choices}")
        self._q.setValue(key.name, value)
        self._q.sync()

    # window state (opaque bytes)
    def state(self, name: str) -> QtCore.QByteArray | None:
        raw = self._q.value(name, None)
        return raw if isinstance(raw, QtCore.QByteArray) else None

    def set_state(self, name: str, value: QtCore.QByteArray) -> None:
        self._q.setValue(name, value)

    def sync(self) -> None:
        self._q.sync()
