from django.urls import path

from meetings import views

app_name = "meetings"

urlpatterns: list = [
    path("", views.meeting_list, name="list"),
    path("add/", views.add_meeting, name="add"),
    path("<int:pk>/", views.meeting_detail, name="detail"),
    path("<int:pk>/generate/", views.generate_summary, name="generate"),
    path("<int:pk>/edit/", views.edit_summary_text, name="edit_text"),
    path("<int:pk>/publish/", views.publish_summary, name="publish"),
    path("<int:pk>/print/", views.print_summary, name="print"),
    path("<int:pk>/summary.docx", views.download_docx, name="docx"),
    path("<int:pk>/summary.pdf", views.download_pdf, name="pdf"),
]
