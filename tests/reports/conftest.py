from __future__ import annotations

import pytest

from secity_desktop.reports.fonts import register_fonts


@pytest.fixture(scope="session", autouse=True)
def _fonts() -> None:
    register_fonts()
