"""Pages are gzip-compressed for browsers that accept it, with Django's BREACH mitigation; files are not."""

import gzip

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from inspection_portal.middleware import FAST_COMPRESSION_FROM, CompressedPagesMiddleware
from tests import review_factories as make

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_and_reads_back_the_same(client, inspector, geography):
    client.force_login(inspector)
    plain = client.get(reverse("meetings:list"))
    packed = client.get(reverse("meetings:list"), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert "Content-Encoding" not in plain and packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"] and int(packed["Content-Length"]) == len(packed.content)
    assert len(packed.content) < len(plain.content) / 2
    text = gzip.decompress(packed.content).decode()
    assert text.count("ติดตาม") == plain.content.decode().count("ติดตาม") and text.endswith("</html>\n")


def test_the_same_page_twice_differs_in_length(client, inspector, geography):
    """The random name in the gzip header (BREACH): equal pages do not give equal lengths."""
    client.force_login(inspector)
    lengths = {len(client.get(reverse("meetings:list"), HTTP_ACCEPT_ENCODING="gzip").content) for _ in range(8)}
    assert len(lengths) > 1


def test_downloads_are_left_as_they_are(client, inspector, geography):
    quarter = make.period(2564, 3)
    make.seed_quarter(quarter)
    meeting = make.meeting(inspector, quarter)
    client.force_login(inspector)
    response = client.get(reverse("meetings:docx", args=[meeting.pk]), HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response


def test_a_large_page_is_compressed_fast_and_a_small_one_small():
    middleware = CompressedPagesMiddleware(lambda request: None)
    request = RequestFactory().get("/", HTTP_ACCEPT_ENCODING="gzip")
    text = "การดำเนินงานโครงการ " * 2000
    small = middleware.process_response(request, HttpResponse(text))
    large = middleware.process_response(
        request, HttpResponse(text * ((FAST_COMPRESSION_FROM // len(text.encode())) + 2))
    )
    assert gzip.decompress(small.content).decode() == text
    assert small.content[8] == 0 and large.content[8] == 4  # the gzip header's XFL: 0 = level 6, 4 = fastest
