from django.urls import path

from reports.views import meetings, officer, review

app_name = "reports"

urlpatterns: list = [
    path("", officer.officer_home, name="officer_home"),
    path("periods/<int:period_pk>/start/", officer.start_report, name="start"),
    path("<int:pk>/", officer.edit_report, name="edit"),
    path("<int:pk>/attachments/", officer.add_attachment, name="attachment_add"),
    path("attachments/<int:pk>/", officer.download_attachment, name="attachment"),
    path("attachments/<int:pk>/delete/", officer.delete_attachment, name="attachment_delete"),
    # The inspector's pages: tracker, review, follow-up meetings and their summaries.
    path("tracker/", review.tracker, name="tracker"),
    path("<int:pk>/review/", review.review, name="review"),
    path("<int:pk>/review/return/", review.return_report, name="review_return"),
    path("<int:pk>/review/accept/", review.accept_report, name="review_accept"),
    path("meetings/", meetings.meeting_list, name="meetings"),
    path("meetings/add/", meetings.add_meeting, name="meeting_add"),
    path("meetings/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/generate/", meetings.generate_summary, name="meeting_generate"),
    path("meetings/<int:pk>/edit/", meetings.edit_summary_text, name="meeting_edit_text"),
    path("meetings/<int:pk>/publish/", meetings.publish_summary, name="meeting_publish"),
    path("meetings/<int:pk>/print/", meetings.print_summary, name="meeting_print"),
    path("meetings/<int:pk>/summary.docx", meetings.download_docx, name="meeting_docx"),
    path("meetings/<int:pk>/summary.pdf", meetings.download_pdf, name="meeting_pdf"),
]
