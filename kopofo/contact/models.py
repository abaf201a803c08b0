from datetime import timedelta

from django.db import models
from django.template.response import TemplateResponse
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
from wagtail.fields import RichTextField

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

    def from_sender_within(self, sender_key, seconds):
        return self.filter(
            sender_key=sender_key, submit_time__gte=timezone.now() - timedelta(seconds=seconds)
        )


class ContactSubmission(AbstractFormSubmission):
    # A keyed hash of the sender's IP address: enough to limit the rate, useless to anyone else.
    sender_key = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    objects = ContactSubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("Kontaktanfrage")
        verbose_name_plural = _("Kontaktanfragen")
        indexes = [models.Index(fields=["submit_time"])]


class ContactPage(AbstractEmailForm):
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

    def serve(self, request, *args, **kwargs):
        from . import services

        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, request.FILES, page=self, user=request.user)
        if form.is_valid():
            try:
                submission = services.submit_message(
                    self, form, client_ip=services.client_ip(request)
                )
            except services.TooManyMessages as error:
                form.add_error(None, str(error))
            else:
                return self.render_landing_page(request, submission, *args, **kwargs)
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context)

    def recipients(self, fallback):
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        return addresses or [fallback]
