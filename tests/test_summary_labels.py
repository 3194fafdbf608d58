"""The summary editor's boxes are labelled in words, and the admin shows the summary as text (item 22)."""

import re

import pytest
from django.urls import reverse

from tests import review_factories as make

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(inspector, geography):
    quarter = make.period(2564, 3)
    make.seed_quarter(quarter)
    return make.meeting(inspector, quarter)


def test_the_editor_labels_boxes_in_thai_not_by_internal_keys(client, inspector, meeting):
    client.force_login(inspector)
    html = client.get(reverse("meetings:edit_text", args=[meeting.pk])).content.decode()
    labels = re.findall(r'<label class="form-label[^"]*" for="id_block_[^"]+">([^<]+)</label>', html)
    assert labels, "no labelled boxes"
    for label in labels:
        assert not re.search(r"\((header|purpose|intro|topic-\d|s\d(-\d+|-none)?)\)", label), label
    assert "ย่อหน้าเปิด" in html and "วัตถุประสงค์ของการประชุม" in html
    assert "ส่วนที่ 1 ข้อ 1: " in html and "โคก หนอง นา" in html


def test_the_admin_shows_the_summary_as_readable_text_not_json(client, admin_user, meeting):
    meeting.publish(by=admin_user)
    client.force_login(admin_user)
    html = client.get(reverse("admin:meetings_followupmeeting_change", args=[meeting.pk])).content.decode()
    assert 'name="draft"' not in html and 'name="published"' not in html  # not editable raw JSON
    assert '"blocks"' not in html and "&quot;blocks&quot;" not in html
    assert "ย่อหน้าเปิด" in html and meeting.draft["blocks"][0]["text"][:30] in html
