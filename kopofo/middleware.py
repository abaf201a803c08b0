from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.middleware.csp import ContentSecurityPolicyMiddleware


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
