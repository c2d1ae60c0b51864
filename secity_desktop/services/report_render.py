"""Rendering reports and certificates to a path: one orchestration for the CLI and the GUI.

Each document is an ``Operation``: the store is read (and certificates are
signed and their issue audited) in ``prepare`` on the caller's thread; the
slow part — thumbnails, layout, PDF writing — is ``work`` and may run on a
worker thread with progress and cancel. The signing key is either this
workspace's own (unlocked with its passphrase) or an OpenSSH key file given
by path; it is opened for one batch only and never kept.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from secity_desktop.core.errors import NotFoundError, SecityError
from secity_desktop.crypto import keys
from secity_desktop.reports.data import CertificateData
from secity_desktop.services.certificates import CertificateService
from secity_desktop.services.identity import Identity
from secity_desktop.services.operations import Operation, Progress
from secity_desktop.services.reports import ReportDataService
from secity_desktop.services.workspace import Workspace


def read_key_file(path: Path, passphrase: bytes) -> Ed25519PrivateKey:
    """Open an OpenSSH Ed25519 private key file (a province key kept outside the workspace)."""
    return keys.read_private(Path(path), passphrase)


def signing_key(ws: Workspace, key_file: Path | None, passphrase: bytes) -> Ed25519PrivateKey:
    """The key that signs certificates: a key file when given, else this workspace's own."""
    if key_file is not None:
        return read_key_file(key_file, passphrase)
    identity = Identity(ws)
    if not identity.has_key():
        raise NotFoundError(
            "this workspace has no signing key: create one (Sync place or `secity key init`),"
            " choose a key file, or print an unsigned specimen",
            code="no_signing_key",
        )
    return identity.unlock(passphrase)


@dataclass(frozen=True)
class Rendered:
    """What a render wrote: the files, how many documents were asked for, and whether it stopped."""

    written: list[Path] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False
    certificates: list[CertificateData] = field(default_factory=list)

    @property
    def output(self) -> Path | None:
        """The one file, or the folder of several (what to open when done)."""
        if not self.written:
            return None
        return self.written[0] if len(self.written) == 1 else self.written[0].parent


class RenderAssessmentReport(Operation[Rendered]):
    title = "rendering"

    def __init__(self, ws: Workspace, assessment_id: str, target: Path) -> None:
        self.ws, self.aid, self.target = ws, assessment_id, Path(target)

    def prepare(self) -> None:
        self.data = ReportDataService(self.ws).assessment(self.aid)

    def work(self, progress: Progress) -> None:
        from secity_desktop.reports.assessment_pdf import render_assessment_report

        self.out = render_assessment_report(
            self.data, self.target, progress=lambda d, t: progress(d, t, "")
        )

    def finish(self) -> Rendered:
        return Rendered([self.out], 1)


class RenderProvinceSummary(Operation[Rendered]):
    title = "rendering"

    def __init__(self, ws: Workspace, province: str, year: int, target: Path) -> None:
        self.ws, self.province, self.year, self.target = ws, province, year, Path(target)

    def prepare(self) -> None:
        self.data = ReportDataService(self.ws).province(self.province, self.year)

    def work(self, progress: Progress) -> None:
        from secity_desktop.reports.province_pdf import render_province_summary

        self.out = render_province_summary(self.data, self.target)

    def finish(self) -> Rendered:
        return Rendered([self.out], 1)

    @property
    def municipalities(self) -> int:
        return len(self.data.rows)

    @property
    def assessed(self) -> int:
        return self.data.assessed


@dataclass
class CertificateRequest:
    """What to print: one municipality (``single``) or a batch (codes, or the year's model towns)."""

    year: int
    codes: list[str] | None = None
    single: bool = False
    specimen: bool = False
    issued: dt.date | None = None
    signatory_name: str | None = None
    signatory_position: str | None = None
    agency: str | None = None
    thai_numerals: bool | None = None
    template: Path | None = None


class RenderCertificates(Operation[Rendered]):
    """One certificate to a ``.pdf``, or a batch to a folder (one file each) or one ``.pdf``.

    ``key`` (a callable, asked only once the certificates may be issued, so a
    refusal comes before any passphrase) signs every certificate — each issue
    is audited — unless the request is a specimen. A batch stopped by cancel keeps the certificates already
    finished (each file is whole) and says so in the result.
    """

    title = "rendering"

    def __init__(self, ws: Workspace, request: CertificateRequest, target: Path,
                 key: Callable[[], Ed25519PrivateKey] | None = None) -> None:
        self.ws, self.request, self.target, self.key = ws, request, Path(target), key

    def prepare(self) -> None:
        from secity_desktop.reports.certificate_template import CertificateTemplate

        r = self.request
        self.template = CertificateTemplate.load(r.template)
        certs = CertificateService(self.ws)
        if r.single:
            assert r.codes and len(r.codes) == 1
            items = [certs.prepare(
                r.codes[0], r.year, issued=r.issued, signatory_name=r.signatory_name,
                signatory_position=r.signatory_position, agency=r.agency, specimen=r.specimen)]
            if self.target.suffix.lower() != ".pdf":
                self.target = self.target.with_suffix(".pdf")  # one certificate: always a file
        else:
            items = certs.prepare_many(
                r.year, r.codes, specimen=r.specimen, issued=r.issued,
                signatory_name=r.signatory_name, signatory_position=r.signatory_position)
        if not r.specimen:
            if self.key is None:
                raise SecityError("a signed certificate needs a signing key", code="no_signing_key")
            key = self.key()
            items = [certs.sign(d, key) for d in items]
        self.items = items

    def work(self, progress: Progress) -> None:
        from secity_desktop.reports.certificate_pdf import render_certificate, render_certificates

        if self.request.single:
            out = render_certificate(self.items[0], self.target, self.template,
                                     thai_numerals=self.request.thai_numerals)
            progress(1, 1, "")
            self.result = Rendered([out], 1, False, self.items)
            return
        batch = render_certificates(
            self.items, self.target, self.template, thai_numerals=self.request.thai_numerals,
            progress=lambda d, t: progress(d, t, ""),
        )
        self.result = Rendered(list(batch.written), batch.total, batch.cancelled, self.items)

    def finish(self) -> Rendered:
        return self.result
