"""Findings for the library's tests: Thai texts as provinces write them."""

from django.core.files.base import ContentFile

from reports.models import Attachment

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
SUPHANNIKA = "ประกวดคัดเลือกลายผ้าประจำจังหวัด “ลายสุพรรณิการ์”"


def attach(report, name: str = "ภาพกิจกรรม.pdf") -> Attachment:
    attachment = Attachment(report=report, original_name=name, content_type="application/pdf", size=len(PDF))
    attachment.file.save("a.pdf", ContentFile(PDF), save=False)
    attachment.save()
    return attachment
