"""The Thai catalogue is complete and compiled, so a fresh machine needs no gettext tools."""

import json
import re
from pathlib import Path

from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "th" / "LC_MESSAGES"


def _entries(path: Path) -> list[tuple[str, str]]:
    """(msgid, msgstr) pairs of a .po file, joining continued lines; plural forms count by their first."""
    text = path.read_text(encoding="utf-8")
    entries = []
    for block in re.split(r"\n\s*\n", text):
        if block.lstrip().startswith("#~"):
            continue
        fields: dict[str, str] = {}
        current = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgstr(?:\[0\])?|msgid_plural|msgctxt) "(.*)"$', line)
            if match:
                current = match.group(1).replace("[0]", "")
                fields[current] = match.group(2)
            elif line.startswith('"') and current:
                fields[current] += line[1:-1]
        if fields.get("msgid"):
            entries.append((fields["msgid"], fields.get("msgstr", "")))
    return entries


def test_every_message_has_a_thai_translation():
    translated = {}
    for path in [LOCALE / "django.po", *sorted((LOCALE / "pending").glob("*.po"))]:
        for msgid, msgstr in _entries(path):
            if msgstr:
                translated.setdefault(msgid, msgstr)
    msgids = {msgid for msgid, _ in _entries(LOCALE / "django.po")}
    missing = sorted(msgid for msgid in msgids if msgid not in translated)
    assert not missing, f"untranslated: {missing}"


def test_the_compiled_catalogue_is_there_and_used():
    assert (LOCALE / "django.mo").exists()
    with translation.override("th"):
        assert translation.gettext("Log in") == "เข้าสู่ระบบ"
    with translation.override("en"):
        assert translation.gettext("Log in") == "Log in"


def test_the_admin_javascript_speaks_thai(client, admin_user):
    client.force_login(admin_user)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    for thai in ("เลือกแล้ว %(sel)s จาก %(cnt)s รายการ", "เลือก%sทั้งหมด"):
        assert json.dumps(thai) in catalogue  # the catalogue is JSON with escaped non-ASCII
