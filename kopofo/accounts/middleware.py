"""Idle timeout and two-factor checks for staff sessions.

Both keep what they need in the session, filled in at login (`remember_login`), so that an
admin request costs no extra query: the session is read anyway, and written at most once a
minute for the idle clock.
"""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import gettext as _

from . import two_factor

LAST_ACTIVITY = "kopofo_last_activity"
# Writing the clock on every request would write the session on every request.
ACTIVITY_RESOLUTION = 60
TWO_FACTOR_STEP = "kopofo_two_factor_step"
# How long a session trusts its answer to "app enrolled? obligation on?" before asking again:
# an obligation the office switches on reaches staff already logged in within this time.
TWO_FACTOR_RECHECK = 300
# Reachable with a password alone: logging in and out, and entering the code itself.
OPEN_WITHOUT_SECOND_FACTOR = {"wagtailadmin_login", "wagtailadmin_logout"}


def remember_login(sender, request, user, **kwargs):
    """On login: start the idle clock and note which second step the admin asks for."""
    if request is None or not hasattr(request, "session"):
        return
    now = int(time.time())
    request.session[LAST_ACTIVITY] = now
    request.session[TWO_FACTOR_STEP] = [_second_step(user, request), now]


class IdleTimeoutMiddleware:
    """Log staff out after ADMIN_IDLE_TIMEOUT without a request.

    Only requests that bring a session cookie are looked at: readers have none, and touching the
    session of a request without one would add `Vary: Cookie` to every public page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            now = int(time.time())
            last = request.session.get(LAST_ACTIVITY)
            if last is not None and now - last > settings.ADMIN_IDLE_TIMEOUT.total_seconds():
                logout(request)
                if request.path.startswith(settings.WAGTAILADMIN_PATH):
                    messages.info(
                        request,
                        _(
                            "Du warst zu lange inaktiv und wurdest abgemeldet. "
                            "Bitte melde dich neu an."
                        ),
                    )
                    return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
            elif last is None or now - last >= ACTIVITY_RESOLUTION:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)


class TwoFactorMiddleware:
    """In the admin, staff with an enrolled app must have entered a code in this session.

    Without an app, staff may go on only while the office has not made two factors mandatory;
    then they are sent to set one up. A new app can be set up only after a code from the old one
    (a password alone must not let anyone replace it). Runs after django-otp's OTPMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(settings.WAGTAILADMIN_PATH):
            user = request.user
            if user.is_authenticated and not user.is_verified():
                target = self._second_step(request)
                if target and _url_name(request) not in {target, *OPEN_WITHOUT_SECOND_FACTOR}:
                    query = urlencode({"next": request.get_full_path()})
                    return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    def _second_step(self, request):
        now = int(time.time())
        step, checked = request.session.get(TWO_FACTOR_STEP) or (None, 0)
        if now - checked > TWO_FACTOR_RECHECK:
            step = _second_step(request.user, request)
            request.session[TWO_FACTOR_STEP] = [step, now]
        return step


def _second_step(user, request):
    if two_factor.confirmed_device(user):
        return "accounts_two_factor_verify"
    if two_factor.is_required(request):
        return "accounts_two_factor_setup"
    return None


def _url_name(request):
    try:
        return resolve(request.path_info).url_name
    except Resolver404:
        return None
