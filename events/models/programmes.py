"""The half-year programme: "Herbstprogramm 2026", its editorial, its events and its PDF."""

import datetime
from itertools import groupby

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from kopofo.pages.forms import PageForm
from kopofo.pages.models import BasePage
from kopofo.pages.slugs import german_slugify

from .. import dates
from .events import EventPage


class ProgrammePageForm(PageForm):
    """The title may stay empty: it is then made from the half-year ("Herbstprogramm 2026")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "title" in self.fields:
            self.fields["title"].required = False
            self.fields["title"].help_text = _(
                "Leer lassen: Der Titel wird aus Halbjahr und Jahr gebildet, "
                "z. B. „Herbstprogramm 2026“."
            )

    def clean(self):
        cleaned_data = super().clean()
        season, year = cleaned_data.get("season"), cleaned_data.get("year")
        if not cleaned_data.get("title") and season and year:
            cleaned_data["title"] = ProgrammePage.proposed_title(season, year)
        return cleaned_data


class ProgrammePage(RoutablePageMixin, BasePage):
    """One half-year's events with an editorial, on a page to print and as a PDF (`pdf/`)."""

    class Season(models.TextChoices):
        SPRING = "spring", _("Frühjahr (Januar bis Juni)")
        AUTUMN = "autumn", _("Herbst (Juli bis Dezember)")

    #: season: (name in titles and file names, first month, last month)
    SEASONS = {Season.SPRING: ("Frühjahrsprogramm", 1, 6), Season.AUTUMN: ("Herbstprogramm", 7, 12)}

    season = models.CharField(_("Halbjahr"), max_length=10, choices=Season.choices)
    year = models.PositiveSmallIntegerField(
        _("Jahr"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    editorial = RichTextField(
        _("Vorwort"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("Steht vor den Terminen, auf der Seite und im PDF."),
    )
    signature = models.CharField(
        _("Unterschrift unter dem Vorwort"),
        max_length=200,
        blank=True,
        help_text=_("z. B. „Wolfgang Freye, Vorsitzender“"),
    )

    content_panels = [
        FieldRowPanel([FieldPanel("season"), FieldPanel("year")], heading=_("Halbjahr")),
        *Page.content_panels,
        FieldPanel("editorial"),
        FieldPanel("signature"),
        FieldPanel("image", heading=_("Titelbild (optional)")),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("teaser"),
            ],
            heading=_("Für Suchmaschinen und Übersichten"),
        )
    ]
    base_form_class = ProgrammePageForm

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []
    search_kind = _("Halbjahresprogramm")

    class Meta:
        verbose_name = _("Halbjahresprogramm")
        verbose_name_plural = _("Halbjahresprogramme")

    # --- the half-year ---

    @classmethod
    def proposed_title(cls, season, year):
        return f"{cls.SEASONS[season][0]} {year}"

    @property
    def standard_title(self):
        return self.proposed_title(self.season, self.year)

    @property
    def month_range(self):
        """The first and the last month of the half-year, 1 to 12."""
        return self.SEASONS[self.season][1:]

    @property
    def period(self):
        """ "Juli bis Dezember 2026", as the cover and the page say which months it covers."""
        first, last = self.month_range
        return f"{dates.MONTHS[first - 1]} bis {dates.MONTHS[last - 1]} {self.year}"

    @property
    def begins(self):
        return timezone.make_aware(datetime.datetime(self.year, self.month_range[0], 1))

    @property
    def ends(self):
        """The first moment after the half-year (exclusive)."""
        if self.month_range[1] == 12:
            return timezone.make_aware(datetime.datetime(self.year + 1, 1, 1))
        return timezone.make_aware(datetime.datetime(self.year, self.month_range[1] + 1, 1))

    @property
    def pdf_filename(self):
        return f"kopofo-nrw-{german_slugify(self.standard_title)}.pdf"

    def _set_core_field_defaults(self):
        # A programme made without a title (by a script, the demo) gets the one the form proposes.
        if not self.title and self.season and self.year:
            self.title = self.standard_title
        super()._set_core_field_defaults()

    def clean(self):
        super().clean()
        if self.season and self.year:
            taken = ProgrammePage.objects.filter(season=self.season, year=self.year)
            other = taken.exclude(pk=self.pk).first()
            if other is not None:
                raise ValidationError(
                    {
                        "year": _(
                            "Für dieses Halbjahr gibt es schon ein Programm: „%(title)s“. "
                            "Bitte dort weiterschreiben."
                        )
                        % {"title": other.title}
                    }
                )

    # --- its events ---

    def events(self):
        """The live, public events that begin in the half-year, in date order.

        The site has one events index (EventIndexPage.max_count), so they are all its events.
        Cancelled ones stay in: the programme says they are cancelled.
        """
        return (
            EventPage.objects.live()
            .public()
            .starting_between(self.begins, self.ends)
            .select_related("category")
        )

    def events_by_month(self, events=None):
        """[(month's name, [events])] in date order, months without events left out."""
        events = self.events() if events is None else events
        return [
            (dates.month_name(month), list(items))
            for month, items in groupby(
                events, key=lambda event: event.local_start.date().replace(day=1)
            )
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["months"] = self.events_by_month()
        context["stored_pdf"] = ProgrammePdf.objects.filter(programme=self).first()
        context["index"] = self.get_parent()
        return context

    @path("pdf/")
    def pdf(self, request):
        from ..services import programme_pdf

        stored = programme_pdf(self.pk)
        with stored.file.open("rb") as file:
            content = file.read()
        response = HttpResponse(content, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.pdf_filename}"'
        # For staff and whatever the page cache does not keep; the cache answers readers with
        # its own ETag and Last-Modified, which change with every change of content.
        etag = f'"{stored.fingerprint[:32]}"'
        last_modified = int(stored.built_at.timestamp())
        response["ETag"] = etag
        response["Last-Modified"] = http_date(last_modified)
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )


def programme_pdf_path(instance, filename):
    return f"programme/{filename}"


class ProgrammePdf(models.Model):
    """The PDF of a programme as last built, and the fingerprint of what went into it.

    Not a field of the page: publishing a revision would bring back the file of its day.
    """

    programme = models.OneToOneField(
        ProgrammePage, on_delete=models.CASCADE, related_name="stored_pdf"
    )
    file = models.FileField(upload_to=programme_pdf_path, max_length=255)
    fingerprint = models.CharField(max_length=64)
    size = models.PositiveIntegerField()
    built_at = models.DateTimeField()
    build_seconds = models.FloatField(default=0)

    class Meta:
        verbose_name = _("PDF eines Halbjahresprogramms")
        verbose_name_plural = _("PDFs der Halbjahresprogramme")

    def __str__(self):
        return self.file.name
