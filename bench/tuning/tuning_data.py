"""Throwaway national-scale data for profiling (issue 12 item 3): `manage.py shell < bench/tuning/tuning_data.py`.

9 fiscal years x 4 quarters x every province, ~6 findings each with Thai text of realistic length,
a meeting per zone per quarter of the latest year, one national meeting published and one left as a draft.
"""

import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from meetings import demo as meeting_demo
from meetings import documents
from meetings.models import FollowUpMeeting, MeetingTopic
from provinces import roles
from provinces.models import InspectionZone, InspectorAssignment, Province
from reports.models import Finding, FindingFigure, ProblemCategory, Project, ProvinceReport, ReportingPeriod

rng = random.Random(12)
WORDS = (
    "การดำเนินงาน โครงการ ประชาชน ชุมชน ครัวเรือน เป้าหมาย งบประมาณ การเบิกจ่าย ล่าช้า เนื่องจาก สภาพอากาศ "
    "ฝนตกหนัก น้ำท่วม พื้นที่ ขุดปรับ โคก หนอง นา ผ้าไทย กลุ่มอาชีพ สตรี กองทุน หนี้ค้างชำระ ประสาน หน่วยงาน "
    "ที่เกี่ยวข้อง อำเภอ ตำบล หมู่บ้าน ติดตาม ผลสัมฤทธิ์ แผนงาน ไตรมาส รายได้ เพิ่มขึ้น ผลิตภัณฑ์ OTOP "
    "จำหน่าย ตลาด ออนไลน์ ส่งเสริม สนับสนุน พัฒนา ศักยภาพ ผู้นำ อาสาพัฒนา ครัวเรือนยากจน เศรษฐกิจพอเพียง"
).split()


def text(n_words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n_words))


User = get_user_model()
meeting_demo.load(force_publish=True)
head, _ = User.objects.get_or_create(username="head", defaults={"first_name": "หัวหน้า", "last_name": "ผู้ตรวจ"})
head.set_password("x-bench-pass-12")
head.save()
head.groups.add(Group.objects.get(name=roles.HEAD_OF_INSPECTORS))

provinces = list(Province.objects.all())
zones = list(InspectionZone.objects.all())
projects = list(Project.objects.all())
for i in range(len(projects), 40):
    projects.append(Project.objects.create(name_th=f"โครงการพัฒนาชุมชนตัวอย่างที่ {i} {text(6)}", first_fiscal_year=2555))
categories = list(ProblemCategory.objects.all())
inspector = User.objects.get(username="inspector")
years = range(2560, 2569)
with transaction.atomic():
    for year in years:
        for zone in zones:
            InspectorAssignment.objects.get_or_create(user=inspector, zone=zone, fiscal_year=year)
    periods = [ReportingPeriod.objects.get_or_create(fiscal_year=y, quarter=q)[0] for y in years for q in (1, 2, 3, 4)]
    existing = set(ProvinceReport.objects.values_list("province_id", "period_id"))
    now = timezone.now()
    reports = [
        ProvinceReport(
            province=p,
            period=per,
            zone_id=p.zone_id,
            status="accepted",
            overall_results=text(120),
            achievements=text(80),
            next_steps=text(60),
            submitted_at=now,
            reviewed_at=now,
        )
        for per in periods
        for p in provinces
        if (p.pk, per.pk) not in existing
    ]
    ProvinceReport.objects.bulk_create(reports, batch_size=500)
    print("reports", len(reports))
    findings = []
    for r in reports:
        for pos in range(6):
            kind = "shortfall" if pos < 4 else "best_practice"
            f = Finding(report=r, project=rng.choice(projects), kind=kind, position=pos)
            if kind == "shortfall":
                f.problems, f.causes, f.measures = text(40), text(30), text(30)
            else:
                f.title, f.what_done, f.achieved = text(8), text(40), text(30)
            findings.append(f)
    Finding.objects.bulk_create(findings, batch_size=1000)
    print("findings", len(findings))
    figures = [
        FindingFigure(finding=f, activity="ระยะที่ 1", target=500, result=rng.randint(300, 600), unit="แปลง")
        for f in findings
    ]
    FindingFigure.objects.bulk_create(figures, batch_size=2000)
    through = Finding.categories.through
    through.objects.bulk_create(
        [
            through(finding_id=f.pk, problemcategory_id=rng.choice(categories).pk)
            for f in findings
            if f.kind == "shortfall"
        ],
        batch_size=2000,
    )

latest = [p for p in periods if p.fiscal_year == 2568]
for per in latest:
    for zone in zones:
        m = FollowUpMeeting.objects.create(
            period=per, inspector=inspector, held_on=per.end_date, platform="ZOOM Meeting", purpose="ติดตามผล"
        )
        m.zones.set([zone])
        MeetingTopic.objects.bulk_create(
            [
                MeetingTopic(meeting=m, position=0, kind="shortfalls", title=meeting_demo.TOPICS[0]),
                MeetingTopic(meeting=m, position=1, kind="best_practices", title=meeting_demo.TOPICS[1]),
            ]
        )
for label in ("national-published", "national-draft"):
    per = latest[-1]
    m = FollowUpMeeting.objects.create(
        period=per, inspector=inspector, held_on=per.end_date, platform="ZOOM Meeting", purpose="ติดตามผล " + label
    )
    m.zones.set(zones)
    MeetingTopic.objects.bulk_create(
        [
            MeetingTopic(meeting=m, position=0, kind="shortfalls", title=meeting_demo.TOPICS[0]),
            MeetingTopic(meeting=m, position=1, kind="best_practices", title=meeting_demo.TOPICS[1]),
        ]
    )
    m.generate_draft()
    if label == "national-published":
        documents.publish(m, by=inspector)
    print(label, m.pk)
