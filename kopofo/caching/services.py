"""The page cache's store: entries per address, valid only in the generation they were made in."""

import hashlib
import logging
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
ENTRY_KEY_PREFIX = "page-cache:entry:"
#: Headers an entry leaves out: they belong to one answer. The headers of the middleware outside
#: the page cache (CSP, HSTS, Permissions-Policy) are not there yet when an entry is made; they
#: are added to a hit on its way out as to any answer.
UNSTORED_HEADERS = {"set-cookie", "date", "x-cache", "content-length", "etag", "last-modified"}


def cache():
    return caches[settings.PAGE_CACHE_ALIAS]


@dataclass(frozen=True)
class Entry:
    """A reader's answer, as stored: everything needed to send it again, or a 304."""

    generation: int
    status: int
    headers: tuple
    content: bytes
    etag: str

    @property
    def last_modified(self) -> float:
        """The generation began when content last changed: nothing in the entry is newer."""
        return self.generation / 1e9

    def to_response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status)
        for name, value in self.headers:
            response.headers[name] = value
        return response


def new_generation() -> int:
    """Start a generation: every entry made before now is stale from now on.

    Generations only rise, even if this machine's clock is behind the one that began the last:
    a generation's time is its pages' Last-Modified, and a date going back would earn a
    wrong "304 Not Modified".
    """
    generation = max(time.time_ns(), (cache().get(GENERATION_KEY) or 0) + 1)
    # No expiry: an evicted generation key only makes every entry stale, which is safe.
    cache().set(GENERATION_KEY, generation, timeout=None)
    return generation


#: Per thread: whether `invalidate` is held back (`invalidation_held`), and whether it was asked.
_held = threading.local()


def invalidate(reason: str = "") -> None:
    """Make every cached page stale now and again once the current transaction commits.

    Now: the next request of this process sees the change (and a test inside a transaction
    too). On commit: a request that rendered the old content between now and the commit, and
    stored it under the new generation, must not survive the commit.
    """
    if getattr(_held, "depth", 0):
        _held.asked = True
        return
    logger.debug("page cache invalidated: %s", reason)
    _new_generation_safely()
    transaction.on_commit(_new_generation_safely, robust=True)


@contextmanager
def invalidation_held(reason: str):
    """Within it, this thread's changes make the cached pages stale once, at its end.

    For a bulk change that saves many objects one by one (an import making hundreds of
    Kommunen and Fraktionen): two new generations per save would cost more than the saves and
    empty the page cache all along. Its pages may show a half-done change until the end, as
    they would while the change runs anyway.
    """
    outermost = not getattr(_held, "depth", 0)
    if outermost:
        _held.asked = False
    _held.depth = getattr(_held, "depth", 0) + 1
    try:
        yield
    finally:
        _held.depth -= 1
        if outermost and _held.asked:
            invalidate(reason)


def _new_generation_safely():
    try:
        new_generation()
    except Exception:
        # The cache can't be written (a full disk; an unreachable Redis answers as an empty
        # cache and doesn't get here). An entry read once it works again can't be older than
        # its TIMEOUT (PAGE_CACHE_SECONDS).
        logger.exception("Could not start a new page cache generation")


def current_generation(request=None) -> int:
    """The generation now, read once per request (the page cache's lookup may have read it)."""
    generation = getattr(request, "page_cache_generation", None)
    if generation is None:
        generation = cache().get(GENERATION_KEY) or cache_generation_lost()
        if request is not None:
            request.page_cache_generation = generation
    return generation


#: name: (generation, value), per process. See `per_generation`.
_remembered = {}


def per_generation(request, name, compute):
    """`compute()`, worked out once per generation in this process, for everyone.

    For what the layout of every page shows alike and only a change of content can alter: the
    menu's pages, the first page of a type, the footer's links. A page that is not in the page
    cache (a search nobody made before, the first visit after a publish) then pays only for
    itself. The value is shared by every request of the process until the next change, so it
    must not depend on the request, and callers put anything it depends on (the site) into
    `name`.
    """
    generation = current_generation(request)
    remembered = _remembered.get(name)
    if remembered is not None and remembered[0] == generation:
        return remembered[1]
    value = compute()
    _remembered[name] = (generation, value)
    return value


def lookup(key: str) -> tuple[int, Entry | None]:
    """The current generation and the valid entry under `key`, in one round trip."""
    found = cache().get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        return cache_generation_lost(), None
    stored = found.get(key)
    if stored is None or stored[0] != generation:
        return generation, None
    return generation, Entry(*stored)


def cache_generation_lost() -> int:
    # First request after a start with an empty cache, or the key was evicted: whatever
    # entries remain can't be trusted.
    return new_generation()


def describe(response, generation: int) -> Entry:
    """The entry for a reader's answer, with its ETag: a hash of the bytes readers get."""
    content = response.content
    return Entry(
        generation=generation,
        status=response.status_code,
        headers=tuple(
            (name, value)
            for name, value in response.headers.items()
            if name.lower() not in UNSTORED_HEADERS
        ),
        content=content,
        etag=f'"{hashlib.blake2b(content, digest_size=16).hexdigest()}"',
    )


def store(key: str, entry: Entry) -> None:
    # A plain tuple, not the class: the next release may change the class, and its entries
    # must still be read (and found stale) rather than fail to unpickle.
    stored = (entry.generation, entry.status, entry.headers, entry.content, entry.etag)
    # The timeout is a backstop only: a change starts a new generation long before it ends.
    cache().set(key, stored, timeout=settings.PAGE_CACHE_SECONDS)


def entry_key(request, variant: str) -> str:
    """One key per address as the reader asked for it, and per variant (consent choice)."""
    # HEAD shares GET's entry: the server leaves out the body.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()} {variant}"
    return ENTRY_KEY_PREFIX + hashlib.sha256(address.encode()).hexdigest()
