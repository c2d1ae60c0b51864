"""Frozen entry of the windowed ``SECityDesktop`` executable: the GUI (or a CLI command)."""

import sys

from secity_desktop.__main__ import main

sys.exit(main())
