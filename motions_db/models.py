"""The Datenbank: what left Fraktionen and Gruppen in NRW's councils submitted.

Names follow OParl, the standard of council information systems: a `Body` is a Kommune or Kreis,
an `Organization` a Gremium of it (Rat, Kreistag, Ausschuss, ...), a `Paper` a record
(Anfrage, Antrag, Pressemitteilung, ...). The submitting Fraktion or Gruppe is a
`ParliamentaryGroup` sitting in one Organization.

`SearchEntry` is the search's narrow table: one row per *published* paper with only what the
search filters, counts and sorts by. `SearchText`, narrower still, holds its text search vectors
and the beginning of its text for snippets (PostgreSQL), out of line: every search reads one of
its rows per match. The long texts stay in `Paper` and `Attachment`, so a search that matches
half the records reads a few MB, not the whole archive. `motions_db.indexing` keeps both in
step.
"""

import functools
import json

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from kopofo.pages.slugs import german_slugify
from kopofo.topics.models import Topic

from .validators import validate_attachment


@functools.cache
def _labels(choices, language):
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value):
    """A choice's label, translated once per language and process. Django's get_FOO_display()
    translates every label of the field again on each call, and a search page shows forty."""
    return _labels(choices, get_language()).get(value, value)


class AdministrativeRegion(models.TextChoices):
    """NRW's five Regierungsbezirke."""

    ARNSBERG = "arnsberg", _("Arnsberg")
    DETMOLD = "detmold", _("Detmold")
    DUESSELDORF = "duesseldorf", _("Düsseldorf")
    KOELN = "koeln", _("Köln")
    MUENSTER = "muenster", _("Münster")


class BodyQuerySet(models.QuerySet):
    def districts(self):
        """Kreise and kreisfreie Städte: what the "Kreis" facet groups by."""
        return self.filter(kind__in=Body.DISTRICT_KINDS)


class Body(models.Model):
    """A Kommune or Kreis (or a Landschaftsverband): the corporation a Gremium belongs to."""

    class Kind(models.TextChoices):
        INDEPENDENT_CITY = "kreisfreie_stadt", _("kreisfreie Stadt")
        TOWN = "stadt", _("kreisangehörige Stadt")
        MUNICIPALITY = "gemeinde", _("Gemeinde")
        DISTRICT = "kreis", _("Kreis")
        REGIONAL_ASSOCIATION = "verband", _("Landschafts- oder Regionalverband")

    #: The kinds that are their own entry in the "Kreis" facet.
    DISTRICT_KINDS = (Kind.INDEPENDENT_CITY, Kind.DISTRICT)

    name = models.CharField(
        _("Name"), max_length=120, unique=True, help_text=_("z. B. „Bochum“ oder „Kreis Wesel“")
    )
    slug = models.SlugField(_("Kurzname für die Adresse"), max_length=120, unique=True)
    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices)
    district = models.ForeignKey(
        "self",
        verbose_name=_("Kreis"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        limit_choices_to={"kind": Kind.DISTRICT},
        related_name="members",
        help_text=_("Nur für kreisangehörige Städte und Gemeinden."),
    )
    administrative_region = models.CharField(
        _("Regierungsbezirk"), max_length=20, choices=AdministrativeRegion.choices, blank=True
    )
    ruhr_area = models.BooleanField(
        _("Ruhrgebiet"), default=False, help_text=_("Mitglied im Regionalverband Ruhr")
    )

    objects = BodyQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("Kommune oder Kreis")
        verbose_name_plural = _("Kommunen und Kreise")

    def __str__(self):
        return self.name

    @property
    def district_for_search(self):
        """The Kreis or kreisfreie Stadt this body's records count for, if any."""
        if self.kind in self.DISTRICT_KINDS:
            return self
        return self.district

    @classmethod
    def district_id_for_search(cls, pk, kind, district_id):
        """`district_for_search`'s id from a body's values, without loading its Kreis."""
        return pk if kind in cls.DISTRICT_KINDS else district_id


class Organization(models.Model):
    """A Gremium: the Rat, Kreistag, a Bezirksvertretung, an Ausschuss, ..."""

    class Kind(models.TextChoices):
        COUNCIL = "rat", _("Rat")
        DISTRICT_COUNCIL = "kreistag", _("Kreistag")
        BOROUGH_COUNCIL = "bezirksvertretung", _("Bezirksvertretung")
        COMMITTEE = "ausschuss", _("Ausschuss")
        INTEGRATION_COUNCIL = "integrationsrat", _("Integrationsrat")
        REGIONAL_ASSEMBLY = "landschaftsversammlung", _("Landschafts- oder Verbandsversammlung")

    #: "Fraktion DIE LINKE. im Rat der Stadt Bochum", "… in der Bezirksvertretung Mitte".
    FEMININE_KINDS = (Kind.BOROUGH_COUNCIL, Kind.REGIONAL_ASSEMBLY)

    body = models.ForeignKey(
        Body,
        verbose_name=_("Kommune oder Kreis"),
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    kind = models.CharField(_("Art"), max_length=30, choices=Kind.choices)
    name = models.CharField(
        _("Name"),
        max_length=200,
        help_text=_("Wie er in der Quellenangabe steht: „Rat der Stadt Bochum“, „Kreistag Wesel“"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("Gremium")
        verbose_name_plural = _("Gremien")
        constraints = [
            models.UniqueConstraint(fields=["body", "name"], name="unique_organization_per_body")
        ]

    def __str__(self):
        return self.name

    @property
    def preposition(self):
        return self.preposition_for(self.kind)

    @classmethod
    def preposition_for(cls, kind):
        return "in der" if kind in cls.FEMININE_KINDS else "im"


class ParliamentaryGroup(models.Model):
    """A Fraktion or Gruppe in one Gremium; its name as it calls itself ("DIE LINKE+")."""

    class Kind(models.TextChoices):
        FRAKTION = "fraktion", _("Fraktion")
        GRUPPE = "gruppe", _("Gruppe")

    kind = models.CharField(_("Art"), max_length=10, choices=Kind.choices, default=Kind.FRAKTION)
    name = models.CharField(_("Name"), max_length=120, help_text=_("z. B. „DIE LINKE.“"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Gremium"),
        on_delete=models.PROTECT,
        related_name="groups",
    )

    class Meta:
        ordering = ["name", "organization__name"]
        verbose_name = _("Fraktion oder Gruppe")
        verbose_name_plural = _("Fraktionen und Gruppen")
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "kind", "name"], name="unique_group_per_organization"
            )
        ]

    def __str__(self):
        return self.source_line

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    @property
    def source_line(self):
        """As the site has always shown it: "Fraktion DIE LINKE. im Rat der Stadt Bochum"."""
        organization = self.organization
        return self.line_for(self.kind, self.name, organization.kind, organization.name)

    @classmethod
    def line_for(cls, kind, name, organization_kind, organization_name):
        """The source line from the four values, for a list that reads them without models."""
        preposition = Organization.preposition_for(organization_kind)
        return f"{choice_label(cls.Kind, kind)} {name} {preposition} {organization_name}"


class PaperQuerySet(models.QuerySet):
    def published(self):
        return self.filter(live=True)

    def newest_first(self):
        return self.order_by("-date", "-pk")

    def with_source(self):
        """What a teaser or the page shows besides the paper itself, in the same query."""
        return self.select_related(
            "organization__body", "group__organization", "image"
        ).prefetch_related("topics")

    def of_kind(self, kind):
        return self.filter(kind=kind)

    def for_teasers(self):
        """What a teaser shows (source line, picture with its renditions), in one query each."""
        # Imported here: the images app's models are not loaded when this module is.
        from kopofo.images.models import CustomImage

        return self.select_related("group__organization").prefetch_related(
            models.Prefetch("image", queryset=CustomImage.objects.prefetch_renditions())
        )

    def on_topic(self, topic):
        return self.filter(topics=topic)

    def related_to(self, paper, *, topic_ids):
        """Other published papers on one of `topic_ids` or from the same Kreis: those on both
        first, then the same topic, then the same region, each newest first."""
        body = paper.organization.body
        district = body.district_for_search
        same_region = models.Q(organization__body=body)
        if district is not None:
            same_region |= models.Q(organization__body=district) | models.Q(
                organization__body__district=district
            )
        same_topic = models.Exists(
            Paper.topics.through.objects.filter(paper=models.OuterRef("pk"), topic__in=topic_ids)
        )
        score = models.Case(
            models.When(same_region, then=models.Value(1)),
            default=models.Value(0),
            output_field=models.IntegerField(),
        )
        if topic_ids:
            score = score + models.Case(
                models.When(same_topic, then=models.Value(2)),
                default=models.Value(0),
                output_field=models.IntegerField(),
            )
        return (
            self.published()
            .exclude(pk=paper.pk)
            .annotate(relatedness=score)
            .filter(relatedness__gt=0)
            .select_related("group__organization")
            .order_by("-relatedness", "-date", "-pk")
        )


class Paper(ClusterableModel):
    """One Anfrage, Antrag, Pressemitteilung, ... as a Fraktion submitted or published it."""

    class Kind(models.TextChoices):
        INQUIRY = "anfrage", _("Anfrage")
        MOTION = "antrag", _("Antrag")
        PRESS_RELEASE = "pressemitteilung", _("Pressemitteilung")
        AMENDMENT = "aenderungsantrag", _("Änderungsantrag")
        RESOLUTION = "resolution", _("Resolution")
        SPEECH = "rede", _("Rede")
        MODEL_INQUIRY = "musteranfrage", _("Musteranfrage")
        MODEL_MOTION = "musterantrag", _("Musterantrag")

    class Outcome(models.TextChoices):
        OPEN = "offen", _("offen")
        ADOPTED = "angenommen", _("angenommen")
        REJECTED = "abgelehnt", _("abgelehnt")
        REFERRED = "verwiesen", _("verwiesen")
        ANSWERED = "beantwortet", _("beantwortet")

    kind = models.CharField(_("Art"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("Titel"), max_length=500)
    slug = models.SlugField(_("Kurzname für die Adresse"), max_length=120, allow_unicode=False)
    date = models.DateField(_("Datum"), db_index=True)
    reference = models.CharField(
        _("Drucksache"), max_length=100, blank=True, help_text=_("Nummer im Ratsinformationssystem")
    )
    teaser = models.TextField(
        _("Anreißer"),
        max_length=1000,
        blank=True,
        help_text=_("Zwei, drei Sätze für Listen und Suchergebnisse."),
    )
    text = models.TextField(_("Volltext"), blank=True)
    topics = models.ManyToManyField(
        Topic, verbose_name=_("Themen"), blank=True, related_name="papers"
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("Gremium"),
        on_delete=models.PROTECT,
        related_name="papers",
        help_text=_("Wo die Fraktion es eingereicht hat."),
    )
    group = models.ForeignKey(
        ParliamentaryGroup,
        verbose_name=_("Fraktion oder Gruppe"),
        on_delete=models.PROTECT,
        related_name="papers",
    )
    authors = models.CharField(
        _("Verfasst von"), max_length=300, blank=True, help_text=_("Namen, durch Kommas getrennt")
    )
    outcome = models.CharField(_("Ergebnis"), max_length=20, choices=Outcome.choices, blank=True)
    source_url = models.URLField(
        _("Original im Ratsinformationssystem"), max_length=500, blank=True
    )
    image = models.ForeignKey(
        "images.CustomImage",
        verbose_name=_("Bild"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    external_id = models.CharField(
        _("Externe Kennung"),
        max_length=100,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Stabile Kennung aus einem Import; ein erneuter Import aktualisiert."),
    )
    legacy_slug = models.CharField(
        _("Alte Adresse (Kurzname)"),
        max_length=255,
        unique=True,
        null=True,
        blank=True,
        help_text=_("Der Kurzname auf der alten Website, damit alte Links hierher führen."),
    )
    live = models.BooleanField(_("Veröffentlicht"), default=True, db_index=True)
    #: Set when the text and attachments were longer than the search indexes (indexing.py).
    search_truncated = models.BooleanField(_("Nur teilweise durchsuchbar"), default=False)
    created_at = models.DateTimeField(_("Angelegt"), auto_now_add=True)
    updated_at = models.DateTimeField(_("Geändert"), auto_now=True)

    objects = PaperQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("Datenbankeintrag")
        verbose_name_plural = _("Datenbankeinträge")

    def get_kind_display(self):
        return choice_label(self.Kind, self.kind)

    def __str__(self):
        return self.title

    @staticmethod
    def slug_for(title):
        """The address's readable part: "Kitagebühren für alle" -> "kitagebuehren-fuer-alle"."""
        return german_slugify(title)[:120].strip("-") or "eintrag"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.slug_for(self.title)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("motions_db:paper", kwargs={"pk": self.pk, "slug": self.slug})

    @property
    def url(self):
        return self.get_absolute_url()

    @property
    def source(self):
        """The source line: "Fraktion DIE LINKE. im Kreistag Rhein-Erft"."""
        return self.group.source_line

    @cached_property
    def body(self):
        return self.organization.body


class Attachment(models.Model):
    """A PDF of the paper; its text is extracted in the background and searched with the paper."""

    paper = ParentalKey(
        Paper, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("Eintrag")
    )
    title = models.CharField(_("Titel"), max_length=255)
    file = models.FileField(
        _("PDF-Datei"), upload_to="datenbank/%Y/%m/", validators=[validate_attachment]
    )
    size = models.PositiveIntegerField(_("Größe in Bytes"), default=0, editable=False)
    text = models.TextField(_("Ausgelesener Text"), blank=True, editable=False)
    sort_order = models.PositiveSmallIntegerField(default=0, editable=False)

    #: The admin's inline panel lets staff order the attachments (django-modelcluster).
    sort_order_field = "sort_order"

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("Anhang")
        verbose_name_plural = _("Anhänge")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # A new file's size, read once rather than from storage on every view. (A file saved
        # through `file.save()` is committed before the row is saved, hence `not self.size`.)
        if self.file and (not self.file._committed or not self.size):
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "motions_db:attachment", kwargs={"pk": self.paper_id, "attachment_pk": self.pk}
        )

    @property
    def download_name(self):
        """The file name a download gets: the title, not the upload's random storage name."""
        return f"{german_slugify(self.title)[:80] or 'anhang'}.pdf"

    @property
    def size_label(self):
        """ "PDF, 1,2 MB" as the record page lists it."""
        megabytes = self.size / 1_000_000
        if megabytes >= 0.1:
            return f"PDF, {megabytes:.1f} MB".replace(".", ",")
        return f"PDF, {max(1, round(self.size / 1000))} KB"


class IntegerListField(models.Field):
    """A list of ids: an `integer[]` on PostgreSQL (unnest is the topic facet's fast path),
    JSON text elsewhere, so SQLite keeps the same model."""

    def db_type(self, connection):
        return "integer[]" if connection.vendor == "postgresql" else "text"

    def from_db_value(self, value, expression, connection):
        if value is None:
            return []
        return json.loads(value) if isinstance(value, str) else list(value)

    def to_python(self, value):
        return self.from_db_value(value, None, None)

    def get_db_prep_value(self, value, connection, prepared=False):
        ids = [int(item) for item in (value or [])]
        return ids if connection.vendor == "postgresql" else json.dumps(ids)


class SearchEntry(models.Model):
    """The search's narrow row for one published paper (see the module's docstring)."""

    paper = models.OneToOneField(
        Paper, on_delete=models.CASCADE, primary_key=True, related_name="search_entry"
    )
    kind = models.CharField(max_length=20)
    date = models.DateField()
    #: The date's year, counted for the year facet without computing it for every match.
    year = models.PositiveSmallIntegerField(default=0)
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="+")
    district = models.ForeignKey(
        Body, on_delete=models.CASCADE, null=True, related_name="+", db_index=False
    )
    administrative_region = models.CharField(max_length=20, blank=True)
    ruhr_area = models.BooleanField(default=False)
    group = models.ForeignKey(ParliamentaryGroup, on_delete=models.CASCADE, related_name="+")
    topic_ids = IntegerListField(default=list)

    class Meta:
        indexes = [models.Index(fields=["-date"], name="motions_db_entry_date")]

    def __str__(self):
        return f"Suchindex für {self.paper_id}"


class SearchText(models.Model):
    """What the search reads of a published paper's text (PostgreSQL; SQLite matches and cuts
    snippets from the paper itself): its text search vectors and the beginning of its text.

    A table of its own: PostgreSQL's GIN index tells which rows match, and the ids of the
    matches are then read from the rows, one by one, 88,000 of them for a word in nine records
    of ten. All three values here are stored out of line, so a row is little more than its id
    and a pointer to each (migration 0009, bench/datenbank_search.py). PostgreSQL moves values
    out of a row only once it passes about 2 kB (then down to `toast_tuple_target`, 128 bytes):
    the snippet text together with the vectors passes that for all but the shortest records,
    which the vectors of a short record alone would not. The GIN indexes, the German
    configuration and the storage are made by PostgreSQL-only operations in the migrations.
    """

    entry = models.OneToOneField(
        SearchEntry,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="text",
        db_column="paper_id",
    )
    #: The title alone: which matches hold a word in the title, when there are too many to
    #: rank each exactly.
    title_vector = SearchVectorField(null=True)
    #: Title (A), teaser and text (B), attachments (C), compound parts and plural forms (D),
    #: and the terms of word pairs (indexing.PAIR_MARK).
    vector = SearchVectorField(null=True)
    #: The beginning of the text, for the hits' highlighted snippets.
    snippet_source = models.TextField(blank=True)

    def __str__(self):
        return f"Suchtext für {self.entry_id}"


class Word(models.Model):
    """A word of the archive and in how many records it stands: for "Meinten Sie …?"."""

    word = models.CharField(max_length=60, primary_key=True)
    documents = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("Wort im Suchindex")
        verbose_name_plural = _("Wörter im Suchindex")

    def __str__(self):
        return self.word
