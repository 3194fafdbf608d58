"""What changed between two submissions of a report, from the snapshots kept with them.

A plain module: two snapshots (ProvinceReport.content_snapshot) in, a list of changes out,
for the inspector's page. Findings are matched by kind and project, in the order typed.
"""

from dataclasses import dataclass

from reports.models import SNAPSHOT_FINDING_FIELDS, SNAPSHOT_REPORT_FIELDS, Finding, FindingFigure, ProvinceReport


@dataclass(frozen=True)
class Change:
    where: str  # the report's part or the finding it concerns
    label: str  # the field
    before: str
    after: str


def _label(model, name: str) -> str:
    return str(model._meta.get_field(name).verbose_name)


def _finding_fields() -> list[tuple[str, str]]:
    """(snapshot key, label) of what a finding's snapshot holds: its texts, then its figure rows."""
    texts = [(name, _label(Finding, name)) for name in SNAPSHOT_FINDING_FIELDS]
    return [*texts, ("figures", str(FindingFigure._meta.verbose_name_plural))]


def _text(value) -> str:
    if isinstance(value, bool):
        return "✓" if value else "–"
    return str(value or "")


def _finding_key(finding: dict) -> tuple[str, str]:
    return finding["kind"], finding["project"]


def _where(finding: dict) -> str:
    return f"{Finding.Kind(finding['kind']).label}: {finding['project']}"


def changes(before: dict, after: dict) -> list[Change]:
    """The fields whose text differs, and the findings added or removed, in the report's order."""
    found = [
        Change(
            str(ProvinceReport._meta.verbose_name),
            _label(ProvinceReport, name),
            _text(before.get(name)),
            _text(after.get(name)),
        )
        for name in SNAPSHOT_REPORT_FIELDS
        if _text(before.get(name)) != _text(after.get(name))
    ]
    earlier = {}
    for finding in before.get("findings", []):
        earlier.setdefault(_finding_key(finding), []).append(finding)
    for finding in after.get("findings", []):
        matches = earlier.get(_finding_key(finding))
        old = matches.pop(0) if matches else {}
        for name, label in _finding_fields():
            if _text(old.get(name)) != _text(finding.get(name)):
                found.append(Change(_where(finding), label, _text(old.get(name)), _text(finding.get(name))))
    for remaining in earlier.values():
        for finding in remaining:
            for name, label in _finding_fields():
                if _text(finding.get(name)):
                    found.append(Change(_where(finding), label, _text(finding.get(name)), ""))
    return found


def since_last_submission(events) -> list[Change] | None:
    """The changes of the latest submission against the one before it; None when there is no earlier one."""
    handed_in = [event for event in events if event.content is not None]
    if len(handed_in) < 2:
        return None
    return changes(handed_in[-2].content, handed_in[-1].content)
