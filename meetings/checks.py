"""A system check that says when PDFs fall back to WeasyPrint (meetings/pdf.py)."""

from django.conf import settings
from django.core.checks import Error, Warning, register

from meetings import pdf


@register()
def pdf_renderer(app_configs, **kwargs):
    if settings.PDF_RENDERER == pdf.CHROMIUM and pdf.chromium_path() is None:
        return [
            Error(
                f"PDF_RENDERER is chromium but Chromium is not found at {settings.CHROMIUM_PATH}.",
                hint="Install Debian's chromium package, set CHROMIUM_PATH, or set PDF_RENDERER=auto.",
                id="meetings.E001",
            )
        ]
    if pdf.is_fallback():
        return [
            Warning(
                f"Chromium is not found at {settings.CHROMIUM_PATH}: summary PDFs are written by WeasyPrint, "
                "whose Thai text copies back wrongly (every sara am ำ reads as า).",
                hint="Install Debian's chromium package (README, Documents), or set CHROMIUM_PATH.",
                id="meetings.W001",
            )
        ]
    return []
