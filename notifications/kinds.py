"""The kinds of notice the portal sends, and their words.

The apps that have news (reports, meetings, accounts) pick a kind and hand over plain
data; the sentences are written here once, in English for gettext, and read in Thai.
Subjects and leads are %-formats over the notice's context; a key named in `dates`
holds an ISO date, shown in the reader's language (Buddhist era in Thai).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

OFFICER, INSPECTOR, ADMIN, ACCOUNT = "officer", "inspector", "admin", "account"


@dataclass(frozen=True)
class Kind:
    code: str
    audience: str
    label: Promise  # what the preferences page calls it
    subject: Promise
    lead: Promise
    action: Promise  # the label of the link to the page
    quote_key: str = ""  # a context key whose text is quoted under quote_label
    quote_label: Promise | str = ""
    items_key: str = ""  # a context key holding a list shown one per line
    dates: tuple[str, ...] = ()
    in_portal: bool = True  # False: e-mail only (the reader cannot log in yet)
    email_default: bool = True
    optional: bool = True  # the user may turn its e-mail off
    # Other words for the notices whose context has this key (a monthly follow-up names its month).
    variant_key: str = ""
    variant_subject: Promise | str = ""
    variant_lead: Promise | str = ""

    def __str__(self) -> str:
        return str(self.label)


ALL = [
    Kind(
        "period_opened",
        OFFICER,
        _("A quarter opens for reports"),
        _("Reports for quarter %(quarter)s/%(fiscal_year)s are open"),
        _(
            "The report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s can be written "
            "now. The deadline is %(deadline)s."
        ),
        _("Open my province's reports"),
        dates=("deadline",),
    ),
    Kind(
        "deadline_near",
        OFFICER,
        _("The deadline is near and the report is not submitted"),
        _("The report of %(province)s for quarter %(quarter)s/%(fiscal_year)s is due on %(deadline)s"),
        _(
            "The report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s has not been "
            "submitted. The deadline is %(deadline)s."
        ),
        _("Open the report"),
        dates=("deadline",),
    ),
    Kind(
        "deadline_passed",
        OFFICER,
        _("The deadline passed and the report is not submitted"),
        _("The deadline for the report of %(province)s for quarter %(quarter)s/%(fiscal_year)s has passed"),
        _(
            "The report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s was due on "
            "%(deadline)s and has not been submitted. Ask an administrator to reopen it if you still need to "
            "submit."
        ),
        _("Open my province's reports"),
        dates=("deadline",),
    ),
    Kind(
        "report_returned",
        OFFICER,
        _("A report is returned for changes"),
        _("The report of %(province)s for quarter %(quarter)s/%(fiscal_year)s was returned for changes"),
        _(
            "%(by)s returned the report of %(province)s for quarter %(quarter)s of fiscal year "
            "%(fiscal_year)s. Make the changes asked for and submit it again."
        ),
        _("Open the report"),
        quote_key="comment",
        quote_label=_("The inspector's comment"),
    ),
    Kind(
        "report_accepted",
        OFFICER,
        _("A report is accepted"),
        _("The report of %(province)s for quarter %(quarter)s/%(fiscal_year)s was accepted"),
        _("%(by)s accepted the report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s."),
        _("Open the report"),
        quote_key="comment",
        quote_label=_("Comment"),
    ),
    Kind(
        "report_reopened",
        OFFICER,
        _("A report is reopened by an administrator"),
        _("The report of %(province)s for quarter %(quarter)s/%(fiscal_year)s is open again until %(until)s"),
        _(
            "An administrator reopened the report of %(province)s for quarter %(quarter)s of fiscal year "
            "%(fiscal_year)s. You may change and submit it until %(until)s."
        ),
        _("Open the report"),
        quote_key="reason",
        quote_label=_("Reason"),
        dates=("until",),
    ),
    Kind(
        "summary_published",
        OFFICER,
        _("A zone summary is published"),
        _("The summary of the follow-up meeting of %(held_on)s is published"),
        _(
            "%(by)s published the summary of the follow-up meeting of %(held_on)s for quarter %(quarter)s of "
            "fiscal year %(fiscal_year)s (%(zones)s)."
        ),
        _("Read the summary"),
        dates=("held_on",),
        variant_key="month",
        variant_subject=_("The summary of the follow-up of %(month)s's inspection issues (%(held_on)s) is published"),
        variant_lead=_(
            "%(by)s published the summary of the follow-up meeting of %(held_on)s on the inspection issues of "
            "%(month)s, quarter %(quarter)s of fiscal year %(fiscal_year)s (%(zones)s)."
        ),
    ),
    Kind(
        "report_submitted",
        INSPECTOR,
        _("A report of my zones is submitted"),
        _("%(province)s submitted its report for quarter %(quarter)s/%(fiscal_year)s"),
        _(
            "The report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s is waiting for "
            "your review."
        ),
        _("Review the report"),
    ),
    Kind(
        "report_resubmitted",
        INSPECTOR,
        _("A returned report is submitted again"),
        _("%(province)s submitted its report for quarter %(quarter)s/%(fiscal_year)s again"),
        _(
            "The report of %(province)s for quarter %(quarter)s of fiscal year %(fiscal_year)s was changed "
            "and submitted again, and is waiting for your review."
        ),
        _("Review the report"),
    ),
    Kind(
        "provinces_missing",
        INSPECTOR,
        _("The deadline passed with provinces missing"),
        _("%(count)s provinces have not submitted for quarter %(quarter)s/%(fiscal_year)s"),
        _(
            "The deadline for quarter %(quarter)s of fiscal year %(fiscal_year)s was %(deadline)s. These "
            "provinces of your zones have not submitted their reports:"
        ),
        _("Open the submission tracker"),
        items_key="provinces",
        dates=("deadline",),
    ),
    Kind(
        "report_changed",
        INSPECTOR,
        _("A report changed after its summary was published"),
        _("The report of %(province)s changed after the summary of %(held_on)s was published"),
        _(
            "%(province)s submitted its report for quarter %(quarter)s of fiscal year %(fiscal_year)s again "
            "after the summary of the follow-up meeting of %(held_on)s was published. The published summary "
            "does not include the change."
        ),
        _("Open the meeting"),
        dates=("held_on",),
    ),
    Kind(
        "late_digest",
        ADMIN,
        _("Daily digest of late provinces"),
        _("Late provinces on %(day)s: %(count)s"),
        _("These provinces have not submitted reports whose deadline has passed:"),
        _("Open the submission tracker"),
        items_key="late",
        dates=("day",),
    ),
    Kind(
        "invitation",
        ACCOUNT,
        _("Invitation to the portal"),
        _("Invitation to the quarterly inspection reporting portal"),
        _(
            "An account has been made for you on the quarterly inspection reporting portal of the Community "
            "Development Department. Your username is %(username)s. Set your password through the link below "
            "within %(days)s days."
        ),
        _("Set my password"),
        in_portal=False,
        optional=False,
    ),
    Kind(
        "password_reset",
        ACCOUNT,
        _("Password reset"),
        _("Set a new password for the inspection reporting portal"),
        _(
            "Someone asked to set a new password for the account %(username)s. If it was you, use the link "
            "below within %(days)s days; otherwise ignore this e-mail."
        ),
        _("Set a new password"),
        in_portal=False,
        optional=False,
    ),
]

KINDS: dict[str, Kind] = {kind.code: kind for kind in ALL}
CHOICES = [(kind.code, kind.label) for kind in ALL]


def for_audiences(*audiences: str) -> list[Kind]:
    """The kinds a user with these roles may receive and may turn off, in the list's order."""
    return [kind for kind in ALL if kind.audience in audiences and kind.optional]
