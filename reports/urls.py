from django.urls import path

from reports.views import officer

app_name = "reports"

urlpatterns: list = [
    path("", officer.officer_home, name="officer_home"),
    path("periods/<int:period_pk>/start/", officer.start_report, name="start"),
    path("<int:pk>/", officer.edit_report, name="edit"),
    path("<int:pk>/attachments/", officer.add_attachment, name="attachment_add"),
    path("attachments/<int:pk>/", officer.download_attachment, name="attachment"),
    path("attachments/<int:pk>/delete/", officer.delete_attachment, name="attachment_delete"),
]
