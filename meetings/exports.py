"""The summary tree (meetings/summary.py) as a Word document and as a PDF.

Both follow the Thai official-document style: TH SarabunPSK 16 pt (the font of Thai
government offices; the PDF and the print page draw it with its free twin Laksaman), A4,
the margins of a government letter (top 2.5 cm, left 3 cm, right 2 cm, bottom 2 cm), a bold
centred title, numbered headings, numbered purposes and topics, and "- " items.

Every writer reads the blocks through `blocks(tree)`, one table of kinds, so the web page,
the print page, Word and the PDF cannot disagree. The tree's contract (agreed with the
summary's author): a flat list of {"key", "kind", "text"} in reading order, with an optional
"number" for numbered kinds, the text then without its number. A kind this module does not
know is a paragraph. Trees of version 1 (published before the contract) typed the numbers of
topics ("1) …") and headings ("1. …") into the text: they are read back into numbers, so
those summaries render as before, with real lists.
"""

import datetime
import io
import re
from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm

from meetings import pdf, summary

FONT_NAME = "TH SarabunPSK"
FONT_SIZE_PT = 16
LANGUAGE = "th-TH"

# Page numbers, as the inspector chooses them for a meeting.
PAGE_LABEL = "label"  # "หน้า 2"
PAGE_THAI_DIGITS = "thai_digits"  # "๒"
PAGE_NUMBER_STYLES = (PAGE_LABEL, PAGE_THAI_DIGITS)
PAGE_WORD = "หน้า"
DRAFT_MARK = "ร่าง"


class SummaryTooLarge(Exception):
    """The summary is longer than settings.SUMMARY_MAX_CHARACTERS: it is not rendered."""

    def __init__(self, characters: int):
        super().__init__(characters)
        self.characters = characters


# --- the blocks, by kind -------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """How one kind of block is written: its Word style, its HTML element, its number's label."""

    word_style: str
    html: str  # "p", "h2", or the list it belongs to: "ol", "ul"
    mark: str = ""  # printed before the text of an unnumbered kind
    word_list: str | None = None  # the Word numbering that makes it a list paragraph


# The numbers themselves are written as meetings/summary.py says (summary.number_prefix: "N) ", "N. ").
KINDS = {
    "paragraph": Kind("Normal", "p"),
    "purpose": Kind("List Paragraph", "ol", word_list="number"),
    "topic": Kind("List Paragraph", "ol", word_list="number"),
    "heading": Kind("Heading 1", "h2"),
    "item": Kind("List Paragraph", "ul", "- ", word_list="bullet"),
}
# Version 1 trees typed these numbers into the text.
_TYPED_NUMBER = {"topic": re.compile(r"(?P<number>\d+)\)\s+"), "heading": re.compile(r"(?P<number>\d+)\.\s+")}


@dataclass(frozen=True)
class Block:
    key: str
    kind: str
    text: str
    number: int | None = None

    @property
    def spec(self) -> Kind:
        return KINDS[self.kind]

    @property
    def label(self) -> str:
        """What is printed before the text: "3) ", "1. ", "- " or nothing."""
        return summary.number_prefix({"kind": self.kind, "number": self.number}) or self.spec.mark

    @property
    def list_tag(self) -> str | None:
        return self.spec.html if self.spec.html in ("ol", "ul") else None


def blocks(tree: dict) -> list[Block]:
    """The tree's blocks in reading order, whatever version of the tree wrote them."""
    legacy = int(tree.get("version", 1)) < 2
    result = []
    for raw in tree.get("blocks", []):
        kind = raw.get("kind") if raw.get("kind") in KINDS else "paragraph"
        text, number = raw.get("text") or "", raw.get("number")
        if legacy and number is None and kind in _TYPED_NUMBER:
            match = _TYPED_NUMBER[kind].match(text)
            if match:
                number, text = int(match["number"]), text[match.end() :]
        result.append(Block(str(raw.get("key", "")), kind, text, int(number) if number is not None else None))
    return result


@dataclass
class Run:
    """Consecutive blocks written together: one list, or blocks that are not list items."""

    list_tag: str | None
    kind: str
    blocks: list[Block]


def runs(tree: dict) -> list[Run]:
    """The blocks grouped for HTML: consecutive list items of one kind form one list."""
    result: list[Run] = []
    for block in blocks(tree):
        last = result[-1] if result else None
        if last is not None and block.list_tag and last.list_tag == block.list_tag and last.kind == block.kind:
            last.blocks.append(block)
        elif last is not None and not block.list_tag and not last.list_tag:
            last.blocks.append(block)
        else:
            result.append(Run(block.list_tag, block.kind, [block]))
    return result


def characters(tree: dict) -> int:
    return len(tree.get("title", "")) + sum(len(raw.get("text") or "") for raw in tree.get("blocks", []))


def check_size(tree: dict) -> None:
    """Refuse a summary too long to render within a request (SummaryTooLarge)."""
    count = characters(tree)
    if count > settings.SUMMARY_MAX_CHARACTERS:
        raise SummaryTooLarge(count)


# Line breaks typed in the editor arrive as \r\n (or \r, or Word's \x0b and \x0c when pasted);
# XML 1.0 forbids the other control characters, which python-docx refuses.
_LINE_BREAK = re.compile("\r\n|[\r\x0b\x0c\u2028\u2029]")
_NOT_XML = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff]")


def lines(text: str) -> list[str]:
    """The text's lines, with every kind of line break understood and nothing XML refuses."""
    return _NOT_XML.sub("", _LINE_BREAK.sub("\n", text)).split("\n")


# --- Word ----------------------------------------------------------------------------

TWIPS_PER_CM = 567
MARGINS_CM = {"top": 2.5, "bottom": 2, "left": 3, "right": 2}
PARAGRAPH_INDENT_CM = 1.25
LIST_INDENT_CM = {"number": (1.25, 0), "bullet": (2.5, 0.4)}  # (left, hanging)
SPACE_AFTER_PT = 6


@dataclass(frozen=True)
class DocumentInfo:
    """Who and when, for the Word file's core properties."""

    author: str
    at: datetime.datetime


def to_docx(tree: dict, info: DocumentInfo, *, draft: bool = False, page_numbers: str = PAGE_LABEL) -> bytes:
    """The summary as a .docx file."""
    check_size(tree)
    document = Document()
    _drop_thumbnail(document)
    section = document.sections[0]
    _page_setup(section)
    _styles(document)
    _footer(section, page_numbers)
    if draft:
        _draft_header(section)
    _core_properties(document, tree.get("title", ""), info)

    _add_text(document.add_paragraph(style="Title"), tree.get("title", ""))
    lists = _Lists(document)
    for block in blocks(tree):
        paragraph = document.add_paragraph(style=block.spec.word_style)
        if block.spec.word_list:
            lists.add(paragraph, block)
            _add_text(paragraph, block.text)
        else:
            _add_text(paragraph, block.label + block.text)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_text(paragraph, text: str) -> None:
    """The text as one run, each typed line break a real line break (<w:br/>)."""
    run = paragraph.add_run()
    for number, line in enumerate(lines(text)):
        if number:
            run.add_break()
        run.add_text(line)


def _drop_thumbnail(document) -> None:
    """python-docx's template carries a thumbnail of some other document: file browsers would show it."""
    package = document.part.package
    for key, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:
            del package.rels[key]


def _page_setup(section) -> None:
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.bottom_margin = Cm(MARGINS_CM["top"]), Cm(MARGINS_CM["bottom"])
    section.left_margin, section.right_margin = Cm(MARGINS_CM["left"]), Cm(MARGINS_CM["right"])
    section.header_distance, section.footer_distance = Cm(1.25), Cm(1)


def _run_properties(bold: bool = False, color: str | None = None) -> str:
    """The summary's font for every script (Word lays Thai out with the complex-script font and size)."""
    fonts = " ".join(f'w:{name}="{FONT_NAME}"' for name in ("ascii", "hAnsi", "cs", "eastAsia"))
    weight = "<w:b/><w:bCs/>" if bold else "<w:b w:val='0'/><w:bCs w:val='0'/>"
    size = FONT_SIZE_PT * 2
    return (
        f"<w:rPr {nsdecls('w')}><w:rFonts {fonts}/>{weight}<w:color w:val='{color or 'auto'}'/>"
        f"<w:sz w:val='{size}'/><w:szCs w:val='{size}'/><w:lang w:val='{LANGUAGE}' w:bidi='{LANGUAGE}'/></w:rPr>"
    )


def _paragraph_properties(*, center: bool = False, first_line_cm: float = 0, keep_next: bool = False) -> str:
    indent = f"<w:ind w:firstLine='{round(first_line_cm * TWIPS_PER_CM)}'/>" if first_line_cm else ""
    alignment = "<w:jc w:val='center'/>" if center else ""
    return (
        f"<w:pPr {nsdecls('w')}>{'<w:keepNext/>' if keep_next else ''}"
        f"<w:spacing w:before='0' w:after='{SPACE_AFTER_PT * 20}' w:line='240' w:lineRule='auto'/>"
        f"{indent}{alignment}</w:pPr>"
    )


# Each style the summary uses, restated whole: python-docx's template gives Title and Heading 1
# theme fonts (which win over named ones), colours, borders and sizes of an English document.
_STYLES = {
    "Normal": (_paragraph_properties(), _run_properties()),
    "Title": (_paragraph_properties(center=True, keep_next=True), _run_properties(bold=True)),
    "Heading 1": (
        _paragraph_properties(first_line_cm=PARAGRAPH_INDENT_CM, keep_next=True),
        _run_properties(bold=True),
    ),
    "List Paragraph": (_paragraph_properties(), _run_properties()),
    "Header": (_paragraph_properties(), _run_properties()),
    "Footer": (_paragraph_properties(center=True), _run_properties()),
}


def _styles(document) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    for old in run_defaults.findall(qn("w:rPr")):
        run_defaults.remove(old)
    run_defaults.append(parse_xml(_run_properties()))
    for name, (paragraph, run) in _STYLES.items():
        element = document.styles[name].element
        for tag in ("w:pPr", "w:rPr"):
            for old in element.findall(qn(tag)):
                element.remove(old)
        element.append(parse_xml(paragraph))
        element.append(parse_xml(run))
    normal_indent = document.styles["Normal"].paragraph_format
    normal_indent.first_line_indent = Cm(PARAGRAPH_INDENT_CM)
    # The list paragraphs take their indents from their numbering, not from Normal's first line.
    document.styles["List Paragraph"].paragraph_format.first_line_indent = Cm(0)
    for name in ("Title", "Header", "Footer"):
        document.styles[name].paragraph_format.first_line_indent = Cm(0)
        document.styles[name].paragraph_format.space_after = 0


class _Lists:
    """Word numbering for the list kinds: a "-" bullet for items, "N)" for purposes and topics.

    Each run of numbered blocks gets a numbering instance of its own that starts at its first
    block's number (and a new one wherever the numbers jump), so Word prints exactly the tree's
    numbers.
    """

    FORMATS = {"number": ("decimal", "%1)"), "bullet": ("bullet", "-")}

    def __init__(self, document):
        self.numbering = document.part.numbering_part.element
        self.abstract_ids: dict[str, int] = {}
        self.previous: tuple | None = None  # (paragraph element, block, numId)

    def add(self, paragraph, block: Block) -> None:
        """Make the paragraph an item of its kind's list; a numbered kind without a number keeps only the indent."""
        list_kind = block.spec.word_list
        if list_kind == "number" and block.number is None:
            left, _hanging = LIST_INDENT_CM[list_kind]
            paragraph.paragraph_format.left_indent = Cm(left)
            return
        if self._continues(paragraph, block):
            num_id = self.previous[2]
        else:
            num_id = self._new_num(list_kind, block.number or 1)
        numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
        numbering.get_or_add_ilvl().val = 0
        numbering.get_or_add_numId().val = num_id
        self.previous = (paragraph._p, block, num_id)

    def _continues(self, paragraph, block: Block) -> bool:
        if self.previous is None:
            return False
        element, previous, _num_id = self.previous
        if paragraph._p.getprevious() is not element or previous.kind != block.kind:
            return False
        return block.spec.word_list == "bullet" or block.number == previous.number + 1

    def _new_num(self, list_kind: str, start: int) -> int:
        num = self.numbering.add_num(self._abstract(list_kind))
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    def _abstract(self, list_kind: str) -> int:
        if list_kind not in self.abstract_ids:
            taken = [int(a.get(qn("w:abstractNumId"))) for a in self.numbering.findall(qn("w:abstractNum"))]
            abstract_id = max(taken, default=0) + 1
            number_format, text = self.FORMATS[list_kind]
            left, hanging = (round(cm * TWIPS_PER_CM) for cm in LIST_INDENT_CM[list_kind])
            abstract = parse_xml(
                f"<w:abstractNum {nsdecls('w')} w:abstractNumId='{abstract_id}'>"
                "<w:multiLevelType w:val='singleLevel'/>"
                f"<w:lvl w:ilvl='0'><w:start w:val='1'/><w:numFmt w:val='{number_format}'/>"
                f"<w:suff w:val='space'/><w:lvlText w:val='{text}'/><w:lvlJc w:val='left'/>"
                f"<w:pPr><w:ind w:left='{left}' w:hanging='{hanging}'/></w:pPr>"
                f"{_run_properties()}</w:lvl></w:abstractNum>"
            )
            # The schema wants every abstractNum before the first num.
            first_num = self.numbering.find(qn("w:num"))
            if first_num is None:
                self.numbering.append(abstract)
            else:
                first_num.addprevious(abstract)
            self.abstract_ids[list_kind] = abstract_id
        return self.abstract_ids[list_kind]


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE), as Word writes it: begin, instruction, separate, last value, end."""
    for xml in (
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='begin'/></w:r>",
        f"<w:r {nsdecls('w')}><w:instrText xml:space='preserve'> {instruction} </w:instrText></w:r>",
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='separate'/></w:r>",
        f"<w:r {nsdecls('w')}><w:t>{shown}</w:t></w:r>",
        f"<w:r {nsdecls('w')}><w:fldChar w:fldCharType='end'/></w:r>",
    ):
        paragraph._p.append(parse_xml(xml))


# What follows w:pgNumType in a w:sectPr (ECMA-376 §17.6.17): Word refuses elements out of order.
_AFTER_PAGE_NUMBER_TYPE = (
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
)


def _footer(section, page_numbers: str) -> None:
    """The page number, centred in the footer: "หน้า 2", or Thai digits "๒"."""
    section.footer.is_linked_to_previous = False
    paragraph = section.footer.paragraphs[0]
    paragraph.style = "Footer"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if page_numbers == PAGE_THAI_DIGITS:
        # The section's page-number format, as Word's "Format Page Numbers" writes it. Not the
        # field switch \* ThaiArabic: LibreOffice reads that as Thai letters (ก ข ค).
        section._sectPr.insert_element_before(
            parse_xml(f"<w:pgNumType {nsdecls('w')} w:fmt='thaiNumbers'/>"), *_AFTER_PAGE_NUMBER_TYPE
        )
        _field(paragraph, "PAGE", "๑")
    else:
        paragraph.add_run(f"{PAGE_WORD} ")
        _field(paragraph, "PAGE", "1")


def _draft_header(section) -> None:
    section.header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.style = "Header"
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(DRAFT_MARK)
    run._r.insert(0, parse_xml(_run_properties(bold=True, color="C00000")))


def _core_properties(document, title: str, info: DocumentInfo) -> None:
    """Title, author and dates of this summary (python-docx's template says "python-docx", 2013)."""
    at = info.at.astimezone(datetime.UTC).replace(tzinfo=None)  # python-docx writes the time as UTC
    properties = document.core_properties
    properties.title = " ".join(title.split())
    properties.author = properties.last_modified_by = info.author
    properties.created = properties.modified = at
    properties.language = LANGUAGE
    properties.comments = properties.subject = properties.keywords = properties.category = ""
    properties.revision = 1


# --- PDF -------------------------------------------------------------------------------


def print_context(tree: dict, *, draft: bool, page_numbers: str) -> dict:
    """What the print page (meetings/summary/print.html) needs besides the tree."""
    page_class = "thai-digits" if page_numbers == PAGE_THAI_DIGITS else "label"
    return {"tree": tree, "draft": draft, "page_class": f"{'draft' if draft else 'final'}-{page_class}"}


def to_pdf(tree: dict, *, draft: bool = False, page_numbers: str = PAGE_LABEL) -> bytes:
    """The summary as a PDF: the print page, rendered by meetings/pdf.py."""
    check_size(tree)
    html = render_to_string("meetings/summary/print.html", print_context(tree, draft=draft, page_numbers=page_numbers))
    return pdf.render(html)
