from reports.models import ProvinceReport
from reports.templatetags.report_tags import status_badge
from reports.tracking import TrackStatus


def test_every_status_has_a_badge_and_unknown_ones_a_neutral_one():
    assert status_badge(ProvinceReport.Status.ACCEPTED) == "text-bg-success"
    assert status_badge(ProvinceReport.Status.RETURNED) == "text-bg-warning"
    assert status_badge(TrackStatus.SUBMITTED_LATE) == "text-bg-info"
    assert status_badge(TrackStatus.NOT_STARTED) == status_badge("anything else") == "text-bg-light border"
