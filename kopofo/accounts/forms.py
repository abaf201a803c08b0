from datetime import timedelta

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import PasswordResetForm
from wagtail.users import forms as wagtail_forms

from kopofo.ratelimit.services import client_key, hit

from .rights import grantable_groups


class GrantOnlyWhatYouHoldMixin:
    """Non-superusers cannot set superuser status and may grant only groups whose rights they hold.

    A disabled field ignores whatever is posted for it and keeps the user's current value, so a
    posted `is_superuser=on` never reaches the user; a group outside the choices is refused as an
    invalid choice.
    """

    def __init__(self, *args, actor, **kwargs):
        super().__init__(*args, **kwargs)
        if not actor.is_superuser:
            if "is_superuser" in self.fields:
                self.fields["is_superuser"].disabled = True
                self.fields["is_superuser"].help_text = _(
                    "Nur Administrator*innen können andere zu Administrator*innen machen."
                )
            groups = self.fields["groups"]
            groups.queryset = grantable_groups(actor)
            groups.help_text = _(
                "Du kannst nur Gruppen vergeben, deren Rechte du selbst alle hast."
            )


class UserCreationForm(GrantOnlyWhatYouHoldMixin, wagtail_forms.UserCreationForm):
    pass


class UserEditForm(GrantOnlyWhatYouHoldMixin, wagtail_forms.UserEditForm):
    pass


class ThrottledPasswordResetForm(PasswordResetForm):
    """Wagtail's reset form, sending at most a few mails per address and per account an hour.

    Both counters move on every request and the answer is the same whether a mail went out or
    not, so the form tells no one whether an account exists.
    """

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().casefold()
        per_address = hit(
            "password_reset_address",
            client_key(request),
            limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
            window=timedelta(hours=1),
        )
        per_account = hit(
            "password_reset_account",
            email,
            limit=settings.PASSWORD_RESET_LIMIT_PER_ACCOUNT,
            window=timedelta(hours=1),
        )
        if per_address and per_account:
            super().save(*args, request=request, **kwargs)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code aus der Authenticator-App"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )

    def clean_code(self):
        return self.cleaned_data["code"].replace(" ", "")
