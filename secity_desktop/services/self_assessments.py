"""A municipality's self-assessment: brought in (signed bundle or spreadsheet), shown, compared.

The one door for ``secity self …``, the editor's claim column, the province
review, the assessment PDF and the dashboard's gap list (docs/self-assessment.md).

Rules decided here:

* one self-assessment **stands** per municipality and fiscal year; a newer one sets
  the older aside (kept, never deleted);
* a spreadsheet (the department's online form, typed in by someone) is **unsigned**
  and says who entered it; it never replaces a signed self-assessment for the same
  municipality and year (``self.signed_exists``) — the municipality's own signature
  outranks a transcription;
* claimed and verified levels are compared only under the **same framework**; a
  self-assessment made under another framework version is shown, never compared
  (``Claim.gap`` is None and ``comparable`` False).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from secity_desktop.bundle.documents import RevisionDoc
from secity_desktop.core import scoring
from secity_desktop.core import self_assessment as gaps
from secity_desktop.core.errors import ConflictError, NotFoundError, ValidationError
from secity_desktop.core.framework import Framework
from secity_desktop.core.reference import ImportRejected, read_table
from secity_desktop.core.self_sheet import parse_self_sheet, template_rows
from secity_desktop.core.thai_calendar import is_plausible_be_year, now_iso
from secity_desktop.reports.tables import Table, write_csv, write_xlsx
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography, standings
from secity_desktop.store import review as review_repo
from secity_desktop.store import self_assessments as store


@dataclass(frozen=True)
class SelfView:
    """One standing (or set-aside) self-assessment with its levels, notes, evidence and score."""

    record: store.SelfRecord
    framework: Framework
    responses: dict[str, store.ClaimedResponse]
    evidence: list[store.ClaimedEvidence]
    card: scoring.ScoreCard

    @property
    def levels(self) -> dict[str, int | None]:
        return {c: r.level for c, r in self.responses.items()}

    @property
    def signed(self) -> bool:
        return self.record.source == "signed"

    def evidence_for(self, code: str) -> list[store.ClaimedEvidence]:
        return [e for e in self.evidence if e.indicator_code == code]

    def as_json(self) -> dict[str, Any]:
        r = self.record
        return {
            "municipality": r.municipality_code,
            "municipality_th": r.name_th,
            "province": r.province_code,
            "year": r.year,
            "framework": {"hash": r.framework_hash, "version": self.framework.version},
            "signed": self.signed,
            "current": r.current,
            "source": r.source_json(),
            "total": round(self.card.total, 2),
            "tier": self.card.tier.code if self.card.tier else None,
            "levels": [
                {
                    "indicator": ind.code,
                    "level": self.responses[ind.code].level if ind.code in self.responses else None,
                    "note": self.responses[ind.code].note if ind.code in self.responses else "",
                    "evidence": [
                        {"sha256": e.sha256, "name": e.name, "mime": e.mime, "size": e.size}
                        for e in self.evidence_for(ind.code)
                    ],
                }
                for ind in self.framework.indicators
            ],
        }


@dataclass(frozen=True)
class Claim:
    """A self-assessment beside one verified assessment; ``gap`` only under the same framework."""

    view: SelfView
    gap: gaps.Gap | None

    @property
    def comparable(self) -> bool:
        return self.gap is not None

    def as_json(self) -> dict[str, Any]:
        out = self.view.as_json()
        out["comparable"] = self.comparable
        out["gaps"] = self.gap.as_json() if self.gap else None
        return out


@dataclass(frozen=True)
class SheetImport:
    file_name: str
    sha256: str
    municipality: str
    municipality_th: str
    year: int
    framework_version: str
    answered: int
    count: int
    replaces: str | None  # the source it sets aside, if one stood
    dry_run: bool
    outcome: str  # add | same

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class GapRow:
    """One line of the dashboard's list: a municipality ranked by its claim's distance."""

    municipality: str
    name_th: str
    province: str
    year: int
    assessment_id: str
    status: str
    signed: bool
    gap: gaps.Gap

    def as_json(self) -> dict[str, Any]:
        return {
            "municipality": self.municipality,
            "name_th": self.name_th,
            "province": self.province,
            "year": self.year,
            "assessment_id": self.assessment_id,
            "status": self.status,
            "signed": self.signed,
            "claimed_total": round(self.gap.claimed_total, 2),
            "verified_total": round(self.gap.verified_total, 2),
            "total_gap": round(self.gap.total_gap, 2),
            "disagreements": self.gap.disagreements,
            "components": [c.as_json() for c in self.gap.components],
        }


def _check_year(year: int) -> None:
    if not is_plausible_be_year(year):
        raise ValidationError(
            f"year {year} is not a Buddhist Era year", code="self.year_not_be", year=year
        )


class SelfAssessmentService:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.db = ws.db

    # --- the spreadsheet ---------------------------------------------------
    def template(self, target: Path, framework_hash: str | None = None) -> Path:
        """An empty sheet to fill (CSV or XLSX by the file's suffix): one row per indicator."""
        fw = self.ws.frameworks.get(framework_hash) if framework_hash else self.ws.frameworks.current()
        headers, rows = template_rows(fw)
        table = Table(f"self-assessment {fw.version}"[:31], headers, rows)  # type: ignore[arg-type]
        target = Path(target)
        if target.suffix.lower() == ".xlsx":
            write_xlsx(table, target)
        elif target.suffix.lower() == ".csv":
            write_csv(table, target)
        else:
            raise ValidationError(
                f"{target.name}: the template is written as .csv or .xlsx",
                code="self.template_suffix", file=target.name,
            )
        return target

    def import_sheet(
        self,
        path: Path,
        *,
        municipality: str,
        year: int,
        entered_by: str,
        framework_hash: str | None = None,
        dry_run: bool = False,
    ) -> SheetImport:
        """Bring in a self-assessment typed from the department's online form (unsigned)."""
        _check_year(year)
        who = entered_by.strip()
        if not who or "\n" in who or len(who) > 200:
            raise ValidationError(
                "say who entered the self-assessment (--entered-by NAME, one short line)",
                code="self.entered_by_required",
            )
        muni = geography.municipality(self.db, municipality.strip())
        self._require_own(muni.code, muni.province_code)
        fw = self.ws.frameworks.get(framework_hash) if framework_hash else self.ws.frameworks.current()
        table = read_table(Path(path))
        rows, problems = parse_self_sheet(table, fw)
        if problems:
            raise ImportRejected(table.name, problems, len(problems))
        standing = store.current(self.db, muni.code, year)
        if standing is not None and standing.source == "signed":
            raise ConflictError(
                f"{muni.name_th} already has a signed self-assessment for {year}; a spreadsheet"
                " does not replace it",
                code="self.signed_exists", municipality=muni.name_th, year=year,
            )
        same = standing is not None and standing.file_sha256 == table.sha256
        result = SheetImport(
            table.name, table.sha256, muni.code, muni.name_th, year, fw.version,
            sum(1 for r in rows if r.level is not None), len(fw.indicators),
            standing.source_json().get("file") if standing else None,  # type: ignore[arg-type]
            dry_run, "same" if same else "add",
        )
        if dry_run or same:
            return result
        now, actor = now_iso(), self.ws.actor
        with self.db.atomic():
            self_id = store.insert(
                self.db,
                {
                    "municipality_code": muni.code, "year": year, "framework_hash": fw.hash,
                    "source": "spreadsheet", "file_name": table.name,
                    "file_sha256": table.sha256, "entered_by": who,
                    "recorded_at": now, "recorded_by": actor,
                },
                [store.ClaimedResponse(r.indicator_code, r.level, r.note) for r in rows],
            )
            audit.append(
                self.db, actor=actor, action="self.import_sheet", target=table.sha256, at=now,
                new={"municipality": muni.code, "year": year, "file": table.name,
                     "entered_by": who, "self_id": self_id},
            )
        return result

    def _require_own(self, code: str, province: str) -> None:
        """A province brings in its own municipalities; a municipality office only itself."""
        from secity_desktop.core.lifecycle import Role

        own = self.ws.setting("municipality_code")
        if self.ws.role is Role.MUNICIPALITY and own and code != own:
            raise ValidationError(
                f"this workspace is municipality {own}'s; it cannot enter {code}'s self-assessment",
                code="self.not_own_municipality", municipality=code,
            )
        if self.ws.role is Role.PROVINCE and self.ws.province_code and province != self.ws.province_code:
            raise ValidationError(
                f"municipality {code} is in province {province}, not this office's",
                code="self.other_province", municipality=code, province=province,
            )

    # --- reading ------------------------------------------------------------
    def records(
        self, *, province: str | None = None, year: int | None = None, include_old: bool = False
    ) -> list[store.SelfRecord]:
        return store.records(self.db, province_code=province, year=year, include_old=include_old)

    def _view(self, record: store.SelfRecord) -> SelfView:
        fw = self.ws.frameworks.get(record.framework_hash)
        responses = store.responses(self.db, record.id)
        files = store.evidence(self.db, record.id)
        card = scoring.score(
            fw, {c: r.level for c, r in responses.items()}, {e.indicator_code for e in files}
        )
        return SelfView(record, fw, responses, files, card)

    def find(self, municipality: str, year: int) -> SelfView | None:
        record = store.current(self.db, municipality, year)
        return self._view(record) if record else None

    def show(self, municipality: str, year: int) -> SelfView:
        muni = geography.municipality(self.db, municipality.strip())
        view = self.find(muni.code, year)
        if view is None:
            raise NotFoundError(
                f"{muni.name_th} has no self-assessment for {year}",
                code="self.none", municipality=muni.name_th, year=year,
            )
        return view

    def claim_for(self, assessment_id: str) -> Claim | None:
        """The municipality's claim beside a verified assessment (None when it made none).

        In a municipality office's own workspace its assessments *are* its self-assessment:
        nothing is set beside them there.
        """
        from secity_desktop.core.lifecycle import Role

        if self.ws.role is Role.MUNICIPALITY:
            return None
        a = repo.get(self.db, assessment_id)
        view = self.find(a.municipality_code, a.year)
        if view is None:
            return None
        if view.record.framework_hash != a.framework_hash:
            return Claim(view, None)
        verified = review_repo.effective_levels(self.db, a.id)
        return Claim(view, gaps.compare(view.framework, view.levels, verified))

    def gap_ranking(self, *, year: int, province: str | None = None) -> list[GapRow]:
        """Municipalities with both a claim and a verified assessment, largest gap first."""
        claims = {r.municipality_code: r for r in store.records(self.db, province_code=province, year=year)}
        if not claims:
            return []
        picks = [
            p for p in standings.picks(self.db, province, (year,), None)
            if p[2] in claims and claims[p[2]].framework_hash == p[1]
        ]
        claimed = store.levels_of(self.db, [claims[p[2]].id for p in picks])
        verified = store.verified_levels(self.db, [p[0] for p in picks])
        frameworks: dict[str, Framework] = {}
        rows: list[GapRow] = []
        for aid, fw_hash, muni, yr, _rev, status, _at in picks:
            rec = claims[muni]
            fw = frameworks.get(fw_hash) or frameworks.setdefault(
                fw_hash, self.ws.frameworks.get(fw_hash))
            gap = gaps.compare(fw, claimed[rec.id], verified[aid])
            rows.append(GapRow(muni, rec.name_th, rec.province_code, yr, aid, status,
                               rec.source == "signed", gap))
        order = {code: n for n, (code, _) in enumerate(gaps.rank((r.municipality, r.gap) for r in rows))}
        return sorted(rows, key=lambda r: order[r.municipality])


def record_signed(
    ws: Workspace,
    doc: RevisionDoc,
    content: bytes,
    signature: str,
    sha256: str,
    signer_fingerprint: str,
    now: str,
    who: str,
    *,
    bundle_sha: str | None = None,
) -> int | None:
    """Store a signed self-assessment in the caller's transaction (an import or an export).

    It stands unless a signed one of a later revision (or the same revision finalized
    later) already stands for the municipality and year; a spreadsheet always yields.
    Returns the new row's id, or None when these signed bytes are already held.
    """
    db = ws.db
    if store.signed_shas(db, [sha256]):
        return None
    standing = store.current(db, doc.municipality.code, doc.year)
    newer_stands = (
        standing is not None
        and standing.source == "signed"
        and standing.revision is not None
        and (standing.revision, _finalized(db, standing.id)) > (doc.revision, doc.finalized_at)
    )
    repo.add_blobs(db, [(e.sha256, e.size) for e in doc.evidence], now)
    self_id = store.insert(
        db,
        {
            "municipality_code": doc.municipality.code, "year": doc.year,
            "framework_hash": doc.framework.hash, "source": "signed",
            "signer_fingerprint": signer_fingerprint, "signer_name": doc.assessor.name,
            "revision_id": doc.id, "revision": doc.revision, "revision_sha256": sha256,
            "content": content.decode("utf-8"), "signature": signature,
            "file_sha256": bundle_sha, "recorded_at": now, "recorded_by": who,
        },
        [store.ClaimedResponse(r.indicator, r.level, r.note) for r in doc.responses],
        [store.ClaimedEvidence(e.indicator, e.sha256, e.name, e.mime, e.size) for e in doc.evidence],
        make_current=not newer_stands,
    )
    audit.append(
        db, actor=who, action="self.receive", target=sha256, at=now,
        new={"municipality": doc.municipality.code, "year": doc.year, "revision": doc.revision,
             "signer": signer_fingerprint, "self_id": self_id, "stands": not newer_stands},
    )
    return self_id


def _finalized(db: Any, self_id: int) -> str:
    content = store.signed_content(db, self_id)
    return str(RevisionDoc.model_validate_json(content).finalized_at) if content else ""
