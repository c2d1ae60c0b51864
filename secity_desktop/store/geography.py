"""Provinces, regional offices and municipalities in the store."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from secity_desktop.core.errors import NotFoundError
from secity_desktop.core.thai_calendar import now_iso
from secity_desktop.store.batch import in_rows

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class Municipality:
    code: str
    name_th: str
    name_en: str
    type: str
    province_code: str
    is_seat: bool
    province_th: str = ""
    province_en: str = ""
    official_code: str | None = None  # the department's code, where known
    district: str = ""

    def as_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name_th": self.name_th,
            "name_en": self.name_en,
            "type": self.type,
            "province_code": self.province_code,
            "is_seat": self.is_seat,
            "official_code": self.official_code,
            "district": self.district,
        }


_SELECT = (
    "SELECT m.code, m.name_th, m.name_en, m.type, m.province_code, m.is_seat,"
    " p.name_th, p.name_en, m.official_code, m.district"
    " FROM municipalities m JOIN provinces p ON p.code = m.province_code"
)


def _row(r: tuple[object, ...]) -> Municipality:
    return Municipality(
        str(r[0]), str(r[1]), str(r[2]), str(r[3]), str(r[4]), bool(r[5]), str(r[6]), str(r[7]),
        None if r[8] is None else str(r[8]), str(r[9]),
    )


def seed_reference(db: sqlite_utils.Database, folder: Path) -> None:
    """Load the shipped CSVs into an empty store (one transaction)."""
    with db.atomic():
        offices = [
            {**r, "number": int(r["number"]), "verified": int(r["verified"])}
            for r in _read_csv(folder / "regional_offices.csv")
        ]
        db["regional_offices"].insert_all(offices, replace=True)
        provinces = [
            {
                **r,
                "region_office": int(r["region_office"]) if r["region_office"] else None,
                "region_office_verified": int(r["region_office_verified"] or 0),
                "in_programme": int(r.get("in_programme") or 1),
            }
            for r in _read_csv(folder / "provinces.csv")
        ]
        db["provinces"].insert_all(provinces, replace=True)
        rows = list(_read_csv(folder / "municipalities.csv"))
        list_id = (
            db["municipality_lists"]
            .insert(
                {
                    "source": "รายชื่อตั้งต้นที่มากับโปรแกรม (ไม่ใช่รายชื่อของกรมส่งเสริมการปกครองท้องถิ่น)",
                    "file_sha256": None,
                    "list_date": None,
                    "imported_at": now_iso(),
                    "rows": len(rows),
                }
            )
            .last_pk
        )
        db["municipalities"].insert_all(
            [{**r, "is_seat": int(r["is_seat"]), "list_id": list_id} for r in rows], replace=True
        )
        db.execute(
            "INSERT INTO municipality_types (municipality_code, type, name_th, recorded_at,"
            " source, list_id) SELECT code, type, name_th, ?, source, list_id FROM municipalities",
            [now_iso()],
        )


def has_reference(db: sqlite_utils.Database) -> bool:
    """Whether the reference lists (provinces …) were loaded into this store."""
    return db.execute("SELECT count(*) FROM provinces").fetchone()[0] > 0


def provinces(db: sqlite_utils.Database, *, outside: bool = False) -> list[dict[str, object]]:
    """The programme's provinces; ``outside=True`` adds those outside it (Bangkok, 10)."""
    where = "" if outside else " WHERE in_programme = 1"
    return list(db.query(f"SELECT * FROM provinces{where} ORDER BY code"))


def regional_offices(db: sqlite_utils.Database) -> list[dict[str, object]]:
    return list(db.query("SELECT * FROM regional_offices ORDER BY number"))


def province_name_rows(db: sqlite_utils.Database) -> list[tuple[str, str, str]]:
    """(code, Thai name, English name) of every province, for resolving what files write."""
    return [
        (str(r[0]), str(r[1]), str(r[2]))
        for r in db.execute("SELECT code, name_th, name_en FROM provinces").fetchall()
    ]


def province_rows(
    db: sqlite_utils.Database, region_office: int | None = None
) -> list[tuple[str, str, str, int | None]]:
    """(code, name_th, name_en, region office) of the programme's provinces, or of one regional
    office's (Bangkok, outside the programme, is not among them)."""
    sql, args = (
        "SELECT code, name_th, name_en, region_office FROM provinces WHERE in_programme = 1", []
    )
    if region_office is not None:
        sql += " AND region_office = ?"
        args.append(region_office)
    return [tuple(r) for r in db.execute(sql + " ORDER BY code", args).fetchall()]  # type: ignore[misc]


def existing_provinces(db: sqlite_utils.Database, codes: Iterable[str]) -> set[str]:
    """Which of ``codes`` are provinces this store knows."""
    return {str(r[0]) for r in in_rows(db, "SELECT code FROM provinces WHERE code IN ({marks})", list(codes))}


def province_of(db: sqlite_utils.Database, codes: Iterable[str]) -> dict[str, str]:
    """Municipality code → its province code, for the codes this store knows."""
    rows = in_rows(db, "SELECT code, province_code FROM municipalities WHERE code IN ({marks})", list(codes))
    return {str(r[0]): str(r[1]) for r in rows}


def municipality_names(db: sqlite_utils.Database, codes: Iterable[str]) -> dict[str, str]:
    """Municipality code → Thai name, for the codes this store knows."""
    rows = in_rows(db, "SELECT code, name_th FROM municipalities WHERE code IN ({marks})", list(codes))
    return {str(r[0]): str(r[1]) for r in rows}


def municipality_rows(
    db: sqlite_utils.Database, *, province: str | None = None, mtype: str | None = None
) -> list[tuple[str, str, str, str, str, int]]:
    """(code, name_th, name_en, type, province, is_seat) for a dashboard, by code."""
    sql = "SELECT code, name_th, name_en, type, province_code, is_seat FROM municipalities WHERE 1 = 1"
    args: list[object] = []
    if province:
        sql += " AND province_code = ?"
        args.append(province)
    if mtype:
        sql += " AND type = ?"
        args.append(mtype)
    return [tuple(r) for r in db.execute(sql + " ORDER BY code", args).fetchall()]  # type: ignore[misc]


def add_municipality_if_missing(
    db: sqlite_utils.Database,
    code: str,
    name_th: str,
    name_en: str,
    type_: str,
    province_code: str,
    source: str,
) -> bool:
    """Add a municipality this store does not list yet; True when it was added."""
    cur = db.execute(
        "INSERT OR IGNORE INTO municipalities (code, name_th, name_en, type, province_code,"
        " is_seat, source) VALUES (?, ?, ?, ?, ?, 0, ?)",
        [code, name_th, name_en, type_, province_code, source],
    )
    return bool(cur.rowcount)


def province_names(db: sqlite_utils.Database) -> dict[str, str]:
    """Thai and English province names → code, for resolving imported rows."""
    out: dict[str, str] = {}
    for r in db.query("SELECT code, name_th, name_en FROM provinces"):
        out[r["name_th"]] = r["code"]
        out[r["name_en"]] = r["code"]
        out[r["name_en"].lower()] = r["code"]
    return out


def province(db: sqlite_utils.Database, code: str) -> dict[str, object]:
    rows = list(db.query("SELECT * FROM provinces WHERE code = ?", [code]))
    if not rows:
        raise NotFoundError(f"unknown province code {code!r}",
                            code="geography.unknown_province", province=code)
    return rows[0]


def municipalities(
    db: sqlite_utils.Database, province_code: str | None = None
) -> list[Municipality]:
    sql, args = _SELECT, []
    if province_code:
        sql += " WHERE m.province_code = ?"
        args.append(province_code)
    return [_row(r) for r in db.execute(sql + " ORDER BY m.province_code, m.code", args).fetchall()]


def municipality_count(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT count(*) FROM municipalities").fetchone()[0])


MUNICIPALITY_SORT_KEYS: dict[str, str] = {
    "code": "m.code",
    "name_th": "m.name_th",
    "name_en": "coalesce(nullif(m.name_en, ''), m.name_th)",
    "type": "m.type",
    "province_th": "p.name_th",
    "province_en": "p.name_en",
    "seat": "m.is_seat",
}


def municipality_codes(
    db: sqlite_utils.Database, *, search: str = "", order: str = "", descending: bool = False
) -> list[str]:
    """Register codes matching ``search`` (code, names, province), ordered in SQL."""
    sql = "SELECT m.code FROM municipalities m JOIN provinces p ON p.code = m.province_code"
    args: list[object] = []
    if search.strip():
        escaped = search.strip().lower().replace("\\", "\\\\").replace("%", "\\%")
        sql += (
            " WHERE lower(m.code || ' ' || m.name_th || ' ' || coalesce(m.name_en, '') || ' '"
            " || p.name_th || ' ' || p.name_en) LIKE ? ESCAPE '\\'"
        )
        args.append("%" + escaped.replace("_", "\\_") + "%")
    key = MUNICIPALITY_SORT_KEYS.get(order)
    if key:
        sql += f" ORDER BY {key} {'DESC' if descending else 'ASC'}, m.code"
    else:
        sql += " ORDER BY m.province_code, m.code"
    return [str(r[0]) for r in db.execute(sql, args).fetchall()]


def municipalities_by_code(db: sqlite_utils.Database, codes: list[str]) -> dict[str, Municipality]:
    """The records of a page of codes, in one query."""
    if not codes:
        return {}
    marks = ",".join("?" * len(codes))
    rows = db.execute(_SELECT + f" WHERE m.code IN ({marks})", codes).fetchall()
    return {str(r[0]): _row(r) for r in rows}


def municipality(db: sqlite_utils.Database, code: str) -> Municipality:
    """The record a code names: its own code, or a department code it is known by."""
    r = db.execute(_SELECT + " WHERE m.code = ?", [code]).fetchone()
    if r is None:
        r = db.execute(
            _SELECT + " WHERE m.code = (SELECT municipality_code FROM municipality_codes"
            " WHERE code = ?) OR m.official_code = ?",
            [code, code],
        ).fetchone()
    if r is None:
        raise NotFoundError(
            f"unknown municipality code {code!r}", code="unknown_municipality", municipality=code
        )
    return _row(r)


def latest_list(db: sqlite_utils.Database) -> dict[str, object] | None:
    rows = list(db.query("SELECT * FROM municipality_lists ORDER BY id DESC LIMIT 1"))
    return rows[0] if rows else None


def _read_csv(path: Path) -> Iterable[dict[str, str]]:
    """The reference CSV reader, imported only when reference data is seeded (csv, zipfile)."""
    from secity_desktop.core.reference import read_csv

    return read_csv(path)
