"""axe-core on every page each demo role reaches by links, at 1366×768 and 390×844 (item 23).

One test, one shared browser: the demo data is loaded once, then each role (anonymous, an
officer, the inspector, the administrator) starts from its home page and follows the links
it is shown — the portal's pages, the admin's lists, change forms and history, import and
export — visiting one URL per pattern (numbers and query values do not make a new page) and
at most MAX_PAGES per role. Each page is checked at both widths with the vendored axe-core
(static/vendor/axe-core); any serious or critical violation fails the test, and so does a
Content-Security-Policy violation, so the admin is also checked to work under the policy.
The error pages (403, 404, 405) are checked too.
"""

import os
import re
from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from django.core.management import call_command

from reports import demo
from reports.models import ProvinceReport

pytestmark = pytest.mark.browser

WIDTHS = [{"width": 1366, "height": 768}, {"width": 390, "height": 844}]
MAX_PAGES = {"anonymous": 5, "officer": 15, "inspector": 20, "admin": 100}
AXE = "/static/vendor/axe-core/axe.min.js"
# Links that change something, leave the portal's HTML, or only repeat a page in another form.
SKIP = re.compile(
    r"/accounts/logout/|/admin/logout/|/i18n/|/jsi18n/|\.(docx|pdf|xlsx|csv|zip)$|/attachments/\d+/$|/static/|/media/"
    r"|/admin/password_change/|/password/$|/admin/r/|/delete/$|/print/$"
)


def _pattern(url: str) -> str:
    """The page's kind: its path with numbers as N (a list filtered or sorted is the same page)."""
    return re.sub(r"\d+", "N", urlsplit(url).path)


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
    found = []
    for href in hrefs:
        href = urldefrag(href)[0]
        if href.startswith(base) and not SKIP.search(urlsplit(href).path):
            found.append(href)
    return found


def _axe(page) -> list[str]:
    """The serious and critical violations axe finds on the page as shown now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE)  # from the portal itself: the policy allows it
    results = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")}`);
        }"""
    )
    return results


class Crawl:
    def __init__(self, page, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        self.visited: list[str] = []
        # The page's own Content-Security-Policy violations, gathered before axe runs (axe's
        # checks apply inline styles of their own, which the policy rightly blocks).
        page.add_init_script(
            "window.__csp = []; document.addEventListener('securitypolicyviolation', e =>"
            " window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));"
        )

    def check(self, url: str, expect_status: int | None = None) -> None:
        response = self.page.goto(url)
        status = response.status if response else 0
        if expect_status is not None and status != expect_status:
            self.problems.append(f"{url}: status {status}, expected {expect_status}")
        elif expect_status is None and status >= 400:
            self.problems.append(f"{url}: status {status}")
        self.visited.append(url)
        for violation in self.page.evaluate("window.__csp || []"):
            self.problems.append(f"{urlsplit(url).path}: Content-Security-Policy violation {violation}")
        for size in WIDTHS:
            self.page.set_viewport_size(size)
            if os.environ.get("SCREENSHOTS"):  # a folder: every page at both widths, to look at
                name = re.sub(r"\W+", "_", urlsplit(url).path).strip("_") or "home"
                self.page.screenshot(
                    path=f"{os.environ['SCREENSHOTS']}/{len(self.visited):03}-{name}-{size['width']}.png"
                )
            for violation in _axe(self.page):
                self.problems.append(f"{urlsplit(url).path} at {size['width']}px: {violation}")

    def crawl(self, role: str, *starts: str) -> None:
        seen_patterns: set[str] = set()
        queue = deque(self.base + start for start in starts)
        while queue and len(seen_patterns) < MAX_PAGES[role]:
            url = queue.popleft()
            if _pattern(url) in seen_patterns:
                continue
            seen_patterns.add(_pattern(url))
            self.check(url)
            queue.extend(link for link in _links(self.page, self.base) if _pattern(link) not in seen_patterns)


def _log_in(page, username: str, password: str) -> None:
    page.context.clear_cookies()
    page.goto("/accounts/login/")
    page.get_by_label("ชื่อผู้ใช้").fill(username)
    page.get_by_label("รหัสผ่าน").fill(password)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)


def test_every_page_each_demo_role_reaches_has_no_serious_accessibility_problem(page, live_server, geography):
    call_command("load_demo", "--force", verbosity=0, stdout=open("/dev/null", "w"))  # noqa: SIM115
    base = live_server.url
    crawl = Crawl(page, base)

    crawl.crawl("anonymous", "/accounts/login/")
    crawl.check(base + "/no-such-page/", expect_status=404)

    _log_in(page, "officer_khonkaen", demo.OFFICER_PASSWORD)
    crawl.crawl("officer", "/")
    other = ProvinceReport.objects.exclude(province__name_th="ขอนแก่น").first()
    crawl.check(f"{base}/reports/{other.pk}/", expect_status=403)

    _log_in(page, demo.INSPECTOR_USERNAME, demo.INSPECTOR_PASSWORD)
    # The tracker opens on the current quarter; the seed's quarter is chosen with its period box.
    crawl.crawl("inspector", "/", f"/reports/tracker/?period={other.period_id}")
    crawl.check(f"{base}/reports/{other.pk}/review/accept/", expect_status=405)

    _log_in(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    crawl.crawl("admin", "/admin/")

    assert len(crawl.visited) > 40, crawl.visited
    if os.environ.get("AXE_REPORT"):
        with open(os.environ["AXE_REPORT"], "w") as report:
            report.write("\n".join(crawl.problems + ["", *crawl.visited]))
    assert not crawl.problems, "\n".join(crawl.problems)
