"""First run: who works here, for which office, and their signing key — without the command line.

A new workspace used to be an assessor's until someone ran ``secity init
--role province --province N``; the GUI's welcome wizard asks instead, and
calls :func:`setup` (the same rules as ``secity init``). The choices offered
(provinces, regional offices) come from the store's reference data, and the
passphrase hint from zxcvbn, a maintained strength estimator, so the wizard
holds no rules of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from secity_desktop.core.errors import ValidationError
from secity_desktop.core.lifecycle import Role
from secity_desktop.services.identity import MIN_PASSPHRASE, Identity
from secity_desktop.services.workspace import Workspace, init_workspace
from secity_desktop.store import audit, geography

SETTING_REGION = "region_office"

#: Roles a person can pick at first run, in the order the wizard lists them.
ROLE_CHOICES: tuple[tuple[Role, str, str], ...] = (
    (Role.ASSESSOR, "ผู้ประเมินภาคสนาม", "Field assessor"),
    (Role.PROVINCE, "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัด", "Provincial office"),
    (Role.REGION, "สำนักงานสิ่งแวดล้อมภาค", "Regional environment office"),
    (Role.NATIONAL, "ส่วนกลาง (กรม)", "National office (department)"),
    (Role.MUNICIPALITY, "เทศบาล / องค์กรปกครองส่วนท้องถิ่น (ประเมินตนเอง)",
     "Municipality (its own self-assessment)"),
)


@dataclass(frozen=True)
class Choice:
    code: str
    label_th: str
    label_en: str

    def label(self, lang: str) -> str:
        return self.label_th if lang == "th" else self.label_en


@dataclass(frozen=True)
class Strength:
    """A passphrase's estimated strength: ``score`` 0 (guessable) to 4 (very strong)."""

    score: int
    long_enough: bool

    @property
    def acceptable(self) -> bool:
        return self.long_enough


def provinces(ws: Workspace) -> list[Choice]:
    return [
        Choice(str(p["code"]), str(p["name_th"]), str(p["name_en"]))
        for p in geography.provinces(ws.db)
    ]


def regional_offices(ws: Workspace) -> list[Choice]:
    return [
        Choice(str(r["number"]), str(r["name_th"]), str(r["name_en"]))
        for r in geography.regional_offices(ws.db)
    ]


def municipalities(ws: Workspace, province_code: str) -> list[Choice]:
    """A province's local governments, for the municipality office's choice at first run."""
    return [
        Choice(m.code, m.name_th, m.name_en or m.name_th)
        for m in geography.municipalities(ws.db, province_code)
    ]


def passphrase_strength(passphrase: str, *, context: tuple[str, ...] = ()) -> Strength:
    """zxcvbn's estimate (names and the organisation given as ``context`` count as guessable)."""
    from zxcvbn import zxcvbn

    if not passphrase:
        return Strength(0, False)
    result = zxcvbn(passphrase[:100], user_inputs=[c for c in context if c])
    return Strength(int(result["score"]), len(passphrase) >= MIN_PASSPHRASE)


def setup(
    ws: Workspace,
    *,
    role: Role,
    name: str,
    province_code: str | None = None,
    region_office: str | None = None,
    position: str = "",
    organisation: str = "",
    municipality_code: str | None = None,
) -> None:
    """Make this workspace the given office's (or assessor's, or a municipality's), with the
    person's profile. A municipality office names its municipality; its province follows."""
    who = name.strip()
    if not who:
        raise ValidationError("give the name of the person working here", code="name_required")
    if role is Role.REGION:
        offices = {c.code for c in regional_offices(ws)}
        if region_office not in offices:
            raise ValidationError(
                "choose the regional environment office this workspace serves",
                code="region_required",
            )
    if role is Role.PROVINCE and not province_code:
        raise ValidationError(
            "choose the province this office serves", code="province_required"
        )
    init_workspace(
        ws,
        role=role,
        province_code=province_code if role in (Role.PROVINCE, Role.ASSESSOR) else None,
        user_name=who,
        municipality_code=municipality_code if role is Role.MUNICIPALITY else None,
    )
    Identity(ws).set_profile(
        name=who,
        position=position,
        organisation=organisation,
        province=ws.province_code or province_code or "",
    )
    if role is Role.REGION and region_office:
        with ws.db.atomic():
            ws.set_setting(SETTING_REGION, region_office)
            audit.append(ws.db, actor=ws.actor, action="workspace.region", new=region_office)


def region_office(ws: Workspace) -> int | None:
    value = ws.setting(SETTING_REGION)
    return int(value) if value and value.isdigit() else None


@dataclass(frozen=True)
class WorkspaceSummary:
    """What Preferences and the status bar say about this workspace."""

    role: Role
    role_th: str
    role_en: str
    province: Choice | None
    region: Choice | None
    person: str
    data_dir: str
    demo: bool

    def role_label(self, lang: str) -> str:
        return self.role_th if lang == "th" else self.role_en


def summary(ws: Workspace) -> WorkspaceSummary:
    role = ws.role
    th, en = next(((t, e) for r, t, e in ROLE_CHOICES if r is role), (role.value, role.value))
    province = next((c for c in provinces(ws) if c.code == ws.province_code), None)
    number = region_office(ws)
    region = next((c for c in regional_offices(ws) if c.code == str(number)), None)
    return WorkspaceSummary(
        role=role, role_th=th, role_en=en, province=province, region=region,
        person=Identity(ws).profile().name, data_dir=str(ws.data_dir),
        demo=ws.setting("demo") == "1",
    )
