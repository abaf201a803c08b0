from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

CONSENT_FIELD = "datenschutz_einwilligung"
# Named like a field a bot loves to fill; people never see it.
HONEYPOT_FIELD = "homepage"


class ContactBaseForm(BaseForm):
    error_css_class = "has-error"
    required_css_class = "is-required"

    def bot_detected(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))

    def message_data(self):
        """What the sender wrote, without the consent box and the trap."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in (CONSENT_FIELD, HONEYPOT_FIELD)
        }


class ContactFormBuilder(FormBuilder):
    """Staff's fields, plus the data-protection consent and the honeypot every contact form has."""

    @property
    def formfields(self):
        fields = super().formfields
        fields[CONSENT_FIELD] = forms.BooleanField(
            label=_(
                "Ich bin einverstanden, dass meine Angaben zur Bearbeitung meiner Anfrage "
                "gespeichert werden."
            ),
            error_messages={"required": _("Bitte stimme der Verarbeitung deiner Angaben zu.")},
        )
        fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Bitte dieses Feld leer lassen"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields

    def get_form_class(self):
        return type("ContactForm", (ContactBaseForm,), self.formfields)
