"""Which findings a user may find, and finding them by Thai text.

The library is every best practice of an accepted report, for every signed-in user.
Searching findings (shortfalls too) is for inspectors — the findings of the zones they
were assigned in each finding's fiscal year — and for administrators and the head of
inspectors (all). Drafts are the province's own until submitted, so they are never found.

A query term matches a finding when its words (pythainlp) are all in the finding's
segmented text — on PostgreSQL through the GIN-indexed tsvector (`simple` configuration) —
or when the term is a substring of the finding's normalised text (the fallback for words
segmentation cuts differently). Every term must match. Findings holding the whole phrase
come first, then by ts_rank on PostgreSQL, then the newest quarters.

A common word ("โครงการ", "ศอช.") matches a large share of the findings; ranking and counting
them all made each search scan and rank the whole index. So only the MAX_RESULTS findings
entered last (highest id, read backwards along the primary key, stopping there) are ranked,
and the count stops there too: the page says "more than 1,000" and asks for a narrower search
(a filter by year or province reaches the older ones).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Exists, F, FloatField, IntegerField, OuterRef, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from library.thai_text import Query, ngrams
from provinces.models import InspectorAssignment
from reports.access import Roles
from reports.models import Finding, ProvinceReport

# The reports whose findings a search reaches: handed in at least once.
HANDED_IN = (ProvinceReport.Status.SUBMITTED, ProvinceReport.Status.RETURNED, ProvinceReport.Status.ACCEPTED)
# The most matches a search ranks and counts (see the module's docstring).
MAX_RESULTS = 1000
NEWEST_FIRST = ("-report__period__fiscal_year", "-report__period__quarter", "report__province__name_th", "pk")


def library_findings() -> QuerySet[Finding]:
    """Every best practice of an accepted report."""
    return Finding.objects.filter(kind=Finding.Kind.BEST_PRACTICE, report__status=ProvinceReport.Status.ACCEPTED)


def may_search_findings(roles: Roles) -> bool:
    return roles.is_inspector or roles.is_admin or roles.reads_all_zones


def searchable_findings(user, roles: Roles) -> QuerySet[Finding]:
    """The findings, shortfalls included, that the user may search: see the module's docstring."""
    handed_in = Finding.objects.filter(report__status__in=HANDED_IN)
    if roles.is_admin or roles.reads_all_zones:
        return handed_in
    if not roles.is_inspector:
        return handed_in.none()
    assigned = InspectorAssignment.objects.filter(
        user=user, zone=OuterRef("report__zone"), fiscal_year=OuterRef("report__period__fiscal_year")
    )
    return handed_in.filter(Exists(assigned))


def with_display(findings: QuerySet[Finding]) -> QuerySet[Finding]:
    """What a result line shows, fetched in the same query."""
    return findings.select_related("project", "report__province", "report__period", "report__zone")


def uses_full_text() -> bool:
    return connection.vendor == "postgresql"


class LexemeQuery(SearchQuery):
    """A tsquery of exact lexemes (trigrams), all required, read by no text-search configuration."""

    template = "CAST(%(expressions)s AS tsquery)"

    def __init__(self, lexemes: list[str]) -> None:
        quoted = ("'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for lexeme in lexemes)
        super().__init__(" & ".join(quoted))


def _words_query(words: tuple[str, ...]) -> SearchQuery:
    return SearchQuery(" ".join(words), config="simple", search_type="plain")


def _term_matches(term: str, words: tuple[str, ...], full_text: bool) -> Q:
    fallback = Q(search_index__text__contains=term)
    if full_text:
        # PostgreSQL tests the conditions in the order written: the words first (one tsvector
        # lookup), then the trigrams, and LIKE on the long text only for the rows they leave.
        grams = ngrams(term)
        if grams:  # the GIN index finds the candidates by trigram; LIKE confirms the substring
            fallback = Q(search_index__grams=LexemeQuery(grams)) & fallback
        return Q(search_index__vector=_words_query(words)) | fallback if words else fallback
    every_word = Q()
    for word in words:
        every_word &= Q(search_index__text__contains=word)
    return fallback | every_word


def matching(findings: QuerySet[Finding], query: Query) -> QuerySet[Finding]:
    """The findings matching every term of the query, unordered."""
    full_text = uses_full_text()
    matches = Q()
    for term, words in zip(query.terms, query.term_words, strict=True):
        matches &= _term_matches(term, words, full_text)
    return findings.filter(matches)


def candidate_ids(findings: QuerySet[Finding], query: Query, limit: int | None = None) -> list[int]:
    """The ids of the matches entered last, newest first: at most `limit` (MAX_RESULTS + 1).

    One query, read along the primary key and stopping at the limit however many findings
    match; its length is the count the page shows, and its first MAX_RESULTS are ranked.
    """
    limit = MAX_RESULTS + 1 if limit is None else limit
    return list(matching(findings, query).order_by("-pk").values_list("pk", flat=True)[:limit])


def ranked(ids: list[int], query: Query) -> QuerySet[Finding]:
    """These findings, the best matches first: the whole phrase, then ts_rank (PostgreSQL), then the newest."""
    found = Finding.objects.filter(pk__in=ids).annotate(
        exact=Case(
            When(search_index__text__contains=query.phrase, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    every_word = tuple(word for words in query.term_words for word in words)
    if uses_full_text() and every_word:
        rank = SearchRank(F("search_index__vector"), _words_query(every_word))
        found = found.annotate(rank=Coalesce(rank, Value(0.0)))
    else:
        found = found.annotate(rank=Value(0.0, output_field=FloatField()))
    return found.order_by("-exact", "-rank", *NEWEST_FIRST)


def search(findings: QuerySet[Finding], query: Query) -> QuerySet[Finding]:
    """The findings matching every term of the query, the best matches first (two queries).

    Only the MAX_RESULTS matches entered last are ranked (see the module's docstring).
    """
    return ranked(candidate_ids(findings, query, MAX_RESULTS), query)
