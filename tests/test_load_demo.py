"""The demo data: `load_demo` builds the seed's quarter, its meeting and the demo accounts, idempotently."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from meetings import demo as meeting_demo
from meetings.models import FollowUpMeeting
from provinces.models import InspectionZone, InspectorAssignment, ProvincialOfficer
from reports import access, demo, fiscal
from reports.models import (
    Finding,
    ProblemCategory,
    Project,
    ProvinceReport,
    ReportingPeriod,
    ReviewEvent,
    ShortfallResolution,
)

SEED_PROVINCES = ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด", "กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]
COUNTED = [
    get_user_model(),
    ProvincialOfficer,
    InspectorAssignment,
    ReportingPeriod,
    Project,
    ProblemCategory,
    ProvinceReport,
    Finding,
    Finding.categories.through,
    ReviewEvent,
    ShortfallResolution,
    FollowUpMeeting,
]


def _counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in COUNTED}


def _load(*args: str) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def loaded(geography, settings):
    settings.DEBUG = True
    _load()


def _seed_report(province: str) -> ProvinceReport:
    return ProvinceReport.objects.select_related("period", "province", "zone").get(
        province__name_th=province, period__fiscal_year=2564, period__quarter=3
    )


# --- running it ---------------------------------------------------------------------


def test_refuses_when_debug_is_off(geography, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        _load()
    assert ProvinceReport.objects.count() == 0
    assert not get_user_model().objects.exists()


def test_force_loads_when_debug_is_off(geography, settings):
    settings.DEBUG = False
    output = _load("--force")
    assert ProvinceReport.objects.filter(period__quarter=3).count() == 8
    assert ProvinceReport.objects.filter(period__quarter=4).count() == 8
    assert "officer_khonkaen" in output


def test_second_run_creates_nothing_and_changes_nothing(loaded):
    before = _counts()
    reports_before = list(ProvinceReport.objects.order_by("pk").values())
    meeting_before = FollowUpMeeting.objects.values().get()

    output = _load()

    assert _counts() == before
    assert list(ProvinceReport.objects.order_by("pk").values()) == reports_before
    assert FollowUpMeeting.objects.values().get() == meeting_before
    assert gettext("The demo data was already loaded: nothing created.") in output
    assert gettext("Demo data created:") not in output


def test_first_run_reports_what_it_created(geography, settings):
    settings.DEBUG = True
    result = meeting_demo.load()
    # The seed's eight reports (16 findings), and the eight of the quarter after (4 shortfalls carried forward).
    assert result["created"]["reports.ProvinceReport"] == 16
    assert result["created"]["reports.Finding"] == Finding.objects.count() == 20
    assert result["created"]["reports.ShortfallResolution"] == ShortfallResolution.objects.count() == 4
    assert all(count == 0 for count in meeting_demo.load()["created"].values())


def test_rerun_keeps_what_users_changed(loaded):
    report = _seed_report("ขอนแก่น")
    inspector = get_user_model().objects.get(username=demo.INSPECTOR_USERNAME)
    report.return_to_province("โปรดระบุจำนวนแปลงที่ล่าช้า", by=inspector)
    officer = get_user_model().objects.get(username="officer_khonkaen")
    officer.set_password("a-new-secret-of-mine")
    officer.save()

    _load()

    report.refresh_from_db()
    assert report.status == ProvinceReport.Status.RETURNED
    assert report.findings.count() == 2
    officer.refresh_from_db()
    assert officer.check_password("a-new-secret-of-mine")


def test_reset_passwords_restores_the_listed_ones(loaded):
    officer = get_user_model().objects.get(username="officer_khonkaen")
    officer.set_password("a-new-secret-of-mine")
    officer.save()

    _load("--reset-passwords")

    officer.refresh_from_db()
    assert officer.check_password(demo.OFFICER_PASSWORD)


# --- the seed's quarter ---------------------------------------------------------------


def test_eight_submitted_reports_of_zones_12_and_18(loaded):
    reports = list(ProvinceReport.objects.filter(period__fiscal_year=2564, period__quarter=3).select_related("period"))
    assert sorted(r.province.name_th for r in reports) == sorted(SEED_PROVINCES)
    for report in reports:
        assert report.status == ProvinceReport.Status.SUBMITTED
        assert report.zone.number in (12, 18)
        assert report.zone_id == report.province.zone_id
        submitted_on = timezone.localdate(report.submitted_at)
        assert report.period.start_date <= submitted_on <= datetime.date(2021, 6, 11) <= report.period.deadline
        assert not report.is_late
        assert report.submitted_by.officer.province_id == report.province_id
        assert report.overall_results and report.achievements and report.next_steps
        assert report.completeness_errors() == {}


def test_khon_kaen_reports_the_khok_nong_na_shortfall(loaded):
    report = _seed_report("ขอนแก่น")
    shortfall = report.findings.get(kind=Finding.Kind.SHORTFALL)
    assert shortfall.project.name_th == demo.KHOK_NONG_NA
    assert "การขออนุญาตหน่วยงานที่เกี่ยวข้อง (สิทธิการใช้ประโยชน์ที่ดิน/ออกแบบ/ควบคุมงาน เป็นต้น)" in shortfall.problems
    assert "เจ้าหน้าที่พัฒนาชุมชนขาดทักษะเฉพาะทาง (การเงิน/พัสดุ งานช่าง/งานก่อสร้าง)" in shortfall.problems
    assert shortfall.measures == "ขอรับการสนับสนุนจากหน่วยงานภาคีที่เกี่ยวข้อง"
    assert {c.name for c in shortfall.categories.all()} == {demo.AREA, demo.SKILLS, demo.PARTNERS}


@pytest.mark.parametrize(
    ("project", "provinces"),
    [
        (demo.KHOK_NONG_NA, {"ขอนแก่น", "มหาสารคาม", "กำแพงเพชร", "พิจิตร", "อุทัยธานี"}),
        (demo.WOMEN_FUND, {"นครสวรรค์", "ร้อยเอ็ด"}),
        (demo.COORDINATION_CENTRE, {"กาฬสินธุ์"}),
    ],
)
def test_shortfalls_are_the_seeds(loaded, project, provinces):
    findings = Finding.objects.filter(kind=Finding.Kind.SHORTFALL, project__name_th=project)
    assert {f.report.province.name_th for f in findings} == provinces


@pytest.mark.parametrize(
    ("title", "provinces"),
    [
        ("โคก หนอง นา ก้องจิราภาส เป็นได้มากกว่าเกษตรกรรม", {"กาฬสินธุ์"}),
        ("สานพลังผักปลอดภัย เมือง MICE CITY", {"ขอนแก่น"}),
        ("ผลการดำเนินงานการบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี", {"มหาสารคาม", "พิจิตร"}),
        ("การดำเนินงานโครงการเสริมสร้างและพัฒนาผู้นำการเปลี่ยนแปลง ปี 2564", {"ร้อยเอ็ด", "นครสวรรค์"}),
        ("สืบสาน อนุรักษ์ศิลป์ผ้าถิ่นไทย ดำรงไว้ในแผ่นดิน", {"อุทัยธานี"}),
        ("โครงการแก้ไขปัญหาครัวเรือนเด็กยากจนแบบบูรณาการ", {"กำแพงเพชร"}),
    ],
)
def test_best_practices_are_the_seeds(loaded, title, provinces):
    findings = Finding.objects.filter(kind=Finding.Kind.BEST_PRACTICE, title=title)
    assert {f.report.province.name_th for f in findings} == provinces
    assert all(f.missing_fields() == [] for f in findings)


def test_seed_typos_are_fixed(loaded):
    texts = [
        value
        for finding in Finding.objects.all()
        for value in (finding.problems, finding.causes, finding.measures, finding.what_done, finding.achieved)
    ]
    assert not any("มหาสารคม" in text or "ปรับโครงการสร้างหนี้" in text for text in texts)


def test_projects_are_active_in_fy_2564_with_short_names(loaded):
    projects = Project.objects.active_in(2564)
    assert projects.count() == len(demo.PROJECTS) == 7
    assert all(project.short_name for project in projects)


def test_the_current_period_is_open_for_a_fresh_report(loaded):
    today = timezone.localdate()
    year, quarter = fiscal.period_of(today)
    period = ReportingPeriod.objects.get(fiscal_year=year, quarter=quarter)
    assert period in ReportingPeriod.objects.accepting_reports(today)
    assert ProvinceReport.objects.filter(period=period).count() == 0


# --- the accounts ---------------------------------------------------------------------


def test_each_demo_account_logs_in_with_the_listed_password(loaded, client):
    for account in demo.accounts():
        response = client.post(reverse("login"), {"username": account.username, "password": account.password})
        assert response.status_code == 302, account.username
        client.logout()


def test_listed_passwords_pass_djangos_validators_but_may_not_be_chosen_again(loaded):
    from django.contrib.auth.password_validation import get_default_password_validators

    from inspection_portal.passwords import GuessablePasswordValidator

    validators = get_default_password_validators()
    djangos = [validator for validator in validators if not isinstance(validator, GuessablePasswordValidator)]
    for account in demo.accounts():
        user = get_user_model().objects.get(username=account.username)
        validate_password(account.password, user, password_validators=djangos)
        with pytest.raises(ValidationError):
            validate_password(account.password, user)


def test_officers_report_for_their_province(loaded):
    for province, username in demo.OFFICERS.items():
        roles = access.roles_of(get_user_model().objects.get(username=username))
        assert roles.province.name_th == province
        assert not roles.is_inspector and not roles.is_admin
    assert set(demo.OFFICERS) == set(SEED_PROVINCES)


def test_inspector_covers_zones_12_and_18_in_fy_2564_and_this_year(loaded):
    inspector = get_user_model().objects.get(username="inspector")
    assert inspector.get_full_name() == "นางสาวชนมณัฐ รอดบุญธรรม"
    this_year = fiscal.fiscal_year_of(timezone.localdate())
    for year in (2564, this_year):
        zone_ids = access.inspected_zone_ids(inspector, year)
        assert set(InspectionZone.objects.filter(pk__in=zone_ids).values_list("number", flat=True)) == {12, 18}
    roles = access.roles_of(inspector)
    assert roles.province is None and not roles.is_admin
    assert access.may_review_report(inspector, _seed_report("อุทัยธานี"))


def test_admin_is_staff_and_superuser(loaded):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_staff and admin.is_superuser
    assert access.roles_of(admin).province is None


def test_command_prints_every_account_and_password(geography, settings):
    settings.DEBUG = True
    output = _load()
    for account in demo.accounts():
        assert account.username in output
        assert account.password in output


def test_khon_kaen_officer_sees_the_shortfall_on_the_report_page(loaded, client):
    client.post(reverse("login"), {"username": "officer_khonkaen", "password": demo.OFFICER_PASSWORD})
    response = client.get(reverse("reports:edit", args=[_seed_report("ขอนแก่น").pk]))
    assert response.status_code == 200
    assert "โคก หนอง นา โมเดล" in response.content.decode()


# --- the seed's meeting ---------------------------------------------------------------


def test_the_seeds_meeting_exists(loaded):
    meeting = FollowUpMeeting.objects.get()
    assert meeting.held_on == datetime.date(2021, 6, 11)
    assert meeting.mode == FollowUpMeeting.Mode.ONLINE and meeting.platform == "ZOOM Meeting"
    assert sorted(zone.number for zone in meeting.zones.all()) == [12, 18]
    assert meeting.inspector.username == "inspector"
    assert (meeting.period.fiscal_year, meeting.period.quarter) == (2564, 3)
    assert "แลกเปลี่ยนเรียนรู้" in meeting.purpose


def test_the_seeds_meeting_is_published_with_the_seeds_groupings(loaded):
    meeting = FollowUpMeeting.objects.get()
    assert meeting.is_published and meeting.published_by.username == "inspector"
    groups = [(entry["project"], entry["count"]) for entry in meeting.published["section1"]]
    assert groups == [(demo.KHOK_NONG_NA, 5), (demo.WOMEN_FUND, 2), (demo.COORDINATION_CENTRE, 1)]
    assert meeting.published["missing"] == []


def test_no_publish_leaves_the_meeting_unpublished(geography, settings):
    settings.DEBUG = True
    _load("--no-publish")
    assert not FollowUpMeeting.objects.get().is_published


def test_the_demo_inspector_can_name_herself_chair_and_june_has_its_issues(geography, settings):
    from meetings.models import MonthlyIssue
    from provinces.models import Person

    result = meeting_demo.load()
    person = Person.objects.get(user=result["users"][demo.INSPECTOR_USERNAME])
    assert person.name_and_position == "นางสาวชนมณัฐ รอดบุญธรรม ผู้ตรวจราชการกรมการพัฒนาชุมชน"
    assert MonthlyIssue.objects.filter(month="2021-06-01").count() == 2
    assert meeting_demo.load()["created"]["provinces.Person"] == 0


# --- the quarter after the seed's: carry-forward ----------------------------------------------


def _next_report(province: str) -> ProvinceReport:
    return ProvinceReport.objects.get(province__name_th=province, period__fiscal_year=2564, period__quarter=4)


def test_q4_carries_some_shortfalls_forward_and_resolves_the_others(loaded):
    for name, plan in demo.NEXT_REPORTS.items():
        report, seed = _next_report(name), _seed_report(name)
        old = seed.findings.get(kind=Finding.Kind.SHORTFALL)
        assert report.status == (ProvinceReport.Status.ACCEPTED if plan.accepted else ProvinceReport.Status.SUBMITTED)
        assert not report.is_late
        if plan.resolved:
            assert report.resolutions.get().finding == old
            assert report.resolutions.get().how_resolved == plan.resolved
            assert not report.findings.filter(kind=Finding.Kind.SHORTFALL).exists() and report.no_shortfalls
        else:
            carried = report.findings.get(kind=Finding.Kind.SHORTFALL)
            assert carried.carried_from == old and carried.quarters_running == 2
            assert (carried.project, carried.problems) == (old.project, old.problems)
            assert set(carried.categories.all()) == set(old.categories.all())
        # The seed's report is as it was: still submitted, its shortfall unchanged.
        assert seed.status == ProvinceReport.Status.SUBMITTED
        assert old.quarters_running == 1 and old.carried_from is None
    accepted = ProvinceReport.objects.filter(period__quarter=4, status=ProvinceReport.Status.ACCEPTED).count()
    assert 0 < accepted < 8


def test_khon_kaen_q4_page_says_the_problem_is_running(loaded, client):
    client.force_login(get_user_model().objects.get(username="officer_khonkaen"))
    page = client.get(reverse("reports:edit", args=[_next_report("ขอนแก่น").pk])).content.decode()
    assert "ต่อเนื่องจากไตรมาสก่อน" in page and "ปัญหาต่อเนื่อง 2 ไตรมาส" in page
