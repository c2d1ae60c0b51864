"""Frozen entry of the windowed ``SECityDesktop`` executable: the GUI (or a CLI command).

``freeze_support()`` comes first: a verification worker (``services/verify_pool.py``, spawn
start method) is this executable re-run with ``--multiprocessing-fork``; it must become the
worker there and then, before any window or command is started.
"""

import multiprocessing
import sys

multiprocessing.freeze_support()

from secity_desktop.__main__ import main  # noqa: E402

sys.exit(main())
