from django.urls import path

from reports.views import findings, officer, review

app_name = "reports"

urlpatterns: list = [
    path("", officer.officer_home, name="officer_home"),
    path("periods/<int:period_pk>/start/", officer.start_report, name="start"),
    path("<int:pk>/", officer.edit_report, name="edit"),
    path("<int:pk>/attachments/", officer.add_attachment, name="attachment_add"),
    path("<int:pk>/carry/<int:finding_pk>/", officer.carry_forward, name="carry_forward"),
    path("<int:pk>/resolve/<int:finding_pk>/", officer.resolve_shortfall, name="resolve_shortfall"),
    path("<int:pk>/resolutions/<int:resolution_pk>/undo/", officer.undo_resolution, name="undo_resolution"),
    path("attachments/<int:pk>/", officer.download_attachment, name="attachment"),
    path("attachments/<int:pk>/delete/", officer.delete_attachment, name="attachment_delete"),
    # The inspector's pages: the tracker and the review of a report.
    path("tracker/", review.tracker, name="tracker"),
    path("problems/", review.longest_running, name="longest_running"),
    path("findings.xlsx", findings.download_findings, name="findings_xlsx"),
    path("<int:pk>/review/", review.review, name="review"),
    path("<int:pk>/review/return/", review.return_report, name="review_return"),
    path("<int:pk>/review/accept/", review.accept_report, name="review_accept"),
]
