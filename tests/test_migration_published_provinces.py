"""meetings 0008: a summary published before the migration keeps its readers — the provinces of the meeting
then (by the zone each reported under, only the chosen ones when not every province takes part)."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("meetings", "0006_kinds_people_topics")]
AFTER = [("meetings", "0008_published_provinces")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def test_summaries_published_before_keep_their_readers(geography, inspector):
    apps = _migrate(BEFORE)
    try:
        period_model = apps.get_model("reports", "ReportingPeriod")
        meeting_model = apps.get_model("meetings", "FollowUpMeeting")
        province_model = apps.get_model("provinces", "Province")
        zone_model = apps.get_model("provinces", "InspectionZone")
        period = period_model.objects.create(
            fiscal_year=2564,
            quarter=3,
            start_date=datetime.date(2021, 4, 1),
            end_date=datetime.date(2021, 6, 30),
            deadline=datetime.date(2021, 7, 15),
        )
        zone_12 = zone_model.objects.filter(number=12)

        def meeting(published: bool, all_provinces: bool = True):
            made = meeting_model.objects.create(
                period=period,
                inspector_id=inspector.pk,
                held_on=datetime.date(2021, 6, 11),
                purpose="ติดตามผล",
                all_provinces=all_provinces,
                published={"blocks": []} if published else None,
            )
            made.zones.set(zone_12)
            return made.pk

        everyone, chosen, draft = meeting(True), meeting(True, all_provinces=False), meeting(False)
        kalasin = province_model.objects.get(name_th="กาฬสินธุ์")
        apps.get_model("meetings", "MeetingProvince").objects.create(meeting_id=chosen, province=kalasin)

        apps = _migrate(AFTER)
        meetings = apps.get_model("meetings", "FollowUpMeeting").objects
        names = lambda pk: sorted(meetings.get(pk=pk).published_provinces.values_list("name_th", flat=True))  # noqa: E731
        assert names(everyone) == ["กาฬสินธุ์", "ขอนแก่น", "มหาสารคาม", "ร้อยเอ็ด"]
        assert names(chosen) == ["กาฬสินธุ์"]
        assert names(draft) == []
    finally:
        _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
