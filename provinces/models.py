"""Geography and people's places in it: zones, provinces, officers and inspectors."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from inspection_portal.lib.thai import sorted_by_zone


class InspectionZone(models.Model):
    number = models.PositiveSmallIntegerField(
        _("zone number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(18)]
    )
    name_th = models.CharField(_("name"), max_length=100)
    region_th = models.CharField(
        _("region"), max_length=200, blank=True, help_text=_("For example กลุ่มจังหวัดภาคตะวันออกเฉียงเหนือตอนกลาง")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["number"]
        verbose_name = _("inspection zone")
        verbose_name_plural = _("inspection zones")

    def __str__(self) -> str:
        return self.name_th

    @property
    def full_name(self) -> str:
        """The zone as the department's reports name it: number, then region."""
        return f"{self.name_th} {self.region_th}".strip()


class Position(models.Model):
    """A post a person holds, as the department writes it: "ผู้ตรวจราชการกรมการพัฒนาชุมชน"."""

    name_th = models.CharField(_("name"), max_length=200, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    of_province = models.BooleanField(
        _("named with the province"),
        default=False,
        help_text=_(
            "Tick for a provincial post such as พัฒนาการจังหวัด: documents write it with the person's province "
            "(พัฒนาการจังหวัดพิจิตร)."
        ),
    )

    class Meta:
        ordering = ["name_th"]
        verbose_name = pgettext_lazy("a post someone holds", "position")
        verbose_name_plural = pgettext_lazy("posts people hold", "positions")

    def __str__(self) -> str:
        return self.name_th


class Person(models.Model):
    """Someone the department's documents name: a chair, an official, a province's chief.

    A person may have a user account, but need not: naming someone in a meeting gives
    them no access to anything.
    """

    title_th = models.CharField(
        pgettext_lazy("a person's title before the name", "title"),
        max_length=50,
        blank=True,
        help_text=_("For example นาย, นาง, นางสาว or ดร."),
    )
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    position = models.ForeignKey(
        Position,
        verbose_name=pgettext_lazy("a post someone holds", "position"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    province = models.ForeignKey(
        "Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("For provincial staff: the province they work for. It completes a post such as พัฒนาการจังหวัด."),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["first_name", "last_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        position = self.position_th
        return f"{self.full_name} ({position})" if position else self.full_name

    @property
    def position_th(self) -> str:
        """The post as documents write it: "ผู้ตรวจราชการกรมการพัฒนาชุมชน", "พัฒนาการจังหวัดพิจิตร"."""
        if self.position_id is None:
            return ""
        if self.position.of_province and self.province_id is not None:
            return f"{self.position.name_th}{self.province.name_th}"
        return self.position.name_th

    @property
    def name_and_position(self) -> str:
        """ "นายสมศักดิ์ รักดี พัฒนาการจังหวัดพิจิตร": how a document names someone."""
        return f"{self.full_name} {self.position_th}".strip()

    @property
    def full_name(self) -> str:
        """The name as Thai documents write it: the title joined to the first name ("นางสาวชนมณัฐ รอดบุญธรรม")."""
        return f"{self.title_th.strip()}{self.first_name.strip()} {self.last_name.strip()}".strip()


class ProvinceQuerySet(models.QuerySet):
    def in_zones(self, zones) -> "ProvinceQuerySet":
        return self.filter(zone__in=zones)

    def thai_ordered(self) -> list["Province"]:
        """The provinces ordered by zone number, then the zone's official order, then Thai dictionary order."""
        return sorted_by_zone(
            self.select_related("zone"),
            zone=lambda p: p.zone.number if p.zone_id else 0,
            name=lambda p: p.name_th,
            position=lambda p: p.zone_position,
        )


class Province(models.Model):
    iso_code = models.CharField(
        _("ISO 3166-2 code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^TH-\d{2}$", _("Use the form TH-40."))],
    )
    name_th = models.CharField(_("name (Thai)"), max_length=100, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=100)
    zone = models.ForeignKey(
        InspectionZone,
        verbose_name=_("inspection zone"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="provinces",
        help_text=_("Leave empty for Bangkok, which is outside the inspection zones."),
    )
    zone_position = models.PositiveSmallIntegerField(
        _("place in the zone's official order"),
        null=True,
        blank=True,
        help_text=_(
            "The province's place in the government's list of the zone's provinces (1 first). Documents list the "
            "zone's provinces in this order; provinces without it follow in Thai dictionary order."
        ),
    )
    chief = models.ForeignKey(
        Person,
        verbose_name=_("provincial CDD chief"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="provinces_led",
        help_text=_("The พัฒนาการจังหวัด now in post, offered as the province's presenter in meetings."),
    )
    history = HistoricalRecords()

    objects = ProvinceQuerySet.as_manager()

    class Meta:
        ordering = ["zone__number", "name_th"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.name_th


class ProvincialOfficer(models.Model):
    """A user who reports for one province."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="officer"
    )
    province = models.ForeignKey(
        Province, verbose_name=_("province"), on_delete=models.PROTECT, related_name="officers"
    )

    class Meta:
        verbose_name = _("provincial officer")
        verbose_name_plural = _("provincial officers")

    def __str__(self) -> str:
        return f"{self.user} ({self.province})"


class InspectorAssignmentQuerySet(models.QuerySet):
    def for_year(self, fiscal_year: int) -> "InspectorAssignmentQuerySet":
        return self.filter(fiscal_year=fiscal_year)


class InspectorAssignment(models.Model):
    """An inspector's charge of one zone for one fiscal year."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("inspector"),
        on_delete=models.CASCADE,
        related_name="inspector_assignments",
    )
    zone = models.ForeignKey(
        InspectionZone, verbose_name=_("inspection zone"), on_delete=models.PROTECT, related_name="assignments"
    )
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year (B.E.)"), validators=[MinValueValidator(2500), MaxValueValidator(2700)]
    )
    history = HistoricalRecords()

    objects = InspectorAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-fiscal_year", "zone__number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "zone", "fiscal_year"], name="unique_inspector_zone_year")
        ]
        # The portal's roles beyond a province or a zone (provinces/roles.py makes their groups).
        permissions = [
            ("administer_portal", _("Can administer the portal: review any report and manage any meeting")),
            ("read_all_zones", _("Can read every zone's reports and meetings (head of inspectors)")),
        ]
        verbose_name = _("inspector assignment")
        verbose_name_plural = _("inspector assignments")

    def __str__(self) -> str:
        return f"{self.user} – {self.zone} ({self.fiscal_year})"
