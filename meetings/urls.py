from django.urls import path

from meetings import views, views_documents

app_name = "meetings"

urlpatterns: list = [
    path("", views.meeting_list, name="list"),
    path("add/", views.add_meeting, name="add"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/change/", views.edit_meeting, name="change"),
    path("<int:pk>/provinces/", views.meeting_provinces, name="provinces"),
    path("<int:pk>/delete/", views.delete_meeting, name="delete"),
    path("<int:pk>/generate/", views.generate_summary, name="generate"),
    path("<int:pk>/edit/", views.edit_summary_text, name="edit_text"),
    path("<int:pk>/publish/", views.publish_summary, name="publish"),
    path("<int:pk>/print/", views_documents.print_summary, name="print"),
    path("<int:pk>/summary.docx", views_documents.download_summary, {"extension": "docx"}, name="docx"),
    path("<int:pk>/summary.pdf", views_documents.download_summary, {"extension": "pdf"}, name="pdf"),
    path("<int:pk>/page-numbers/", views_documents.set_page_numbers, name="page_numbers"),
    path("<int:pk>/findings.xlsx", views_documents.download_findings, name="findings_xlsx"),
]
