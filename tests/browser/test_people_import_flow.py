"""An administrator imports people in Chromium: a file with a bad row is refused whole with the row and the
reason, the corrected file creates the accounts; the invited officer sets a password through the e-mailed link."""

import re

import pytest
from django.contrib.auth import get_user_model

from notifications.models import Delivery
from tests.conftest import login

pytestmark = pytest.mark.browser

HEADER = "คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,อีเมล,จังหวัด,เขตตรวจราชการ,ปีงบประมาณ\n"
ROWS = "นาย,สมชาย,ใจดี,พัฒนาการจังหวัด,somchai.j@cdd.go.th,ขอนแก่น,,\n"
BAD = "นาง,วิไล,ตรวจดี,ผู้ตรวจราชการกรมการพัฒนาชุมชน,wilai@cdd.go.th,,19,2569\n"


def _file(tmp_path, text: str) -> str:
    path = tmp_path / "people.csv"
    path.write_text(HEADER + text, encoding="utf-8")
    return str(path)


def test_admin_imports_people_and_the_invited_officer_sets_a_password(page, portal_admin, tmp_path):
    login(page, portal_admin.username)
    page.goto("/admin/auth/user/")
    page.locator("#import-people").click()
    page.locator("input[type=file]").set_input_files(_file(tmp_path, ROWS + BAD))
    page.get_by_role("button", name="นำเข้า").click()
    assert "แถวที่ 3: ไม่มีเขตตรวจราชการ “19”" in page.locator("#import-errors").inner_text()
    assert not get_user_model().objects.filter(email__endswith="@cdd.go.th").exists()

    page.locator("input[type=file]").set_input_files(_file(tmp_path, ROWS + BAD.replace(",19,", ",12,")))
    page.get_by_role("button", name="นำเข้า").click()
    page.wait_for_url(re.compile(r"/admin/auth/user/$"))
    assert "สร้างบัญชีผู้ใช้ใหม่และส่งคำเชิญทางอีเมล 2 บัญชี" in page.content()

    invitation = Delivery.objects.get(to="somchai.j@cdd.go.th", kind="invitation")
    link = re.search(r"https?://[^/]+(/accounts/password/set/\S+/)", invitation.body_text).group(1)
    page.context.clear_cookies()
    page.goto(link)
    page.locator("[name=new_password1]").fill("short")
    page.locator("[name=new_password2]").fill("short")
    page.get_by_role("button", name="ตั้งรหัสผ่าน").click()
    assert page.locator(".invalid-feedback").count() >= 1  # too short, refused in place
    page.locator("[name=new_password1]").fill("Khonkaen-silk-road-69")
    page.locator("[name=new_password2]").fill("Khonkaen-silk-road-69")
    page.get_by_role("button", name="ตั้งรหัสผ่าน").click()
    page.wait_for_url(re.compile(r"/accounts/password/set/done/$"))
    login(page, "somchai.j", "Khonkaen-silk-road-69")
    page.wait_for_url(re.compile(r"/reports/$"))  # an officer of ขอนแก่น lands on the province's reports
