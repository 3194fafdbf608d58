"""Typed text as the portal stores it: no bidirectional controls, one kind of line break."""

import re

# Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069) reorder what
# follows them: "txt.exe" can show as "exe.txt". The zero-width space (U+200B), which
# Thai writers use to mark word breaks, is kept.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    """The text without bidirectional embedding, override and isolate controls."""
    return BIDI_CONTROLS.sub("", text)


def clean_typed(text: str) -> str:
    """Typed text as stored: browsers' CRLF line breaks as LF, bidirectional controls removed."""
    return strip_bidi(text.replace("\r\n", "\n"))
