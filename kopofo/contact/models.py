from datetime import timedelta

from django.db import models
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import (
    AbstractEmailForm,
    AbstractFormField,
    AbstractFormSubmission,
)
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from kopofo.ratelimit.services import client_key

from .forms import ContactFormBuilder


class ContactFormField(AbstractFormField):
    page = ParentalKey("ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactSubmissionQuerySet(models.QuerySet):
    def older_than(self, days):
        return self.filter(submit_time__lt=timezone.now() - timedelta(days=days))

    def from_email(self, email):
        """Messages in which a field holds this address (the form's fields are staff's choice)."""
        email = email.strip().lower()
        # The JSON text narrows the search in the database; the exact check is on the values.
        candidates = self.filter(form_data__icontains=email)
        matching = [
            submission.pk
            for submission in candidates
            if any(
                isinstance(value, str) and value.strip().lower() == email
                for value in submission.form_data.values()
            )
        ]
        return self.filter(pk__in=matching)


class ContactSubmission(AbstractFormSubmission):
    objects = ContactSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        indexes = [models.Index(fields=["submit_time"])]


class ContactPage(RoutablePageMixin, AbstractEmailForm):
    """The contact page; staff shape the form's fields in the admin."""

    intro = RichTextField(_("Einleitung"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("Dankestext"), blank=True, features=["bold", "italic", "link"])
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Datenschutzerklärung"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Wird in der Einwilligung zur Datenverarbeitung verlinkt."),
    )

    form_builder = ContactFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_page"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-Mail an die Geschäftsstelle"),
        ),
    ]

    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("Kontaktseite")

    def get_submissions_list_view_class(self):
        # Admin views import models of every app, so they cannot be imported with ours.
        from .views import ContactSubmissionsListView

        return ContactSubmissionsListView

    def get_submission_class(self):
        return ContactSubmission

    @path("")
    def form_view(self, request):
        """The form; a valid message is stored, then the visitor is sent to the thanks page."""
        from . import services

        if request.method != "POST":
            return self.render(request, context_overrides={"form": self.get_form(page=self)})
        form = self.get_form(request.POST, page=self, user=request.user)
        status = 200
        if form.is_valid():
            try:
                services.submit_message(self, form, sender=client_key(request))
            except services.TooManyMessages as error:
                form.add_error(None, str(error))
                status = 429
            else:
                return redirect(self.url + self.reverse_subpage("thanks"))
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        return response

    @path("danke/")
    def thanks(self, request):
        return self.render(request, template=self.get_landing_page_template(request))

    def recipients(self, fallback):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        return addresses or [fallback]
