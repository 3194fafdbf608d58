"""The best-practice library, a best practice's page, the findings search, and sharing attachments."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from library import search as finding_search
from library.forms import FindingSearchForm, LibraryFilterForm, ShareForm
from library.models import SharedAttachment
from library.sharing import share
from library.thai_text import Query, contains_match, highlight
from reports import access
from reports.models import Finding

PAGE_SIZE = 20
# Characters of text shown either side of the first match in a result line.
SNIPPET_CONTEXT = 90


class CappedPaginator(Paginator):
    """Pages of search results whose count stops at MAX_RESULTS (library.search ranks no more).

    `found` is how many matches were counted, at most MAX_RESULTS + 1; the count is not asked again.
    """

    def __init__(self, object_list, per_page, *, found: int) -> None:
        super().__init__(object_list, per_page)
        self.found = found

    @cached_property
    def count(self) -> int:
        return min(self.found, finding_search.MAX_RESULTS)

    @property
    def more(self) -> bool:
        """Whether more findings match than are ranked and shown."""
        return self.found > finding_search.MAX_RESULTS

    @property
    def cap(self) -> str:
        return f"{finding_search.MAX_RESULTS:,}"


@dataclass
class Result:
    """A finding as a result line shows it: its title and a piece of its text, matches marked."""

    finding: Finding
    title: SafeString
    snippet: SafeString
    snippet_label: str


def _result(finding: Finding, query: Query) -> Result:
    if finding.kind == Finding.Kind.BEST_PRACTICE:
        title = finding.title or str(finding.project)
        fields = ("what_done", "achieved")
    else:
        title = str(finding.project)
        fields = ("problems", "causes", "measures")
    chosen = next((name for name in fields if contains_match(getattr(finding, name), query)), fields[0])
    return Result(
        finding=finding,
        title=highlight(title, query),
        snippet=highlight(getattr(finding, chosen), query, context=SNIPPET_CONTEXT),
        snippet_label=str(Finding._meta.get_field(chosen).verbose_name),
    )


def _results(request: HttpRequest, form: LibraryFilterForm, findings) -> tuple[Page, list[Result], Query]:
    """The page of results the form asks for (none when its input is wrong)."""
    if form.is_bound and not form.is_valid():
        findings = findings.none()
    findings = form.filter(findings)
    query = form.query
    if query:
        ids = finding_search.candidate_ids(findings, query)
        ordered = finding_search.with_display(finding_search.ranked(ids[: finding_search.MAX_RESULTS], query))
        paginator = CappedPaginator(ordered, PAGE_SIZE, found=len(ids))
    else:
        paginator = Paginator(finding_search.with_display(findings.order_by(*finding_search.NEWEST_FIRST)), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    return page, [_result(finding, query) for finding in page], query


@login_required
@require_GET
def library(request: HttpRequest) -> HttpResponse:
    """Every best practice of accepted reports, filtered and searched; for every signed-in user."""
    form = LibraryFilterForm(request.GET or None)
    page, results, query = _results(request, form, finding_search.library_findings())
    context = {"form": form, "page": page, "results": results, "query": query, "searched": form.is_bound}
    return render(request, "library/library.html", context)


@login_required
@require_GET
def best_practice(request: HttpRequest, pk: int) -> HttpResponse:
    """One best practice of the library, with the attachments its province shares; the report stays private."""
    shared = Prefetch(
        "shared_attachments", queryset=SharedAttachment.objects.select_related("attachment"), to_attr="shared"
    )
    findings = finding_search.with_display(finding_search.library_findings()).prefetch_related("figures", shared)
    finding = get_object_or_404(findings, pk=pk)
    context = {
        "finding": finding,
        "attachments": [item.attachment for item in finding.shared],
        "may_read_report": access.may_view_report(request.user, finding.report),
    }
    return render(request, "library/best_practice.html", context)


@login_required
@require_GET
def search_findings(request: HttpRequest) -> HttpResponse:
    """Shortfalls and best practices by Thai text: an inspector's zones by fiscal year; all for administrators."""
    roles = access.roles_of(request.user)
    if not finding_search.may_search_findings(roles):
        raise PermissionDenied
    form = FindingSearchForm(request.GET or None)
    findings = finding_search.searchable_findings(request.user, roles)
    if not form.is_bound:
        findings = findings.none()
    page, results, query = _results(request, form, findings)
    context = {"form": form, "page": page, "results": results, "query": query, "searched": form.is_bound}
    return render(request, "library/search.html", context)


@login_required
@require_POST
def share_attachments(request: HttpRequest, pk: int) -> HttpResponse:
    """The province's officer chooses which of the report's attachments the best practice shares."""
    finding = get_object_or_404(Finding.objects.select_related("report"), pk=pk, kind=Finding.Kind.BEST_PRACTICE)
    if not access.is_officer_of(request.user, finding.report):
        raise PermissionDenied
    form = ShareForm(request.POST, finding=finding)
    if form.is_valid():
        share(finding, form.cleaned_data["attachments"])
        messages.success(request, _("The files shared with the best practice have been saved."))
    else:
        messages.error(request, _("Choose only files attached to this report."))
    return redirect(reverse("reports:edit", args=[finding.report_id]) + "#library-sharing")
