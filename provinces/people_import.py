"""Bulk import of people from a CSV or XLSX file: accounts, their person record, their place.

One row is one person: Thai title and name, position, e-mail, and either a province (an
officer) or zones with fiscal years (an inspector). The file is read with django-import-
export's readers; the rows are all checked before anything is written, and written in one
transaction, so a file with one bad row changes nothing and says which row and why.

Usernames: the e-mail address's local part, lower-cased ("somchai.k@cdd.go.th" → "somchai.k");
when another account already has that name, the whole address, lower-cased. An address that
already belongs to an account updates that account (its name, position and places are added)
instead of making a second one. New accounts have no password: they get a Thai invitation
with a link to set one (inspection_portal.accounts.invite). A row whose position is
"พัฒนาการจังหวัด" makes the person their province's chief.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from import_export.formats import base_formats

from provinces.models import InspectionZone, InspectorAssignment, Person, Position, Province, ProvincialOfficer

CHIEF_POSITION = "พัฒนาการจังหวัด"
# Column → the headers it may have in the file (Thai or English, any case).
COLUMNS = {
    "title": ("คำนำหน้า", "title"),
    "first_name": ("ชื่อ", "first_name", "first name"),
    "last_name": ("นามสกุล", "last_name", "last name"),
    "position": ("ตำแหน่ง", "position"),
    "email": ("อีเมล", "email", "e-mail"),
    "province": ("จังหวัด", "province"),
    "zones": ("เขตตรวจราชการ", "zones"),
    "fiscal_years": ("ปีงบประมาณ", "fiscal_years", "fiscal years"),
}


class ImportRefused(Exception):
    """The file is refused whole; `errors` says which rows and why."""

    def __init__(self, errors: list[str]):
        super().__init__("; ".join(errors))
        self.errors = errors


@dataclass
class Row:
    number: int  # as a spreadsheet numbers it: the header is row 1
    title: str
    first_name: str
    last_name: str
    position: str
    email: str
    province: Province | None = None
    zones: list[InspectionZone] = field(default_factory=list)
    fiscal_years: list[int] = field(default_factory=list)


@dataclass
class Result:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)


def read(content: bytes, file_name: str) -> list[dict]:
    """The file's rows as dicts keyed by our column names (CSV in UTF-8, or XLSX)."""
    if file_name.lower().endswith(".xlsx"):
        dataset = base_formats.XLSX().create_dataset(content)
    elif file_name.lower().endswith(".csv"):
        try:
            dataset = base_formats.CSV().create_dataset(content.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ImportRefused([_("The CSV file is not in UTF-8: save it again as “CSV UTF-8”.")]) from None
    else:
        raise ImportRefused([_("Choose a .csv or .xlsx file.")])
    headers = {str(header or "").strip().lower(): index for index, header in enumerate(dataset.headers or [])}
    where = {name: next((headers[h] for h in names if h in headers), None) for name, names in COLUMNS.items()}
    missing = [COLUMNS[name][0] for name in ("first_name", "email") if where[name] is None]
    if missing:
        raise ImportRefused([_("The file lacks the columns: %(columns)s.") % {"columns": ", ".join(missing)}])
    return [
        {name: _cell(values, index) for name, index in where.items()}
        for values in dataset
        if any(str(value or "").strip() for value in values)
    ]


def _cell(values, index: int | None) -> str:
    if index is None or index >= len(values) or values[index] is None:
        return ""
    value = values[index]
    return str(int(value) if isinstance(value, float) and value.is_integer() else value).strip()


def check(raw_rows: list[dict]) -> list[Row]:
    """Every row checked; ImportRefused with all the rows' reasons if any is wrong."""
    provinces = {p.name_th: p for p in Province.objects.all()} | {p.iso_code: p for p in Province.objects.all()}
    zones = {zone.number: zone for zone in InspectionZone.objects.all()}
    rows, errors, seen = [], [], {}
    for number, raw in enumerate(raw_rows, start=2):
        try:
            row = _row(number, raw, provinces, zones)
            if row.email.casefold() in seen:
                raise ValidationError(
                    _("the address %(email)s is also on row %(row)s.")
                    % {"email": row.email, "row": seen[row.email.casefold()]}
                )
            seen[row.email.casefold()] = number
            rows.append(row)
        except ValidationError as error:
            errors.append(_("Row %(row)s: %(reason)s") % {"row": number, "reason": " ".join(error.messages)})
    if errors:
        raise ImportRefused(errors)
    if not rows:
        raise ImportRefused([_("The file has no rows.")])
    return rows


def _row(number: int, raw: dict, provinces: dict, zones: dict) -> Row:
    row = Row(number, raw["title"], raw["first_name"], raw["last_name"], raw["position"], raw["email"].lower())
    if not row.first_name:
        raise ValidationError(_("the first name is missing."))
    try:
        validate_email(row.email)
    except ValidationError:
        raise ValidationError(_("“%(email)s” is not an e-mail address.") % {"email": raw["email"]}) from None
    if raw["province"] and raw["zones"]:
        raise ValidationError(_("give a province (an officer) or zones (an inspector), not both."))
    if raw["province"]:
        row.province = provinces.get(raw["province"].removeprefix("จังหวัด").strip())
        if row.province is None:
            raise ValidationError(_("there is no province “%(name)s”.") % {"name": raw["province"]})
    elif raw["zones"]:
        row.zones = [_zone(part, zones) for part in _parts(raw["zones"])]
        row.fiscal_years = [_year(part) for part in _parts(raw["fiscal_years"])]
        if not row.fiscal_years:
            raise ValidationError(_("an inspector's row needs the fiscal years (B.E.) of the zones."))
    else:
        raise ValidationError(_("give a province (an officer) or zones with fiscal years (an inspector)."))
    return row


def _parts(text: str) -> list[str]:
    return [part for part in text.replace(",", " ").split() if part]


def _zone(text: str, zones: dict) -> InspectionZone:
    zone = zones.get(int(text)) if text.isascii() and text.isdigit() else None
    if zone is None:
        raise ValidationError(_("there is no inspection zone “%(zone)s” (write 1 to 18).") % {"zone": text})
    return zone


def _year(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 2500 <= int(text) <= 2700):
        raise ValidationError(
            _("“%(year)s” is not a fiscal year: write a Buddhist-era year such as 2569.") % {"year": text}
        )
    return int(text)


def username_for(email: str, user_model) -> str:
    """The e-mail's local part, or the whole address when another account has that name."""
    local = email.split("@", 1)[0].lower()[:150]
    return email.lower()[:150] if user_model.objects.filter(username=local).exists() else local


@transaction.atomic
def apply(rows: list[Row]) -> Result:
    """Create or update every row's account, person and place, and invite the new accounts."""
    from inspection_portal.accounts import invite

    User = get_user_model()
    result = Result()
    for row in rows:
        user = User.objects.filter(email__iexact=row.email).first()
        created = user is None
        if created:
            user = User.objects.create_user(username_for(row.email, User), email=row.email)  # no usable password
        user.first_name, user.last_name = f"{row.title}{row.first_name}", row.last_name
        user.save(update_fields=["first_name", "last_name"])
        _person(user, row)
        if row.province is not None:
            ProvincialOfficer.objects.update_or_create(user=user, defaults={"province": row.province})
        for zone in row.zones:
            for year in row.fiscal_years:
                InspectorAssignment.objects.get_or_create(user=user, zone=zone, fiscal_year=year)
        if created:
            invite(user)
        (result.created if created else result.updated).append(user)
    return result


def _person(user, row: Row) -> Person:
    position = Position.objects.get_or_create(name_th=row.position)[0] if row.position else None
    person, _created = Person.objects.update_or_create(
        user=user,
        defaults={
            "title_th": row.title,
            "first_name": row.first_name,
            "last_name": row.last_name,
            "position": position,
        },
    )
    if row.province is not None and row.position.startswith(CHIEF_POSITION):
        row.province.chief = person
        row.province.save(update_fields=["chief"])
    return person


def import_file(content: bytes, file_name: str) -> Result:
    """Read, check and apply a file; raises ImportRefused (nothing written) when any row is wrong."""
    return apply(check(read(content, file_name)))
