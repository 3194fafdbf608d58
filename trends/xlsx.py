"""The trend tables as an Excel workbook: one sheet per table, Thai headers, the caption above them.

The house style of reports/findings_xlsx.py: bold frozen headers, filters, readable widths,
text never read as a formula, whole numbers without decimals.
"""

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from reports.findings_xlsx import MAX_WIDTH, XLSX_TYPE, _width, _write
from trends.tables import Table

__all__ = ["XLSX_TYPE", "workbook"]

# Sheet names may not hold these, nor be longer than 31 characters.
_NOT_IN_SHEET_NAMES = str.maketrans({char: " " for char in "[]:*?/\\"})


def workbook(tables: list[Table]) -> bytes:
    """Each table on its own sheet: the caption in the first row, the headers in the second."""
    book = Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table, book.sheetnames))
        sheet.append([table.caption])
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(table.columns)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(vertical="top", wrap_text=True)
        widths = [min(_width(header), 24) for header in table.columns]
        for row_number, row in enumerate(table.rows, start=3):
            for column, value in enumerate(row, start=1):
                _write(sheet.cell(row=row_number, column=column), value)
                widths[column - 1] = max(widths[column - 1], _width(str(value if value is not None else "")))
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = min(width, MAX_WIDTH) + 2
        sheet.freeze_panes = "B3"
        if table.rows:
            sheet.auto_filter.ref = f"A2:{get_column_letter(len(table.columns))}{len(table.rows) + 2}"
    if not tables:
        book.create_sheet("-")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet_name(table: Table, taken: list[str]) -> str:
    name = table.caption.translate(_NOT_IN_SHEET_NAMES).strip()[:31] or table.key
    return name if name not in taken else f"{name[:28]}-{len(taken)}"
