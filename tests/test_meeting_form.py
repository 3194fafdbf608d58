"""The meeting form: kinds, the month's issues picked or typed, chair and officials, topics, the date's window;
changing a meeting; its provinces page (who takes part, presentation order, presenters)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import FollowUpMeeting, MeetingProvince, MonthlyIssue
from provinces.models import Province
from tests import review_factories as make
from tests.golden import meeting_kinds as golden
from tests.golden import setup
from tests.meeting_data import BEST_PRACTICES, FREE, MONTHLY_ISSUE, SHORTFALLS, meeting_data, person

pytestmark = pytest.mark.django_db


@pytest.fixture
def quarter(geography):
    return make.period(2564, 2)


@pytest.fixture
def chair(geography):
    return setup.person(golden.INSPECTOR)


def _add(client, quarter, data, kind="quarterly"):
    return client.post(f"{reverse('meetings:add')}?period={quarter.pk}&kind={kind}", data)


def _errors(response) -> dict:
    forms = response.context["forms"]
    return {
        "form": forms.form.errors,
        "topics": [form.errors for form in forms.topics.forms],
        "topics_all": forms.topics.non_form_errors(),
        "officials": [form.errors for form in forms.officials.forms],
    }


# --- kinds and the month's issues ------------------------------------------------------------


def test_the_kind_chooser_offers_the_quarters_workshop_and_its_three_months(client, inspector, quarter):
    client.force_login(inspector)
    choices = client.get(reverse("meetings:add"), {"period": quarter.pk}).context["kind_form"].fields["kind"].choices
    assert [value for value, _label in choices] == ["quarterly", "2021-01", "2021-02", "2021-03"]
    assert "เดือนมีนาคม พ.ศ. 2564" in choices[3][1]


def test_a_monthly_meeting_starts_with_the_months_issues(client, inspector, quarter):
    issues = setup.issues_b()
    MonthlyIssue.objects.create(month=datetime.date(2021, 2, 1), number=1, title="ประเด็นของเดือนกุมภาพันธ์")
    client.force_login(inspector)
    response = client.get(reverse("meetings:add"), {"period": quarter.pk, "kind": "2021-03"})
    forms = response.context["forms"]
    prefilled = [(form["kind"].value(), form["issue"].value(), form["title"].value()) for form in forms.topics.forms]
    assert prefilled[:3] == [(MONTHLY_ISSUE, issue.pk, issue.title) for issue in issues]
    assert list(forms.topics.forms[0].fields["issue"].queryset) == issues  # that month's only
    assert forms.form["number"].value() is None and forms.form["purpose"].value() == golden.MONTHLY_PURPOSE


def test_issues_picked_typed_or_dropped(client, inspector, quarter, chair):
    first, second, _third = setup.issues_b()
    client.force_login(inspector)
    topics = [
        (MONTHLY_ISSUE, "", "ผลการติดตามประเด็นแรก", first.pk),  # picked: the title comes from the issue
        (MONTHLY_ISSUE, "ประเด็นที่ผู้ตรวจพิมพ์เอง", "ผลการติดตาม"),  # typed
        (SHORTFALLS, golden.TOPIC_SHORTFALLS),
    ]
    data = meeting_data(chair, zones=[12], topics=topics, held_on="2021-03-30", number="")
    response = _add(client, quarter, data, kind="2021-03")
    assert response.status_code == 302, _errors(response)
    meeting = FollowUpMeeting.objects.get()
    assert (meeting.kind, meeting.month, meeting.number) == ("monthly", datetime.date(2021, 3, 1), None)
    assert [(t.kind, t.title, t.issue_id) for t in meeting.topics.all()] == [
        (MONTHLY_ISSUE, first.title, first.pk),
        (MONTHLY_ISSUE, "ประเด็นที่ผู้ตรวจพิมพ์เอง", None),
        (SHORTFALLS, golden.TOPIC_SHORTFALLS, None),
    ]
    assert second.title not in " ".join(block["text"] for block in meeting.draft["blocks"])


def test_an_unknown_kind_is_refused_not_made_a_workshop(client, inspector, quarter):
    # Review defect 4: a kind the quarter does not have used to fall back silently to the workshop.
    client.force_login(inspector)
    response = client.get(reverse("meetings:add"), {"period": quarter.pk, "kind": "2022-13"})
    assert response.status_code == 400 and response.context["forms"] is None
    assert 'id="kind-error"' in response.content.decode()


# --- bad input ------------------------------------------------------------------------------


def test_no_chair_an_empty_topic_and_no_topic_at_all(client, inspector, quarter):
    client.force_login(inspector)
    topics = [(SHORTFALLS, ""), (FREE, "  ", "ข้อความ")]
    response = _add(client, quarter, meeting_data(None, topics=topics, held_on="2021-03-25"))
    assert response.status_code == 400
    errors = _errors(response)
    assert errors["form"]["chair"] == ["กรุณาเลือกประธานในที่ประชุม"]
    assert errors["topics"][0]["title"] == errors["topics"][1]["title"] == ["กรุณาระบุหัวข้อ หัวข้อต้องไม่ว่าง"]
    assert 'id="meeting-errors"' in response.content.decode()
    assert "ข้อความ" in response.content.decode()  # typed text kept
    response = _add(client, quarter, meeting_data(None, topics=[("", "")], held_on="2021-03-25"))
    assert _errors(response)["topics_all"] == ["กรุณาระบุหัวข้อการประชุมอย่างน้อยหนึ่งหัวข้อ"]
    assert not FollowUpMeeting.objects.exists()


def test_a_topic_from_the_reports_only_once(client, inspector, quarter, chair):
    client.force_login(inspector)
    topics = [(SHORTFALLS, "ก"), (SHORTFALLS, "ข"), (BEST_PRACTICES, "ค")]
    response = _add(client, quarter, meeting_data(chair, topics=topics, held_on="2021-03-25"))
    assert response.status_code == 400 and "มีได้เพียงหัวข้อเดียว" in str(_errors(response)["topics_all"])


@pytest.mark.parametrize(
    ("kind", "day", "ok"),
    [
        ("quarterly", "2020-12-31", False),  # before Q2 FY 2564 begins (1 January 2021)
        ("quarterly", "2021-01-01", True),
        ("quarterly", "2021-06-30", True),  # one quarter after it ends (31 March 2021)
        ("quarterly", "2021-07-01", False),
        ("2021-03", "2021-02-28", False),  # before March begins
        ("2021-03", "2021-06-30", True),
        ("2021-03", "2021-07-01", False),
    ],
)
def test_the_date_window(client, inspector, quarter, chair, kind, day, ok):
    client.force_login(inspector)
    response = _add(client, quarter, meeting_data(chair, held_on=day), kind=kind)
    assert (response.status_code == 302) is ok
    if not ok:
        message = _errors(response)["form"]["held_on"][0]
        assert "ต้องจัดระหว่างวันที่" in message and "ไม่เกินหนึ่งไตรมาสหลังสิ้นสุด" in message


def test_officials_neither_twice_nor_the_chair(client, inspector, quarter, chair):
    deputy = setup.person(golden.DEPUTY_DG)
    client.force_login(inspector)
    response = _add(client, quarter, meeting_data(chair, officials=[deputy, deputy, chair], held_on="2021-03-25"))
    errors = _errors(response)["officials"]
    assert errors[1]["person"] == ["ระบุบุคคลนี้ซ้ำ"]
    assert errors[2]["person"] == ["ระบุชื่อประธานไว้แล้ว กรุณาระบุเฉพาะผู้ร่วมประชุมคนอื่น"]


# --- changing a meeting ---------------------------------------------------------------------


def test_change_keeps_topics_and_officials_and_regenerates(client, inspector):
    meeting = setup.meeting_b(inspector)
    meeting.generate_draft()
    client.force_login(inspector)
    forms = client.get(reverse("meetings:change", args=[meeting.pk])).context["forms"]
    assert [form["title"].value() for form in forms.topics.forms][:3] == golden.B_ISSUES
    data = {}
    for bound in [forms.form, forms.topics.management_form, forms.officials.management_form]:
        data.update({field.html_name: field.value() for field in bound if field.value() is not None})
    for formset in (forms.topics, forms.officials):
        for form in formset.forms:
            data.update({field.html_name: field.value() for field in form if field.value() is not None})
    data["zones"] = [str(pk) for pk in data["zones"]]
    data["held_on"] = "2021-03-31"
    data["topics-1-body"] = "หนี้ค้างชำระลดลงร้อยละ 15"
    data = {key: value for key, value in data.items() if value is not False}
    response = client.post(reverse("meetings:change", args=[meeting.pk]), data)
    assert response.status_code == 302, response.context and _errors(response)
    meeting.refresh_from_db()
    assert meeting.held_on == datetime.date(2021, 3, 31) and meeting.officials.count() == 2
    assert [topic.title for topic in meeting.topics.all()] == golden.B_ISSUES
    assert "- หนี้ค้างชำระลดลงร้อยละ 15" in "\n".join(f"- {b['text']}" for b in meeting.draft["blocks"])


def test_a_meeting_saved_untouched_stays_as_it_was(client, inspector):
    meeting = setup.meeting_d(inspector)
    meeting.generate_draft()
    client.force_login(inspector)
    forms = client.get(reverse("meetings:change", args=[meeting.pk])).context["forms"]
    data = {}
    for bound in [forms.form, forms.topics.management_form, forms.officials.management_form]:
        data.update({field.html_name: field.value() for field in bound if field.value() is not None})
    for formset in (forms.topics, forms.officials):
        for form in formset.forms:
            data.update({field.html_name: field.value() for field in form if field.value() not in (None, False)})
    data["zones"] = [str(pk) for pk in data["zones"]]
    before = FollowUpMeeting.objects.get(pk=meeting.pk).draft
    response = client.post(reverse("meetings:change", args=[meeting.pk]), data)
    assert response.status_code == 302
    assert FollowUpMeeting.objects.get(pk=meeting.pk).draft == before
    assert meeting.topics.count() == 2


def test_change_over_hand_edits_does_not_regenerate_and_says_so(client, inspector):
    meeting = setup.meeting_d(inspector)
    meeting.generate_draft()
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(draft_edited=True)
    client.force_login(inspector)
    rows = client.get(reverse("meetings:provinces", args=[meeting.pk])).context["formset"]
    data = _province_data(rows, order={})
    response = client.post(reverse("meetings:provinces", args=[meeting.pk]), data, follow=True)
    assert "ระบบจึงยังไม่จัดทำใหม่" in response.content.decode()


# --- the provinces page ---------------------------------------------------------------------


def _province_data(formset, order: dict[str, int], left_out=(), presenters=None) -> dict:
    presenters = presenters or {}
    data = {
        "provinces-TOTAL_FORMS": str(len(formset.forms)),
        "provinces-INITIAL_FORMS": str(len(formset.forms)),
    }
    for index, form in enumerate(formset.forms):
        name = form.province.name_th
        if name not in left_out:
            data[f"provinces-{index}-included"] = "on"
        data[f"provinces-{index}-position"] = str(order.get(name, ""))
        data[f"provinces-{index}-presenter"] = str(presenters.get(name, ""))
    return data


def test_presentation_order_and_presenters(client, inspector):
    meeting = setup.meeting_a(inspector)
    client.force_login(inspector)
    url = reverse("meetings:provinces", args=[meeting.pk])
    formset = client.get(url).context["formset"]
    assert [form.province.name_th for form in formset.forms] == ["กำแพงเพชร", "นครสวรรค์", "พิจิตร", "อุทัยธานี"]
    chief = Province.objects.get(name_th="พิจิตร").chief
    assert formset.forms[2]["presenter"].value() == chief.pk  # as saved
    order = {name: position for position, name in enumerate(golden.D_ORDER, start=1)}
    response = client.post(url, _province_data(formset, order, presenters={"พิจิตร": chief.pk}))
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.all_provinces and meeting.draft["provinces"] == golden.D_ORDER
    assert MeetingProvince.objects.get(meeting=meeting, province__name_th="พิจิตร").presenter == chief


def test_one_province_kept(client, inspector):
    meeting = setup.meeting_a(inspector)
    client.force_login(inspector)
    url = reverse("meetings:provinces", args=[meeting.pk])
    formset = client.get(url).context["formset"]
    left_out = ["กำแพงเพชร", "นครสวรรค์", "อุทัยธานี"]
    assert client.post(url, _province_data(formset, {}, left_out=left_out)).status_code == 302
    meeting.refresh_from_db()
    assert not meeting.all_provinces and meeting.draft["provinces"] == ["พิจิตร"]
    assert "ของจังหวัดพิจิตร ในเขตตรวจราชการที่ 18" in meeting.draft["blocks"][0]["text"]


def test_provinces_page_refuses_none_kept_and_a_repeated_order(client, inspector):
    meeting = setup.meeting_a(inspector)
    client.force_login(inspector)
    url = reverse("meetings:provinces", args=[meeting.pk])
    formset = client.get(url).context["formset"]
    everyone = [form.province.name_th for form in formset.forms]
    response = client.post(url, _province_data(formset, {}, left_out=everyone))
    assert response.status_code == 400 and "อย่างน้อยหนึ่งจังหวัด" in response.content.decode()
    response = client.post(url, _province_data(formset, {"พิจิตร": 1, "อุทัยธานี": 1}))
    assert response.status_code == 400 and "ลำดับการนำเสนอซ้ำกัน" in response.content.decode()
    assert meeting.province_rows.count() == 1  # as it was


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_pages_queries_are_the_same_for_8_and_76_provinces(client, admin_user, inspector, quarter):
    make.reports_everywhere(quarter, Province.objects.exclude(zone=None))
    chief_post = "พัฒนาการจังหวัด"
    for province in Province.objects.exclude(zone=None):
        province.chief = person("นาย", "หัวหน้า", province.name_th, chief_post, province=province)
        province.save()
    small = make.meeting(inspector, quarter)
    national = make.meeting(admin_user, quarter, zone_numbers=range(1, 19))
    for meeting in (small, national):
        meeting.chair = setup.person(golden.INSPECTOR)
        meeting.save()
        meeting.generate_draft()
    FollowUpMeeting.objects.update(draft_edited=True)  # so that regenerating asks its question
    client.force_login(admin_user)
    counts = {}
    for name in ("detail", "change", "provinces", "publish", "print", "delete", "generate", "edit_text"):
        eight = _count(client, reverse(f"meetings:{name}", args=[small.pk]))
        seventy_six = _count(client, reverse(f"meetings:{name}", args=[national.pk]))
        assert eight == seventy_six, name
        counts[name] = eight
    assert max(counts.values()) <= 14, counts
    assert len(FollowUpMeeting.objects.get(pk=national.pk).draft["provinces"]) == 76
    # The new-meeting page reads the people and the month's issues once, however many.
    for number in range(40):
        person("นาย", "ผู้ร่วม", f"ประชุม{number}", "รองอธิบดีกรมการพัฒนาชุมชน")
        MonthlyIssue.objects.create(month=datetime.date(2021, 6, 1), number=number + 1, title=f"ประเด็นที่ {number}")
    assert _count(client, f"{reverse('meetings:add')}?period={quarter.pk}&kind=2021-03") <= 14
