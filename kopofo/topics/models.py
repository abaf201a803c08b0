from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from kopofo.seams import topic_sections


class TopicQuerySet(models.QuerySet):
    def in_use(self):
        """The Themen that something public is tagged with: the only ones visitors see."""
        tagged = Q(pk__in=[])
        for section_class in topic_sections:
            tagged |= Q(pk__in=section_class().topics_in_use().values("pk"))
        return self.filter(tagged)


class Topic(index.Indexed, models.Model):
    """One of the site's "Themen": news, events, the Datenbank and publications all tag with it."""

    name = models.CharField(_("Name"), max_length=80, unique=True)
    slug = models.SlugField(_("Kurzname für die Adresse"), max_length=80, unique=True)
    description = models.TextField(_("Beschreibung"), blank=True)

    objects = TopicQuerySet.as_manager()

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("Thema")
        verbose_name_plural = _("Themen")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("topic_detail", kwargs={"slug": self.slug})
