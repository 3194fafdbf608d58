"""Thai search: words inside unspaced Thai, the substring fallback, exact phrases first, who finds what,
and the index kept in step with every save."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from library import search as finding_search
from library.models import FindingIndex
from library.thai_text import Query
from reports.models import Finding, ProvinceReport
from tests import factories
from tests.conftest import make_inspector, make_officer
from tests.library_data import SUPHANNIKA

ACCEPTED = ProvinceReport.Status.ACCEPTED
only_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search (tsvector, GIN); SQLite searches text"
)


@pytest.fixture
def q3(geography):
    return factories.period(2564, 3)


@pytest.fixture
def findings(q3):
    """ขอนแก่น (zone 12) accepted; สกลนคร (zone 11) submitted; นครสวรรค์ (zone 18) a draft."""
    kk = factories.report("ขอนแก่น", q3, status=ACCEPTED)
    sk = factories.report("สกลนคร", q3, status=ProvinceReport.Status.SUBMITTED)
    ns = factories.report("นครสวรรค์", q3)
    projects = [factories.project(name=name) for name in ("งานผ้าไทย", "งานตลาด", "งานเครือข่าย", "งานกองทุน")]
    return {
        "suphannika": factories.best_practice(kk, projects[0], title=SUPHANNIKA, what_done="รวมกลุ่มทอผ้า"),
        "project": factories.best_practice(
            kk, projects[1], title="ตลาดนัดชุมชน", what_done="จัดทำโครงการพัฒนาตลาดนัดในหมู่บ้าน"
        ),
        "sorch": factories.shortfall(kk, projects[2], problems="การประชุม ศอช. ระดับอำเภอไม่ครบองค์ประชุม"),
        "secret": factories.shortfall(sk, projects[3], problems="ปัญหาหนี้สินกองทุนหมู่บ้านสกลนคร"),
        "draft": factories.shortfall(ns, projects[3], problems="ปัญหาหนี้สินในร่างรายงาน"),
    }


def found(findings_qs, text: str) -> list[Finding]:
    return list(finding_search.search(findings_qs, Query.parse(text)))


def everything():
    return Finding.objects.all()


# --- matching ------------------------------------------------------------------------


def test_a_word_inside_unspaced_thai_is_found(findings):
    assert found(everything(), "สุพรรณิการ์") == [findings["suphannika"]]


def test_the_fallback_finds_a_word_segmentation_cuts_differently(findings):
    # pythainlp cuts "โครงการพัฒนา" as โครง|การพัฒนา, and "โครงการ" alone stays whole.
    assert found(everything(), "โครงการ") == [findings["project"]]
    # …and "ศอช." as ศอ|ช|.
    assert found(everything(), "ศอช.") == [findings["sorch"]]
    assert found(everything(), "ศอช") == [findings["sorch"]]


def test_every_term_must_match(findings):
    assert found(everything(), "ศอช. อำเภอ") == [findings["sorch"]]
    assert found(everything(), "ศอช. สุพรรณิการ์") == []


def test_the_project_name_is_searched(findings):
    assert found(everything(), "งานเครือข่าย") == [findings["sorch"]]


def test_the_exact_phrase_ranks_first(q3):
    newer = factories.report("ขอนแก่น", factories.period(2565, 1), status=ACCEPTED)
    older = factories.report("ขอนแก่น", q3, status=ACCEPTED)
    scattered = factories.best_practice(newer, title="ทอมือโดยกลุ่มแม่บ้าน", what_done="ย้อมผ้าไหมสีธรรมชาติ")
    exact = factories.best_practice(older, title="ผลิตภัณฑ์ผ้าไหม ทอมือ ของชุมชน")
    assert found(everything(), "ผ้าไหม ทอมือ") == [exact, scattered]
    # Without a query the newest come first: the phrase, not the date, put `exact` ahead.
    assert list(everything().order_by(*finding_search.NEWEST_FIRST)) == [scattered, exact]


@only_postgres
def test_the_index_finds_the_word_through_the_tsvector_alone(findings):
    by_vector = FindingIndex.objects.filter(vector=SearchQuery("สุพรรณิการ์", config="simple"))
    assert list(by_vector.values_list("pk", flat=True)) == [findings["suphannika"].pk]


@only_postgres
def test_the_gin_indexes_exist(db):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname LIKE 'library_findingindex_%%_gin' ORDER BY 1")
        assert [row[0].split("USING ")[1] for row in cursor.fetchall()] == ["gin (grams)", "gin (vector)"]


# --- the index follows every save ---------------------------------------------------------


def test_an_edited_finding_is_found_by_its_new_words(findings):
    finding = findings["sorch"]
    finding.problems = "ขาดแคลนวัสดุจักสาน"
    finding.save()
    assert found(everything(), "จักสาน") == [finding]
    assert found(everything(), "ศอช.") == []


def test_a_renamed_project_is_found_by_its_new_name(findings):
    project = findings["sorch"].project
    project.name_th = "โครงการหมู่บ้านเศรษฐกิจพอเพียงต้นแบบ"
    project.save()
    assert found(everything(), "เศรษฐกิจพอเพียง") == [findings["sorch"]]


def test_a_deleted_finding_leaves_no_index_entry(findings):
    pk = findings["sorch"].pk
    findings["sorch"].delete()
    assert not FindingIndex.objects.filter(pk=pk).exists()


def test_the_reindex_command_rebuilds_the_index(findings):
    FindingIndex.objects.all().delete()
    assert found(everything(), "สุพรรณิการ์") == []
    call_command("reindex", "--missing")
    assert FindingIndex.objects.count() == Finding.objects.count()
    assert found(everything(), "สุพรรณิการ์") == [findings["suphannika"]]
    call_command("reindex")
    assert found(everything(), "ศอช.") == [findings["sorch"]]


# --- who finds what --------------------------------------------------------------------------


def search_page(client, user, q: str, **params):
    client.force_login(user)
    return client.get(reverse("library:search"), {"q": q, **params})


def test_anonymous_is_sent_to_log_in(client):
    response = client.get(reverse("library:search"), {"q": "ศอช."})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["officer", "other_officer"])
def test_officers_search_only_the_library(client, findings, who, request):
    assert search_page(client, request.getfixturevalue(who), "หนี้สิน").status_code == 403


def test_another_provinces_officer_never_sees_its_shortfalls(client, findings):
    other = make_officer("officer_udon", "อุดรธานี")
    client.force_login(other)
    for word in ("หนี้สิน", "ศอช.", "องค์ประชุม"):  # the shortfall of ขอนแก่น's accepted report, too
        html = client.get(reverse("library:list"), {"q": word}).content.decode()
        assert 'id="no-results"' in html and 'id="results"' not in html
        assert "กองทุนหมู่บ้านสกลนคร" not in html and "ไม่ครบองค์ประชุม" not in html
    assert client.get(reverse("library:search"), {"q": "ศอช."}).status_code == 403


def test_an_inspector_finds_the_shortfalls_of_the_zones_assigned_that_year(client, findings):
    zone_11 = make_inspector("inspector_11", [11], 2564)
    html = search_page(client, zone_11, "หนี้สิน").content.decode()
    assert "กองทุนหมู่บ้านสกลนคร" in html
    assert "<mark>หนี้สิน</mark>" in html
    assert "ร่างรายงาน" not in html  # drafts are the province's own


@pytest.mark.parametrize("zones, year", [([12], 2564), ([11], 2565), ([1], 2564)])
def test_an_inspector_of_another_zone_or_year_does_not(client, findings, zones, year):
    inspector = make_inspector(f"inspector_{zones[0]}_{year}", zones, year)
    html = search_page(client, inspector, "หนี้สิน").content.decode()
    assert "กองทุนหมู่บ้านสกลนคร" not in html and 'id="no-results"' in html


@pytest.mark.parametrize("who", ["head_of_inspectors", "admin_user", "portal_admin"])
def test_administrators_and_the_head_find_every_zone(client, findings, who, request):
    html = search_page(client, request.getfixturevalue(who), "หนี้สิน").content.decode()
    assert "กองทุนหมู่บ้านสกลนคร" in html and "ร่างรายงาน" not in html


def test_the_search_filters_by_kind(client, findings, admin_user):
    html = search_page(client, admin_user, "ศอช.", kind="best_practice").content.decode()
    assert 'id="no-results"' in html
    html = search_page(client, admin_user, "ศอช.", kind="shortfall").content.decode()
    assert "<mark>ศอช.</mark>" in html
    assert reverse("reports:edit", args=[findings["sorch"].report_id]) in html


def test_an_empty_search_shows_a_hint_and_garbage_a_message(client, findings, admin_user):
    client.force_login(admin_user)
    html = client.get(reverse("library:search")).content.decode()
    assert 'id="search-hint"' in html and 'id="results"' not in html
    html = search_page(client, admin_user, "%%% ***").content.decode()
    assert 'id="search-problem"' in html and 'id="results"' not in html


def test_the_search_refuses_post(client, admin_user):
    client.force_login(admin_user)
    assert client.post(reverse("library:search")).status_code == 405


# --- a common word: ranked and counted up to MAX_RESULTS ---------------------------------


@pytest.fixture
def many_sorch(q3, monkeypatch):
    """Five shortfalls naming ศอช., the oldest and one newer holding a whole phrase; the cap lowered to three."""
    monkeypatch.setattr(finding_search, "MAX_RESULTS", 3)
    report = factories.report("ขอนแก่น", q3, status=ACCEPTED)
    project = factories.project(name="งานเครือข่าย")
    oldest = factories.shortfall(report, project, problems="การประชุม ศอช. ระดับตำบล ระดับอำเภอ")
    newer = [factories.shortfall(report, project, problems=f"ศอช. ครั้งที่ {n} ระดับตำบล") for n in range(4)]
    newer[2].problems = "การประชุม ศอช. ระดับตำบล"
    newer[2].save()
    return oldest, newer


def test_only_the_newest_matches_are_ranked(many_sorch):
    oldest, newer = many_sorch
    ranked = found(everything(), "ศอช. ระดับตำบล")
    # The oldest holds the phrase too, but is not among the three entered last; among them the phrase is first.
    assert ranked[0] == newer[2] and set(ranked) == set(newer[1:])
    assert set(found(everything(), "ศอช.")) == set(newer[1:])


def test_the_count_stops_after_the_cap(many_sorch):
    oldest, newer = many_sorch
    assert finding_search.candidate_ids(everything(), Query.parse("ศอช.")) == [f.pk for f in reversed(newer)]
    assert finding_search.candidate_ids(everything(), Query.parse("ระดับอำเภอ")) == [oldest.pk]


def test_the_page_says_more_than_the_cap_were_found(client, many_sorch, admin_user):
    html = search_page(client, admin_user, "ศอช.").content.decode()
    assert "มากกว่า 3 รายการ" in html and html.count('class="card mb-2 result"') == 3
    html = search_page(client, admin_user, "ระดับอำเภอ").content.decode()
    assert "1 รายการ" in html and "มากกว่า" not in html


@only_postgres
def test_the_words_are_tested_before_the_text_is_scanned(findings):
    sql = str(finding_search.matching(everything(), Query.parse("ศอช.")).query)
    assert sql.index('"vector" @@') < sql.index('"grams" @@') < sql.index('"text"::text LIKE')
