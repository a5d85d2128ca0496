"""The groupings that ship (data/regions.csv): Västra Götaland's four kommunalförbund cover the county's
49 municipalities, each once, and Göteborgsregionen holds Kungsbacka (Halland) too (DOMAIN.md lists them)."""

from __future__ import annotations

from reception import queries

VG = "14"
KUNGSBACKA = "1384"
FORBUND = {"Fyrbodal": 14, "Skaraborg": 15, "Sjuhärad": 8, "Göteborgsregionen": 13}


def members(kind: str, code: str) -> set[str]:
    """The municipalities of an area, as every query sees them (area_members)."""
    params = {"year_to": 2024, "area_kind": kind, "area_code": code}
    return set(queries.run("population_of_area", params)["kommun_kod"])


def test_the_four_kommunalforbund_cover_vastra_gotaland_once_each_and_gr_holds_kungsbacka(store_path):
    county = members("lan", VG)
    assert len(county) == 49
    groups = {name: members("region", name) for name in FORBUND}
    assert {name: len(codes) for name, codes in groups.items()} == FORBUND
    assert KUNGSBACKA in groups["Göteborgsregionen"] and KUNGSBACKA not in county
    in_county = [codes & county for codes in groups.values()]
    assert set().union(*in_county) == county
    assert sum(len(codes) for codes in in_county) == 49  # no municipality in two of them
    assert groups["Göteborgsregionen"] - county == {KUNGSBACKA}
    assert all(codes <= county for name, codes in groups.items() if name != "Göteborgsregionen")


def test_the_region_picker_offers_them(store_path):
    options = queries.run("area_options", {})
    regions = set(options.loc[options["kind"] == "region", "code"])
    assert set(FORBUND) <= regions and "Dalarnas pilotgrupp" in regions
