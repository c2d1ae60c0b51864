"""Frozen entry of the console ``secity`` executable: the command line, UTF-8 on any console."""

import sys

from secity_desktop.cli.main import main

sys.exit(main())
