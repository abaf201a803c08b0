import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.translation import gettext as _

LAST_ACTIVITY = "kopofo_last_activity"


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
            else:
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)
