"""The reference zones and provinces shipped in provinces/data/, loaded idempotently."""

import csv
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load(zone_model, province_model) -> None:
    """Create or update the 18 zones and 77 provinces (zone 0 in the CSV means no zone)."""
    zones = {}
    for row in _rows("zones.csv"):
        zone, _created = zone_model.objects.update_or_create(
            number=int(row["number"]), defaults={"name_th": row["name_th"], "region_th": row["region_th"]}
        )
        zones[zone.number] = zone
    for row in _rows("provinces.csv"):
        province_model.objects.update_or_create(
            iso_code=row["iso_code"],
            defaults={"name_th": row["name_th"], "name_en": row["name_en"], "zone": zones.get(int(row["zone"]))},
        )
