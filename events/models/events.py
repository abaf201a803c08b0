import datetime
from urllib.parse import quote, urlencode

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from kopofo.pages.blocks import BaseStreamBlock
from kopofo.pages.models import TOPIC_PARAMETER, BasePage, SitePageQuerySet
from kopofo.topics.models import Topic

from .. import dates
from ..plates import ONLINE, plate_code

EVENTS_PER_PAGE = 10
#: Feeds cover this much of the past, so a subscribed calendar keeps the recent dates.
FEED_PAST = datetime.timedelta(days=183)


class EventCategory(models.Model):
    """Diskussionsveranstaltung, Tagesseminar, Netzwerktreffen, Workshop, …"""

    name = models.CharField(_("Name"), max_length=100, unique=True)
    slug = models.SlugField(_("Kurzname für die Adresse"), max_length=100, unique=True)
    code = models.CharField(
        _("Kürzel für die Veranstaltungsnummer"),
        max_length=10,
        help_text=_("z. B. „DEM“ oder „TS“; steht in der Mitte jeder Veranstaltungsnummer."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("code")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Veranstaltungsart")
        verbose_name_plural = _("Veranstaltungsarten")

    def __str__(self):
        return self.name


class CoOrganiser(models.Model):
    """A partner an event is held with, most often the Rosa-Luxemburg-Stiftung NRW."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    url = models.URLField(_("Website"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("url")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kooperationspartner*in")
        verbose_name_plural = _("Kooperationspartner*innen")

    def __str__(self):
        return self.name


@register_setting(icon="warning")
class EventSettings(BaseSiteSetting):
    """What applies to every event, written once and shown on every event page."""

    important_notes = RichTextField(
        _("Wichtige Hinweise"),
        blank=True,
        features=["bold", "italic", "ul", "link"],
        help_text=_(
            "Steht auf jeder Veranstaltungsseite, z. B. zu Barrierefreiheit und Kinderbetreuung."
        ),
    )

    panels = [FieldPanel("important_notes")]

    class Meta:
        verbose_name = _("Wichtige Hinweise zu Veranstaltungen")


class EventSeries(models.Model):
    """One event that runs again and again, in other towns or months ("Das kommunale Mandat")."""

    name = models.CharField(_("Name"), max_length=200, unique=True)
    slug = models.SlugField(_("Kurzname für die Adresse"), max_length=100, unique=True)
    description = models.TextField(
        _("Beschreibung"), blank=True, help_text=_("Steht über den Terminen der Reihe.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Veranstaltungsreihe")
        verbose_name_plural = _("Veranstaltungsreihen")

    def __str__(self):
        return self.name


class EventIndexPage(RoutablePageMixin, BasePage):
    """/veranstaltungen/: "Die nächsten Termine", the archive and the calendar feeds."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["events.EventPage", "events.ProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = _("Veranstaltungsübersicht")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def topic_url(self, topic):
        """The upcoming events on one of the Themen, as the topic pages link to them."""
        return f"{self.url}?{urlencode({TOPIC_PARAMETER: topic.slug})}"

    def listing(self, request, events, *, archive):
        from ..forms import EventFilterForm

        form = EventFilterForm(request.GET or None, events=events)
        chosen = form.chosen()
        events = events.filtered(**chosen).for_list()
        return self.render(
            request,
            context_overrides={
                "archive": archive,
                "filter_form": form,
                "filtered": any(chosen.values()),
                "events": Paginator(events, EVENTS_PER_PAGE).get_page(request.GET.get("seite")),
                "extra_query": form.query_string(),
            },
        )

    @path("")
    def upcoming(self, request):
        return self.listing(request, self.events().upcoming(), archive=False)

    @path("archiv/")
    def archive(self, request):
        return self.listing(request, self.events().past(), archive=True)

    @path("reihe/<slug:series>/")
    def series(self, request, series):
        found = EventSeries.objects.filter(slug=series).first()
        if found is None:
            raise Http404
        return self.render(
            request,
            template="events/event_series.html",
            context_overrides={
                "series": found,
                "events": self.events().filter(series=found).for_list().order_by("start", "pk"),
            },
        )

    def series_url(self, series):
        return self.url + self.reverse_subpage("series", args=[series.slug])

    @path("ical/")
    def feed(self, request):
        from ..ical import feed_response

        return feed_response(self.events().for_feed(), filename="kopofo-veranstaltungen")

    @path("ical/<slug:category>/")
    def category_feed(self, request, category):
        from ..ical import feed_response

        found = EventCategory.objects.filter(slug=category).first()
        if found is None:
            raise Http404
        events = self.events().for_feed().filter(category=found)
        return feed_response(events, filename=f"kopofo-{found.slug}", name=found.name)

    def get_context(self, request, *args, **kwargs):
        from ..ical import webcal_url

        context = super().get_context(request, *args, **kwargs)
        feed = self.url + self.reverse_subpage("feed")
        context["feed_url"] = feed
        context["webcal_url"] = webcal_url(feed)
        context["programmes"] = self.programmes()
        context["category_feeds"] = [
            (category, self.url + self.reverse_subpage("category_feed", args=[category.slug]))
            for category in self.feed_categories()
        ]
        return context

    def programmes(self):
        """ "Unsere Halbjahresprogramme": the published ones, the latest half-year first."""
        from .programmes import ProgrammePage

        # "autumn" sorts before "spring": within a year, the later half-year comes first.
        return ProgrammePage.objects.child_of(self).live().public().order_by("-year", "season")

    def feed_categories(self):
        return EventCategory.objects.filter(
            pk__in=self.events().for_feed().values("category")
        ).order_by("name")


class EventPageQuerySet(SitePageQuerySet):
    def upcoming(self, now=None):
        """What has not ended yet, soonest first: a running event is still worth finding."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def for_feed(self, now=None):
        """The last half-year and everything ahead, as calendar feeds carry them."""
        return self.filter(end__gte=(now or timezone.now()) - FEED_PAST).order_by("start", "pk")

    def starting_between(self, begins, ends):
        """What begins at or after `begins` and before `ends` (a half-year), in date order."""
        return self.filter(start__gte=begins, start__lt=ends).order_by("start", "pk")

    def in_category(self, category):
        return self.filter(category=category)

    def in_format(self, event_format):
        return self.filter(format=event_format)

    def on_topic(self, topic):
        return self.filter(topics=topic)

    def in_month(self, month):
        """`month` is a date of its first day; months are those of Europe/Berlin."""
        first = timezone.make_aware(datetime.datetime(month.year, month.month, 1))
        following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        after = timezone.make_aware(datetime.datetime(following.year, following.month, 1))
        return self.filter(start__gte=first, start__lt=after)

    def filtered(self, *, category=None, event_format=None, topic=None, month=None):
        """The list's filters; each that is None is left out."""
        events = self
        if category:
            events = events.in_category(category)
        if event_format:
            events = events.in_format(event_format)
        if topic:
            events = events.on_topic(topic)
        if month:
            events = events.in_month(month)
        return events

    def for_list(self):
        """What a list of events shows, in a fixed number of queries however long it is."""
        return self.select_related("category").prefetch_related("topics")


class EventPage(RoutablePageMixin, BasePage):
    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("Vor Ort")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Vor Ort und online")

    class Status(models.TextChoices):
        PLANNED = "planned", _("Findet statt")
        CANCELLED = "cancelled", _("Abgesagt")
        POSTPONED = "postponed", _("Verschoben")

    class Registration(models.TextChoices):
        NONE = "none", _("Keine Anmeldung nötig")
        REQUIRED = "required", _("Anmeldung bei uns erforderlich")
        EXTERNAL = "external", _("Anmeldung über einen externen Link")

    subtitle = models.CharField(_("Untertitel"), max_length=255, blank=True)
    start = models.DateTimeField(_("Beginn"))
    end = models.DateTimeField(
        _("Ende"), blank=True, help_text=_("Leer lassen, wenn nur der Beginn feststeht.")
    )
    all_day = models.BooleanField(
        _("Ganztägig"), default=False, help_text=_("Ohne Uhrzeit; Beginn und Ende zählen als Tage.")
    )
    format = models.CharField(
        _("Form"), max_length=20, choices=Format.choices, default=Format.IN_PERSON
    )
    venue_name = models.CharField(_("Veranstaltungsort"), max_length=255, blank=True)
    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    online_platform = models.CharField(
        _("Plattform"), max_length=100, blank=True, help_text=_("z. B. „Zoom“")
    )
    join_url = models.URLField(
        _("Zugangslink"),
        max_length=500,
        blank=True,
        help_text=_(
            "Wenn eine Anmeldung nötig ist, steht der Link nie auf der Website, sondern nur in "
            "den Mails an die Angemeldeten."
        ),
    )
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("Veranstaltungsart"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    series = models.ForeignKey(
        EventSeries,
        verbose_name=_("Reihe"),
        help_text=_(
            "Wenn die Veranstaltung zu einer Reihe gehört: ihre Termine verweisen aufeinander."
        ),
        on_delete=models.SET_NULL,
        related_name="events",
        null=True,
        blank=True,
    )
    topics = ParentalManyToManyField(Topic, verbose_name=_("Themen"), blank=True)
    description = StreamField(BaseStreamBlock(), verbose_name=_("Beschreibung"), blank=True)
    documentation = StreamField(
        BaseStreamBlock(),
        verbose_name=_("Dokumentation"),
        blank=True,
        help_text=_("Nach der Veranstaltung: Bericht, Folien, Fotos."),
    )
    fees = models.CharField(
        _("Teilnahmegebühren"), max_length=255, blank=True, help_text=_("Leer heißt „kostenfrei“.")
    )
    accessibility = models.TextField(
        _("Barrierefreiheit"),
        blank=True,
        help_text=_("„barrierefrei“, oder was Teilnehmende wissen sollten."),
    )
    co_organisers = ParentalManyToManyField(
        CoOrganiser, verbose_name=_("In Kooperation mit"), blank=True
    )
    event_number = models.CharField(
        _("Veranstaltungsnummer"),
        max_length=40,
        unique=True,
        blank=True,
        help_text=_("Leer lassen: Sie wird vorgeschlagen, z. B. „221112-DEM-DU“."),
    )
    status = models.CharField(
        _("Stand"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    registration = models.CharField(
        _("Anmeldung"), max_length=20, choices=Registration.choices, default=Registration.REQUIRED
    )
    registration_url = models.URLField(_("Link zur Anmeldung"), max_length=500, blank=True)
    # RFC 5545: SEQUENCE must rise when time or place changes, or clients keep the old copy.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    legacy_slug = models.SlugField(
        _("Alte Adresse"),
        max_length=255,
        blank=True,
        db_index=True,
        help_text=_(
            "Bei übernommenen Veranstaltungen: der letzte Teil der Adresse auf der alten Website."
        ),
    )

    objects = PageManager.from_queryset(EventPageQuerySet)()
    search_kind = _("Veranstaltung")

    content_panels = [
        *Page.content_panels,
        FieldPanel("subtitle"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("all_day")],
            heading=_("Termin"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue_name"),
                FieldPanel("street"),
                FieldRowPanel([FieldPanel("postal_code"), FieldPanel("city")]),
                FieldPanel("online_platform"),
                FieldPanel("join_url"),
            ],
            heading=_("Ort"),
        ),
        FieldPanel("category"),
        FieldPanel("series"),
        FieldPanel("teaser"),
        FieldPanel("description"),
        InlinePanel("speakers", heading=_("Referent*innen"), label=_("Referent*in")),
        MultiFieldPanel(
            [
                FieldPanel("fees"),
                FieldPanel("accessibility"),
                FieldPanel("co_organisers", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Rahmen"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration"), FieldPanel("registration_url")],
            heading=_("Anmeldung"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("event_number")], heading=_("Verwaltung")
        ),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("documentation"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("slug"),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
                FieldPanel("image"),
                FieldPanel("legacy_slug"),
            ],
            heading=_("Für Suchmaschinen und Übersichten"),
        )
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("subtitle"),
        index.SearchField("description"),
        index.SearchField("venue_name"),
        index.SearchField("city"),
        index.FilterField("start"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    #: What a calendar that imported the event must learn of: a change raises `sequence`.
    SCHEDULE_FIELDS = (
        "start",
        "end",
        "all_day",
        "format",
        "venue_name",
        "street",
        "postal_code",
        "city",
        "online_platform",
        "status",
    )

    class Meta:
        verbose_name = _("Veranstaltung")
        verbose_name_plural = _("Veranstaltungen")

    # --- validation and what is derived on save ---

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.all_day:
            # An all-day event covers whole days in Berlin, so "upcoming" holds until its last
            # day is over.
            self.start = dates.start_of_day(self.start)
            self.end = dates.end_of_day(self.end or self.start)
        if self.start and not self.end:
            self.end = self.start
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("Das Ende liegt vor dem Beginn.")
        if self.format in (self.Format.IN_PERSON, self.Format.HYBRID) and not self.city:
            errors["city"] = _("Bitte den Ort angeben, an dem die Veranstaltung stattfindet.")
        if self.registration == self.Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Bitte den Link zur Anmeldung angeben.")
        if errors:
            raise ValidationError(errors)
        if not self.event_number and self.start and self.category_id:
            self.event_number = self.propose_event_number()

    def propose_event_number(self):
        """YYMMDD-<category code>-<licence plate of the town, ONL online>, free of clashes."""
        place = ONLINE if self.format == self.Format.ONLINE else plate_code(self.city) or ONLINE
        day = timezone.localtime(self.start).strftime("%y%m%d")
        base = f"{day}-{self.category.code}-{place}"
        taken = set(
            EventPage.objects.exclude(pk=self.pk)
            .filter(event_number__startswith=base)
            .values_list("event_number", flat=True)
        )
        candidate, count = base, 1
        while candidate in taken:
            count += 1
            candidate = f"{base}-{count}"
        return candidate

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or set(update_fields) & set(self.SCHEDULE_FIELDS)):
            stored = (
                EventPage.objects.filter(pk=self.pk)
                .values("sequence", *self.SCHEDULE_FIELDS)
                .first()
            )
            if stored:
                # A revision made before an earlier change carries an older sequence: never
                # let it go back.
                self.sequence = max(self.sequence, stored["sequence"])
                if any(stored[name] != getattr(self, name) for name in self.SCHEDULE_FIELDS):
                    self.sequence += 1
                    if update_fields is not None:
                        kwargs["update_fields"] = [*update_fields, "sequence"]
        return super().save(*args, **kwargs)

    # --- what the pages, feeds and mails show ---

    @property
    def when(self):
        """The date and hours in German, as every list and the page say it (dates.describe)."""
        return dates.describe(self.start, self.end, all_day=self.all_day)

    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def address(self):
        town = " ".join(part for part in (self.postal_code, self.city) if part)
        return ", ".join(part for part in (self.venue_name, self.street, town) if part)

    @property
    def online_label(self):
        platform = self.online_platform
        return f"Onlineveranstaltung über {platform}" if platform else "Onlineveranstaltung"

    @property
    def place(self):
        """Where, in one line: the venue, or "Onlineveranstaltung über Zoom", or both."""
        if self.format == self.Format.ONLINE:
            return self.online_label
        if self.format == self.Format.HYBRID:
            online = f"online über {self.online_platform}" if self.online_platform else "online"
            return f"{self.address} und {online}"
        return self.address

    @property
    def location(self):
        """The place as calendars show it (iCalendar's LOCATION)."""
        return self.online_label if self.format == self.Format.ONLINE else self.address

    @property
    def map_url(self):
        """A plain link to the venue on OpenStreetMap: no map is embedded, nobody is told."""
        if self.format == self.Format.ONLINE or not self.city:
            return ""
        return f"https://www.openstreetmap.org/search?query={quote(self.address)}"

    @property
    def public_join_url(self):
        """The join link only where anyone may come in: otherwise it is for the registered."""
        return self.join_url if self.registration == self.Registration.NONE else ""

    @property
    def fees_label(self):
        return self.fees or "kostenfrei"

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @cached_property
    def date(self):
        """The day it begins, as search hits and teasers show a date."""
        return self.local_start.date()

    @property
    def ical_url(self):
        return self.url + self.reverse_subpage("ical")

    @property
    def teaser_meta(self):
        """The line above a teaser's title: state, date, place."""
        parts = [str(self.get_status_display())] if self.status != self.Status.PLANNED else []
        return " · ".join([*parts, self.when, self.place])

    def get_context(self, request, *args, **kwargs):
        from .. import ical, schema

        context = super().get_context(request, *args, **kwargs)
        context["important_notes"] = EventSettings.for_request(request).important_notes
        context["index"] = index = self.get_parent().specific
        if self.series_id:
            context["series_url"] = index.series_url(self.series)
            context["other_dates"] = (
                EventPage.objects.sibling_of(self, inclusive=False)
                .live()
                .public()
                .filter(series=self.series_id)
                .select_related("category")
                .order_by("start", "pk")
            )
        context["json_ld"] = schema.json_ld(self)
        context["google_calendar_url"] = ical.google_calendar_url(self)
        context["outlook_calendar_url"] = ical.outlook_calendar_url(self)
        return context

    @path("")
    def detail(self, request):
        return self.render(request)

    @path("ical/")
    def ical(self, request):
        from ..ical import event_response

        return event_response(self)


class EventSpeaker(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="speakers")
    name = models.CharField(_("Name"), max_length=200)
    about = models.CharField(
        _("Funktion"), max_length=255, blank=True, help_text=_("z. B. „Ratsmitglied in Essen“")
    )

    panels = [FieldPanel("name"), FieldPanel("about")]

    class Meta(Orderable.Meta):
        verbose_name = _("Referent*in")
        verbose_name_plural = _("Referent*innen")

    def __str__(self):
        return f"{self.name}, {self.about}" if self.about else self.name
