"""The summary generator (meetings/summary.py): which reports, which order, which words, how many queries."""

import json
import random
import time

import pytest

from meetings import summary
from meetings.models import FollowUpMeeting, MeetingOfficial, MeetingProvince
from provinces.models import InspectionZone, Person, Position, Province
from reports.models import FindingFigure, Project, ProvinceReport, ReportingPeriod
from tests.summary_factories import (
    ACCEPTED,
    SUBMITTED,
    add_best_practice,
    add_shortfall,
    load_seed,
    make_meeting,
    make_period,
    make_project,
    make_report,
)

pytestmark = pytest.mark.django_db

ZONE_12 = ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"]
ZONE_18 = ["กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]
ZONE_1 = ["ชัยนาท", "พระนครศรีอยุธยา", "ลพบุรี", "สระบุรี", "สิงห์บุรี", "อ่างทอง"]


def _blocks(tree) -> dict[str, str]:
    return {block["key"]: block["text"] for block in tree["blocks"]}


def _build(meeting) -> dict:
    return summary.build(FollowUpMeeting.objects.get(pk=meeting.pk))


# --- which reports --------------------------------------------------------------


def test_only_submitted_and_accepted_reports_of_the_period_and_zones_count(inspector):
    period = make_period(2564, 3)
    project = make_project("การดำเนินงานศูนย์ประสานงานองค์การชุมชน (ศอช.)")
    statuses = {"กาฬสินธุ์": SUBMITTED, "ขอนแก่น": ACCEPTED, "มหาสารคาม": "draft", "ร้อยเอ็ด": "returned"}
    for province, status in statuses.items():
        add_shortfall(make_report(province, period, status=status), project, f"ปัญหาของ{province}")
    add_shortfall(make_report("ชัยนาท", period), project, "ปัญหาของเขตอื่น")  # zone 1, not in the meeting
    earlier = make_period(2564, 2)
    add_shortfall(make_report("พิจิตร", earlier), project, "ปัญหาของไตรมาสก่อน")  # another quarter
    meeting = make_meeting(inspector, period, [12, 18])

    tree = _build(meeting)

    assert [group["provinces"] for group in tree["section1"]] == [["กาฬสินธุ์", "ขอนแก่น"]]
    text = _blocks(tree)["s1-1"]
    assert "1) ปัญหาของกาฬสินธุ์ 2) ปัญหาของขอนแก่น" in text
    for absent in ("มหาสารคาม", "ร้อยเอ็ด", "เขตอื่น", "ไตรมาสก่อน"):
        assert absent not in text
    assert tree["missing"] == ["มหาสารคาม", "ร้อยเอ็ด", *ZONE_18]
    assert tree["provinces"] == ZONE_12 + ZONE_18


def test_a_report_stays_with_the_zone_it_was_filed_under(inspector):
    period = make_period(2564, 3)
    project = make_project("การดำเนินงานกองทุนพัฒนาบทบาทสตรี (การบริหารจัดการหนี้)")
    add_shortfall(make_report("กาฬสินธุ์", period), project, "หนี้ค้างชำระ")  # filed under zone 12
    Province.objects.filter(name_th="กาฬสินธุ์").update(zone=InspectionZone.objects.get(number=13))

    zone12 = _build(make_meeting(inspector, period, [12]))
    zone13 = _build(make_meeting(inspector, period, [13]))

    assert zone12["section1"][0]["provinces"] == ["กาฬสินธุ์"]
    assert zone12["provinces"] == ZONE_12
    assert "รวมทั้งหมด 4 จังหวัด" in _blocks(zone12)["header"]
    assert "กาฬสินธุ์" not in zone13["provinces"] and zone13["section1"] == []
    # Next quarter it has no report yet: it belongs to its new zone.
    next_quarter = _build(make_meeting(inspector, make_period(2564, 4), [13]))
    assert "กาฬสินธุ์" in next_quarter["provinces"] and "กาฬสินธุ์" in next_quarter["missing"]


# --- order and words ---------------------------------------------------------------


def test_most_provinces_first_then_thai_dictionary_order_then_project_pk(inspector):
    period = make_period()
    # Code points would put ชุมชน before เกษตร; Thai dictionary order does not.
    community = make_project("ชุมชนเข้มแข็ง")
    farming = make_project("เกษตรทฤษฎีใหม่")
    big = make_project("โครงการที่มีหลายจังหวัด")
    for province in ZONE_12 + ZONE_18[:1]:
        add_shortfall(make_report(province, period), big, "ปัญหาใหญ่")
    for province in ZONE_18[1:]:
        report = make_report(province, period)
        add_shortfall(report, community, f"ชุมชน{province}", position=1)
        add_shortfall(report, farming, f"เกษตร{province}", position=2)

    tree = _build(make_meeting(inspector, period, [12, 18]))

    assert [(group["project"], group["count"]) for group in tree["section1"]] == [
        ("โครงการที่มีหลายจังหวัด", 5),
        ("เกษตรทฤษฎีใหม่", 3),
        ("ชุมชนเข้มแข็ง", 3),
    ]
    assert _blocks(tree)["s1-1"].startswith(
        "โครงการที่มีหลายจังหวัด จำนวน 5 จังหวัด ได้แก่ จังหวัดกาฬสินธุ์ ขอนแก่น มหาสารคาม ร้อยเอ็ด และกำแพงเพชร "
        "โดยจะเป็นปัญหาเกี่ยวกับ ปัญหาใหญ่"
    )
    assert _blocks(tree)["s1-2"].startswith(
        "เกษตรทฤษฎีใหม่ จำนวน 3 จังหวัด ได้แก่ จังหวัดนครสวรรค์ พิจิตร และอุทัยธานี "
        "โดยจะเป็นปัญหาเกี่ยวกับ 1) เกษตรนครสวรรค์ 2) เกษตรพิจิตร 3) เกษตรอุทัยธานี"
    )


def test_one_and_two_province_lists_and_one_and_several_problems(inspector):
    period = make_period()
    pair = make_project("โครงการคู่")
    single = make_project("โครงการเดี่ยว")
    add_shortfall(make_report("ร้อยเอ็ด", period), pair, "ปัญหาเดียว", "สาเหตุเดียว", "แก้ไขแล้ว")
    add_shortfall(make_report("นครสวรรค์", period), pair, "ปัญหาเดียว", "สาเหตุเดียว", "แก้ไขแล้ว")
    add_shortfall(
        make_report("กาฬสินธุ์", period), single, "1) ขาดงบประมาณ\n2) ขาดความต่อเนื่อง", "ไม่มีงบ", "- ประชุม\n- ติดตาม"
    )

    blocks = _blocks(_build(make_meeting(inspector, period, [12, 18])))

    assert blocks["s1-1"] == (
        "โครงการคู่ จำนวน 2 จังหวัด ได้แก่ จังหวัดร้อยเอ็ด และนครสวรรค์ โดยจะเป็นปัญหาเกี่ยวกับ ปัญหาเดียว "
        "สาเหตุเนื่องจาก สาเหตุเดียว ซึ่งจังหวัดได้ดำเนินการแก้ไขโดย แก้ไขแล้ว"
    )
    assert blocks["s1-2"] == (
        "โครงการเดี่ยว จำนวน 1 จังหวัด คือ จังหวัดกาฬสินธุ์ โดยจะเป็นปัญหาเกี่ยวกับ 1) ขาดงบประมาณ 2) ขาดความต่อเนื่อง "
        "สาเหตุเนื่องจาก ไม่มีงบ ซึ่งจังหวัดได้ดำเนินการแก้ไขโดย 1) ประชุม 2) ติดตาม"
    )


def test_best_practices_of_one_project_are_joined_in_province_order(inspector):
    period = make_period()
    fund = make_project("กองทุนพัฒนาบทบาทสตรี")
    textiles = make_project("ผ้าไทย")
    knn = make_project("โคก หนอง นา")
    add_best_practice(make_report("อุทัยธานี", period), textiles, "ผ้าถิ่นไทย", "ประกวดลายผ้า", "รายได้เพิ่ม")
    add_best_practice(make_report("พิจิตร", period), fund, "หนี้กองทุน", "ติดตามหนี้", "ตามเป้า")
    add_best_practice(make_report("มหาสารคาม", period), fund, "หนี้กองทุน", "ออกแบบแนวทาง", "ตามเป้า")
    add_best_practice(make_report("ขอนแก่น", period), fund, "การบริหารหนี้", "ออกแบบแนวทาง", "ตามเป้า")
    add_best_practice(make_report("ร้อยเอ็ด", period), knn, "โคกหนองนาท่องเที่ยว")

    tree = _build(make_meeting(inspector, period, [12, 18]))
    blocks = _blocks(tree)

    assert [(item["project"], item["provinces"]) for item in tree["section2"]] == [
        ("กองทุนพัฒนาบทบาทสตรี", ["ขอนแก่น", "มหาสารคาม", "พิจิตร"]),
        ("โคก หนอง นา", ["ร้อยเอ็ด"]),
        ("ผ้าไทย", ["อุทัยธานี"]),
    ]
    assert tree["section2"][0]["titles"] == ["การบริหารหนี้", "หนี้กองทุน"]
    assert blocks["s2-1"] == (
        "จังหวัดขอนแก่น มหาสารคาม และพิจิตร นำเสนอ “การบริหารหนี้” และ“หนี้กองทุน” 1) ออกแบบแนวทาง ตามเป้า 2) ติดตามหนี้ ตามเป้า"
    )
    assert blocks["s2-2"] == "จังหวัดร้อยเอ็ด นำเสนอ “โคกหนองนาท่องเที่ยว”"
    assert blocks["s2-3"] == "จังหวัดอุทัยธานี นำเสนอ “ผ้าถิ่นไทย” ประกวดลายผ้า รายได้เพิ่ม"


def test_a_meeting_over_one_zone(inspector):
    period = make_period()
    add_shortfall(make_report("ขอนแก่น", period), make_project("โครงการ ก"), "ปัญหา")
    add_shortfall(make_report("นครสวรรค์", period), make_project("โครงการ ข"), "ปัญหา")

    tree = _build(make_meeting(inspector, period, [12]))

    assert tree["provinces"] == ZONE_12
    assert [zone["number"] for zone in tree["zones"]] == [12]
    assert _blocks(tree)["header"].endswith(
        "(ไตรมาส 3) ผ่านระบบห้องประชุมออนไลน์ (ZOOM Meeting) เขตตรวจราชการที่ 12 กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง "
        "ประกอบด้วย จังหวัดกาฬสินธุ์ ขอนแก่น มหาสารคาม และร้อยเอ็ด รวมทั้งหมด 4 จังหวัด"
    )
    assert [group["project"] for group in tree["section1"]] == ["โครงการ ก"]


def test_a_meeting_over_three_zones_on_site(inspector):
    period = make_period()
    project = make_project("โครงการร่วม")
    for province in ("อ่างทอง", "ขอนแก่น", "ชัยนาท", "อุทัยธานี"):
        add_shortfall(make_report(province, period), project, "ปัญหาร่วม")
    meeting = make_meeting(
        inspector, period, [18, 1, 12], mode=FollowUpMeeting.Mode.ON_SITE, platform="", place="ศาลากลางจังหวัดขอนแก่น"
    )

    tree = _build(meeting)

    assert tree["provinces"] == ZONE_1 + ZONE_12 + ZONE_18
    assert tree["section1"][0]["provinces"] == ["ชัยนาท", "อ่างทอง", "ขอนแก่น", "อุทัยธานี"]
    header = _blocks(tree)["header"]
    assert "(ไตรมาส 3) ณ ศาลากลางจังหวัดขอนแก่น เขตตรวจราชการที่ 1 เขตตรวจราชการที่ 12 " in header
    assert " และเขตตรวจราชการที่ 18 กลุ่มจังหวัดภาคเหนือตอนล่าง 2 " in header
    assert header.endswith("รวมทั้งหมด 14 จังหวัด") and "ZOOM" not in header


def test_empty_sections_say_so_and_quarter_4_looks_to_next_year(inspector):
    period = make_period(2564, 4)
    meeting = make_meeting(inspector, period, [12], purpose="วัตถุประสงค์เพื่อ ติดตามงาน")

    tree = _build(meeting)
    blocks = _blocks(tree)

    assert tree["section1"] == [] and tree["section2"] == []
    assert blocks["s1-none"] == summary.NO_SHORTFALLS and blocks["s2-none"] == summary.NO_BEST_PRACTICES
    assert blocks["purpose"] == "วัตถุประสงค์เพื่อ ติดตามงาน ตามประเด็น"  # the lead typed once, the topics' lead added
    assert "ในไตรมาสที่ 1 ของปีงบประมาณ พ.ศ. 2565 ต่อไป" in blocks["intro"]
    assert tree["title"].endswith("(ไตรมาส 4) ปีงบประมาณ 2564")
    assert tree["missing"] == ZONE_12
    assert [block.get("number") for block in tree["blocks"] if block["kind"] in ("topic", "heading")] == [1, 2, 1, 2]
    assert [block["kind"] for block in tree["blocks"]] == [
        "paragraph",
        "paragraph",
        "topic",
        "topic",
        "paragraph",
        "heading",
        "item",
        "heading",
        "item",
    ]


def test_inspector_without_a_full_name_is_named_by_username(inspector):
    tree = _build(make_meeting(inspector, make_period(), [12]))
    assert _blocks(tree)["header"].startswith("วันที่ 11 มิถุนายน 2564 inspector_12 ผู้ตรวจราชการกรม ")


def test_default_wording_for_the_meeting_form():
    purpose = summary.default_purpose(ReportingPeriod(fiscal_year=2565, quarter=1))
    assert "ประจำปี พ.ศ. 2565 ไตรมาส 1 และงานอื่นที่เกี่ยวข้อง" in purpose
    assert summary.DEFAULT_TOPIC_SHORTFALLS.startswith("งาน/โครงการ/กิจกรรม ที่ดำเนินการไม่บรรลุเป้าหมาย")
    assert summary.DEFAULT_TOPIC_BEST_PRACTICES.endswith("นำไปเป็นแบบอย่างได้")


# --- determinism ------------------------------------------------------------------


def _without_ids(tree: dict) -> str:
    for entry in tree["section1"] + tree["section2"]:
        entry.pop("project_id")
    return json.dumps(tree, ensure_ascii=False, sort_keys=True)


def _shuffled_quarter(inspector, rng: random.Random) -> FollowUpMeeting:
    """The same quarter of zones 12 and 18, written in a random order (so other primary keys)."""
    period = make_period()
    names = ["เกษตรทฤษฎีใหม่", "ชุมชนเข้มแข็ง", "โคก หนอง นา", "กองทุนสตรี", "ผ้าไทย", "ศอช."]
    rng.shuffle(names)
    projects = {name: make_project(name) for name in names}
    rows = []
    for number, province in enumerate(ZONE_12 + ZONE_18):
        for offset in range(3):
            project = sorted(projects)[(number + offset * offset) % len(projects)]
            rows.append((province, project, offset))
    rng.shuffle(rows)
    reports = {}
    for province, project, offset in rows:
        if province not in reports:
            reports[province] = make_report(province, period)
        if offset == 2:
            add_best_practice(reports[province], projects[project], f"เรื่องเด่น{project}", f"ทำ{province}", "สำเร็จ")
        else:
            add_shortfall(reports[province], projects[project], f"ปัญหา{project}", f"สาเหตุ{province}", "แก้ไข", offset)
    return make_meeting(inspector, period, [18, 12])


def test_same_data_in_any_insertion_order_gives_the_same_text(inspector):
    first = _build(_shuffled_quarter(inspector, random.Random(1)))
    assert summary.build(FollowUpMeeting.objects.get()) == first  # built twice
    texts = {_without_ids(first)}
    for seed in (2, 3):
        FollowUpMeeting.objects.all().delete()
        ProvinceReport.objects.all().delete()
        Project.objects.all().delete()
        texts.add(_without_ids(_build(_shuffled_quarter(inspector, random.Random(seed)))))
    assert len(texts) == 1


# --- speed ------------------------------------------------------------------------


def national_quarter(inspector, shortfalls: int = 4, best_practices: int = 2, people: bool = False) -> FollowUpMeeting:
    """A national summary of realistic size: every zoned province (76) with 4 shortfalls and 2 best practices over a
    dozen projects; with `people`, two figure rows per shortfall, a chair, two officials and every province's
    presenter."""
    period = make_period()
    projects = [make_project(f"โครงการที่ {number:02d} ของแผนปฏิบัติราชการ") for number in range(12)]
    chief_post = Position.objects.get_or_create(name_th="พัฒนาการจังหวัด", defaults={"of_province": True})[0]
    inspector_post = Position.objects.get_or_create(name_th="ผู้ตรวจราชการกรมการพัฒนาชุมชน")[0]
    provinces = list(Province.objects.exclude(zone=None).order_by("iso_code"))
    for number, province in enumerate(provinces):
        report = make_report(province, period, status=ACCEPTED if number % 2 else SUBMITTED)
        for offset in range(shortfalls):
            project = projects[(number * 7 + offset * 5) % len(projects)]
            finding = add_shortfall(
                report, project, f"ปัญหา {offset}\nปัญหาต่อเนื่องของ{province.name_th}", "ขาดงบประมาณ", "ติดตาม"
            )
            if people:
                FindingFigure.objects.bulk_create(
                    FindingFigure(finding=finding, activity=f"ระยะที่ {phase}", target=516, result=500, unit="แปลง")
                    for phase in (1, 2)
                )
        for offset in range(best_practices):
            add_best_practice(report, projects[(number + offset) % 12], f"เรื่องเด่น {offset}", "ดำเนินการ", "สำเร็จ")
    if not people:
        return make_meeting(inspector, period, range(1, 19))
    people = Person.objects.bulk_create(
        Person(first_name=f"ผู้แทน{province.name_th}", position=chief_post, province=province) for province in provinces
    )
    chair = Person.objects.create(title_th="นาย", first_name="ประเสริฐ", last_name="บุญมา", position=inspector_post)
    meeting = make_meeting(inspector, period, range(1, 19), chair=chair, number=3)
    MeetingProvince.objects.bulk_create(
        MeetingProvince(meeting=meeting, province=province, presenter=person)
        for province, person in zip(provinces, people, strict=True)
    )
    for position, person in enumerate(people[:2]):
        MeetingOfficial.objects.create(meeting=meeting, person=person, position=position)
    return meeting


# period, inspector, zones, provinces, their meeting rows, usable reports, their findings, the findings' figures,
# topics; with a chair, the chair and the officials instead of the inspector (SUMMARY_QUERIES + 1)
SUMMARY_QUERIES = 9


def test_query_count_is_the_same_for_8_and_for_76_provinces(inspector, django_assert_num_queries, capsys):
    seed_meeting = FollowUpMeeting.objects.get(pk=load_seed(inspector).pk)
    with django_assert_num_queries(SUMMARY_QUERIES):  # recorded without a chair, as the seed's
        small = summary.build(seed_meeting)
    chair = Person.objects.create(first_name="ประเสริฐ", last_name="บุญมา")
    FollowUpMeeting.objects.filter(pk=seed_meeting.pk).update(chair=chair)
    MeetingOfficial.objects.create(meeting=seed_meeting, person=Person.objects.create(first_name="วิชัย"))
    chaired = FollowUpMeeting.objects.get(pk=seed_meeting.pk)
    with django_assert_num_queries(SUMMARY_QUERIES + 1):  # the chair and the officials, not the inspector
        summary.build(chaired)
    FollowUpMeeting.objects.all().delete()
    ProvinceReport.objects.all().delete()
    national_pk = national_quarter(inspector, people=True).pk
    timings = []
    for _run in range(3):
        national = FollowUpMeeting.objects.get(pk=national_pk)
        started = time.perf_counter()
        with django_assert_num_queries(SUMMARY_QUERIES + 1):
            tree = summary.build(national)
        timings.append(time.perf_counter() - started)
    elapsed = sorted(timings)[1]
    with capsys.disabled():
        print(
            f"\nnational summary, 76 provinces, 4 shortfalls (2 figures each) and 2 best practices each: "
            f"built in {elapsed:.3f} s (median of 3)"
        )
    assert len(small["provinces"]) == 8
    assert len(tree["provinces"]) == 76  # Bangkok is outside the inspection zones
    assert sum(group["count"] for group in tree["section1"]) == 76 * 4
    assert "นายประเสริฐ บุญมา ผู้ตรวจราชการกรมการพัฒนาชุมชน เป็นประธาน" in tree["blocks"][0]["text"]
    assert elapsed < 0.5, f"building a national summary took {elapsed:.3f} s"
