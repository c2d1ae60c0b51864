"""Printing a trend PDF: one ``Operation`` for the CLI (``run_inline``) and the GUI's runner.

``prepare`` builds the read model from the store (``services.trend``) on the
caller's thread; ``work`` lays out and writes the PDF (no database) and may run
on a worker thread; ``finish`` has nothing to commit.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.trend import MunicipalityTrend, ProgressTrend
from secity_desktop.services.operations import Operation, Progress
from secity_desktop.services.report_render import Rendered
from secity_desktop.services.trend import TrendService
from secity_desktop.services.workspace import Workspace


@dataclass(frozen=True)
class TrendRequest:
    """Exactly one scope: a municipality, a province, or the nation."""

    municipality: str | None = None
    province: str | None = None
    national: bool = False
    since: int | None = None
    until: int | None = None
    top: int = 10


class RenderTrendReport(Operation[Rendered]):
    title = "rendering"

    def __init__(self, ws: Workspace, request: TrendRequest, target: Path) -> None:
        self.ws, self.request, self.target = ws, request, Path(target)
        self.data: MunicipalityTrend | ProgressTrend | None = None

    def prepare(self) -> None:
        r = self.request
        if sum((bool(r.municipality), bool(r.province), r.national)) != 1:
            raise ValidationError("name one scope: a municipality, a province or national",
                                  code="trend.one_scope")
        svc = TrendService(self.ws)
        if r.municipality:
            self.data = svc.municipality(r.municipality)
        elif r.province:
            self.data = svc.province(r.province, since=r.since, until=r.until, top=r.top)
        else:
            self.data = svc.national(since=r.since, until=r.until, top=r.top)
        if self.target.suffix.lower() != ".pdf":
            self.target = self.target.with_suffix(".pdf")

    def work(self, progress: Progress) -> None:
        from secity_desktop.reports.trend_pdf import render_trend

        assert self.data is not None, "prepare() has not run"
        progress(0, 1, "")
        self.out = render_trend(self.data, self.target)
        progress(1, 1, "")

    def finish(self) -> Rendered:
        return Rendered([self.out], 1)
