"""Shipped reference data is complete and consistent."""

from __future__ import annotations

from collections import Counter

from secity_desktop import paths
from secity_desktop.core.localgov import MunicipalityType
from secity_desktop.core.reference import read_csv


def test_provinces_offices_and_seat_towns() -> None:
    folder = paths.reference_data_dir()
    provinces = list(read_csv(folder / "provinces.csv"))
    offices = {int(o["number"]) for o in read_csv(folder / "regional_offices.csv")}
    munis = list(read_csv(folder / "municipalities.csv"))
    outside = [p["code"] for p in provinces if p["in_programme"] == "0"]
    assert outside == ["10"]  # Bangkok: in the register, outside the programme
    provinces = [p for p in provinces if p["in_programme"] == "1"]
    codes = [p["code"] for p in provinces]
    assert len(provinces) == 76 and len(set(codes)) == 76
    assert offices == set(range(1, 17))
    assert all(int(p["region_office"]) in offices for p in provinces)
    seats = Counter(m["province_code"] for m in munis if m["is_seat"] == "1")
    assert set(seats) == set(codes) and set(seats.values()) == {1}
    assert all(m["type"] in {t.value for t in MunicipalityType} for m in munis)
    assert len({m["code"] for m in munis}) == len(munis)
