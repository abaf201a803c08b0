from base64 import b32encode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, logout
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import two_factor
from .forms import CodeForm
from .rights import can_manage_user


def locked_out(request, original_response=None, credentials=None):
    """Axes' answer to a locked account or address: a German page in the admin's frame."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )


def _next_url(request):
    candidate = request.POST.get("next") or request.GET.get("next")
    if candidate and url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("wagtailadmin_home")


def _code_page(request, template, form, **context):
    return render(request, template, {"form": form, "next": _next_url(request), **context})


def two_factor_setup(request):
    """Enrol an authenticator app: show its QR code, confirm it with a first code."""
    device = two_factor.pending_device(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not two_factor.may_try_a_code(request.user):
            return _too_many_codes(request)
        if two_factor.confirm(request, device, form.cleaned_data["code"]):
            messages.success(request, _("Die Zwei-Faktor-Anmeldung ist eingerichtet."))
            return redirect(_next_url(request))
        form.add_error("code", _("Der Code stimmt nicht. Bitte gib den aktuellen Code ein."))
    return _code_page(
        request,
        "accounts/two_factor_setup.html",
        form,
        qr_code=two_factor.qr_code_svg(device),
        secret=b32encode(device.bin_key).decode(),
        required=two_factor.is_required(),
    )


def two_factor_verify(request):
    """After the password: the code from the staff member's enrolled app."""
    device = two_factor.confirmed_device(request.user)
    if device is None:
        return redirect(reverse("accounts_two_factor_setup"))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not two_factor.may_try_a_code(request.user):
            return _too_many_codes(request)
        if two_factor.verify(request, device, form.cleaned_data["code"]):
            return redirect(_next_url(request))
        form.add_error(
            "code",
            _("Der Code stimmt nicht oder war schon benutzt. Bitte warte auf den nächsten."),
        )
    return _code_page(request, "accounts/two_factor_verify.html", form)


def _too_many_codes(request):
    logout(request)
    messages.error(
        request,
        _("Zu viele falsche Codes. Bitte melde dich in einer halben Stunde wieder an."),
    )
    return redirect(reverse("wagtailadmin_login"))


class TwoFactorResetView(WagtailAdminTemplateMixin, TemplateView):
    """Remove a colleague's authenticator app (a lost phone), if they may manage that user."""

    template_name = "accounts/two_factor_reset.html"
    page_title = gettext_lazy("Zwei-Faktor-Anmeldung zurücksetzen")
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.target = get_object_or_404(get_user_model(), pk=user_id)
        if not (
            request.user.has_perm("auth.change_user") and can_manage_user(request.user, self.target)
        ):
            raise PermissionDenied
        return super().dispatch(request, user_id)

    def get_page_subtitle(self):
        return str(self.target)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "target": self.target}

    def post(self, request, user_id):
        two_factor.reset(self.target)
        messages.success(
            request,
            _("Die Zwei-Faktor-Anmeldung von %(user)s ist zurückgesetzt.") % {"user": self.target},
        )
        return redirect(reverse("wagtailusers_users:index"))
