"""Frozen entry of the console ``secity`` executable: the command line, UTF-8 on any console.

``freeze_support()`` comes first: a verification worker (``services/verify_pool.py``, spawn
start method) is this executable re-run with ``--multiprocessing-fork``; it must become the
worker there and then, before any of the app is imported or run.
"""

import multiprocessing
import sys

multiprocessing.freeze_support()

from secity_desktop.cli.main import main  # noqa: E402

sys.exit(main())
