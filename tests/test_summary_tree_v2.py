"""Tree version 2: numbers of purposes, topics and headings outside their text; old (version 1) trees still render.

Migration meetings 0003 rewrites the stored trees; renderers given a block without "number"
write its text alone, so a version 1 tree reads as it did.
"""

import copy
import importlib
import io
import re

import docx
import pytest
from django.template.loader import render_to_string
from django.utils import timezone

from meetings import exports, summary
from meetings.models import FollowUpMeeting
from tests.summary_factories import load_seed
from tests.test_summary_golden import _word_paragraphs

pytestmark = pytest.mark.django_db

migration = importlib.import_module("meetings.migrations.0003_summary_tree_v2")

V1_TREE = {
    "version": 1,
    "title": "สรุปผลการประชุม",
    "blocks": [
        {"key": "header", "kind": "paragraph", "text": "วันที่ 11 มิถุนายน 2564 ..."},
        {"key": "topic-1", "kind": "topic", "text": "1) งานที่ไม่บรรลุเป้าหมาย"},
        {"key": "topic-2", "kind": "topic", "text": "ประเด็นที่ผู้ตรวจแก้ไขจนไม่มีเลขนำ"},
        {"key": "s1", "kind": "heading", "text": "1. งานที่ไม่บรรลุเป้าหมาย มีประเด็น ดังนี้\nบรรทัดที่สอง"},
        {"key": "s1-1", "kind": "item", "text": "1) ข้อความที่ขึ้นต้นด้วยเลขแต่เป็นรายการ"},
    ],
}


def _lines(tree) -> list[str]:
    """The paragraphs as Word shows them, list numbers and bullets included."""
    document = docx.Document(io.BytesIO(exports.to_docx(tree, exports.DocumentInfo("", timezone.now()))))
    return _word_paragraphs(document)


def test_number_prefix_by_kind():
    assert summary.number_prefix({"kind": "topic", "number": 3, "text": "x"}) == "3) "
    assert summary.number_prefix({"kind": "purpose", "number": 1, "text": "x"}) == "1) "
    assert summary.number_prefix({"kind": "heading", "number": 2, "text": "x"}) == "2. "
    assert summary.number_prefix({"kind": "topic", "text": "1) x"}) == ""  # version 1: the number is in the text
    assert summary.number_prefix({"kind": "item", "number": 4, "text": "x"}) == ""


def test_migration_moves_numbers_out_and_renders_the_same_text():
    upgraded = migration._to_v2(copy.deepcopy(V1_TREE))
    assert upgraded["version"] == 2
    blocks = {block["key"]: block for block in upgraded["blocks"]}
    assert (blocks["topic-1"]["number"], blocks["topic-1"]["text"]) == (1, "งานที่ไม่บรรลุเป้าหมาย")
    assert "number" not in blocks["topic-2"] and blocks["topic-2"]["text"] == "ประเด็นที่ผู้ตรวจแก้ไขจนไม่มีเลขนำ"
    assert (blocks["s1"]["number"], blocks["s1"]["text"]) == (1, "งานที่ไม่บรรลุเป้าหมาย มีประเด็น ดังนี้\nบรรทัดที่สอง")
    assert "number" not in blocks["s1-1"]
    assert _lines(upgraded) == _lines(V1_TREE)
    assert migration._to_v1(copy.deepcopy(upgraded)) == V1_TREE
    assert migration._to_v2(None) is None


def test_a_version_1_tree_still_renders_on_the_page(inspector):
    html = re.sub(r"</?span[^>]*>", "", render_to_string("meetings/summary/_body.html", {"tree": V1_TREE}))
    assert ">1) งานที่ไม่บรรลุเป้าหมาย<" in html and "1) 1)" not in html
    assert "1. งานที่ไม่บรรลุเป้าหมาย มีประเด็น ดังนี้<br>บรรทัดที่สอง" in html


def test_stored_version_1_summaries_are_rewritten_and_read_the_same(inspector):
    from django.apps import apps

    meeting = load_seed(inspector)
    current = summary.build(meeting)
    old = migration._to_v1(copy.deepcopy(current))
    FollowUpMeeting.objects.filter(pk=meeting.pk).update(draft=old, published=copy.deepcopy(old))
    migration._convert(migration._to_v2)(apps, None)
    stored = FollowUpMeeting.objects.get(pk=meeting.pk)
    assert stored.draft == stored.published == current
    assert _lines(old) == _lines(current)
