"""Follow-up meetings: create, generate, edit the text, publish, print and download; who may do what."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import summary
from meetings.forms import draft_hash
from meetings.models import FollowUpMeeting
from provinces.models import InspectionZone, Province
from reports.models import ProvinceReport
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer
from tests.meeting_data import meeting_data, person

KHON_KAEN_LINE = "จำนวน 5 จังหวัด ได้แก่ จังหวัดขอนแก่น มหาสารคาม กำแพงเพชร พิจิตร และอุทัยธานี"


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def seed(quarter):
    return make.seed_quarter(quarter)


@pytest.fixture
def meeting(inspector, quarter, seed):
    return make.meeting(inspector, quarter)


@pytest.fixture
def co_inspector(geography):
    """Another inspector of zone 12 in FY 2564: may read the meeting, not change it."""
    return make_inspector("co_inspector_12", [12], 2564)


@pytest.fixture
def outside_officer(geography):
    """An officer of a province outside the meeting's zones."""
    return make_officer("officer_lb", "ลพบุรี")


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.pk])


def _reread(meeting):
    return FollowUpMeeting.objects.get(pk=meeting.pk)


def _block(tree, kind="item"):
    return next(block for block in tree["blocks"] if block["kind"] == kind)


# --- list -----------------------------------------------------------------------


def test_list_shows_each_role_its_meetings(client, inspector, other_inspector, officer, outside_officer, meeting):
    zone_1 = make.meeting(other_inspector, meeting.period, zone_numbers=[1], generate=False)
    expectations = {
        inspector: {meeting.pk},
        other_inspector: {zone_1.pk},
        officer: set(),  # not published yet
        outside_officer: set(),
    }
    for user, expected in expectations.items():
        client.force_login(user)
        response = client.get(reverse("meetings:list"))
        assert response.status_code == 200
        assert {m.pk for m in response.context["meetings"]} == expected, user
    meeting.publish(by=inspector)
    client.force_login(officer)
    assert [m.pk for m in client.get(reverse("meetings:list")).context["meetings"]] == [meeting.pk]
    client.force_login(outside_officer)
    assert list(client.get(reverse("meetings:list")).context["meetings"]) == []


def test_list_for_admin_and_co_inspector(client, admin_user, co_inspector, other_inspector, meeting):
    zone_1 = make.meeting(other_inspector, meeting.period, zone_numbers=[1], generate=False)
    client.force_login(admin_user)
    assert {m.pk for m in client.get(reverse("meetings:list")).context["meetings"]} == {meeting.pk, zone_1.pk}
    client.force_login(co_inspector)
    assert [m.pk for m in client.get(reverse("meetings:list")).context["meetings"]] == [meeting.pk]


def test_list_anonymous_and_wrong_method(client, inspector, geography):
    assert reverse("login") in client.get(reverse("meetings:list"))["Location"]
    client.force_login(inspector)
    assert client.post(reverse("meetings:list")).status_code == 405


def test_list_query_count_does_not_grow(client, inspector, quarter, django_assert_max_num_queries):
    for _ in range(15):
        make.meeting(inspector, quarter, generate=False)
    client.force_login(inspector)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("meetings:list"))
    assert len(response.context["meetings"]) == 15


# --- create ---------------------------------------------------------------------


@pytest.fixture
def chair(inspector):
    return person("นางสาว", "ชนมณัฐ", "รอดบุญธรรม", user=inspector)


def _meeting_data(chair=None, **overrides):
    if "zones" in overrides:
        numbers = InspectionZone.objects.filter(pk__in=overrides.pop("zones")).values_list("number", flat=True)
        overrides["zones"] = list(numbers)
    return meeting_data(chair=chair, **overrides)


def _add_url(quarter):
    return f"{reverse('meetings:add')}?period={quarter.pk}"


def test_new_meeting_form_is_prefilled_with_the_defaults(client, inspector, quarter):
    client.force_login(inspector)
    response = client.get(reverse("meetings:add"), {"period": quarter.pk})
    assert response.status_code == 200
    forms = response.context["forms"]
    assert forms.form["purpose"].value() == summary.default_purpose(quarter)
    assert forms.form["number"].value() == quarter.quarter  # ครั้งที่ 3/2564 by default
    topics = [(topic["kind"].value(), topic["title"].value()) for topic in forms.topics.forms]
    assert topics[:2] == [
        ("shortfalls", summary.DEFAULT_TOPIC_SHORTFALLS),
        ("best_practices", summary.DEFAULT_TOPIC_BEST_PRACTICES),
    ]
    assert {zone.number for zone in forms.form.fields["zones"].queryset} == {12, 18}


def test_create_a_meeting_generates_its_draft(client, inspector, quarter, seed, chair):
    client.force_login(inspector)
    response = client.post(_add_url(quarter), _meeting_data(chair))
    meeting = FollowUpMeeting.objects.get()
    assert response.status_code == 302 and response["Location"] == _url("detail", meeting)
    assert meeting.inspector == inspector and meeting.period == quarter and meeting.chair == chair
    assert {zone.number for zone in meeting.zones.all()} == {12, 18}
    assert meeting.purpose == "ติดตามผล" and not meeting.draft_edited and meeting.number == 3
    assert [(topic.kind, topic.title) for topic in meeting.topics.all()] == [
        ("shortfalls", "หัวข้อ 1"),
        ("best_practices", "หัวข้อ 2"),
    ]
    assert KHON_KAEN_LINE in " ".join(block["text"] for block in meeting.draft["blocks"])


def test_create_refuses_a_zone_not_the_inspectors(client, inspector, quarter, chair):
    client.force_login(inspector)
    zone_1 = InspectionZone.objects.get(number=1).pk
    response = client.post(_add_url(quarter), _meeting_data(chair, zones=[zone_1]))
    assert response.status_code == 400 and response.context["forms"].form.errors["zones"]
    assert not FollowUpMeeting.objects.exists()


def test_create_keeps_input_and_says_what_is_missing_in_thai(client, inspector, quarter):
    client.force_login(inspector)
    response = client.post(_add_url(quarter), _meeting_data(platform="", zones=[]))
    assert response.status_code == 400
    errors = response.context["forms"].form.errors
    assert "platform" in errors and "zones" in errors and "chair" in errors
    html = response.content.decode()
    assert "กรุณาเลือกประธานในที่ประชุม" in html
    assert "ติดตามผล" in html  # what was typed is shown again
    assert not FollowUpMeeting.objects.exists()


def test_on_site_meeting_needs_a_place(client, inspector, quarter, chair):
    client.force_login(inspector)
    url = _add_url(quarter)
    assert "place" in client.post(url, _meeting_data(chair, mode="on_site", platform="")).context["forms"].form.errors
    data = _meeting_data(chair, mode="on_site", platform="", place="ศาลากลางจังหวัดขอนแก่น")
    assert client.post(url, data).status_code == 302


def test_inspector_without_zones_that_year_cannot_create_and_is_told_why(client, inspector, geography, chair):
    later = make.period(2565, 1)
    client.force_login(inspector)
    page = client.get(reverse("meetings:add"), {"period": later.pk})
    assert 'id="no-zone"' in page.content.decode() and "ปีงบประมาณ 2565" in page.content.decode()
    response = client.post(_add_url(later), _meeting_data(chair, held_on="2020-11-11"))
    assert response.status_code == 400 and "zones" in response.context["forms"].form.errors
    assert not FollowUpMeeting.objects.exists()


def test_admin_may_choose_any_zone(client, admin_user, quarter, chair):
    client.force_login(admin_user)
    zone_1 = InspectionZone.objects.get(number=1).pk
    response = client.post(_add_url(quarter), _meeting_data(chair, zones=[zone_1]))
    assert response.status_code == 302
    assert FollowUpMeeting.objects.get().inspector == admin_user


@pytest.mark.parametrize("actor", ["officer", "other_officer"])
def test_officers_cannot_create(client, request, actor, quarter):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(reverse("meetings:add")).status_code == 403
    assert client.post(reverse("meetings:add"), _meeting_data()).status_code == 403
    assert not FollowUpMeeting.objects.exists()


def test_anonymous_cannot_create(client, quarter):
    response = client.post(reverse("meetings:add"), _meeting_data())
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert not FollowUpMeeting.objects.exists()


# --- detail ---------------------------------------------------------------------


@pytest.mark.parametrize("actor", ["inspector", "admin_user", "co_inspector"])
def test_the_zones_inspectors_and_admins_read_and_edit_the_draft(client, request, actor, meeting):
    # Any inspector assigned to one of the meeting's zones that year, not only its creator.
    client.force_login(request.getfixturevalue(actor))
    response = client.get(_url("detail", meeting))
    assert response.status_code == 200
    assert KHON_KAEN_LINE in response.content.decode()
    assert response.context["may_edit"] is True
    assert _url("publish", meeting) in response.content.decode()


@pytest.mark.parametrize("actor", ["officer", "other_officer", "outside_officer", "other_inspector"])
def test_others_cannot_read_an_unpublished_meeting(client, request, actor, meeting):
    client.force_login(request.getfixturevalue(actor))
    for name in ("detail", "print", "docx", "pdf"):
        assert client.get(_url(name, meeting)).status_code == 403, name


def test_officers_of_the_provinces_read_the_published_summary_only(client, inspector, officer, other_officer, meeting):
    meeting.publish(by=inspector)
    _edit_one_sentence(meeting, "ข้อความในร่างที่ยังไม่เผยแพร่")
    for user in (officer, other_officer):
        client.force_login(user)
        response = client.get(_url("detail", meeting))
        assert response.status_code == 200
        html = response.content.decode()
        assert KHON_KAEN_LINE in html and "ข้อความในร่างที่ยังไม่เผยแพร่" not in html
        assert not response.context["may_edit"]
        assert client.get(_url("edit_text", meeting)).status_code == 403
        assert client.post(_url("publish", meeting), {"draft_hash": "x"}).status_code == 403


@pytest.mark.parametrize("actor", ["outside_officer", "other_inspector"])
def test_outsiders_cannot_read_even_a_published_summary(client, request, actor, inspector, meeting):
    meeting.publish(by=inspector)
    client.force_login(request.getfixturevalue(actor))
    for name in ("detail", "print", "docx", "pdf"):
        assert client.get(_url(name, meeting)).status_code == 403, name


def test_anonymous_cannot_read(client, meeting):
    for name in ("detail", "print", "docx", "pdf", "edit_text"):
        assert reverse("login") in client.get(_url(name, meeting))["Location"]


def test_detail_lists_the_missing_provinces(client, inspector, quarter):
    make.submitted("ขอนแก่น", quarter)
    the_meeting = make.meeting(inspector, quarter)
    client.force_login(inspector)
    html = client.get(_url("detail", the_meeting)).content.decode()
    assert 'id="missing-provinces"' in html and "ร้อยเอ็ด" in html


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_detail_and_generation_queries_do_not_grow_from_8_to_77_provinces(client, admin_user, inspector, quarter):
    make.reports_everywhere(quarter, Province.objects.all())
    small = make.meeting(inspector, quarter)
    national = make.meeting(admin_user, quarter, zone_numbers=range(1, 19))
    client.force_login(admin_user)
    assert _count_queries(client, _url("detail", small)) == _count_queries(client, _url("detail", national))
    with CaptureQueriesContext(connection) as eight:
        client.post(_url("generate", small))
    with CaptureQueriesContext(connection) as all_zones:
        client.post(_url("generate", national))
    assert len(eight) == len(all_zones) <= 20
    assert len(_reread(national).draft["provinces"]) == 76


# --- generate / regenerate ------------------------------------------------------


def _edit_one_sentence(meeting, text):
    meeting = _reread(meeting)
    _block(meeting.draft)["text"] = text
    meeting.draft_edited = True
    meeting.save()
    return meeting


def test_generate_rebuilds_from_the_reports(client, inspector, meeting, seed):
    make.shortfall(seed["ร้อยเอ็ด"], "โครงการใหม่ล่าสุด")
    client.force_login(inspector)
    response = client.post(_url("generate", meeting))
    assert response.status_code == 302
    assert "โครงการใหม่ล่าสุด" in " ".join(b["text"] for b in _reread(meeting).draft["blocks"])


def test_regenerate_asks_before_discarding_edits_and_keeps_asking(client, inspector, meeting):
    _edit_one_sentence(meeting, "ประโยคที่แก้ไขเอง")
    client.force_login(inspector)
    # From the meeting page: sent to the question, a real page (reloading it does no harm).
    response = client.post(_url("generate", meeting))
    assert response.status_code == 302 and response["Location"] == _url("generate", meeting)
    page = client.get(response["Location"])  # a real page, safe to reload
    assert page.status_code == 200 and 'id="regenerate-warning"' in page.content.decode()
    # The question answered without ticking the box: asked again, with a message saying why.
    response = client.post(_url("generate", meeting), {"asked": "on"}, follow=True)
    assert response.redirect_chain == [(_url("generate", meeting), 302)]
    assert "ยังไม่ได้จัดทำสรุปผลใหม่" in response.content.decode()
    kept = _reread(meeting)
    assert kept.draft_edited and _block(kept.draft)["text"] == "ประโยคที่แก้ไขเอง"
    response = client.post(_url("generate", meeting), {"asked": "on", "confirm": "on"})
    assert response.status_code == 302 and response["Location"] == _url("detail", meeting)
    regenerated = _reread(meeting)
    assert not regenerated.draft_edited and _block(regenerated.draft)["text"] != "ประโยคที่แก้ไขเอง"


def test_the_question_page_without_edits_goes_back_to_the_meeting(client, inspector, meeting):
    client.force_login(inspector)
    response = client.get(_url("generate", meeting))
    assert response.status_code == 302 and response["Location"] == _url("detail", meeting)


# --- edit the text --------------------------------------------------------------


def _text_data(meeting, **texts):
    data = {f"block_{block['key']}": block["text"] for block in meeting.draft["blocks"]}
    data["draft_hash"] = draft_hash(meeting.draft)
    data.update(texts)
    return data


def test_edit_one_sentence(client, inspector, meeting):
    client.force_login(inspector)
    response = client.get(_url("edit_text", meeting))
    assert response.status_code == 200
    assert len(response.context["form"].visible_fields()) == len(meeting.draft["blocks"])
    key = _block(meeting.draft)["key"]
    response = client.post(_url("edit_text", meeting), _text_data(meeting, **{f"block_{key}": "ประโยคใหม่"}))
    assert response.status_code == 302
    saved = _reread(meeting)
    assert saved.draft_edited
    assert _block(saved.draft)["text"] == "ประโยคใหม่"
    assert [b["key"] for b in saved.draft["blocks"]] == [b["key"] for b in meeting.draft["blocks"]]
    assert saved.draft["section1"] == meeting.draft["section1"]


def test_a_concurrent_edit_is_not_overwritten(client, inspector, meeting):
    client.force_login(inspector)
    stale = _text_data(meeting, **{f"block_{_block(meeting.draft)['key']}": "ข้อความของฉัน"})
    _edit_one_sentence(meeting, "ข้อความของอีกคน")  # someone saved meanwhile
    response = client.post(_url("edit_text", meeting), stale)
    assert response.status_code == 200
    html = response.content.decode()
    assert "ข้อความของฉัน" in html and "ข้อความของอีกคน" in html  # mine kept in the form, theirs shown
    assert response.context["form"].non_field_errors()
    assert _block(_reread(meeting).draft)["text"] == "ข้อความของอีกคน"
    # Saving again from the refreshed form is a deliberate overwrite.
    again = {name: value for name, value in response.context["form"].data.items()}
    assert client.post(_url("edit_text", meeting), again).status_code == 302
    assert _block(_reread(meeting).draft)["text"] == "ข้อความของฉัน"


def test_an_empty_block_is_refused(client, inspector, meeting):
    client.force_login(inspector)
    key = _block(meeting.draft)["key"]
    response = client.post(_url("edit_text", meeting), _text_data(meeting, **{f"block_{key}": "  "}))
    assert response.status_code == 200 and response.context["form"].errors[f"block_{key}"]
    assert not _reread(meeting).draft_edited


@pytest.mark.parametrize("actor", ["officer", "other_inspector", "head_of_inspectors"])
def test_others_cannot_edit_generate_or_publish(client, request, actor, meeting):
    client.force_login(request.getfixturevalue(actor))
    assert client.get(_url("edit_text", meeting)).status_code == 403
    assert client.post(_url("edit_text", meeting), _text_data(meeting)).status_code == 403
    assert client.post(_url("generate", meeting), {"confirm": "on"}).status_code == 403
    assert client.post(_url("publish", meeting), {"draft_hash": draft_hash(meeting.draft)}).status_code == 403
    after = _reread(meeting)
    assert after.published is None and not after.draft_edited and after.draft == meeting.draft


def test_wrong_method(client, inspector, meeting):
    client.force_login(inspector)
    for name in ("detail", "print", "docx", "pdf"):
        assert client.post(_url(name, meeting)).status_code == 405, name
    assert client.post(reverse("meetings:list")).status_code == 405
    assert _reread(meeting).published is None


# --- publish --------------------------------------------------------------------


def test_publish_freezes_the_summary(client, inspector, meeting, seed):
    client.force_login(inspector)
    edited = _edit_one_sentence(meeting, "ประโยคที่ผู้ตรวจแก้ไข")
    response = client.post(_url("publish", meeting), {"draft_hash": draft_hash(edited.draft)})
    assert response.status_code == 302
    published = _reread(meeting)
    assert published.published_by == inspector and published.published_at is not None
    assert _block(published.published)["text"] == "ประโยคที่ผู้ตรวจแก้ไข"
    frozen = published.published
    # A report changes and the draft is regenerated: the published text stays as it was.
    make.shortfall(seed["ร้อยเอ็ด"], "โครงการที่เพิ่มภายหลัง")
    ProvinceReport.objects.filter(pk=seed["ขอนแก่น"].pk).update(status=ProvinceReport.Status.RETURNED)
    client.post(_url("generate", meeting), {"confirm": "on"})
    after = _reread(meeting)
    assert after.published == frozen
    assert "โครงการที่เพิ่มภายหลัง" in " ".join(b["text"] for b in after.draft["blocks"])
    html = client.get(_url("detail", meeting)).content.decode()
    assert 'id="published-info"' in html and "inspector_12" in html
    docx_text = _docx_text(_content(client.get(_url("docx", meeting))))
    assert "ประโยคที่ผู้ตรวจแก้ไข" in docx_text and "โครงการที่เพิ่มภายหลัง" not in docx_text


def test_publish_refuses_a_draft_changed_since_the_page_was_read(client, inspector, meeting):
    client.force_login(inspector)
    seen = draft_hash(meeting.draft)
    _edit_one_sentence(meeting, "แก้ไขโดยอีกหน้าต่าง")
    response = client.post(_url("publish", meeting), {"draft_hash": seen}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _reread(meeting).published is None


# --- print and downloads --------------------------------------------------------


def _content(response) -> bytes:
    """The body of a response, streamed (a stored file) or not (a rendered draft)."""
    return b"".join(response.streaming_content) if response.streaming else response.content


def _docx_text(content: bytes) -> str:
    import docx

    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(content)).paragraphs)


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_print_view(client, inspector, meeting):
    client.force_login(inspector)
    response = client.get(_url("print", meeting))
    assert response.status_code == 200
    assert KHON_KAEN_LINE in response.content.decode()


def test_docx_download_of_the_draft_then_the_published(client, inspector, officer, meeting):
    client.force_login(inspector)
    response = client.get(_url("docx", meeting))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="draft-summary-zone12-18-q3-2564-m{meeting.pk}.docx"'
    )
    assert KHON_KAEN_LINE in _docx_text(response.content)
    meeting.publish(by=inspector)
    client.force_login(officer)
    assert KHON_KAEN_LINE in _docx_text(_content(client.get(_url("docx", meeting))))


def test_pdf_download(client, inspector, meeting):
    client.force_login(inspector)
    response = client.get(_url("pdf", meeting))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="draft-summary-zone12-18-q3-2564-m{meeting.pk}.pdf"'
    )
    text = _pdf_text(response.content)
    assert "กองทุนพัฒนาบทบาทสตรี" in text.replace("\n", "")


def test_editing_a_meeting_without_a_draft_asks_to_generate_first(client, inspector, quarter):
    empty = make.meeting(inspector, quarter, generate=False)
    client.force_login(inspector)
    response = client.get(_url("edit_text", empty), follow=True)
    assert "กรุณาจัดทำสรุปผลก่อนแก้ไขข้อความ" in response.content.decode()
    assert _reread(empty).draft is None
