import datetime

from django.utils import timezone, translation

from reports.templatetags.thai import thai_date, thai_datetime, thai_short_date


def test_dates_are_buddhist_era_thai_on_thai_pages():
    with translation.override("th"):
        assert thai_date(datetime.date(2021, 6, 11)) == "11 มิถุนายน 2564"
        assert thai_short_date(datetime.date(2021, 6, 11)) == "11 มิ.ย. 2564"
        assert thai_date(None) == ""


def test_moments_are_shown_in_bangkok_time():
    moment = datetime.datetime(2021, 6, 10, 20, 30, tzinfo=datetime.UTC)  # 03:30 on the 11th in Bangkok
    with translation.override("th"):
        assert thai_datetime(moment) == "11 มิถุนายน 2564 เวลา 03:30 น."
        assert thai_date(moment) == "11 มิถุนายน 2564"
    assert timezone.get_current_timezone_name() == "Asia/Bangkok"


def test_dates_are_english_on_english_pages():
    with translation.override("en"):
        assert thai_date(datetime.date(2021, 6, 11)) == "11 June 2021"
        assert thai_short_date(datetime.date(2021, 6, 11)) == "11 Jun 2021"
