"""What an applied import plan writes — all inside the import's ONE transaction.

``services.bundle_import.ApplyImportOperation.finish`` opens the transaction and
calls :func:`write_plan`; every row (import records, received revisions, their
responses, evidence links and signed bytes, conflict flags, review rows, status
moves, model towns, municipalities an upward bundle vouches for) and every audit
event commits together or not at all. The file work (quarantine copies, placing
the staged evidence) happened before, off the caller's thread.
"""

from __future__ import annotations

from pathlib import Path

from secity_desktop.bundle.plan import Action, Plan, PlanItem, Rejection
from secity_desktop.bundle.read import VerifiedBundle
from secity_desktop.core.lifecycle import Move, initial_status
from secity_desktop.services.review.apply import apply_reviews
from secity_desktop.services.review.workflow import on_new_revision
from secity_desktop.services.workspace import Workspace
from secity_desktop.store import assessments as repo
from secity_desktop.store import audit, geography, revisions, transfers
from secity_desktop.store import conflicts as conflict_rows


def write_plan(
    ws: Workspace, plan: Plan, quarantined: dict[Path, Path], now: str, who: str
) -> list[Path]:
    """Write the whole plan (call inside ``with ws.db.atomic():``); returns the applied files."""
    db = ws.db
    for rej in plan.rejected:
        _record_rejection(ws, rej, quarantined.get(rej.path), now, who)
    applied: list[Path] = []
    grouped = plan.items_by_bundle()
    review_groups = plan.reviews_by_bundle()
    for vb in plan.bundles:
        items = grouped[vb.path]
        reviews = review_groups[vb.path]
        counts = {a: sum(1 for i in items if i.action is a) for a in Action}
        changed = len(items) - counts[Action.SKIP] - counts[Action.STALE]
        changed += sum(1 for r in reviews if r.action is not Action.SKIP)
        if vb.kind == "upward":
            _add_municipalities(ws, vb, now, who)
        import_id = transfers.record_import(
            db,
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
            if fw.hash in used:
                ws.frameworks.register(fw, source=f"bundle {vb.file_sha256[:12]}")
        for item in items:
            if item.action is Action.STALE:  # recorded, never received (issue 14)
                audit.append(db, actor=who, action="bundle.stale_replay", at=now,
                             assessment_id=None, target=item.doc.id,
                             new={"revision": item.doc.revision, "superseded_by": item.other_id,
                                  "file": vb.path.name, "sender": vb.signer.fingerprint})
            elif item.action is not Action.SKIP and vb.kind == "self":
                receive_self(ws, item, vb.file_sha256, now, who)
            elif item.action is not Action.SKIP:
                receive(ws, item, import_id, now, who)
                if vb.kind == "field":
                    on_new_revision(ws, item.doc.id)
        apply_reviews(ws, vb, reviews, now, who)
        audit.append(db, actor=who, action="bundle.import", at=now, target=vb.file_sha256,
                     new={k.value: v for k, v in counts.items()} | {
                         "sender": vb.signer.fingerprint, "file": vb.path.name,
                         "kind": vb.kind, "reviews": len(reviews)})
        _record_head(ws, vb, now, who)
        applied.append(vb.path)
    return applied


def receive_self(ws: Workspace, item: PlanItem, bundle_sha: str, now: str, who: str) -> None:
    """Keep a municipality's signed self-assessment beside the verified work (never as one)."""
    from secity_desktop.services.self_assessments import record_signed

    record_signed(ws, item.doc, item.revision.content, item.revision.signature,
                  item.revision.sha256, item.revision.signer.fingerprint, now, who,
                  bundle_sha=bundle_sha)


def _record_head(ws: Workspace, vb: VerifiedBundle, now: str, who: str) -> None:
    """Keep the sender's audit head (whatever it says); an alarming one is an audit event too."""
    h = vb.manifest.audit_head
    if h is None:
        return
    cmp = audit.record_head(ws.db, vb.signer.fingerprint, audit.AuditHead(h.seq, h.hash, h.at),
                            vb.file_sha256, seen_at=now, created_at=vb.manifest.created_at)
    if cmp.alarming:
        audit.append(ws.db, actor=who, action="audit.anchor_alarm", at=now, target=vb.file_sha256,
                     new={"sender": vb.signer.fingerprint, "name": vb.signer.label,
                          "verdict": cmp.verdict, "seq": h.seq, "hash": h.hash,
                          "against_seq": cmp.against.seq if cmp.against else None})


def receive(ws: Workspace, item: PlanItem, import_id: int, now: str, who: str) -> None:
    """Store one received revision as a new row, exactly as signed."""
    db = ws.db
    d, rev = item.doc, item.revision
    status = initial_status(Move.RECEIVE)
    repo.insert(db, repo.Assessment(
        d.id, d.municipality.code, d.year, d.framework.hash, status.value, d.revision,
        d.supersedes, d.created_at, d.created_by, now, who,
    ))
    repo.insert_responses(db, d.id, [
        repo.Response(r.indicator, r.level, r.note, r.updated_at, r.updated_by)
        for r in d.responses
    ])
    repo.add_blobs(db, [(e.sha256, e.size) for e in d.evidence], now)
    repo.add_evidence_many(db, d.id, [
        repo.NewEvidence(e.indicator, e.sha256, e.name, e.mime, e.size, e.captured_at,
                         e.gps_lat, e.gps_lon, e.added_at, e.added_by)
        for e in d.evidence
    ])
    revisions.insert(db, revisions.StoredRevision(
        d.id, rev.sha256, rev.content.decode("utf-8"), rev.signature, rev.signer.fingerprint,
        d.finalized_at, "import",
    ))
    if item.action is Action.CONFLICT and item.other_id:
        conflict_rows.flag(
            db, assessment_id=d.id, other_id=item.other_id, supersedes=d.supersedes,
            kind="fork" if d.supersedes else "parallel", import_id=import_id, at=now,
        )
    audit.append(
        db, actor=who, action="assessment.receive", assessment_id=d.id, at=now,
        new={"status": status.value, "revision": d.revision,
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
