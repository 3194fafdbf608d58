"""HTML to PDF for the summary's print page: Chromium through Playwright, or WeasyPrint.

Chromium (Debian's package, driven by Playwright) is the renderer. Its PDFs are tagged
(document language, title, headings, lists) and their Thai text reads back exactly: HarfBuzz
splits a sara am into nikhahit and sara aa glyphs, and a PDF maps each glyph to one Unicode
string, so a writer must add ActualText to such clusters, which Skia does and WeasyPrint 70
does not (pdftotext reads its "ดำเนินการ" as "ดาเนินการ"). WeasyPrint stays as the fallback
for a machine without Chromium (`make run` installs no system package): the same page, but
its copied text loses every sara am, so the fallback is announced by a system check, in the
log and on the meeting page (README "Documents").

One browser is kept running per process, launched at the first render and reused, so a
render costs the page, not a browser start. It lives in one thread of its own, since
Playwright's objects belong to the thread that made them. Renders of the whole machine are
limited to one per core (`render_slot`), the rest wait in turn.
"""

import fcntl
import functools
import logging
import mimetypes
import os
import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage

logger = logging.getLogger(__name__)

CHROMIUM = "chromium"
WEASYPRINT = "weasyprint"

# The page is loaded from this made-up origin; every request to it is answered from the
# static files, and every other request is refused, so text in a summary fetches nothing.
ORIGIN = "http://summary.invalid"


class RendererBusy(Exception):
    """Every render slot stayed taken for longer than the wait allowed."""


def chromium_path() -> str | None:
    """The Chromium executable, if it is installed."""
    path = settings.CHROMIUM_PATH
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    return shutil.which(path)


def renderer() -> str:
    """The renderer in use: Chromium unless it is missing or WeasyPrint is asked for."""
    if settings.PDF_RENDERER == WEASYPRINT:
        return WEASYPRINT
    if settings.PDF_RENDERER == CHROMIUM or chromium_path() is not None:
        return CHROMIUM
    return WEASYPRINT


def is_fallback() -> bool:
    """True when PDFs come from WeasyPrint although Chromium was wanted."""
    return settings.PDF_RENDERER != WEASYPRINT and renderer() == WEASYPRINT


def render(html: str) -> bytes:
    """The PDF of a print page whose resources are the portal's static files."""
    if renderer() == CHROMIUM:
        return _chromium.render(html)
    if is_fallback():
        logger.warning("Chromium not found at %s: this PDF is written by WeasyPrint.", settings.CHROMIUM_PATH)
    return _weasyprint(html)


# --- the page's resources --------------------------------------------------------------


def static_resource(url: str) -> tuple[bytes, str] | None:
    """(content, type) of a static file named by a URL of ORIGIN, else None."""
    parts = urlsplit(url)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if f"{parts.scheme}://{parts.netloc}" != ORIGIN or not parts.path.startswith(prefix):
        return None
    name = unquote(parts.path[len(prefix) :])
    if ".." in name.split("/"):
        return None
    return _read_static(name) if settings.DEBUG else _cached_static(name)


def _read_static(name: str) -> tuple[bytes, str] | None:
    path = finders.find(name)
    if path is None and staticfiles_storage.exists(name):  # collected (hashed) names in production
        with staticfiles_storage.open(name) as file:
            return file.read(), _content_type(name)
    return (Path(path).read_bytes(), _content_type(name)) if path else None


@functools.lru_cache(maxsize=32)
def _cached_static(name: str) -> tuple[bytes, str] | None:
    """The fonts and styles of every render, read once per process (DEBUG reads them afresh)."""
    return _read_static(name)


def _content_type(name: str) -> str:
    kind = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


# --- Chromium --------------------------------------------------------------------------


class _Chromium:
    """A headless Chromium with one page kept open for this process, used from one thread of its own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid: int | None = None
        self._executor: ThreadPoolExecutor | None = None
        self._playwright = None
        self._browser = None
        self._page = None
        self._html = ""

    def render(self, html: str) -> bytes:
        with self._lock:
            if self._pid != os.getpid():  # a forked worker starts its own thread and browser
                self._pid, self._playwright, self._browser, self._page = os.getpid(), None, None, None
                self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chromium-pdf")
            executor = self._executor
        return executor.submit(self._render, html).result()

    def _render(self, html: str) -> bytes:
        try:
            return self._print(html)
        except Exception:
            # A crashed or closed browser: start a new one once, then give up.
            logger.warning("Chromium failed to print a summary; restarting it.", exc_info=True)
            self._close()
            return self._print(html)

    def _print(self, html: str) -> bytes:
        page = self._warm_page()
        self._html = html
        try:
            page.goto(ORIGIN + "/", wait_until="load", timeout=settings.PDF_RENDER_TIMEOUT_SECONDS * 1000)
            return page.pdf(prefer_css_page_size=True, print_background=True, tagged=True, outline=True)
        finally:
            self._html = ""
            page.goto("about:blank")  # let the summary's layout go until the next render

    def _warm_page(self):
        """The page renders are printed from; a browser context costs a fifth of a second, so it is kept."""
        if self._page is not None and not self._page.is_closed() and self._browser.is_connected():
            return self._page
        from playwright.sync_api import sync_playwright

        if self._playwright is None:
            self._playwright = sync_playwright().start()
        if self._browser is None or not self._browser.is_connected():
            args = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"]
            if os.geteuid() == 0:
                args.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
            self._browser = self._playwright.chromium.launch(executable_path=chromium_path(), args=args)
        context = self._browser.new_context(java_script_enabled=False)
        self._page = context.new_page()
        self._page.route("**/*", lambda route: _answer(route, self._html))
        return self._page

    def _close(self) -> None:
        try:
            if self._browser is not None:
                self._browser.close()
            if self._playwright is not None:
                self._playwright.stop()
        except Exception:  # already gone
            pass
        self._browser = self._playwright = self._page = None


def _answer(route, html: str) -> None:
    """The print page itself at ORIGIN/, its static files, and nothing else."""
    url = route.request.url
    if url == ORIGIN + "/" and html:
        route.fulfill(body=html, content_type="text/html; charset=utf-8")
        return
    resource = static_resource(url)
    if resource is None:
        route.abort()
    else:
        route.fulfill(body=resource[0], content_type=resource[1])


_chromium = _Chromium()


# --- WeasyPrint -------------------------------------------------------------------------


def _weasyprint(html: str) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            resource = static_resource(url)
            if resource is None:
                raise ValueError(f"Not fetched for a summary PDF: {url}")
            return URLFetcherResponse(url, body=resource[0], headers={"Content-Type": resource[1]})

    return HTML(string=html, base_url=ORIGIN + "/", url_fetcher=StaticOnly()).write_pdf(pdf_tags=True)


# --- one render per core ------------------------------------------------------------------


@contextmanager
def render_slot():
    """Hold one of the machine's render slots (one per core by default), waiting in turn for one.

    The slots are files locked with flock, so they hold across gunicorn's processes and are
    freed by the kernel if a process dies. Raises RendererBusy after RENDER_WAIT_SECONDS.
    """
    directory = Path(settings.RENDER_LOCK_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + settings.RENDER_WAIT_SECONDS
    while True:
        for number in range(settings.RENDER_SLOTS):
            handle = open(directory / f"slot-{number}.lock", "a")
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                handle.close()
                continue
            try:
                yield number
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() >= deadline:
            raise RendererBusy
        time.sleep(0.05)
