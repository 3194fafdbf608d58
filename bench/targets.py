"""Print, as JSON, the accounts and the objects the bench's pages name (bench/pages.py's placeholders).

Run with the portal's environment: `python bench/targets.py`.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "inspection_portal.settings")

import django  # noqa: E402

django.setup()

from inspection_portal import bench_data  # noqa: E402
from meetings import documents  # noqa: E402
from meetings.models import FollowUpMeeting  # noqa: E402
from provinces.models import Province  # noqa: E402
from reports.models import ProvinceReport  # noqa: E402

ZONE = 6  # a zone whose latest quarter's meeting is a draft (bench_data), so one inspector sees both kinds


def main() -> None:
    national = max(FollowUpMeeting.objects.filter(inspector__username=bench_data.ADMIN_USERNAME), key=lambda m: m.pk)
    latest = national.period
    province = Province.objects.filter(zone__number=ZONE).order_by("iso_code").first()
    zone_meetings = FollowUpMeeting.objects.filter(zones__number=ZONE).exclude(pk=national.pk)
    zone_meeting = zone_meetings.filter(published__isnull=False).order_by("-period__fiscal_year", "-period__quarter")[0]
    for fmt in documents.FORMATS.values():  # its files are rendered at the first download: once, not measured
        documents.published_file(zone_meeting, fmt)
    draft = zone_meetings.filter(published__isnull=True).order_by("-pk")[0]
    reports = ProvinceReport.objects.filter(zone__number=ZONE).order_by("-period__fiscal_year", "-period__quarter")
    review = reports.filter(status=ProvinceReport.Status.SUBMITTED).first() or reports.first()
    officer_report = ProvinceReport.objects.filter(province=province, period=latest).first() or reports.first()
    print(
        json.dumps(
            {
                "password": bench_data.PASSWORD,
                "accounts": {
                    "officer": bench_data.officer_username(province),
                    "inspector": bench_data.inspector_username(ZONE),
                    "head": bench_data.HEAD_USERNAME,
                    "admin": bench_data.ADMIN_USERNAME,
                },
                "places": {
                    "officer_report": officer_report.pk,
                    "review_report": review.pk,
                    "latest_period": latest.pk,
                    "zone_meeting": zone_meeting.pk,
                    "draft_meeting": draft.pk,
                    "national": national.pk,
                },
            }
        )
    )


if __name__ == "__main__":
    main()
