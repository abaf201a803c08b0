"""Answer readers from the page cache, and tell browsers and proxies how long to keep a page."""

import hashlib
import logging
import time

from django.conf import settings
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from . import services

logger = logging.getLogger(__name__)

#: Besides the session cookie (staff, or a reader who entered a page's password): Django's
#: message cookie, which only a session's owner gets. Such a visitor's page may be their own.
PERSONAL_COOKIES = {"messages"}


def is_reader_request(request) -> bool:
    """An anonymous GET or HEAD for a public address: the same answer for every such reader."""
    if request.method not in ("GET", "HEAD") or "Authorization" in request.headers:
        return False
    cookies = request.COOKIES.keys()
    if settings.SESSION_COOKIE_NAME in cookies or PERSONAL_COOKIES & cookies:
        return False
    if len(request.get_full_path()) > settings.PAGE_CACHE_MAX_ADDRESS_LENGTH:
        return False
    excluded = (settings.WAGTAILADMIN_PATH, *settings.PAGE_CACHE_EXCLUDED_PATHS)
    return not request.path_info.startswith(excluded)


def variant_of(request) -> str:
    """What beside the address makes a reader's page differ: the cookies the cache varies on.

    The consent layer will add its cookie to PAGE_CACHE_VARY_ON_COOKIES: a visitor who allowed
    embeds then gets the page with them, everyone else the one without, and nobody another's
    banner or choice.
    """
    return "&".join(
        f"{name}={hashlib.sha256(request.COOKIES[name].encode()).hexdigest()[:16]}"
        for name in settings.PAGE_CACHE_VARY_ON_COOKIES
        if name in request.COOKIES
    )


def is_cacheable(request, response) -> bool:
    """Only a complete, public, cookie-free 200 of a page everyone may see is kept."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if response.has_header("Cache-Control"):
        # A view that said private, no-cache or no-store meant it. Wagtail says so for a page
        # behind a password or a login, and for the form it shows instead.
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value}
    if vary - {"cookie", "accept-encoding"}:
        return False
    return len(response.content) <= settings.PAGE_CACHE_MAX_BYTES


def mark_private(response):
    """Keep a personal answer out of every shared cache (a CDN, a company proxy)."""
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_cache=True)


def answer_reader(request, response, entry):
    """Let browsers revalidate each time (ETag, Last-Modified), and proxies keep it briefly."""
    response.headers["ETag"] = entry.etag
    last_modified = None
    # HTTP dates count whole seconds. Until the second in which the generation began is over,
    # another change could still begin a generation with the same date, and a client asking
    # "modified since?" with it would wrongly hear "no": the ETag alone answers until then.
    if entry.generation and time.time() >= int(entry.last_modified) + 1:
        last_modified = int(entry.last_modified)
        response.headers["Last-Modified"] = http_date(last_modified)
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PAGE_CACHE_PROXY_SECONDS
    )
    # A proxy must not hand a reader's page to someone logged in, or one consent choice's
    # page to another.
    patch_vary_headers(response, ["Cookie"])
    return get_conditional_response(
        request, etag=entry.etag, last_modified=last_modified, response=response
    )


class PageCacheMiddleware:
    """Serve readers from the page cache; fill it from readers' answers only.

    Sits outside the session, authentication and everything after them, so that a hit costs
    one cache round trip and no database query. Anything personal (a session cookie, a form
    post) bypasses the cache both ways and is marked private; a page behind a password is
    marked private by Wagtail, and so never kept.
    With PAGE_CACHE_ENABLED off, readers still get ETags and 304s, rendered each time.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_reader_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        if not settings.PAGE_CACHE_ENABLED:
            return self.render(request, key=None, generation=0)

        key = services.entry_key(request, variant_of(request))
        try:
            generation, entry = services.lookup(key)
        except Exception:
            logger.exception("Page cache unreachable; answering without it")
            return self.render(request, key=None, generation=0)
        request.page_cache_generation = generation
        if entry is None:
            return self.render(request, key=key, generation=generation)
        response = entry.to_response()
        response.headers["X-Cache"] = "hit"
        return answer_reader(request, response, entry)

    def render(self, request, *, key, generation):
        response = self.get_response(request)
        if not is_cacheable(request, response):
            return response
        entry = services.describe(response, generation)
        if key is not None:
            try:
                services.store(key, entry)
            except Exception:
                logger.exception("Could not store a page in the page cache")
            response.headers["X-Cache"] = "miss"
        return answer_reader(request, response, entry)
