"""The summary's HTML is rendered once per version and kept in the shared cache (meetings/rendered.py): a change of
the draft or of the published summary shows at once, on the meeting page and in the print view, for every reader;
a page served from the cache reads no summary JSON; the cache is the database's, shared by every worker."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings import rendered
from meetings.models import FollowUpMeeting
from tests import review_factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 3)


@pytest.fixture
def meeting(inspector, quarter):
    make.seed_quarter(quarter)
    return make.meeting(inspector, quarter)


def _url(name, meeting):
    return reverse(f"meetings:{name}", args=[meeting.pk])


def _edit_first_block(client, meeting, text: str) -> None:
    """Change the first block of the draft through the edit page, as the inspector does."""
    form = client.get(_url("edit_text", meeting)).context["form"]
    data = {name: field.initial for name, field in form.fields.items()}
    data[form.field_name(FollowUpMeeting.objects.get(pk=meeting.pk).draft["blocks"][0])] = text
    response = client.post(_url("edit_text", meeting), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def _summary_sql(queries) -> list[str]:
    """The queries that read a summary's JSON column."""
    columns = ('"meetings_followupmeeting"."draft"', '"meetings_followupmeeting"."published"')
    return [query["sql"] for query in queries if any(column in query["sql"] for column in columns)]


def test_an_edited_draft_shows_at_once_on_the_page_and_in_the_print_view(client, inspector, meeting):
    client.force_login(inspector)
    before = client.get(_url("detail", meeting)).content.decode()  # renders and caches the draft
    assert "ข้อความใหม่ของผู้ตรวจ" not in before
    client.get(_url("print", meeting))
    _edit_first_block(client, meeting, "ข้อความใหม่ของผู้ตรวจ")
    assert "ข้อความใหม่ของผู้ตรวจ" in client.get(_url("detail", meeting)).content.decode()
    assert "ข้อความใหม่ของผู้ตรวจ" in client.get(_url("print", meeting)).content.decode()


def test_readers_get_the_published_text_and_a_new_publication_at_once(client, inspector, head_of_inspectors, meeting):
    meeting.publish(by=inspector)
    client.force_login(head_of_inspectors)
    first = client.get(_url("detail", meeting)).content.decode()
    assert "ฉบับแก้ครั้งที่สอง" not in first
    client.force_login(inspector)
    _edit_first_block(client, meeting, "ฉบับแก้ครั้งที่สอง")
    page = client.get(_url("detail", meeting)).content.decode()
    assert "ฉบับแก้ครั้งที่สอง" in page and 'id="published-differs"' in page  # the editor sees the draft
    client.force_login(head_of_inspectors)
    assert "ฉบับแก้ครั้งที่สอง" not in client.get(_url("detail", meeting)).content.decode()  # not published yet
    FollowUpMeeting.objects.get(pk=meeting.pk).publish(by=inspector)
    assert "ฉบับแก้ครั้งที่สอง" in client.get(_url("detail", meeting)).content.decode()
    assert "ฉบับแก้ครั้งที่สอง" in client.get(_url("print", meeting)).content.decode()
    client.force_login(inspector)
    assert 'id="published-same"' in client.get(_url("detail", meeting)).content.decode()


def test_regenerating_shows_at_once(client, inspector, meeting):
    client.force_login(inspector)
    _edit_first_block(client, meeting, "ข้อความที่จะหายไป")
    assert "ข้อความที่จะหายไป" in client.get(_url("detail", meeting)).content.decode()
    client.post(_url("generate", meeting), {"confirm": "on", "asked": "1"})
    assert "ข้อความที่จะหายไป" not in client.get(_url("detail", meeting)).content.decode()


def test_a_summary_written_by_a_queryset_update_gets_a_new_token_too(client, inspector, meeting):
    token = FollowUpMeeting.objects.get(pk=meeting.pk).summary_token
    draft = FollowUpMeeting.objects.get(pk=meeting.pk).draft
    draft["blocks"][0]["text"] = "เขียนโดยตรง"
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(draft=draft)
    assert FollowUpMeeting.objects.get(pk=meeting.pk).summary_token != token
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(page_numbers="thai_digits")  # not the summary: kept
    assert FollowUpMeeting.objects.get(pk=meeting.pk).summary_token != token
    client.force_login(inspector)
    assert "เขียนโดยตรง" in client.get(_url("detail", meeting)).content.decode()


def test_a_cached_page_reads_no_summary_json_and_few_queries(client, inspector, meeting, django_assert_max_num_queries):
    meeting.publish(by=inspector)
    client.force_login(inspector)
    client.get(_url("detail", meeting))  # fills the cache
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url("detail", meeting)).status_code == 200
    assert _summary_sql(queries.captured_queries) == []
    with CaptureQueriesContext(connection) as queries:
        assert client.get(_url("print", meeting)).status_code == 200
    assert _summary_sql(queries.captured_queries) == []
    with django_assert_max_num_queries(18):
        client.get(_url("detail", meeting))
    with django_assert_max_num_queries(8):
        client.get(_url("print", meeting))


def test_a_meeting_never_generated_shows_the_summary_built_now(client, inspector, quarter):
    make.seed_quarter(quarter)
    empty = make.meeting(inspector, quarter, generate=False)
    client.force_login(inspector)
    page = client.get(_url("detail", empty))
    assert page.status_code == 200 and 'id="summary-title"' in page.content.decode()
    assert FollowUpMeeting.objects.get(pk=empty.pk).draft is None  # showing it stores nothing


def test_the_cache_is_the_databases_shared_by_every_worker():
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert settings.CACHES["default"]["LOCATION"] in connection.introspection.table_names()  # migrate made it
    cache.set("shared", "ค่าเดียวกัน")
    assert cache.get("shared") == "ค่าเดียวกัน"


def test_the_body_is_stored_compressed_under_the_token(inspector, meeting):
    meeting = FollowUpMeeting.objects.defer("draft", "published").get(pk=meeting.pk)
    entry = rendered.summary(meeting, rendered.DRAFT)
    stored = cache.get(f"meetings:summary:v3:{meeting.pk}:draft:{meeting.summary_token}")
    assert stored["digest"] == entry["digest"] and isinstance(stored["html_z"], bytes)


def _docx_text(data: bytes) -> str:
    import io

    import docx

    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)


def test_a_draft_file_is_rendered_once_per_version_and_a_change_shows_at_once(client, inspector, meeting, monkeypatch):
    from meetings import documents

    renders = []
    real_render = documents.render
    monkeypatch.setattr(documents, "render", lambda *args, **kwargs: renders.append(1) or real_render(*args, **kwargs))
    client.force_login(inspector)
    first = client.get(_url("docx", meeting))
    assert client.get(_url("docx", meeting)).content == first.content and len(renders) == 1
    _edit_first_block(client, meeting, "ข้อความในไฟล์ร่างฉบับใหม่")
    second = client.get(_url("docx", meeting))
    assert "ข้อความในไฟล์ร่างฉบับใหม่" in _docx_text(second.content) and len(renders) == 2
    client.post(_url("page_numbers", meeting), {"page_numbers": "thai_digits"})  # another file, rendered anew
    client.get(_url("docx", meeting))
    assert len(renders) == 3


def test_a_cached_draft_file_still_obeys_the_length_limit_in_force(client, inspector, meeting, settings):
    client.force_login(inspector)
    assert client.get(_url("docx", meeting)).status_code == 200  # rendered and kept
    settings.SUMMARY_MAX_CHARACTERS = 50
    response = client.get(_url("docx", meeting))
    assert response.status_code == 302 and response["Location"] == _url("detail", meeting)
