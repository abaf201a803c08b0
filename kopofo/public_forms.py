"""The one way every public form on the site works: cookie-free, cacheable and hard to abuse.

Readers' pages set no cookie and look the same for everyone, so they can be cached; a CSRF token
would break both. A form that readers fill (contact, registrations, orders, sign-ups, submissions,
applications, consent choices) therefore follows these rules instead:

- `PublicFormMiddleware` (in place of Django's CsrfViewMiddleware) accepts a POST outside the
  admin only when the browser says it comes from this site (`Sec-Fetch-Site: same-origin`, or an
  `Origin` header naming this site or CSRF_TRUSTED_ORIGINS), and only up to
  PUBLIC_FORM_MAX_BODY_BYTES. The admin keeps Django's CSRF token.
- Forms mix in `PublicFormMixin`: a honeypot field, and a length limit on every text field.
- The service counts each sender with `kopofo.ratelimit.services.hit()` and the view answers a
  refused sender with status 429 and a German message, keeping what they typed.
- After success the view redirects (POST/redirect/GET), so a reload never sends twice.
"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.validators import MaxLengthValidator
from django.middleware.csrf import CsrfViewMiddleware
from django.template.response import TemplateResponse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
#: Named like a field a bot loves to fill; people never see it.
HONEYPOT_FIELD = "homepage"
#: For a text field whose form sets no limit of its own (a message, say).
DEFAULT_MAX_LENGTH = 5000


def is_admin_request(request):
    return request.path.startswith(settings.WAGTAILADMIN_PATH)


def comes_from_this_site(request, trusted_origins=()):
    """Whether the browser says the POST was sent by a page of this site.

    Every current browser sends `Sec-Fetch-Site` (and `Origin` with every POST); a request with
    neither comes from a script or a browser too old to protect its users, and is refused.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return False
    if origin in trusted_origins:
        return True
    try:
        own_origin = f"{request.scheme}://{request.get_host()}"
    except DisallowedHost:
        return False
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" == own_origin


class PublicFormMiddleware(CsrfViewMiddleware):
    """Django's CSRF token for the admin; the same-site rule and a body limit for the public."""

    def process_view(self, request, callback, callback_args, callback_kwargs):
        if is_admin_request(request):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        if request.method in SAFE_METHODS:
            return self._accept(request)
        if not comes_from_this_site(request, self.allowed_origins_exact):
            # CSRF_FAILURE_VIEW: a German page in the site's frame.
            return self._reject(request, "Das Formular wurde nicht von dieser Website gesendet.")
        if int(request.META.get("CONTENT_LENGTH") or 0) > settings.PUBLIC_FORM_MAX_BODY_BYTES:
            return TemplateResponse(request, "413.html", status=413)
        return self._accept(request)


class PublicFormMixin:
    """For every form readers fill: a honeypot, and a length limit on every text field."""

    error_css_class = "has-error"
    required_css_class = "is-required"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.CharField):
                limit_length(field)
            name_the_missing_field(field)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Bitte dieses Feld leer lassen"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def bot_detected(self):
        return bool(self.cleaned_data.get(HONEYPOT_FIELD))


def name_the_missing_field(field):
    """Say which field is missing (GOV.UK): the error summary lists messages without labels."""
    if field.error_messages.get("required") != forms.Field.default_error_messages["required"]:
        return  # the form says it in its own words
    if isinstance(field, forms.BooleanField):
        message = _("Bitte kreuzt an: „{label}“")
    else:
        message = _("Bitte füllt das Feld „{label}“ aus.")
    field.error_messages["required"] = format_lazy(message, label=field.label)


def limit_length(field, default=DEFAULT_MAX_LENGTH):
    if field.max_length is None:
        field.max_length = default
        field.validators.append(MaxLengthValidator(default))
    field.widget.attrs.setdefault("maxlength", str(field.max_length))
    field.error_messages["max_length"] = _(
        "Bitte kürzt das auf höchstens %(limit_value)d Zeichen (jetzt %(show_value)d)."
    )
