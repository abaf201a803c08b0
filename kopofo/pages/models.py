from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kopofo.images.models import CustomImage
from kopofo.topics.models import Topic

from .blocks import BaseStreamBlock
from .feeds import NewsAtomFeed, NewsRssFeed
from .panels import (
    FOOTER,
    HOME,
    PLACES,
    SIDEBAR,
    default_footer_panels,
    default_home_panels,
    default_sidebar_panels,
    panel_choices,
    registered_panels,
)

NEWS_PER_PAGE = 10
# Every list of tagged content takes the topic the same way: `?thema=<slug>`.
TOPIC_PARAMETER = "thema"


class BasePage(Page):
    """Fields every public page shares: a teaser for lists and social previews, and an image."""

    teaser = models.TextField(
        _("Anreißer"),
        blank=True,
        help_text=_("Zwei, drei Sätze für Übersichten, Suchergebnisse und Vorschauen."),
    )
    image = models.ForeignKey(
        "images.CustomImage",
        verbose_name=_("Bild"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    search_fields = [*Page.search_fields, index.SearchField("teaser")]
    promote_panels = [*Page.promote_panels, FieldPanel("teaser"), FieldPanel("image")]
    #: What the site search calls a hit of this type.
    search_kind = _("Seite")

    class Meta:
        abstract = True

    @property
    def description(self):
        return self.search_description or self.teaser


class HomePage(BasePage):
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    purpose_quote = models.TextField(_("Zitat zum Vereinszweck"), blank=True)
    purpose_quote_source = models.CharField(_("Quelle des Zitats"), max_length=255, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("purpose_quote"), FieldPanel("purpose_quote_source")],
            heading=_("Vereinszweck"),
        ),
        FieldPanel("image"),
    ]
    promote_panels = [*Page.promote_panels, FieldPanel("teaser")]

    parent_page_types = ["wagtailcore.Page"]
    # The feature apps add their index pages (events, publications, ...) here.
    subpage_types = ["pages.StandardPage", "pages.NewsIndexPage", "contact.ContactPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Startseite")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = NewsPage.objects.live().public().newest_first().for_teasers()[:4]
        context["news_index"] = NewsIndexPage.objects.live().first()
        return context


class StandardPage(BasePage):
    """Über uns, Satzung, Impressum, Datenschutz and every other editorial page."""

    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    subpage_types = ["pages.StandardPage", "contact.ContactPage"]

    class Meta:
        verbose_name = _("Standardseite")


class NewsIndexPage(RoutablePageMixin, BasePage):
    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    subpage_types = ["pages.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("Nachrichtenübersicht")

    def news(self):
        return NewsPage.objects.child_of(self).live().public().newest_first()

    def topic_url(self, topic):
        """This list filtered by one of the Themen, as the topic pages link to it."""
        return f"{self.url}?{urlencode({TOPIC_PARAMETER: topic.slug})}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news().for_teasers()
        topic_slug = request.GET.get(TOPIC_PARAMETER)
        topic = Topic.objects.filter(slug=topic_slug).first() if topic_slug else None
        if topic:
            news = news.on_topic(topic)
            context["topic"] = topic
            context["extra_query"] = "&" + urlencode({TOPIC_PARAMETER: topic.slug})
        context["news_items"] = Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get("seite"))
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("feed/")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageQuerySet(PageQuerySet):
    def newest_first(self):
        return self.order_by("-date", "-first_published_at")

    def for_teasers(self):
        """What a list of teasers shows: the image with its renditions, in one query each."""
        return self.prefetch_related(
            models.Prefetch("image", queryset=CustomImage.objects.prefetch_renditions())
        )

    def on_topic(self, topic):
        return self.filter(topics=topic)


class NewsPage(BasePage):
    date = models.DateField(_("Datum"), default=timezone.localdate)
    source = models.CharField(
        _("Quelle oder Autor*in"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „Fraktion DIE LINKE. im Rat der Stadt Wuppertal“"),
    )
    original_url = models.URLField(
        _("Link zum Original"),
        max_length=500,
        blank=True,
        help_text=_(
            "Die Adresse des vollständigen Textes bei der Fraktion; die Seite zeigt sie als "
            "„Zum vollständigen Text bei der Fraktion“."
        ),
    )
    body = StreamField(BaseStreamBlock(), verbose_name=_("Inhalt"), blank=True)
    topics = ParentalManyToManyField("topics.Topic", verbose_name=_("Themen"), blank=True)

    objects = PageManager.from_queryset(NewsPageQuerySet)()
    search_kind = _("Nachricht")

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("source"), FieldPanel("original_url")],
            heading=_("Herkunft"),
        ),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("source"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["pages.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Nachricht")
        verbose_name_plural = _("Nachrichten")


@register_setting(icon="mail")
class ContactSettings(BaseSiteSetting):
    """The office's contact data, edited once and shown on every page."""

    organisation = models.CharField(
        _("Name"), max_length=255, default="kommunalpolitisches forum nrw e.V."
    )
    street = models.CharField(_("Straße und Hausnummer"), max_length=255, blank=True)
    postal_code = models.CharField(_("Postleitzahl"), max_length=10, blank=True)
    city = models.CharField(_("Ort"), max_length=100, blank=True)
    phone = models.CharField(_("Telefon"), max_length=50, blank=True)
    email = models.EmailField(_("E-Mail"), blank=True)
    office_hours = models.CharField(
        _("Sprechzeiten"),
        max_length=255,
        blank=True,
        help_text=_("z. B. „Dienstag bis Donnerstag 10:00 bis 16:00 Uhr“"),
    )
    details_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Seite mit mehr Informationen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Der Kontaktkasten verlinkt sie, z. B. die Seite der Geschäftsstelle."),
    )
    facebook_url = models.URLField(_("Facebook-Seite"), blank=True)
    instagram_url = models.URLField(_("Instagram-Profil"), blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("organisation"),
                FieldPanel("street"),
                FieldPanel("postal_code"),
                FieldPanel("city"),
            ],
            heading=_("Anschrift"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("office_hours"),
                FieldPanel("details_page"),
            ],
            heading=_("Erreichbarkeit"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url")], heading=_("Soziale Medien")
        ),
    ]

    class Meta:
        verbose_name = _("Kontaktdaten")

    @property
    def phone_href(self):
        digits = "".join(char for char in self.phone if char.isdigit() or char == "+")
        # German numbers are written with the trunk prefix 0; tel: links want +49.
        return "+49" + digits[1:] if digits.startswith("0") else digits


class PanelChoiceBlock(blocks.ChoiceBlock):
    class Meta:
        icon = "placeholder"
        label = _("Kasten")


def panel_field(verbose_name, default):
    return StreamField(
        [("panel", PanelChoiceBlock(choices=panel_choices))],
        verbose_name=verbose_name,
        blank=True,
        default=default,
    )


@register_setting(icon="placeholder")
class PanelSettings(BaseSiteSetting):
    """Which of the apps' boxes the home page, the sidebar and the footer show, in which order."""

    home_panels = panel_field(PLACES[HOME], default_home_panels)
    sidebar_panels = panel_field(PLACES[SIDEBAR], default_sidebar_panels)
    footer_panels = panel_field(PLACES[FOOTER], default_footer_panels)

    panels = [
        FieldPanel("home_panels"),
        FieldPanel("sidebar_panels"),
        FieldPanel("footer_panels"),
    ]

    class Meta:
        verbose_name = _("Kästen")

    def panels_for(self, place):
        """The panels chosen for `place`, in order; one an app no longer offers is skipped."""
        available = registered_panels()
        chosen = getattr(self, f"{place}_panels")
        return [available[block.value] for block in chosen if block.value in available]
