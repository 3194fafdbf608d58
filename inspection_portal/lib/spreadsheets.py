"""The admin's CSV and Excel formats: Thai Excel's CSV encoding on import, formulas escaped on export.

Thai Windows saves "CSV" in Windows-874 (TIS-620 with a few extra characters), not UTF-8;
django-import-export reads text files in one fixed encoding and fails on it. Exported
cells that begin like a formula are defused, so a value typed into the portal cannot run
as a formula in the administrator's spreadsheet (OWASP "CSV injection").
"""

from django.utils.translation import gettext as _
from import_export.formats import base_formats

# Encodings tried in order: UTF-8 (with or without the BOM Excel writes) first, since
# Thai text in Windows-874 is practically never valid UTF-8.
IMPORT_ENCODINGS = ("utf-8-sig", "cp874")
# A cell starting with one of these is read as a formula by Excel, LibreOffice and Sheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnreadableFile(ValueError):
    """The file is not text in an encoding Thai spreadsheets write."""


def decode(data: bytes | str) -> str:
    """The text of an uploaded CSV file, in UTF-8 or in Thai Windows' encoding."""
    if isinstance(data, str):
        return data
    for encoding in IMPORT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(
        _(
            "The file is neither UTF-8 nor Thai Windows (Windows-874/TIS-620) text. In Excel, choose "
            "“Save As”, then “CSV UTF-8 (Comma delimited)” or “CSV (Comma delimited)”, and import it again."
        )
    )


def escape_formula(value):
    """A text cell that would start a formula, with a leading apostrophe; other cells unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def escape_formulae(dataset) -> None:
    """Defuse, in place, every cell of a tablib dataset that a spreadsheet would run as a formula."""
    rows = [[escape_formula(cell) for cell in row] for row in dataset]
    del dataset[:]
    for row in rows:
        dataset.append(row)


class CSV(base_formats.CSV):
    """Read as bytes and decoded here; written in UTF-8 with a BOM, which Excel on Windows needs to show Thai."""

    def get_read_mode(self):
        return "rb"

    def is_binary(self):
        return True

    def create_dataset(self, in_stream, **kwargs):
        return super().create_dataset(decode(in_stream), **kwargs)

    def export_data(self, dataset, **kwargs):
        return super().export_data(dataset, **kwargs).encode("utf-8-sig")


class PortalImportExportMixin:
    """The admin's import and export in these formats, with read errors that say what to do."""

    import_formats = [CSV, base_formats.XLSX]
    export_formats = [CSV, base_formats.XLSX]

    def get_data_for_export(self, request, queryset, **kwargs):
        dataset = super().get_data_for_export(request, queryset, **kwargs)
        escape_formulae(dataset)
        return dataset

    def add_data_read_fail_error_to_form(self, form, e):
        if isinstance(e, UnreadableFile):
            form.add_error("import_file", str(e))
            return
        form.add_error(
            "import_file",
            _(
                "The file could not be read as the format chosen (%(error)s). Check that the format matches "
                "the file (CSV or Excel .xlsx), that its first row holds the column names, and import it again."
            )
            % {"error": type(e).__name__},
        )
