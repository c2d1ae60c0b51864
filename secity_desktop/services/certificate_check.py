"""Is a certificate genuine, and who signed it? One check for ``secity certificate verify`` and the GUI.

Offline (docs/certificates.md): the payload carries the claims and an Ed25519
signature; the signer must be one of the keys trusted here — public-key or
``allowed_signers`` files given by the person, and the workspace's own key
(enrolled keys only on request). The verdict is typed, so each front end
words it in its own language.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from secity_desktop import messages
from secity_desktop.core import key_window
from secity_desktop.core.errors import SignatureError, ValidationError
from secity_desktop.core.key_window import KeyHistory
from secity_desktop.core.thai_calendar import format_date_en, format_date_th, format_datetime_th
from secity_desktop.crypto import allowed_signers, certpayload
from secity_desktop.services import key_history
from secity_desktop.services.certificates import payloads_in_pdf, tier_label, workspace_trusted_keys
from secity_desktop.services.workspace import Workspace

TrustedKeys = dict[str, Ed25519PublicKey]


#: Verdicts (stable codes, docs/certificates.md); only ``valid`` makes a certificate genuine.
VERDICTS = ("valid", "malformed", "unknown_key", "bad_signature", "outside_stated_window",
            "not_yet_valid", "key_retired", "revoked_key")


@dataclass(frozen=True)
class CertificateVerdict:
    genuine: bool
    reason: str = ""  # the verdict's stable code when not genuine (one of VERDICTS)
    message: str = ""  # why not, in English (the CLI's text)
    certificate_id: str = ""
    municipality_code: str = ""
    municipality_th: str = ""
    year: int = 0
    tier: str = ""
    tier_th: str = ""
    issued: dt.date | None = None
    signer: str = ""  # fingerprint
    signer_label: str = ""  # the trusted key's name, when it has one
    signed_at: str = ""  # as the certificate states it ("" in a version-1 certificate)
    stated_from: str = ""  # the key window the certificate states
    stated_until: str | None = None
    known_from: str | None = None  # the key window this workspace knows (None: not known)
    known_until: str | None = None
    known_ending: str | None = None  # "retired" | "revoked"
    history_known: bool = False  # did this workspace have a history of the key?
    # Signed by this workspace's own key: is it in its register (certificate.issue)? None
    # when the signer is not this workspace's own key (nothing to look up).
    in_register: bool | None = None

    @property
    def verdict(self) -> str:
        return "valid" if self.genuine else self.reason

    @property
    def signature_ok(self) -> bool:
        """The claims are the signer's own (so their dates can be shown), genuine or not."""
        return self.genuine or self.reason in {"outside_stated_window", "not_yet_valid",
                                               "key_retired", "revoked_key"}

    def as_json(self) -> dict[str, object]:
        out: dict[str, object] = {"genuine": self.genuine, "verdict": self.verdict}
        if not self.genuine:
            out.update(reason=self.reason, message=self.message)
        if not self.signature_ok:
            return out
        out.update({
            "certificate_id": self.certificate_id,
            "municipality_code": self.municipality_code,
            "municipality_th": self.municipality_th,
            "year": self.year,
            "tier": self.tier,
            "tier_th": self.tier_th,
            "issued": self.issued.isoformat() if self.issued else "",
            "signer": self.signer,
            "signer_label": self.signer_label,
            "signed_at": self.signed_at or None,
            "key_window": {"stated": bool(self.stated_from), "valid_from": self.stated_from
                           or None, "valid_until": self.stated_until},
            "key_history": {"known": self.history_known, "valid_from": self.known_from,
                            "valid_until": self.known_until, "ending": self.known_ending},
            "in_register": self.in_register,
        })
        return out


def trusted_keys(
    ws: Workspace | None, files: Sequence[Path] = (), *, include_enrolled: bool = False
) -> TrustedKeys:
    """Keys from public-key / allowed_signers files, then the workspace's (own; enrolled if asked)."""
    trusted: TrustedKeys = {}
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ValidationError(
                f"cannot read trusted keys {path}: {exc}", code="trusted_keys_unreadable",
                path=str(path),
            ) from None
        trusted.update(certpayload.read_trusted_keys(text, str(path)))
    if ws is not None:
        trusted.update(workspace_trusted_keys(ws, include_enrolled=include_enrolled))
    return trusted


def file_histories(files: Sequence[Path]) -> dict[str, KeyHistory]:
    """The key windows stated by allowed_signers files (``valid-after``/``valid-before``, as
    ``secity trust export`` writes them), so a verifier holding only that file gets the
    history check too. Read after :func:`trusted_keys` read the same files (errors there)."""
    out: dict[str, KeyHistory] = {}
    for path in files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for fp, w in allowed_signers.read_windows(text).items():
            revoked = w.ending == "revoked"
            out[fp] = KeyHistory(fp, w.valid_from, None if revoked else w.valid_until,
                                 w.valid_until if revoked else None, source="file")
    return out


def payloads_from_pdf(path: Path) -> list[str]:
    return payloads_in_pdf(path)


def verify(payloads: Sequence[str], trusted: TrustedKeys, ws: Workspace | None,
           files: Sequence[Path] = ()) -> list[CertificateVerdict]:
    """A verdict per payload: the signature by a trusted key, then the key's window.

    The window is checked twice (core/key_window.py): against the one the certificate
    states (a contradiction is ``outside_stated_window``) and against this workspace's
    own history of the key (``revoked_key``, ``key_retired``, ``not_yet_valid``).
    """
    events = key_history.key_events(ws, with_register=True) if ws is not None else []
    histories = ({k.history.fingerprint: k.history
                  for k in key_history.known_keys(ws, include_enrolled=True, events=events)}
                 if ws is not None else {})
    # windows stated by --trusted-keys allowed_signers files, for keys the workspace has no
    # history of (a verifier with only the exported file; the workspace's own records win)
    histories = file_histories(files) | histories
    register: set[tuple[str, str]] | None = None
    out = []
    for p in payloads:
        v = _verdict(p, trusted, ws, histories)
        own = histories.get(v.signer)
        if ws is not None and v.signature_ok and own is not None and own.source == "own":
            # A certificate by our own key that our register lacks was signed by someone
            # else holding the key (or after a restore from an older backup): say so.
            register = key_history.issued_here(ws, events) if register is None else register
            v = dataclasses.replace(v, in_register=(v.certificate_id, v.signer) in register)
        out.append(v)
    return out


def _verdict(payload: str, trusted: TrustedKeys, ws: Workspace | None,
             histories: dict[str, KeyHistory]) -> CertificateVerdict:
    try:
        v = certpayload.verify(payload, trusted)
    except SignatureError as exc:
        return CertificateVerdict(False, exc.reason, str(exc))
    c = v.claims
    history = histories.get(c.signer)
    signed_at = c.signed_at or c.issued  # version 1: only the issue date (noon, Thai time)
    verdict, message = "valid", ""
    if c.signed_at and not key_window.inside(c.signed_at, c.key_valid_from, c.key_valid_until):
        verdict = "outside_stated_window"
        message = (f"signed at {c.signed_at}, outside the key window the certificate states"
                   f" ({c.key_valid_from} – {c.key_valid_until or 'still valid'})")
    elif history is not None:
        judged = key_window.judge_signing(history, signed_at)
        if judged != "ok":
            verdict = judged
            message = {
                "revoked_key": f"signed at {signed_at}, after its key was revoked on"
                               f" {history.revoked_at}",
                "key_retired": f"signed at {signed_at}, after its key was replaced on"
                               f" {history.retired_at}",
                "not_yet_valid": f"signed at {signed_at}, before its key came into use on"
                                 f" {history.valid_from}",
            }[judged]
    return CertificateVerdict(
        verdict == "valid", "" if verdict == "valid" else verdict, message,
        certificate_id=c.certificate_id, municipality_code=c.municipality_code,
        municipality_th=c.municipality_th, year=c.year, tier=c.tier,
        tier_th=tier_label(ws, c.tier), issued=dt.date.fromisoformat(c.issued),
        signer=c.signer, signer_label=v.signer_label or "", signed_at=c.signed_at,
        stated_from=c.key_valid_from, stated_until=c.key_valid_until,
        known_from=history.valid_from if history else None,
        known_until=history.valid_until if history else None,
        known_ending=history.ending if history else None, history_known=history is not None,
    )


def when_text(stamp: str | None, lang: str) -> str:
    """A stated or recorded time for a person: BE date and local time; "still valid" when open."""
    if not stamp:
        return "ยังใช้ได้" if lang == "th" else "still valid"
    moment = key_window.instant(stamp)
    if "T" not in stamp:
        return format_date_th(moment.date()) if lang == "th" else format_date_en(moment.date())
    if lang == "th":
        return format_datetime_th(moment) + " น."
    local = moment.astimezone()
    return f"{format_date_en(local.date())} {local:%H:%M}"


def reason_text(v: CertificateVerdict, lang: str) -> str:
    """Why a certificate is not genuine, in ``lang`` (the English message as fallback)."""
    if not v.signature_ok:
        return messages.render(f"signature.{v.reason}", {}, lang, v.message)
    until = v.known_until if v.reason in ("key_retired", "revoked_key") else v.stated_until
    params = {
        "signed_at": when_text(v.signed_at or (v.issued.isoformat() if v.issued else ""), lang),
        "valid_from": when_text(v.known_from if v.reason == "not_yet_valid" else v.stated_from,
                                lang),
        "valid_until": when_text(until, lang),
        "signer": v.signer_label or v.signer,
    }
    return messages.render(f"certificate_verdict.{v.reason}", params, lang, v.message)


def _span(start: str | None, until: str | None, lang: str, ending: str | None = None) -> str:
    """``from X until Y`` / ``from X, still valid``, with an unknown start said plainly."""
    th = lang == "th"
    head = ((f"ใช้ได้ตั้งแต่ {when_text(start, lang)}" if th else f"valid from {when_text(start, lang)}")
            if start else ("ไม่ทราบวันเริ่มใช้" if th else "start unknown here"))
    if not until:
        return head + (" และยังใช้ได้" if th else ", still valid")
    why = {"retired": (" (เปลี่ยนกุญแจแล้ว)", " (rotated)"),
           "revoked": (" (เพิกถอนแล้ว)", " (revoked)")}.get(ending or "", ("", ""))
    return (f"{head} ถึง {when_text(until, lang)}{why[0]}" if th
            else f"{head} until {when_text(until, lang)}{why[1]}")


def window_text(v: CertificateVerdict, lang: str) -> str:
    """The key window line of a verdict whose signature holds (both windows, if known)."""
    th = lang == "th"
    if not v.signed_at:
        stated = ("ไม่ระบุช่วงเวลาที่กุญแจใช้ได้ (เกียรติบัตรรุ่นแรก)" if th
                  else "states no key window (a version-1 certificate)")
    elif th:
        stated = (f"ลงนามเมื่อ {when_text(v.signed_at, lang)} ขณะนั้นกุญแจ"
                  f"{_span(v.stated_from, v.stated_until, lang)}")
    else:
        stated = (f"signed {when_text(v.signed_at, lang)}; the key then "
                  f"{_span(v.stated_from, v.stated_until, lang)}")
    if not v.history_known:
        known = ("พื้นที่ทำงานนี้ไม่มีประวัติของกุญแจนี้" if th
                 else "this workspace has no history of this key")
    else:
        span = _span(v.known_from, v.known_until, lang, v.known_ending)
        known = f"ประวัติกุญแจที่นี่: {span}" if th else f"history here: {span}"
    text = f"{stated}; {known}"
    if v.in_register is False:
        text += ("; ไม่พบในทะเบียนการออกเกียรติบัตรของสำนักงานนี้ แม้ลงนามด้วยกุญแจของสำนักงานเอง"
                 " โปรดตรวจสอบว่ามีผู้อื่นถือกุญแจนี้หรือไม่" if lang == "th" else
                 "; NOT in this office's register of issued certificates although signed by its"
                 " own key: check whether someone else holds the key")
    elif v.in_register:
        text += ("; อยู่ในทะเบียนการออกเกียรติบัตรของสำนักงานนี้" if lang == "th"
                 else "; in this office's register of issued certificates")
    return text
