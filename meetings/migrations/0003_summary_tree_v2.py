"""Stored summaries to tree version 2: the numbers of topics and headings move out of their text.

A version 1 topic read "1) งาน/โครงการ/กิจกรรม …" and a heading "1. งาน/โครงการ/กิจกรรม …";
version 2 keeps {"number": 1, "text": "งาน/โครงการ/กิจกรรม …"} and the renderers write the
number, so the published text reads the same. A text an inspector edited so that it no
longer starts with its number is left as it is (it renders as before).
"""

import re

from django.db import migrations

# Frozen copies of meetings.summary's rules as they were when this migration was written.
_V1_NUMBER = {"topic": re.compile(r"^(\d+)\) (.*)$", re.S), "heading": re.compile(r"^(\d+)\. (.*)$", re.S)}
_V2_FORMAT = {"topic": "{}) {}", "heading": "{}. {}"}


def _to_v2(tree):
    if not tree or tree.get("version", 1) != 1:
        return tree
    for block in tree["blocks"]:
        pattern = _V1_NUMBER.get(block["kind"])
        match = pattern.match(block["text"]) if pattern else None
        if match:
            block["number"], block["text"] = int(match[1]), match[2]
    tree["version"] = 2
    return tree


def _to_v1(tree):
    if not tree or tree.get("version") != 2:
        return tree
    for block in tree["blocks"]:
        number = block.pop("number", None)
        if number is not None:
            block["text"] = _V2_FORMAT.get(block["kind"], "{}) {}").format(number, block["text"])
    tree["version"] = 1
    return tree


def _convert(convert):
    def run(apps, schema_editor):
        FollowUpMeeting = apps.get_model("meetings", "FollowUpMeeting")
        for meeting in FollowUpMeeting.objects.exclude(draft__isnull=True, published__isnull=True).only("draft", "published"):
            meeting.draft, meeting.published = convert(meeting.draft), convert(meeting.published)
            meeting.save(update_fields=["draft", "published"])

    return run


class Migration(migrations.Migration):
    dependencies = [("meetings", "0002_rename_tables")]

    operations = [migrations.RunPython(_convert(_to_v2), _convert(_to_v1))]
