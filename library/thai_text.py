"""Thai text for search: normalising, segmenting into words, and marking matches.

Thai is written without spaces between words, so the index stores the text cut into words
by pythainlp (newmm), joined by spaces; a query is cut the same way. Segmentation is not
always the same in a query and in a longer text ("โครงการพัฒนา" is cut โครง|การพัฒนา, while
"โครงการ" alone stays whole; "ศอช." is cut ศอ|ช|.), so each query word may also match as a
plain substring of the normalised text.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# A query longer than this is cut (a search box, not a document).
QUERY_MAX_CHARS = 100
# Words of a query beyond this are ignored.
QUERY_MAX_WORDS = 8
_SPACES = re.compile(r"\s+")
# Zero-width characters Thai text often carries from word processors; they would split or hide words.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def normalize(text: str) -> str:
    """Text as the index compares it: NFC, no zero-width characters, lower case, single spaces."""
    text = unicodedata.normalize("NFC", text or "").translate(_INVISIBLE)
    return _SPACES.sub(" ", text).strip().lower()


def _is_word(token: str) -> bool:
    return any(char.isalnum() for char in token)


@lru_cache(maxsize=2048)
def _segment_run(run: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(token for token in word_tokenize(run, keep_whitespace=False) if _is_word(token))


def words(text: str) -> list[str]:
    """The words of a text as pythainlp cuts them, normalised, punctuation left out."""
    result: list[str] = []
    for run in normalize(text).split(" "):
        if run:
            result.extend(_segment_run(run))
    return result


# Character trigrams of the normalised text, stored as a tsvector of their own (marked, so that none
# reads as a word): their GIN index finds the rows for the substring fallback, as pg_trgm would,
# without an extension. Terms shorter than this are looked for by scanning.
NGRAM = 3
NGRAM_MARK = "~"


def ngrams(text: str) -> list[str]:
    """The distinct marked trigrams of each space-separated run of normalised text, sorted."""
    found: set[str] = set()
    for run in normalize(text).split(" "):
        found.update(run[i : i + NGRAM] for i in range(len(run) - NGRAM + 1))
    return sorted(NGRAM_MARK + gram for gram in found)


def segmented(text: str) -> str:
    """The text as the index stores it: its words separated by spaces."""
    return " ".join(words(text))


@dataclass(frozen=True)
class Query:
    """A search as typed: the whole phrase, its space-separated terms, and each term's words."""

    phrase: str
    terms: tuple[str, ...]
    term_words: tuple[tuple[str, ...], ...]

    @classmethod
    def parse(cls, raw: str) -> "Query":
        phrase = normalize(raw)[:QUERY_MAX_CHARS].strip()
        terms = tuple(term for term in phrase.split(" ") if _is_word(term))[:QUERY_MAX_WORDS]
        return cls(phrase=phrase, terms=terms, term_words=tuple(tuple(words(term)) for term in terms))

    def __bool__(self) -> bool:
        return bool(self.terms)

    def needles(self) -> list[str]:
        """What to mark in a text: the phrase and each term, longest first."""
        return sorted({needle for needle in (self.phrase, *self.terms) if needle}, key=len, reverse=True)

    def word_needles(self) -> list[str]:
        """What to mark where no term occurs whole: the terms' words, single letters left out (ช of ศอ|ช)."""
        found = {word for words in self.term_words for word in words if len(word) > 1}
        return sorted(found, key=len, reverse=True)


def _spans(text: str, needles: list[str]) -> list[tuple[int, int]]:
    """Where the needles occur in the text (ignoring case), overlapping spans merged."""
    if not needles:
        return []
    pattern = re.compile("|".join(re.escape(needle) for needle in needles), re.IGNORECASE)
    spans: list[tuple[int, int]] = []
    folded = unicodedata.normalize("NFC", text)
    if len(folded) != len(text):  # positions must stay those of the original text
        folded = text
    for match in pattern.finditer(folded):
        start, end = match.span()
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def highlight(text: str, query: Query, context: int | None = None) -> SafeString:
    """The original text, escaped, with each match in <mark>; with `context`, only around the first match."""
    text = text or ""
    spans = (_spans(text, query.needles()) or _spans(text, query.word_needles())) if query else []
    start, end = 0, len(text)
    if context is not None and len(text) > 2 * context:
        first = spans[0][0] if spans else 0
        start = max(0, first - context)
        end = min(len(text), max(first, start) + 2 * context)
    pieces = ["…" if start > 0 else ""]
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[cursor:span_start]))
        pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    pieces.append("…" if end < len(text) else "")
    return mark_safe("".join(pieces))  # every piece of the text is escaped above


def contains_match(text: str, query: Query) -> bool:
    return bool(query) and bool(_spans(text or "", query.needles()) or _spans(text or "", query.word_needles()))
