from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.csp import (
    ContentSecurityPolicyMiddleware as DjangoContentSecurityPolicyMiddleware,
)
from django.utils.cache import add_never_cache_headers
from django.utils.csp import CSP

HEALTH_CHECK_PATH = "/healthz/"


class HealthCheckMiddleware:
    """Answer /healthz/ before the host check, the HTTPS redirect and the canonical host.

    The compose health check and load balancers ask for `localhost` or the container's address,
    which production's ALLOWED_HOSTS rightly refuses, and over plain HTTP. The answer says no
    more than "ok", so it may go to any host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_CHECK_PATH and request.method in {"GET", "HEAD"}:
            return health_check()
        return self.get_response(request)


def health_check():
    """The app answers and reaches its database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    response = HttpResponse("ok", content_type="text/plain")
    add_never_cache_headers(response)
    return response


class NulCharacterInRequest(SuspiciousOperation):
    pass


class RefuseNulCharactersMiddleware:
    """Refuse a NUL character in the address or in a query parameter with a 400.

    PostgreSQL refuses NUL in text, so `/suche/?q=%00` or `/%00/` reached a query and ended in a
    500. No address or parameter of the site has a use for it. (Form fields are Django forms,
    which refuse NUL themselves.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise NulCharacterInRequest("NUL character in the address or query string")
        return self.get_response(request)


class CanonicalHostMiddleware:
    """Answer requests for a second hostname (www., old domain) with a 301 to the canonical one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        canonical = settings.CANONICAL_HOST
        # get_host() validates ALLOWED_HOSTS first, so an unknown host still gets its 400.
        if canonical and request.get_host() != canonical:
            return HttpResponsePermanentRedirect(
                f"{request.scheme}://{canonical}{request.get_full_path()}"
            )
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(DjangoContentSecurityPolicyMiddleware):
    """SECURE_CSP for the public site, WAGTAILADMIN_CSP for Wagtail's admin.

    The public policy lets the browser itself refuse any third-party request. The admin brings
    inline scripts and styles of its own, so it gets a looser policy that still keeps out every
    other host, plugins, foreign forms and framing. A view's own CSP decorator still wins.

    `frame-ancestors` follows the answer's X-Frame-Options, so that the two never disagree:
    DENY everywhere (X_FRAME_OPTIONS), SAMEORIGIN where Wagtail marks a view for its preview
    frames. Browsers that know CSP obey frame-ancestors and ignore X-Frame-Options.
    """

    FRAME_ANCESTORS = {"DENY": [CSP.NONE], "SAMEORIGIN": [CSP.SELF]}

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview runs the middleware for the page inside an admin request: the
            # admin's pass sets the policy (and the preview frame's frame-ancestors).
            return response
        config = getattr(response, "_csp_config", None)
        if config is None:
            admin = request.path.startswith(settings.WAGTAILADMIN_PATH)
            config = settings.WAGTAILADMIN_CSP if admin else settings.SECURE_CSP
        framing = response.headers.get("X-Frame-Options", "").upper()
        if config and framing in self.FRAME_ANCESTORS:
            config = {**config, "frame-ancestors": self.FRAME_ANCESTORS[framing]}
        response._csp_config = config
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Switch off the browser features the site never uses (PERMISSIONS_POLICY).

    Nothing on the site asks for the camera or the location, and no page of ours may be used to
    ask for them, nor to put the visitor into an advertising cohort.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
