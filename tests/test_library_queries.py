"""The library's pages with every province × three fiscal years × four quarters: pinned query counts.

The data is built once for the module inside a transaction rolled back at its end, so it
reaches no other test's database.
"""

import itertools

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from library import indexing
from library.models import FindingIndex, SharedAttachment
from provinces.models import InspectionZone, InspectorAssignment, Province, ProvincialOfficer
from provinces.roles import HEAD_OF_INSPECTORS, sync_groups
from reports.models import Attachment, Finding, Project, ProvinceReport, ReportingPeriod
from tests.large_data import rolled_back
from tests.library_data import SUPHANNIKA

YEARS = (2563, 2564, 2565)
PRACTICES = ("รวมกลุ่มทอผ้าไหมลายประจำถิ่น", "ตลาดนัดชุมชนวิถีไทย", "ครัวเรือนปลูกผักสวนครัวรั้วกินได้")
PROBLEMS = ("การประชุม ศอช. ระดับอำเภอไม่ครบองค์ประชุม", "งบประมาณโครงการพัฒนาล่าช้า", "ขาดแคลนวัตถุดิบ")


@pytest.fixture(scope="module")
def big(django_db_setup, django_db_blocker):
    with rolled_back(django_db_blocker):
        yield _build()


def _build() -> dict:
    projects = [Project.objects.create(name_th=f"งานทดสอบขนาดใหญ่ {n}", first_fiscal_year=2560) for n in range(10)]
    periods = [ReportingPeriod.objects.create(fiscal_year=y, quarter=q) for y in YEARS for q in (1, 2, 3, 4)]
    provinces = list(Province.objects.all())
    reports = ProvinceReport.objects.bulk_create(
        ProvinceReport(
            province=province, period=period, zone_id=province.zone_id, status=ProvinceReport.Status.ACCEPTED
        )
        for province in provinces
        for period in periods
    )
    counter = itertools.count()
    findings = []
    for report in reports:
        for _ in range(2):
            n = next(counter)
            findings.append(
                Finding(
                    report=report,
                    project=projects[n % 10],
                    kind=Finding.Kind.BEST_PRACTICE,
                    title=f"{PRACTICES[n % 3]} รุ่นที่ {n}",
                    what_done=f"{PRACTICES[(n + 1) % 3]} ครั้งที่ {n}",
                    achieved="รายได้เพิ่มขึ้น",
                )
            )
            findings.append(
                Finding(
                    report=report,
                    project=projects[n % 10],
                    kind=Finding.Kind.SHORTFALL,
                    problems=f"{PROBLEMS[n % 3]} ครั้งที่ {n}",
                    causes="ขาดบุคลากร",
                    measures="ประสานหน่วยงาน",
                )
            )
    findings = Finding.objects.bulk_create(findings)
    indexing.reindex([finding.pk for finding in findings])
    practice = findings[0]
    practice.title = SUPHANNIKA
    practice.save()
    first_report = practice.report
    for n in range(8):
        attachment = Attachment.objects.create(
            report=first_report,
            file=f"attachments/{n}.pdf",
            original_name=f"ไฟล์ {n}.pdf",
            content_type="application/pdf",
            size=10,
        )
        SharedAttachment.objects.create(finding=practice, attachment=attachment)
    users = get_user_model().objects
    officer = users.create(username="big_officer")
    ProvincialOfficer.objects.create(user=officer, province=Province.objects.get(name_th="นครสวรรค์"))
    inspector = users.create(username="big_inspector")
    for zone in InspectionZone.objects.filter(number__in=(11, 12)):
        for year in YEARS:
            InspectorAssignment.objects.create(user=inspector, zone=zone, fiscal_year=year)
    sync_groups()
    head = users.create(username="big_head")
    from django.contrib.auth.models import Group

    head.groups.add(Group.objects.get(name=HEAD_OF_INSPECTORS))
    admin = users.create(username="big_admin", is_staff=True, is_superuser=True)
    return {"practice": practice, "officer": officer, "inspector": inspector, "head": head, "admin": admin}


def get(client, user, url, params=None):
    client.force_login(user)
    return client.get(url, params or {})


def test_the_data_is_large(big, db):
    assert Finding.objects.count() >= 3600  # 77 provinces × 12 quarters × 4
    assert FindingIndex.objects.count() == Finding.objects.count()


# Each page: session, user, officer (3); the years offered (1); the count and the page of results with
# their relations (2; with a search: the ids of the matches entered last, then those ranked); the nav's
# notices (1); the choices of project, zone and province (3).
LIBRARY_QUERIES = 10


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "สุพรรณิการ์"}, {"q": "ศอช. ไหม", "page": 2}, {"q": "ผ้าไหม", "fiscal_year": 2564, "page": 3}, {"page": 40}],
)
def test_library_queries_are_pinned(client, big, db, django_assert_max_num_queries, params):
    client.force_login(big["officer"])
    with django_assert_max_num_queries(LIBRARY_QUERIES):
        response = client.get(reverse("library:list"), params)
    assert response.status_code == 200


def test_the_library_finds_the_word_among_thousands(client, big, db):
    html = get(client, big["officer"], reverse("library:list"), {"q": "สุพรรณิการ์"}).content.decode()
    assert "ลาย<mark>สุพรรณิการ์</mark>" in html and "1 รายการ" in html


# The same, and the roles: inspected years, the user's and the groups' permissions (3).
SEARCH_QUERIES = 13


@pytest.mark.parametrize("who", ["inspector", "head", "admin"])
@pytest.mark.parametrize("params", [{"q": "ศอช."}, {"q": "โครงการ", "kind": "shortfall", "page": 2}, {"q": "รายได้"}])
def test_search_queries_are_pinned(client, big, db, django_assert_max_num_queries, who, params):
    client.force_login(big[who])
    with django_assert_max_num_queries(SEARCH_QUERIES):
        response = client.get(reverse("library:search"), params)
    assert response.status_code == 200
    assert 'id="results"' in response.content.decode()


def test_an_inspector_finds_only_the_assigned_zones(client, big, db):
    response = get(client, big["inspector"], reverse("library:search"), {"q": "ศอช."})
    zones = {result.finding.report.zone.number for result in response.context["results"]}
    assert zones <= {11, 12} and zones
    total = response.context["page"].paginator.count
    everyone = get(client, big["admin"], reverse("library:search"), {"q": "ศอช."}).context["page"].paginator.count
    assert 0 < total < everyone


def test_best_practice_page_queries_are_pinned(client, big, db, django_assert_max_num_queries):
    url = reverse("library:best_practice", args=[big["practice"].pk])
    client.force_login(big["officer"])
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count("ไฟล์ ") >= 8
