"""A summary's files: rendered once at publishing, stored, served as stored; drafts on demand; findings (.xlsx)."""

import datetime
import io
import threading
from urllib.parse import quote

import openpyxl
import pytest
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils.http import http_date

from meetings import documents, exports, pdf
from meetings.forms import draft_hash
from meetings.models import FollowUpMeeting
from provinces.models import Province
from reports.models import FindingFigure, ProvinceReport, ReportingPeriod
from tests import review_factories as make
from tests.conftest import make_inspector, make_officer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _weasyprint_where_rendering_is_not_the_point(settings):
    """These tests are about storing and serving: the renderers have their own (tests/test_exports.py)."""
    settings.PDF_RENDERER = "weasyprint"


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def seed(quarter):
    return make.seed_quarter(quarter)


@pytest.fixture
def meeting(inspector, quarter, seed):
    inspector.first_name, inspector.last_name = "นางสาวชนมณัฐ", "รอดบุญธรรม"
    inspector.save()
    return make.meeting(inspector, quarter)


@pytest.fixture
def co_inspector(geography):
    return make_inspector("co_inspector_12", [12], 2564)


@pytest.fixture
def outside_officer(geography):
    return make_officer("officer_lb", "ลพบุรี")


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.pk])


def _reread(meeting):
    return FollowUpMeeting.objects.get(pk=meeting.pk)


def _publish(client, meeting):
    return client.post(_url("publish", meeting), {"draft_hash": draft_hash(_reread(meeting).draft)})


def _content(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


# --- publishing stores the files ------------------------------------------------------


def test_publishing_stores_both_files_and_a_published_download_renders_nothing(
    client, inspector, officer, meeting, no_rendering_later, django_assert_max_num_queries
):
    client.force_login(inspector)
    assert _publish(client, meeting).status_code == 302
    published = _reread(meeting)
    assert published.published_at is not None
    for field in (published.published_pdf, published.published_docx):
        assert field.name.startswith(f"summaries/{meeting.pk}/") and default_storage.exists(field.name)
    assert _content_of(published.published_pdf).startswith(b"%PDF-")

    no_rendering_later()
    client.force_login(officer)
    for name, extension, kind in (("pdf", "pdf", "application/pdf"), ("docx", "docx", documents.DOCX_TYPE)):
        with django_assert_max_num_queries(11):  # session, user, meeting, zones, the officer's access (7)
            response = client.get(_url(name, meeting))
        assert response.status_code == 200 and response["Content-Type"] == kind
        stored = getattr(published, f"published_{extension}")
        assert _content(response) == _content_of(stored)
        assert response["ETag"] == f'"{stored.name.rsplit("/", 1)[1].split(".")[0]}"'
        assert response["Last-Modified"] == http_date(int(published.published_at.timestamp()))
        assert response["Cache-Control"] == "private, no-cache"
        thai = f"สรุปการประชุม-เขต12-18-ไตรมาส3-2564-m{meeting.pk}.{extension}"
        assert response["Content-Disposition"] == (
            f'attachment; filename="summary-zone12-18-q3-2564-m{meeting.pk}.{extension}"; '
            f"filename*=UTF-8''{quote(thai, safe='')}"
        )


@pytest.fixture
def no_rendering_later(monkeypatch):
    """Call it to make any render from then on fail the test."""

    def switch_off():
        def refuse(*args, **kwargs):
            raise AssertionError("a published download rendered a document")

        for module, name in ((exports, "to_pdf"), (exports, "to_docx"), (pdf, "render"), (documents, "render")):
            monkeypatch.setattr(module, name, refuse)

    return switch_off


def _content_of(field) -> bytes:
    with field.open("rb") as file:
        return file.read()


def test_published_word_file_names_the_publisher_and_the_publish_time(client, inspector, meeting):
    import docx

    client.force_login(inspector)
    _publish(client, meeting)
    published = _reread(meeting)
    document = docx.Document(io.BytesIO(_content_of(published.published_docx)))
    assert document.core_properties.author == "นางสาวชนมณัฐ รอดบุญธรรม"
    assert document.core_properties.created == published.published_at.replace(microsecond=0)
    assert not document.sections[0].header.paragraphs[0].text  # no draft mark once published


def test_a_download_asks_again_and_gets_not_modified(client, inspector, meeting):
    client.force_login(inspector)
    _publish(client, meeting)
    first = client.get(_url("pdf", meeting))
    assert client.get(_url("pdf", meeting), headers={"if-none-match": first["ETag"]}).status_code == 304
    since = client.get(_url("pdf", meeting), headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304 and since["ETag"] == first["ETag"]
    assert client.get(_url("pdf", meeting), headers={"if-none-match": '"other"'}).status_code == 200


def test_publishing_again_replaces_the_files(client, inspector, meeting, django_capture_on_commit_callbacks):
    client.force_login(inspector)
    _publish(client, meeting)
    first = _reread(meeting)
    old_names = {first.published_pdf.name, first.published_docx.name}
    old_etag = client.get(_url("pdf", meeting))["ETag"]

    draft = _reread(meeting).draft
    draft["blocks"][1]["text"] = "ข้อความที่แก้ไขแล้วเผยแพร่ใหม่"
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(draft=draft, draft_edited=True)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(client, meeting)
    second = _reread(meeting)
    assert {second.published_pdf.name, second.published_docx.name}.isdisjoint(old_names)
    assert not any(default_storage.exists(name) for name in old_names)
    assert client.get(_url("pdf", meeting))["ETag"] != old_etag
    assert "ข้อความที่แก้ไขแล้วเผยแพร่ใหม่" in _docx_text(_content_of(second.published_docx))


def _docx_text(data: bytes) -> str:
    import docx

    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)


def test_a_failed_render_publishes_nothing_and_leaves_no_file(client, inspector, meeting, monkeypatch):
    real_render = documents.render

    def fail_on_word(meeting, tree, fmt, **kwargs):
        if fmt.extension == "docx":
            raise RuntimeError("the Word writer broke")
        return real_render(meeting, tree, fmt, **kwargs)

    monkeypatch.setattr(documents, "render", fail_on_word)
    client.raise_request_exception = False
    client.force_login(inspector)
    response = _publish(client, meeting)
    assert response.status_code == 500
    after = _reread(meeting)
    assert after.published is None and after.published_at is None and not after.published_pdf
    assert (
        not default_storage.exists(f"summaries/{meeting.pk}")
        or not default_storage.listdir(f"summaries/{meeting.pk}")[1]
    )


def test_a_summary_published_before_files_were_kept_gets_them_once(client, inspector, officer, meeting, monkeypatch):
    meeting.publish(by=inspector)  # the model alone, as before this change: no files
    assert not _reread(meeting).published_pdf
    client.force_login(officer)
    first = client.get(_url("pdf", meeting))
    assert first.status_code == 200 and _content(first).startswith(b"%PDF-")
    stored = _reread(meeting).published_pdf.name
    assert stored

    def refuse(*args, **kwargs):
        raise AssertionError("rendered twice")

    monkeypatch.setattr(documents, "render", refuse)
    assert client.get(_url("pdf", meeting))["ETag"] == first["ETag"]
    assert _reread(meeting).published_pdf.name == stored


# --- drafts ---------------------------------------------------------------------------


def test_a_draft_is_rendered_now_marked_as_a_draft(client, inspector, meeting):
    client.force_login(inspector)
    response = client.get(_url("docx", meeting))
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"].startswith(
        f"attachment; filename=\"draft-summary-zone12-18-q3-2564-m{meeting.pk}.docx\"; filename*=UTF-8''%E0%B8%A3"
    )
    import docx

    assert docx.Document(io.BytesIO(response.content)).sections[0].header.paragraphs[0].text == "ร่าง"
    assert not _reread(meeting).published_docx


def test_a_draft_too_long_to_render_gets_a_thai_message(client, inspector, meeting, settings):
    settings.SUMMARY_MAX_CHARACTERS = 100
    client.force_login(inspector)
    response = client.get(_url("pdf", meeting), follow=True)
    assert response.redirect_chain == [(_url("detail", meeting), 302)]
    messages = [str(m) for m in response.context["messages"]]
    assert len(messages) == 1 and "ยาวเกินกว่าจะจัดทำเป็นไฟล์" in messages[0] and "100" in messages[0]
    response = _publish(client, meeting)
    assert _reread(meeting).published is None


def test_renders_wait_for_a_free_slot_and_a_long_wait_gets_a_thai_busy_page(client, inspector, meeting, settings):
    settings.RENDER_SLOTS, settings.RENDER_WAIT_SECONDS = 1, 0
    held, release = threading.Event(), threading.Event()

    def hold_the_only_slot():
        with pdf.render_slot():
            held.set()
            release.wait(10)

    holder = threading.Thread(target=hold_the_only_slot)
    holder.start()
    try:
        held.wait(5)
        client.force_login(inspector)
        response = client.get(_url("pdf", meeting))
        assert response.status_code == 503 and response["Retry-After"] == "30"
        assert "กำลังจัดทำเอกสารอื่น" in response.content.decode()
    finally:
        release.set()
        holder.join()
    assert client.get(_url("pdf", meeting)).status_code == 200


def test_render_slots_hold_one_render_each(settings):
    settings.RENDER_SLOTS, settings.RENDER_WAIT_SECONDS = 2, 0
    with pdf.render_slot() as first, pdf.render_slot() as second:
        assert {first, second} == {0, 1}
        with pytest.raises(pdf.RendererBusy), pdf.render_slot():
            pass
    with pdf.render_slot() as again:
        assert again == 0


# --- page numbers -----------------------------------------------------------------------


def test_the_inspector_chooses_thai_digits(client, inspector, meeting):
    client.force_login(inspector)
    response = client.post(_url("page_numbers", meeting), {"page_numbers": "thai_digits"}, follow=True)
    assert _reread(meeting).page_numbers == "thai_digits"
    assert [str(m) for m in response.context["messages"]] == ["บันทึกรูปแบบเลขหน้าแล้ว"]
    document = __import__("docx").Document(io.BytesIO(client.get(_url("docx", meeting)).content))
    assert "thaiNumbers" in document.sections[0]._sectPr.xml


def test_page_numbers_refuse_bad_input_wrong_method_and_others(client, inspector, other_inspector, officer, meeting):
    client.force_login(inspector)
    response = client.post(_url("page_numbers", meeting), {"page_numbers": "roman"}, follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert _reread(meeting).page_numbers == "label"
    assert client.get(_url("page_numbers", meeting)).status_code == 405
    for user in (other_inspector, officer):  # another zone's inspector, an officer
        client.force_login(user)
        assert client.post(_url("page_numbers", meeting), {"page_numbers": "thai_digits"}).status_code == 403
    client.logout()
    assert reverse("login") in client.post(_url("page_numbers", meeting), {"page_numbers": "thai_digits"})["Location"]
    assert _reread(meeting).page_numbers == "label"


# --- findings as .xlsx ----------------------------------------------------------------------


def _sheet(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content)).active


@pytest.mark.parametrize(
    ("actor", "status"),
    [
        ("inspector", 200),
        ("co_inspector", 200),
        ("admin_user", 200),
        ("head_of_inspectors", 200),
        ("officer", 403),
        ("other_inspector", 403),
        ("outside_officer", 403),
    ],
)
def test_meeting_findings_are_for_inspectors_and_admins(client, request, inspector, actor, status, meeting):
    meeting.publish(by=inspector)  # officers may read the published summary, not the findings
    client.force_login(request.getfixturevalue(actor))
    assert client.get(_url("findings_xlsx", meeting)).status_code == status


def test_findings_anonymous_and_wrong_method(client, inspector, meeting):
    assert reverse("login") in client.get(_url("findings_xlsx", meeting))["Location"]
    assert reverse("login") in client.get(reverse("reports:findings_xlsx"))["Location"]
    client.force_login(inspector)
    assert client.post(_url("findings_xlsx", meeting)).status_code == 405
    assert client.post(reverse("reports:findings_xlsx")).status_code == 405


def test_meeting_findings_workbook(client, inspector, meeting, seed):
    formula = make.shortfall(seed["ขอนแก่น"], "โครงการสูตร", problems='=HYPERLINK("http://x.invalid","x")')
    FindingFigure.objects.create(finding=formula, activity="ระยะที่ 1", target=516, result=500, unit="แปลง")
    FindingFigure.objects.create(finding=formula, activity="ระยะที่ 2", target=12, result="9.5", unit="แห่ง", position=1)
    client.force_login(inspector)
    response = client.get(_url("findings_xlsx", meeting))
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert f'filename="findings-zone12-18-q3-2564-m{meeting.pk}.xlsx"' in response["Content-Disposition"]
    sheet = _sheet(response.content)
    headers = [cell.value for cell in sheet[1]]
    assert headers[:4] == ["จังหวัด", "เขตตรวจราชการ", "งาน/โครงการ/กิจกรรม", "ประเภท"]
    assert "สถานะรายงาน" in headers and "เป้าหมาย" in headers
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == sheet.dimensions
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHIJKLMN")
    assert sheet.column_dimensions["E"].width <= 62  # long texts wrap instead
    rows = list(sheet.iter_rows(min_row=2))
    findings = sum(r.findings.count() for r in ProvinceReport.objects.all())
    assert len(rows) == findings + 1  # the finding with two figure rows takes two rows
    # Zone 12 before zone 18, Thai order within a zone (กาฬสินธุ์ ขอนแก่น มหาสารคาม ร้อยเอ็ด).
    provinces = [row[0].value for row in rows]
    assert provinces.index("กาฬสินธุ์") < provinces.index("ขอนแก่น") < provinces.index("กำแพงเพชร")
    first, second = [row for row in rows if row[2].value == "โครงการสูตร"]
    assert first[4].value.startswith("=HYPERLINK") and first[4].data_type == "s"
    assert (first[10].value, first[11].value, first[12].value, first[11].number_format) == (
        "ระยะที่ 1",
        516,
        500,
        "#,##0",
    )
    assert (second[10].value, second[12].value, second[12].number_format) == ("ระยะที่ 2", 9.5, "#,##0.00")


def test_quarter_findings_follow_the_users_zones(
    client, inspector, other_inspector, admin_user, officer, seed, quarter
):
    make.reports_everywhere(quarter, Province.objects.filter(zone__number=1)[:2])
    url = f"{reverse('reports:findings_xlsx')}?period={quarter.pk}"
    client.force_login(inspector)
    response = client.get(url)
    assert 'filename="findings-zone12-18-q3-2564.xlsx"' in response["Content-Disposition"]
    assert {row[1].value for row in _sheet(response.content).iter_rows(min_row=2)} == {12, 18}
    client.force_login(other_inspector)
    assert {row[1].value for row in _sheet(client.get(url).content).iter_rows(min_row=2)} == {1}
    client.force_login(admin_user)
    assert {row[1].value for row in _sheet(client.get(url).content).iter_rows(min_row=2)} == {1, 12, 18}
    client.force_login(officer)
    assert client.get(url).status_code == 403


def test_findings_query_counts_do_not_grow(client, admin_user, quarter, seed, django_assert_max_num_queries):
    url = f"{reverse('reports:findings_xlsx')}?period={quarter.pk}"
    client.force_login(admin_user)
    with django_assert_max_num_queries(9):
        small = client.get(url)
    make.reports_everywhere(quarter, Province.objects.exclude(zone__number__in=[12, 18]).exclude(zone=None), 3)
    with django_assert_max_num_queries(9):
        large = client.get(url)
    assert _sheet(large.content).max_row > 10 * _sheet(small.content).max_row


def test_the_system_check_says_when_pdfs_fall_back(settings):
    from meetings.checks import pdf_renderer

    settings.CHROMIUM_PATH = "/nonexistent/chromium"
    settings.PDF_RENDERER = "auto"
    assert [message.id for message in pdf_renderer(None)] == ["meetings.W001"]
    settings.PDF_RENDERER = "chromium"
    assert [message.id for message in pdf_renderer(None)] == ["meetings.E001"]
    settings.PDF_RENDERER = "weasyprint"
    assert pdf_renderer(None) == []


def test_a_monthly_follow_ups_files_are_named_by_its_month_in_the_buddhist_era():
    period = ReportingPeriod(fiscal_year=2564, quarter=2)
    monthly = FollowUpMeeting(pk=9, kind=FollowUpMeeting.Kind.MONTHLY, month=datetime.date(2021, 3, 1), period=period)
    quarterly = FollowUpMeeting(pk=9, kind=FollowUpMeeting.Kind.QUARTERLY, period=period)

    assert documents.file_names(monthly, [18, 12], "pdf", draft=False) == (
        "สรุปการประชุม-เขต12-18-เดือนมีนาคม2564-m9.pdf",
        "summary-zone12-18-month03-2564-m9.pdf",
    )
    assert documents.file_names(monthly, [3], "docx", draft=True) == (
        "ร่าง-สรุปการประชุม-เขต3-เดือนมีนาคม2564-m9.docx",
        "draft-summary-zone3-month03-2564-m9.docx",
    )
    assert documents.file_names(quarterly, [12], "pdf", draft=False)[1] == "summary-zone12-q2-2564-m9.pdf"
