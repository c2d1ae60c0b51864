"""The GUI's log file, opened a moment after the first window shows (issue 11 item 4).

Opening the rotating log file imports ``logging.handlers``, which pulls in ``socket``,
``pickle`` and ``queue``: ≈ 13 ms of a start that must be usable in under half a second,
spent on nothing the person sees. So the GUI holds what is logged before then in memory
(:func:`hold`), and :meth:`Held.write_out` — run by a timer once the window is up
(twice ``app.AFTER_START_MS``), and at quit if that comes first — sets up the file (``log.setup``)
and writes those records to it in their order, so the file misses nothing. A failure
before then is still caught by the crash handler and its report is written at once (the report does not wait
for the log file; only its "last log lines" come from the file as it was).
``--debug`` sets the log up at once, console included.

Since ``log.RotatingFile`` (branch cli2) the set-up itself no longer imports
``logging.handlers`` (measured 0.2 ms; the first record opens the file, ≈ 0.8 ms), so
what this module now defers is only that first open and write. It is kept while the start
bench says it costs nothing; removing it (``log.setup`` where ``app.main`` calls
:func:`hold`) is the simpler design once that is measured.
"""

from __future__ import annotations

import logging

from secity_desktop import log

MAX_HELD = 10_000  # records kept until then at most (a start logs a handful)


class Held(logging.Handler):
    """Keeps the app's records (``secity.*``) until the log file is set up."""

    def __init__(self, debug: bool) -> None:
        super().__init__(logging.DEBUG)
        self.debug = debug
        self.records: list[logging.LogRecord] = []
        self.written = False

    def emit(self, record: logging.LogRecord) -> None:
        if len(self.records) < MAX_HELD:
            self.records.append(record)

    def write_out(self) -> None:
        """Set the log file up and write the held records to it (once; later calls do nothing).
        (Not named ``release``: ``logging.Handler.release`` frees the handler's lock.)"""
        if self.written:
            return
        self.written = True
        logger = logging.getLogger(log.ROOT)
        logger.removeHandler(self)
        log.setup(debug=self.debug, console=False)
        for record in self.records:
            logger.handle(record)
        self.records.clear()


def hold(debug: bool = False) -> Held:
    """Keep the app's log records in memory from now until :meth:`Held.write_out`."""
    logger = logging.getLogger(log.ROOT)
    logger.setLevel(logging.DEBUG if debug else logging.INFO)
    logger.propagate = False
    held = Held(debug)
    logger.addHandler(held)
    return held
