"""The 77 provinces and 18 zones loaded by the data migration."""

import pytest

from provinces.models import InspectionZone, Province
from reports.models import ProvinceReport, ReportingPeriod

pytestmark = pytest.mark.django_db


def _names(zone_number):
    return sorted(Province.objects.filter(zone__number=zone_number).values_list("name_th", flat=True))


def test_the_migration_loads_77_provinces_and_18_zones():
    assert Province.objects.count() == 77
    assert InspectionZone.objects.count() == 18
    assert sorted(InspectionZone.objects.values_list("number", flat=True)) == list(range(1, 19))


def test_zone_12_and_18_are_exactly_the_seeds():
    assert _names(12) == sorted(["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"])
    assert _names(18) == sorted(["กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"])
    assert InspectionZone.objects.get(number=12).region_th == "กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง"
    assert InspectionZone.objects.get(number=18).region_th == "กลุ่มจังหวัดภาคเหนือตอนล่าง 2"


def test_bangkok_belongs_to_no_zone_and_every_other_province_to_one():
    assert Province.objects.get(iso_code="TH-10").zone is None
    assert Province.objects.filter(zone__isnull=True).count() == 1


def test_codes_and_names_are_unique_and_well_formed():
    codes = list(Province.objects.values_list("iso_code", flat=True))
    assert len(set(codes)) == 77
    assert all(code.startswith("TH-") and len(code) == 5 for code in codes)
    assert Province.objects.get(iso_code="TH-40").name_en == "Khon Kaen"


def test_thai_ordering_puts_leading_vowels_in_dictionary_order():
    names = [p.name_th for p in Province.objects.filter(zone__number=10).thai_ordered()]
    # เลย sorts under ล; by code points its leading vowel would put it last.
    assert names == ["บึงกาฬ", "เลย", "หนองคาย", "หนองบัวลำภู", "อุดรธานี"]
    assert sorted(names)[-1] == "เลย"


def test_a_province_moved_to_another_zone_leaves_its_earlier_reports_in_the_old_zone():
    khon_kaen = Province.objects.get(name_th="ขอนแก่น")
    zone_12 = InspectionZone.objects.get(number=12)
    period = ReportingPeriod.objects.create(fiscal_year=2564, quarter=3)
    report = ProvinceReport.start(khon_kaen, period, by=None)
    assert report.zone == zone_12

    khon_kaen.zone = InspectionZone.objects.get(number=13)
    khon_kaen.save()
    report.refresh_from_db()
    assert report.zone == zone_12
    later = ProvinceReport.start(khon_kaen, ReportingPeriod.objects.create(fiscal_year=2565, quarter=1), by=None)
    assert later.zone.number == 13
    # The move itself is kept in the province's history.
    assert khon_kaen.history.count() >= 1
