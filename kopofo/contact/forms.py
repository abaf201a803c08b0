from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from kopofo.public_forms import HONEYPOT_FIELD, PublicFormMixin

CONSENT_FIELD = "datenschutz_einwilligung"


class ContactBaseForm(PublicFormMixin, BaseForm):
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
