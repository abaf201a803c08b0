import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Page

from events.models import CoOrganiser, EventCategory, EventIndexPage, EventPage, ProgrammePage
from kopofo.contact.demo import add_form_fields
from kopofo.contact.models import ContactPage
from kopofo.images.models import CustomImage
from kopofo.pages.models import HomePage, NewsIndexPage, NewsPage, StandardPage
from kopofo.topics.models import Topic
from motions_db.indexing import reindex
from motions_db.models import Body, Organization, Paper, ParliamentaryGroup


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Bild {n}")
    description = "Menschen im Ratssaal"
    caption = "Ratssitzung im Herbst"
    credit = "Foto: Erika Muster"
    file = factory.django.ImageField(width=800, height=500, color="red")


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda topic: topic.name.lower().replace(" ", "-"))


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Willkommen beim kommunalpolitischen forum nrw"
    slug = "start"
    intro = "<p>Bildung für linke Kommunalpolitik.</p>"
    purpose_quote = "Zweck des Vereins ist die Förderung der politischen Bildung."
    purpose_quote_source = "aus § 2 der Satzung"
    parent = factory.LazyFunction(Page.get_first_root_node)


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Seite {n}")
    teaser = "Ein kurzer Anreißer."
    body = [("paragraph", "<p>Text der Seite.</p>")]


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Aktuelles"
    slug = "aktuelles"
    show_in_menus = True


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Nachricht {n}")
    date = factory.Sequence(lambda n: datetime.date(2026, 11, 20) - datetime.timedelta(days=n))
    source = "Fraktion DIE LINKE. im Rat der Stadt Wuppertal"
    teaser = "Die Fraktion fragt nach."
    body = [("paragraph", "<p>Der ganze Text.</p>")]


class ContactPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContactPage
        skip_postgeneration_save = True

    title = "Kontakt"
    slug = "kontakt"
    subject = "Nachricht über das Kontaktformular"

    @factory.post_generation
    def fields(page, create, extracted, **kwargs):
        if not create:
            return
        add_form_fields(page)


class EventCategoryFactory(DjangoModelFactory):
    class Meta:
        model = EventCategory
        django_get_or_create = ["slug"]

    name = "Diskussionsveranstaltung"
    slug = factory.LazyAttribute(lambda category: category.name.lower())
    code = "DEM"


class CoOrganiserFactory(DjangoModelFactory):
    class Meta:
        model = CoOrganiser
        django_get_or_create = ["name"]

    name = "Rosa-Luxemburg-Stiftung NRW"
    url = "https://nrw.rosalux.de/"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventIndexPage

    title = "Veranstaltungen"
    slug = "veranstaltungen"
    show_in_menus = True


def berlin(*args):
    """An aware time in Berlin: berlin(2026, 3, 14, 11) is 14 March 2026, 11:00."""
    return timezone.make_aware(datetime.datetime(*args))


def days_ahead(days, hour=11, minute=0):
    """An aware time in Berlin, `days` from today (negative: in the past)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


class EventPageFactory(wagtail_factories.PageFactory):
    """An event in Duisburg in a fortnight, 11 to 16 o'clock, with registration at the office."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    start = factory.LazyFunction(lambda: days_ahead(14))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=5))
    format = EventPage.Format.IN_PERSON
    venue_name = "Internationales Zentrum"
    street = "Flachsmarkt 15"
    postal_code = "47051"
    city = "Duisburg"
    category = factory.SubFactory(EventCategoryFactory)
    teaser = "Wir diskutieren, was Städte tun können."
    description = [("paragraph", "<p>Mit Referent*innen aus Rat und Verwaltung.</p>")]


class ProgrammePageFactory(wagtail_factories.PageFactory):
    """The autumn programme of 2030, its title and address made from the half-year."""

    class Meta:
        model = ProgrammePage

    title = ""
    slug = ""
    season = ProgrammePage.Season.AUTUMN
    year = 2030
    editorial = "<p>Liebe Kommunalpolitiker*innen, wir laden euch ein: Über Größe reden!</p>"
    signature = "Wolfgang Freye, Vorsitzender"


STAFF_PASSWORD = "geheim-genug-123"


class BodyFactory(DjangoModelFactory):
    class Meta:
        model = Body
        django_get_or_create = ["name"]

    name = "Bochum"
    slug = factory.LazyAttribute(lambda body: slugify(body.name))
    kind = Body.Kind.INDEPENDENT_CITY
    administrative_region = "arnsberg"
    ruhr_area = True


class OrganizationFactory(DjangoModelFactory):
    class Meta:
        model = Organization
        django_get_or_create = ["body", "name"]

    body = factory.SubFactory(BodyFactory)
    kind = Organization.Kind.COUNCIL
    name = factory.LazyAttribute(lambda organization: f"Rat der Stadt {organization.body.name}")


class ParliamentaryGroupFactory(DjangoModelFactory):
    class Meta:
        model = ParliamentaryGroup
        django_get_or_create = ["organization", "kind", "name"]

    kind = ParliamentaryGroup.Kind.FRAKTION
    name = "DIE LINKE."
    organization = factory.SubFactory(OrganizationFactory)


class PaperFactory(DjangoModelFactory):
    """A published record, indexed for the search as the admin and the import leave it."""

    class Meta:
        model = Paper
        skip_postgeneration_save = True

    kind = Paper.Kind.MOTION
    title = factory.Sequence(lambda n: f"Antrag zur Ratssitzung Nummer {n}")
    date = datetime.date(2026, 3, 2)
    teaser = "Die Fraktion beantragt, die Verwaltung zu beauftragen."
    text = "Der Rat möge beschließen: Die Verwaltung legt einen Bericht vor."
    group = factory.SubFactory(ParliamentaryGroupFactory)
    organization = factory.SelfAttribute("group.organization")

    @factory.post_generation
    def topics(paper, create, extracted, **kwargs):
        if create and extracted:
            paper.topics.set(extracted)

    @factory.post_generation
    def indexed(paper, create, extracted, **kwargs):
        if create and extracted is not False:
            reindex([paper.pk])


class StaffUserFactory(DjangoModelFactory):
    """A member of staff; `group="Redaktion"` or `group="Geschäftsstelle"` puts them in a group."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"mitarbeiterin{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@kopofo-nrw.de")
    password = factory.django.Password(STAFF_PASSWORD)

    @factory.post_generation
    def group(user, create, extracted, **kwargs):
        if create and extracted:
            user.groups.add(Group.objects.get(name=extracted))
