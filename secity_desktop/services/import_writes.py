"""What an applied import plan writes — all inside the import's ONE transaction.

``services.import_apply.ApplyImportOperation.finish`` opens the transaction and
calls :func:`write_plan`; every row (import records, received revisions, their
responses, evidence links and signed bytes, conflict flags, review rows, status
moves, model towns, municipalities an upward bundle vouches for) and every audit
event commits together or not at all. The file work (quarantine copies, placing
the staged evidence) happened before, off the caller's thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from secity_desktop.bundle.plan import Action, Plan, PlanItem, Rejection, ReviewItem
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.lifecycle import Move, initial_status
from secity_desktop.services.review.apply import apply_reviews
from secity_desktop.services.review.workflow import on_new_revision
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import audit, geography, received_rows, transfers


def write_plan(
    ws: Workspace, plan: Plan, quarantined: dict[Path, Path], now: str, who: str
) -> list[Path]:
    """Write the whole plan (call inside ``with ws.db.atomic():``); returns the applied files.

    A plan of field bundles only (what a province imports from its assessors) takes
    :func:`_write_field_bundles`: the same rows and audit events, the received rows of all
    bundles written in a few ``executemany`` calls. Any other plan goes bundle by bundle.
    """
    for rej in plan.rejected:
        _record_rejection(ws, rej, quarantined.get(rej.path), now, who)
    grouped = plan.items_by_bundle()
    review_groups = plan.reviews_by_bundle()
    if batched(plan):
        return _write_field_bundles(ws, plan, grouped, review_groups, now, who)
    applied: list[Path] = []
    log = _Direct(ws)
    for vb in plan.bundles:
        items = grouped[vb.path]
        reviews = review_groups[vb.path]
        if vb.kind == "upward":
            _add_municipalities(ws, vb, now, who)
        import_id, counts = _record_bundle(ws, vb, items, reviews, now, who)
        for item in items:
            if item.action is Action.STALE:  # recorded, never received (issue 14)
                _stale_event(log, vb, item, now, who)
            elif item.action is not Action.SKIP and vb.kind == "self":
                receive_self(ws, item, vb.file_sha256, now, who)
            elif item.action is not Action.SKIP:
                receive(ws, item, import_id, now, who)
                if vb.kind == "field":
                    on_new_revision(ws, item.doc.id)
        _finish_bundle(ws, vb, counts, reviews, now, who, log)
        applied.append(vb.path)
    return applied


def batched(plan: Plan) -> bool:
    """Whether the plan's received rows are written together (field bundles only)."""
    return bool(plan.bundles) and all(vb.kind == "field" for vb in plan.bundles)


def _write_field_bundles(
    ws: Workspace, plan: Plan, grouped: dict[Path, list[PlanItem]],
    review_groups: dict[Path, list[ReviewItem]], now: str, who: str,
) -> list[Path]:
    """Field bundles: every table gets the rows of the one-by-one path, in the same order.

    First each bundle's import record and frameworks (in bundle order: the same ids), then
    the received rows of all bundles (``store.received_rows``: one ``executemany`` per
    table, each in receiving order), then — in exactly the one-by-one order — every audit
    event and review hook. Nothing between reads another revision's rows: the review hook
    reads only its own row and the one it supersedes, whose decisions no row of this batch
    writes before the hook of that row has run (tests/services/test_import_batched.py
    compares both paths row for row).
    """
    rows = received_rows.ReceivedRows()
    done: list[tuple[VerifiedBundle, list[PlanItem], list[ReviewItem], dict[Action, int]]] = []
    registered: set[str] = set()
    for vb in plan.bundles:
        items, reviews = grouped[vb.path], review_groups[vb.path]
        import_id, counts = _record_bundle(ws, vb, items, reviews, now, who, registered)
        for item in items:
            if item.action not in (Action.SKIP, Action.STALE):
                _received(item, import_id, now, who, rows)
        done.append((vb, items, reviews, counts))
    received_rows.write_received(ws.db, rows)
    applied: list[Path] = []
    log = _Pending(ws)
    for vb, items, reviews, counts in done:
        for item in items:
            if item.action is Action.STALE:
                _stale_event(log, vb, item, now, who)
            elif item.action is not Action.SKIP:
                _receive_event(log, item, now, who)
                if item.doc.supersedes is not None:
                    log.flush()  # the hook may write events of its own: after these
                    on_new_revision(ws, item.doc.id)
                # else: a new row superseding nothing has no decision and no override to
                # retire and is received already — on_new_revision would change nothing
        _finish_bundle(ws, vb, counts, reviews, now, who, log)
        applied.append(vb.path)
    log.flush()
    return applied


class _Direct:
    """Audit events written as they come (the one-by-one path)."""

    def __init__(self, ws: Workspace) -> None:
        self.db = ws.db

    def add(self, **event: Any) -> None:
        audit.append(self.db, **event)

    def flush(self) -> None:
        pass


class _Pending(_Direct):
    """Audit events of the batched path, kept in order and written in one ``executemany``
    (``store.audit.append_many``: the same chained rows) whenever anything else is about to
    write events of its own — and at the end. Nothing in between reads the audit log."""

    def __init__(self, ws: Workspace) -> None:
        super().__init__(ws)
        self.events: list[dict[str, Any]] = []

    def add(self, **event: Any) -> None:
        self.events.append(event)

    def flush(self) -> None:
        if self.events:
            audit.append_many(self.db, self.events)
            self.events = []


def _record_bundle(
    ws: Workspace, vb: VerifiedBundle, items: list[PlanItem], reviews: list[ReviewItem],
    now: str, who: str, registered: set[str] | None = None,
) -> tuple[int, dict[Action, int]]:
    """The bundle's ``imports`` row and the frameworks its revisions use; (import id, counts).

    ``registered``: framework hashes this write registered already (the batched path), which
    are not looked up again — registering a held framework changes nothing.
    """
    counts = {a: sum(1 for i in items if i.action is a) for a in Action}
    changed = len(items) - counts[Action.SKIP] - counts[Action.STALE]
    changed += sum(1 for r in reviews if r.action is not Action.SKIP)
    import_id = transfers.record_import(
        ws.db,
        transfers.ImportRecord(
            vb.path.name, vb.file_sha256, vb.size, "applied" if changed else "nothing_new",
            kind=vb.kind, sender_fingerprint=vb.signer.fingerprint,
            sender_name=vb.signer.name, added=counts[Action.ADD],
            updated=counts[Action.UPDATE], skipped=counts[Action.SKIP] + counts[Action.STALE],
            conflicts=counts[Action.CONFLICT],
        ),
        now, who,
    )
    used = {i.doc.framework.hash for i in items}
    for fw in vb.frameworks.values():
        if fw.hash in used and (registered is None or fw.hash not in registered):
            ws.frameworks.register(fw, source=f"bundle {vb.file_sha256[:12]}")
            if registered is not None:
                registered.add(fw.hash)
    return import_id, counts


def _stale_event(log: _Direct, vb: VerifiedBundle, item: PlanItem, now: str, who: str) -> None:
    log.add(actor=who, action="bundle.stale_replay", at=now,
                 assessment_id=None, target=item.doc.id,
                 new={"revision": item.doc.revision, "superseded_by": item.other_id,
                      "file": vb.path.name, "sender": vb.signer.fingerprint})


def _finish_bundle(ws: Workspace, vb: VerifiedBundle, counts: dict[Action, int],
                   reviews: list[ReviewItem], now: str, who: str, log: _Direct) -> None:
    """The bundle's reviews, its ``bundle.import`` event and the sender's audit head."""
    if reviews or vb.kind == "upward":
        log.flush()  # the reviews' own events (status moves, model towns) come after these
    apply_reviews(ws, vb, reviews, now, who)
    log.add(actor=who, action="bundle.import", at=now, target=vb.file_sha256,
                 new={k.value: v for k, v in counts.items()} | {
                     "sender": vb.signer.fingerprint, "file": vb.path.name,
                     "kind": vb.kind, "reviews": len(reviews)})
    _record_head(ws, vb, now, who, log)


def receive_self(ws: Workspace, item: PlanItem, bundle_sha: str, now: str, who: str) -> None:
    """Keep a municipality's signed self-assessment beside the verified work (never as one)."""
    from secity_desktop.services.self_assessments import record_signed

    record_signed(ws, item.doc, item.revision.content, item.revision.signature,
                  item.revision.sha256, item.revision.signer.fingerprint, now, who,
                  bundle_sha=bundle_sha)


def _record_head(ws: Workspace, vb: VerifiedBundle, now: str, who: str, log: _Direct) -> None:
    """Keep the sender's audit head (whatever it says); an alarming one is an audit event too."""
    h = vb.manifest.audit_head
    if h is None:
        return
    cmp = audit.record_head(ws.db, vb.signer.fingerprint, audit.AuditHead(h.seq, h.hash, h.at),
                            vb.file_sha256, seen_at=now, created_at=vb.manifest.created_at)
    if cmp.alarming:
        log.add(actor=who, action="audit.anchor_alarm", at=now, target=vb.file_sha256,
                     new={"sender": vb.signer.fingerprint, "name": vb.signer.label,
                          "verdict": cmp.verdict, "seq": h.seq, "hash": h.hash,
                          "against_seq": cmp.against.seq if cmp.against else None})


def receive(ws: Workspace, item: PlanItem, import_id: int, now: str, who: str) -> None:
    """Store one received revision as a new row, exactly as signed."""
    rows = received_rows.ReceivedRows()
    _received(item, import_id, now, who, rows)
    received_rows.write_received(ws.db, rows)
    _receive_event(_Direct(ws), item, now, who)


def _received(item: PlanItem, import_id: int, now: str, who: str,
              rows: received_rows.ReceivedRows) -> None:
    """The rows one received revision adds (both paths build them here)."""
    d, rev = item.doc, item.revision
    rows.assessments.append((
        d.id, d.municipality.code, d.year, d.framework.hash, initial_status(Move.RECEIVE).value,
        d.revision, d.supersedes, d.created_at, d.created_by, now, who,
    ))
    aid = d.id  # list displays, not generators: ~35 rows a revision, hundreds of revisions
    rows.responses += [
        (aid, r.indicator, r.level, r.note, r.updated_at, r.updated_by) for r in d.responses
    ]
    rows.blobs += [(e.sha256, e.size, now) for e in d.evidence]
    rows.evidence += [
        (aid, e.indicator, e.sha256, e.name, e.mime, e.size, e.captured_at, e.gps_lat,
         e.gps_lon, e.added_at, e.added_by)
        for e in d.evidence
    ]
    rows.revisions.append((
        d.id, rev.sha256, rev.content.decode("utf-8"), rev.signature, rev.signer.fingerprint,
        d.finalized_at, "import",
    ))
    if item.action is Action.CONFLICT and item.other_id:
        rows.conflicts.append((d.id, item.other_id, d.supersedes,
                               "fork" if d.supersedes else "parallel", import_id, now))


def _receive_event(log: _Direct, item: PlanItem, now: str, who: str) -> None:
    d, rev = item.doc, item.revision
    log.add(
        actor=who, action="assessment.receive", assessment_id=d.id, at=now,
        new={"status": initial_status(Move.RECEIVE).value, "revision": d.revision,
             "supersedes": d.supersedes, "sha256": rev.sha256, "action": item.action.value,
             "signer": rev.signer.fingerprint},
    )


def _record_rejection(
    ws: Workspace, rej: Rejection, quarantine: Path | None, now: str, who: str
) -> None:
    """The refusal is always recorded; a quarantine path only when a copy was really kept."""
    transfers.record_import(
        ws.db,
        transfers.ImportRecord(
            rej.path.name, rej.file_sha256 or "", rej.size, "rejected",
            sender_fingerprint=rej.sender_fingerprint, sender_name=rej.sender_name,
            reason=rej.reason, message=rej.message,
            quarantine_path=None if quarantine is None else str(quarantine),
        ),
        now, who,
    )
    audit.append(ws.db, actor=who, action="bundle.reject", at=now,
                 target=rej.file_sha256, reason=f"{rej.reason}: {rej.message}"[:500])


def _add_municipalities(ws: Workspace, vb: VerifiedBundle, now: str, who: str) -> None:
    """An upward bundle's municipalities the region or nation has not listed yet.

    The sending province vouches for them (its key signed the manifest and
    the reader checked every one lies in its province), so they are added,
    marked with where they came from; known ones are left as they are.
    """
    for m in vb.manifest.municipalities:
        added = geography.add_municipality_if_missing(
            ws.db, m.code, m.name_th, m.name_en, m.type, m.province_code,
            f"upward bundle from {vb.signer.name} {vb.file_sha256[:12]}",
        )
        if added:
            audit.append(ws.db, actor=who, action="municipality.add", at=now, target=m.code,
                         new={"name_th": m.name_th, "province": m.province_code,
                              "from": vb.file_sha256})
