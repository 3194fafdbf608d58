"""A meeting's summary as HTML, rendered once per version and kept in the shared cache.

The summary of a national meeting is half a megabyte of Thai text: reading its JSON out of
the database and rendering it cost most of the meeting page and the print view. The page
now reads the meeting without its summaries (they are deferred) and takes the rendered body
(meetings/summary/_body.html), the title and the missing provinces from the cache, under a
key made of the meeting's pk, which tree (draft or published) and its `summary_token`: a new
random value written in the same UPDATE as every change of the draft or the published
summary (FollowUpMeeting.save). A changed summary therefore has a new key, and the old
entry is never read again (it expires), so no one is shown a summary older than the saved
one; a restored backup cannot meet an entry of another content under the same key.

On a miss the tree is read with its token in one query, so what is stored under a token is
that token's content even when someone saves meanwhile.
"""

import hashlib
import json
import zlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from meetings import summary as summary_tree
from meetings.models import FollowUpMeeting

# How long an entry is kept (seconds): a stale one is never read, so this only bounds the cache's size.
TIMEOUT = 7 * 24 * 3600
DRAFT = "draft"
PUBLISHED = "published"


def _key(meeting_pk: int, which: str, token) -> str:
    return f"meetings:summary:v3:{meeting_pk}:{which}:{token}"


def digest(tree: dict) -> str:
    """A fingerprint of a tree: equal trees, equal fingerprints."""
    return hashlib.sha256(json.dumps(tree, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def render_body(tree: dict) -> SafeString:
    return mark_safe(render_to_string("meetings/summary/_body.html", {"tree": tree}))  # noqa: S308 (escaped by the template)


def entry_for(tree: dict) -> dict:
    """What the pages show of a tree besides the body (title, missing provinces), its fingerprint, and its body."""
    return {
        "title": tree.get("title", ""),
        "missing": tree.get("missing", []),
        "digest": digest(tree),
        "html": render_body(tree),
    }


def _store(meeting_pk: int, which: str, token, entry: dict) -> None:
    """One entry per tree: the facts and the body compressed (Thai HTML shrinks about tenfold, so the database
    cache moves a tenth of the bytes); the body is decompressed only by a page that shows it."""
    facts = {name: entry[name] for name in ("title", "missing", "digest")}
    facts["html_z"] = zlib.compress(entry["html"].encode(), 1)
    cache.set(_key(meeting_pk, which, token), facts, TIMEOUT)


def summaries(meeting: FollowUpMeeting, wanted: dict[str, bool]) -> dict[str, dict | None]:
    """The cached entries of the meeting's draft and/or published summary (title, missing, digest, and "html"
    as safe HTML where wanted[which] is true), in one cache read when they are there; None for a summary the
    meeting does not have. `meeting` may have its summaries deferred."""
    keys = {which: _key(meeting.pk, which, meeting.summary_token) for which in wanted}
    found = cache.get_many(list(keys.values()))
    result: dict[str, dict | None] = {}
    for which, with_html in wanted.items():
        cached = found.get(keys[which])
        if cached is None:
            row = FollowUpMeeting.objects.filter(pk=meeting.pk).values(which, "summary_token").first()
            if row is None or row[which] is None:
                result[which] = None
                continue
            entry = entry_for(row[which])
            _store(meeting.pk, which, row["summary_token"], entry)
            result[which] = entry
        else:
            entry = {name: cached[name] for name in ("title", "missing", "digest")}
            if with_html:
                entry["html"] = mark_safe(zlib.decompress(cached["html_z"]).decode())  # noqa: S308 (rendered by the template, escaped)
            result[which] = entry
    return result


def summary(meeting: FollowUpMeeting, which: str) -> dict | None:
    """The cached entry of one of the meeting's summaries, with its HTML (summaries)."""
    return summaries(meeting, {which: True})[which]


def shown(meeting: FollowUpMeeting, prefer_draft: bool) -> tuple[dict, str]:
    """The rendered summary a page shows (this module) and which it is ("draft", "published" or "built"):
    the draft first if asked, else the published one, else the draft, else the summary built now (not stored, so
    not cached)."""
    order = (DRAFT, PUBLISHED) if prefer_draft else (PUBLISHED, DRAFT)
    for which in order:
        if which == PUBLISHED and meeting.published_at is None:
            continue
        entry = summary(meeting, which)
        if entry is not None:
            return entry, which
    entry = entry_for(summary_tree.build(meeting))
    return entry, "built"
