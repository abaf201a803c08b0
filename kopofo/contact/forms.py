from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from kopofo.public_forms import HONEYPOT_FIELD, PublicFormMixin

CONSENT_FIELD = "datenschutz_einwilligung"

#: Staff name the fields; what a browser may fill in follows from the name (WCAG 1.3.5).
AUTOCOMPLETE_BY_NAME = {
    "name": "name",
    "ihr_name": "name",
    "vorname": "given-name",
    "nachname": "family-name",
    "e_mail": "email",
    "email": "email",
    "telefon": "tel",
    "telefonnummer": "tel",
    "organisation": "organization",
    "strasse": "street-address",
    "anschrift": "street-address",
    "plz": "postal-code",
    "postleitzahl": "postal-code",
    "ort": "address-level2",
    "wohnort": "address-level2",
}


def autocomplete_for(name, field):
    if isinstance(field, forms.EmailField):
        return "email"
    return AUTOCOMPLETE_BY_NAME.get(name)


class ContactBaseForm(PublicFormMixin, BaseForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        privacy_page = getattr(self.page, "privacy_page", None)
        if CONSENT_FIELD in self.fields and privacy_page and privacy_page.live:
            # A hint under the box, not a link in its label: a tap on the label ticks the box.
            self.fields[CONSENT_FIELD].help_text = format_html(
                'Mehr dazu in unserer <a href="{}">Datenschutzerklärung</a>.', privacy_page.url
            )

    def message_data(self):
        """What the sender wrote, without the consent box and the trap."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (CONSENT_FIELD, HONEYPOT_FIELD)
        }


class ContactFormBuilder(FormBuilder):
    """Staff's fields, plus the data-protection consent every contact form has."""

    @property
    def formfields(self):
        fields = super().formfields
        for name, field in fields.items():
            if token := autocomplete_for(name, field):
                field.widget.attrs["autocomplete"] = token
        fields[CONSENT_FIELD] = forms.BooleanField(
            label=_(
                "Ich bin einverstanden, dass meine Angaben zur Bearbeitung meiner Anfrage "
                "gespeichert werden."
            ),
            error_messages={"required": _("Bitte stimmt der Verarbeitung eurer Angaben zu.")},
        )
        return fields

    def get_form_class(self):
        return type("ContactForm", (ContactBaseForm,), self.formfields)
