"""Admins import people from CSV or XLSX: all rows or none, with the row and the reason; invitations in Thai."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from notifications import delivery
from provinces import people_import
from provinces.models import InspectorAssignment, Person, Province, ProvincialOfficer

URL = reverse("admin:auth_user_import_people")
HEADER = "คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,อีเมล,จังหวัด,เขตตรวจราชการ,ปีงบประมาณ\n"
GOOD = (
    HEADER
    + "นาย,สมชาย,ใจดี,พัฒนาการจังหวัด,Somchai.J@cdd.go.th,ขอนแก่น,,\n"
    + "นางสาว,สมศรี,มีสุข,นักวิชาการพัฒนาชุมชนชำนาญการ,somsri@cdd.go.th,จังหวัดนครสวรรค์,,\n"
    + 'นาง,วิไล,ตรวจดี,ผู้ตรวจราชการกรมการพัฒนาชุมชน,wilai@cdd.go.th,,"12, 18",2568 2569\n'
)


def _csv(text: str, name: str = "people.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_a_good_file_makes_accounts_people_places_and_invitations(client, portal_admin, smtp):
    client.force_login(portal_admin)
    response = client.post(URL, {"file": _csv(GOOD)})
    assert response.status_code == 302
    User = get_user_model()
    somchai = User.objects.get(username="somchai.j")
    assert somchai.email == "somchai.j@cdd.go.th" and not somchai.has_usable_password()
    assert ProvincialOfficer.objects.get(user=somchai).province.name_th == "ขอนแก่น"
    person = Person.objects.get(user=somchai)
    assert (person.full_name, person.position.name_th) == ("นายสมชาย ใจดี", "พัฒนาการจังหวัด")
    assert Province.objects.get(name_th="ขอนแก่น").chief == person
    assert ProvincialOfficer.objects.get(user__username="somsri").province.name_th == "นครสวรรค์"
    assert Province.objects.get(name_th="นครสวรรค์").chief is None  # not the chief's position
    wilai = User.objects.get(username="wilai")
    assert sorted(InspectorAssignment.objects.filter(user=wilai).values_list("zone__number", "fiscal_year")) == [
        (12, 2568),
        (12, 2569),
        (18, 2568),
        (18, 2569),
    ]
    delivery.deliver_due()
    assert sorted(address for item in smtp.inbox for address in item.rcpt_tos) == [
        "somchai.j@cdd.go.th",
        "somsri@cdd.go.th",
        "wilai@cdd.go.th",
    ]
    invitation = smtp.to("somsri@cdd.go.th")[0]
    assert invitation.subject == "คำเชิญเข้าใช้ระบบรายงานผลการตรวจติดตามรายไตรมาส"
    assert "ชื่อผู้ใช้ของท่านคือ somsri" in invitation.text and "/accounts/password/set/" in invitation.text


def test_importing_the_same_file_again_updates_and_invites_nobody_twice(client, portal_admin, smtp):
    client.force_login(portal_admin)
    client.post(URL, {"file": _csv(GOOD)})
    client.post(URL, {"file": _csv(GOOD.replace("มีสุข", "สุขใจ"))})
    assert get_user_model().objects.filter(email__endswith="@cdd.go.th").count() == 3
    assert Person.objects.get(user__username="somsri").last_name == "สุขใจ"
    delivery.deliver_due()
    assert len(smtp.inbox) == 3


@pytest.mark.parametrize(
    "bad_row, reason",
    [
        ("นาย,สมหมาย,ดีใจ,,sommai@cdd.go.th,เมืองลับแล,,", "แถวที่ 5: ไม่มีจังหวัด “เมืองลับแล”"),
        ("นาย,สมหมาย,ดีใจ,,not-an-address,ขอนแก่น,,", "แถวที่ 5: “not-an-address” ไม่ใช่อีเมล"),
        ("นาย,สมหมาย,ดีใจ,,somsri@CDD.go.th,ขอนแก่น,,", "แถวที่ 5: อีเมล somsri@cdd.go.th อยู่ในแถวที่ 3 ด้วย"),
        ("นาย,สมหมาย,ดีใจ,,sommai@cdd.go.th,,19,2569", "แถวที่ 5: ไม่มีเขตตรวจราชการ “19”"),
        ("นาย,สมหมาย,ดีใจ,,sommai@cdd.go.th,,12,2012", "แถวที่ 5: “2012” ไม่ใช่ปีงบประมาณ"),
        ("นาย,สมหมาย,ดีใจ,,sommai@cdd.go.th,,,", "แถวที่ 5: ระบุจังหวัด (เจ้าหน้าที่จังหวัด) หรือเขตตรวจราชการ"),
        ("นาย,,ดีใจ,,sommai@cdd.go.th,ขอนแก่น,,", "แถวที่ 5: ไม่มีชื่อ"),
    ],
)
def test_one_bad_row_refuses_the_whole_file_naming_the_row(client, portal_admin, smtp, bad_row, reason):
    client.force_login(portal_admin)
    response = client.post(URL, {"file": _csv(GOOD + bad_row + "\n")})
    assert response.status_code == 400
    html = response.content.decode()
    assert reason in html, html[html.find("import-errors") :][:600]
    assert "ไม่ได้นำเข้าข้อมูลใด" in html
    assert not get_user_model().objects.filter(email__endswith="@cdd.go.th").exists()
    assert Province.objects.get(name_th="ขอนแก่น").chief is None
    assert delivery.deliver_due().sent == 0


def test_an_xlsx_file(client, portal_admin):
    book = openpyxl.Workbook()
    sheet = book.active
    for cells in csv.reader(GOOD.strip().split("\n")):
        sheet.append(cells)
    sheet.append(["นาย", "ปีเต็ม", "เลขปี", "", "year@cdd.go.th", "", 12, 2569])  # numbers as Excel keeps them
    buffer = io.BytesIO()
    book.save(buffer)
    client.force_login(portal_admin)
    upload = SimpleUploadedFile("people.xlsx", buffer.getvalue())
    assert client.post(URL, {"file": upload}).status_code == 302
    assert InspectorAssignment.objects.filter(user__username="year", zone__number=12, fiscal_year=2569).exists()


def test_other_file_types_and_missing_columns(client, portal_admin):
    client.force_login(portal_admin)
    assert "เลือกไฟล์ .csv หรือ .xlsx" in client.post(URL, {"file": _csv(GOOD, "people.txt")}).content.decode()
    html = client.post(URL, {"file": _csv("ชื่อ,จังหวัด\nสมชาย,ขอนแก่น\n")}).content.decode()
    assert "ไฟล์ไม่มีคอลัมน์: อีเมล" in html


def test_the_username_rule(geography):
    User = get_user_model()
    User.objects.create_user("somchai", email="somchai@gmail.com")
    assert people_import.username_for("somchai@cdd.go.th", User) == "somchai@cdd.go.th"
    assert people_import.username_for("Somsak@cdd.go.th", User) == "somsak"


@pytest.mark.parametrize("actor", ["officer", "inspector", "bare_staff", "head_of_inspectors"])
def test_only_portal_administrators_import(db, client, request, actor):
    # `db` up front: a database set up by getfixturevalue mid-test leaves a PostgreSQL connection open.
    client.force_login(request.getfixturevalue(actor))
    response = client.get(URL)
    assert response.status_code in (302, 403)  # the admin's login for non-staff, refused for staff
    assert client.post(URL, {"file": _csv(GOOD)}).status_code in (302, 403)
    assert not get_user_model().objects.filter(email__endswith="@cdd.go.th").exists()


def test_the_user_list_links_to_the_import(client, portal_admin, admin_user):
    client.force_login(portal_admin)
    assert URL in client.get(reverse("admin:auth_user_changelist")).content.decode()
