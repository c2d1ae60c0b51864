"""What every command gets: parsed args, the workspace (opened lazily) and output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from secity_desktop import paths

if TYPE_CHECKING:
    from secity_desktop.services.workspace import Workspace


@dataclass
class Context:
    args: argparse.Namespace
    out: TextIO = field(default_factory=lambda: sys.stdout)
    _ws: Workspace | None = None  # opened on first use

    @property
    def data_dir(self) -> Path:
        return paths.resolve_data_dir(getattr(self.args, "data_dir", None))

    @property
    def lang(self) -> str:
        """The language of what the command prints (``--lang``, ``$SECITY_LANG``, the
        workspace's language, Thai)."""
        from secity_desktop.cli.say import language

        return language(getattr(self.args, "lang", None), self.data_dir)

    def say(self, key: str, english: str, /, **params: Any) -> str:
        """A line for a person in :attr:`lang` (``cli/say.py``; ``--json`` keeps codes)."""
        from secity_desktop.cli.say import say

        return say(self.lang, key, english, **params)

    def when(self, moment: object) -> str:
        """A stored ISO timestamp as a person reads it: Buddhist Era in Thai, as stored in English."""
        from secity_desktop.cli.say import when

        return when(self.lang, moment)

    @property
    def json(self) -> bool:
        return bool(getattr(self.args, "json", False))

    def workspace(self, *, create: bool = False) -> Workspace:
        if self._ws is None:
            from secity_desktop.services.workspace import open_workspace  # pydantic, SQLite

            self._ws = open_workspace(self.data_dir, create=create)
        return self._ws

    def emit(self, data: Any, text: str | None = None) -> None:
        """JSON for scripts with --json, otherwise the human text (or the JSON if none given)."""
        if self.json or text is None:
            self.out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            self.out.write(text.rstrip("\n") + "\n")

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()
            self._ws = None


def add_json_flag(p: argparse.ArgumentParser) -> None:
    # SUPPRESS keeps a sub-command's default from overwriting a --json given before it.
    p.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
