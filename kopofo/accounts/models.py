from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="key")
class TwoFactorSettings(BaseGenericSetting):
    """Whether every member of staff must confirm each login with a code from an app."""

    required = models.BooleanField(
        _("Zwei-Faktor-Anmeldung verpflichtend"),
        default=False,
        help_text=_(
            "Wenn gesetzt, muss sich jede Person im Admin mit Passwort und einem Code aus einer "
            "Authenticator-App anmelden. Wer noch keine App eingerichtet hat, wird nach der "
            "nächsten Anmeldung dorthin geführt."
        ),
    )

    class Meta:
        verbose_name = _("Zwei-Faktor-Anmeldung")
