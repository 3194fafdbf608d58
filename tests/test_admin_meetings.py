"""Django admin for what meetings added: monthly issues, positions and people, a zone's official order, late-report
openings, a meeting with its topics, officials and provinces — each page opens for an administrator."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import MonthlyIssue
from provinces.models import InspectionZone, Province
from tests.golden import setup

pytestmark = pytest.mark.django_db


def test_the_new_admin_pages_open(client, admin_user, inspector):
    meeting = setup.meeting_b(inspector)
    zone = InspectionZone.objects.get(number=18)
    client.force_login(admin_user)
    urls = [
        reverse("admin:meetings_monthlyissue_changelist"),
        reverse("admin:meetings_monthlyissue_add"),
        reverse("admin:meetings_followupmeeting_change", args=[meeting.pk]),
        reverse("admin:provinces_position_changelist"),
        reverse("admin:provinces_person_add"),
        reverse("admin:provinces_inspectionzone_change", args=[zone.pk]),
        reverse("admin:reports_periodopening_changelist"),
        reverse("admin:reports_periodopening_add"),
    ]
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_an_administrator_sets_the_months_issues_and_a_zones_official_order(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:meetings_monthlyissue_add"),
        {"month": "2021-03-17", "number": "1", "title": "การบริหารจัดการหนี้กองทุนพัฒนาบทบาทสตรี"},
    )
    assert response.status_code == 302
    assert MonthlyIssue.objects.get().month == datetime.date(2021, 3, 1)  # the month, from any of its days
    zone = InspectionZone.objects.get(number=18)
    provinces = list(zone.provinces.order_by("name_th"))
    data = {
        "number": "18",
        "name_th": zone.name_th,
        "region_th": zone.region_th,
        "provinces-TOTAL_FORMS": str(len(provinces)),
        "provinces-INITIAL_FORMS": str(len(provinces)),
    }
    for index, province in enumerate(provinces):
        data.update(
            {
                f"provinces-{index}-id": str(province.pk),
                f"provinces-{index}-zone": str(zone.pk),
                f"provinces-{index}-iso_code": province.iso_code,
                f"provinces-{index}-name_th": province.name_th,
                f"provinces-{index}-name_en": province.name_en,
                f"provinces-{index}-zone_position": str(len(provinces) - index),
            }
        )
    response = client.post(reverse("admin:provinces_inspectionzone_change", args=[zone.pk]), data)
    assert response.status_code == 302, response.context and response.context["inline_admin_formsets"]
    ordered = [p.name_th for p in Province.objects.filter(zone=zone).thai_ordered()]
    assert ordered == [p.name_th for p in reversed(provinces)]
