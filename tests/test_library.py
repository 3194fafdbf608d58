"""The best-practice library, a best practice's page, sharing attachments, and who downloads them."""

import pytest
from django.urls import reverse

from library.models import SharedAttachment
from reports.models import ProvinceReport
from tests import factories
from tests.conftest import make_inspector
from tests.library_data import SUPHANNIKA, attach

ACCEPTED = ProvinceReport.Status.ACCEPTED


@pytest.fixture
def q3(geography):
    return factories.period(2564, 3)


@pytest.fixture
def kk(q3):
    """ขอนแก่น's accepted report: a best practice, a shortfall and two attachments."""
    report = factories.report("ขอนแก่น", q3, status=ACCEPTED)
    report.practice = factories.best_practice(report, title=SUPHANNIKA, what_done="รวมกลุ่มทอผ้าไหม")
    report.shortfall = factories.shortfall(report, problems="งบประมาณล่าช้าเป็นความลับของจังหวัด")
    report.shared = attach(report, "ลายผ้า.pdf")
    report.private = attach(report, "บัญชีรายชื่อ.pdf")
    SharedAttachment.objects.create(finding=report.practice, attachment=report.shared)
    return report


def library_page(client, user, **params):
    client.force_login(user)
    return client.get(reverse("library:list"), params)


# --- the library page ------------------------------------------------------------


def test_anonymous_is_sent_to_log_in(client, kk):
    for url in (reverse("library:list"), reverse("library:best_practice", args=[kk.practice.pk])):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "who", ["officer", "other_officer", "inspector", "other_inspector", "head_of_inspectors", "admin_user"]
)
def test_every_signed_in_role_reads_the_library(client, kk, who, request):
    response = library_page(client, request.getfixturevalue(who))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ลายสุพรรณิการ์" in html
    assert reverse("library:best_practice", args=[kk.practice.pk]) in html
    assert "ความลับของจังหวัด" not in html  # shortfalls are never in the library


def test_only_accepted_reports_are_in_the_library(client, other_officer, q3, kk):
    for status in ("draft", "submitted", "returned"):
        report = factories.report(
            {"draft": "อุดรธานี", "submitted": "เลย", "returned": "หนองคาย"}[status], q3, status=status
        )
        factories.best_practice(report, title=f"ยังไม่รับ{status}")
    html = library_page(client, other_officer).content.decode()
    assert "ยังไม่รับ" not in html
    assert "ลายสุพรรณิการ์" in html


def test_filters_narrow_the_library(client, other_officer, q3, kk):
    later = factories.report("นครสวรรค์", factories.period(2565, 1), status=ACCEPTED)
    factories.best_practice(later, title="ตลาดชุมชนนครสวรรค์")
    by_year = library_page(client, other_officer, fiscal_year=2565).content.decode()
    assert "ตลาดชุมชนนครสวรรค์" in by_year and "ลายสุพรรณิการ์" not in by_year
    by_province = library_page(client, other_officer, province=kk.province_id).content.decode()
    assert "ลายสุพรรณิการ์" in by_province and "ตลาดชุมชนนครสวรรค์" not in by_province
    by_zone = library_page(client, other_officer, zone=later.zone_id).content.decode()
    assert "ตลาดชุมชนนครสวรรค์" in by_zone and "ลายสุพรรณิการ์" not in by_zone
    by_project = library_page(client, other_officer, project=kk.practice.project_id).content.decode()
    assert "ลายสุพรรณิการ์" in by_project and "ตลาดชุมชนนครสวรรค์" not in by_project


def test_the_library_searches_best_practices_by_a_thai_word(client, other_officer, kk):
    html = library_page(client, other_officer, q="สุพรรณิการ์").content.decode()
    assert "ลาย<mark>สุพรรณิการ์</mark>" in html
    assert "1 รายการ" in html


def test_a_shortfall_word_finds_nothing_in_the_library(client, other_officer, kk):
    html = library_page(client, other_officer, q="ความลับ").content.decode()
    assert "ความลับของจังหวัด" not in html
    assert 'id="no-results"' in html


def test_symbols_alone_are_refused_with_a_message(client, other_officer, kk):
    response = library_page(client, other_officer, q="!!! ...")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="search-problem"' in html and "ลายสุพรรณิการ์" not in html


def test_a_bad_filter_value_shows_no_results_and_no_error_page(client, other_officer, kk):
    response = library_page(client, other_officer, province="x", page="zzz")
    assert response.status_code == 200
    assert 'id="search-problem"' in response.content.decode()


def test_the_library_refuses_post(client, officer):
    client.force_login(officer)
    assert client.post(reverse("library:list")).status_code == 405


# --- a best practice's page --------------------------------------------------------


def test_other_provinces_see_only_shared_attachments(client, other_officer, kk):
    client.force_login(other_officer)
    html = client.get(reverse("library:best_practice", args=[kk.practice.pk])).content.decode()
    assert "ลายผ้า.pdf" in html and "บัญชีรายชื่อ.pdf" not in html
    assert "ขอนแก่น" in html and "ไตรมาส 3" in html
    assert 'id="read-report"' not in html  # the report itself stays private


def test_the_province_is_offered_its_whole_report(client, officer, kk):
    client.force_login(officer)
    html = client.get(reverse("library:best_practice", args=[kk.practice.pk])).content.decode()
    assert 'id="read-report"' in html


@pytest.mark.parametrize("what", ["shortfall", "unaccepted"])
def test_a_shortfall_or_an_unaccepted_best_practice_has_no_page(client, other_officer, kk, q3, what):
    finding = kk.shortfall
    if what == "unaccepted":
        finding = factories.best_practice(factories.report("เลย", q3, status="submitted"))
    client.force_login(other_officer)
    assert client.get(reverse("library:best_practice", args=[finding.pk])).status_code == 404


# --- downloading: the sharing check ----------------------------------------------------


ROLES = {
    # who: (may download the unshared attachment, may download the shared one)
    "officer": (True, True),
    "other_officer": (False, True),
    "inspector": (True, True),
    "other_inspector": (False, True),
    "head_of_inspectors": (True, True),
    "admin_user": (True, True),
}


@pytest.mark.parametrize("who", ROLES)
def test_downloads_by_role(client, kk, who, request):
    client.force_login(request.getfixturevalue(who))
    private_ok, shared_ok = ROLES[who]
    private = client.get(reverse("reports:attachment", args=[kk.private.pk]))
    shared = client.get(reverse("reports:attachment", args=[kk.shared.pk]))
    assert private.status_code == (200 if private_ok else 403)
    assert shared.status_code == (200 if shared_ok else 403)


def test_anonymous_downloads_nothing(client, kk):
    response = client.get(reverse("reports:attachment", args=[kk.shared.pk]))
    assert response.status_code == 302


def test_a_shared_file_of_a_report_reopened_is_private_again(client, other_officer, kk):
    ProvinceReport.objects.filter(pk=kk.pk).update(status=ProvinceReport.Status.RETURNED)
    client.force_login(other_officer)
    assert client.get(reverse("reports:attachment", args=[kk.shared.pk])).status_code == 403


def test_an_inspector_of_the_zone_in_another_year_sees_only_shared_files(client, kk):
    client.force_login(make_inspector("inspector_12_2565", [12], 2565))
    assert client.get(reverse("reports:attachment", args=[kk.private.pk])).status_code == 403
    assert client.get(reverse("reports:attachment", args=[kk.shared.pk])).status_code == 200


# --- sharing ---------------------------------------------------------------------------


def share_url(finding) -> str:
    return reverse("library:share", args=[finding.pk])


def test_the_officer_chooses_the_shared_files(client, officer, kk):
    client.force_login(officer)
    response = client.post(share_url(kk.practice), {"attachments": [kk.private.pk]})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/reports/{kk.pk}/#library-sharing")
    assert list(SharedAttachment.objects.values_list("attachment_id", flat=True)) == [kk.private.pk]
    client.post(share_url(kk.practice), {})
    assert not SharedAttachment.objects.exists()


def test_the_sharing_panel_is_the_provinces(client, officer, inspector, kk):
    client.force_login(officer)
    html = client.get(reverse("reports:edit", args=[kk.pk])).content.decode()
    assert 'id="library-sharing"' in html
    assert f'id="share-{kk.practice.pk}-{kk.shared.pk}" checked' in html
    assert f'id="share-{kk.practice.pk}-{kk.private.pk}">' in html
    client.force_login(inspector)
    assert 'id="library-sharing"' not in client.get(reverse("reports:edit", args=[kk.pk])).content.decode()


@pytest.mark.parametrize("who", ["other_officer", "inspector", "head_of_inspectors", "admin_user"])
def test_only_the_provinces_officer_shares(client, kk, who, request):
    client.force_login(request.getfixturevalue(who))
    assert client.post(share_url(kk.practice), {"attachments": [kk.private.pk]}).status_code == 403
    assert list(SharedAttachment.objects.values_list("attachment_id", flat=True)) == [kk.shared.pk]


def test_a_file_of_another_report_cannot_be_shared(client, officer, kk, q3):
    elsewhere = attach(factories.report("นครสวรรค์", q3, status=ACCEPTED), "ของคนอื่น.pdf")
    client.force_login(officer)
    client.post(share_url(kk.practice), {"attachments": [elsewhere.pk]})
    assert list(SharedAttachment.objects.values_list("attachment_id", flat=True)) == [kk.shared.pk]


def test_files_are_shared_with_best_practices_only(client, officer, kk):
    client.force_login(officer)
    assert client.post(share_url(kk.shortfall), {"attachments": [kk.private.pk]}).status_code == 404
    assert client.get(share_url(kk.practice)).status_code == 405


def test_the_sharing_panel_costs_one_query_whatever_the_number_of_files(client, officer, kk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(officer)
    url = reverse("reports:edit", args=[kk.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        practice = factories.best_practice(kk, title=f"แบบอย่าง {n}")
        SharedAttachment.objects.create(finding=practice, attachment=attach(kk, f"ไฟล์ {n}.pdf"))
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert html.count('class="border-top pt-2 mt-2 share-form"') == 6
    assert len(many) == len(few)
