"""The summary tree (meetings/summary.py) as a Word document and as a PDF.

Both follow the Thai official-document style: Sarabun 16 pt, A4, margins of a
government letter (top 2.5 cm, left 3 cm, right 2 cm), bold title, indented headings
and "- " items as in the department's report.
"""

import io
import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from meetings import summary

FONT_NAME = "Sarabun"
FONT_SIZE_PT = 16
FONT_DIR = Path(settings.BASE_DIR) / "static" / "fonts" / "sarabun"
FONT_FILES = {"regular": "Sarabun_400Regular.ttf", "bold": "Sarabun_700Bold.ttf"}

# Paragraph indents, as the seed indents its paragraphs, topics and "- " items.
PARAGRAPH_INDENT = Cm(1.25)
TOPIC_INDENT = Cm(1.25)
ITEM_INDENT = Cm(2.5)
ITEM_HANG = Cm(0.4)

# XML 1.0 forbids these control characters and python-docx refuses them; text pasted from Word
# brings some (\x07 ends a table cell, \x0b is a soft line break, \x0c a page break).
_LINE_BREAKS = re.compile("[\x0b\x0c]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


# --- Word ----------------------------------------------------------------------------


def to_docx(tree: dict) -> bytes:
    """The summary as a .docx file."""
    document = Document()
    _page_setup(document.sections[0])
    _style_font(document.styles["Normal"])
    document.core_properties.title = tree["title"]
    document.core_properties.language = "th-TH"

    title = document.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _add_text(title, tree["title"], bold=True)
    for block in tree["blocks"]:
        _add_block(document, block)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _page_setup(section) -> None:
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(2.5), Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def _add_block(document, block: dict) -> None:
    paragraph = document.add_paragraph()
    spacing = paragraph.paragraph_format
    spacing.space_after = Pt(6)
    text = summary.number_prefix(block) + block["text"]
    if block["kind"] == "item":
        text = f"- {text}"
        spacing.left_indent, spacing.first_line_indent = ITEM_INDENT, -ITEM_HANG
    elif block["kind"] in ("topic", "purpose"):
        spacing.left_indent = TOPIC_INDENT
    else:
        spacing.first_line_indent = PARAGRAPH_INDENT
    _add_text(paragraph, text, bold=block["kind"] == "heading")


def _add_text(paragraph, text: str, bold: bool = False) -> None:
    """Add text in the summary's font, keeping the line breaks typed in an edit."""
    run = paragraph.add_run()
    text = _NOT_XML.sub("", _LINE_BREAKS.sub("\n", text))
    for number, line in enumerate(text.split("\n")):
        if number:
            run.add_break()
        run.add_text(line)
    run.bold = bold
    _run_font(run)


def _style_font(style) -> None:
    style.font.name = FONT_NAME
    style.font.size = Pt(FONT_SIZE_PT)
    _complex_script_font(style.element.get_or_add_rPr())


def _run_font(run) -> None:
    run.font.name = FONT_NAME
    run.font.size = Pt(FONT_SIZE_PT)
    _complex_script_font(run._r.get_or_add_rPr())


def _complex_script_font(rpr) -> None:
    """Name the font and size for complex scripts too: Word lays out Thai with those, not the Latin ones."""
    fonts = rpr.get_or_add_rFonts()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT_NAME)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = OxmlElement("w:szCs")
        rpr.append(size_cs)
    size_cs.set(qn("w:val"), str(FONT_SIZE_PT * 2))
    language = rpr.find(qn("w:lang"))
    if language is None:
        language = OxmlElement("w:lang")
        rpr.append(language)
    language.set(qn("w:bidi"), "th-TH")


# --- PDF -----------------------------------------------------------------------------


def font_urls() -> dict[str, str]:
    """file:// URLs of the Sarabun files, for WeasyPrint to embed."""
    return {weight: (FONT_DIR / name).as_uri() for weight, name in FONT_FILES.items()}


def to_pdf(tree: dict) -> bytes:
    """The summary as a PDF, rendered from the print page with Sarabun embedded."""
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    allowed = set(font_urls().values())

    class FontsOnly(URLFetcher):
        # The page needs nothing but the fonts; refusing the rest keeps any URL in the text from being fetched.
        def fetch(self, url, headers=None):
            if url not in allowed:
                raise ValueError(f"Not fetched for the summary PDF: {url}")
            return super().fetch(url, headers)

    html = render_to_string("meetings/summary/print.html", {"tree": tree, "font_urls": font_urls()})
    return HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=FontsOnly()).write_pdf()
