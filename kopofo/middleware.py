from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.middleware.csp import ContentSecurityPolicyMiddleware
from django.utils.cache import add_never_cache_headers

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


class PublicContentSecurityPolicyMiddleware(ContentSecurityPolicyMiddleware):
    """SECURE_CSP for every public page: the browser itself refuses any third-party request.

    Wagtail's admin brings inline scripts of its own and keeps its own rules.
    """

    def process_response(self, request, response):
        if request.path.startswith(settings.WAGTAILADMIN_PATH):
            return response
        return super().process_response(request, response)
