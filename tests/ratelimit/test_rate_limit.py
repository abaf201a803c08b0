"""The rate-limit service: counts per key and window, atomically, without storing addresses."""

import pickle
import zlib
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone

from kopofo.ratelimit.services import RATE_LIMIT_CACHE, client_key, hit
from kopofo.ratelimit.views import too_many_requests

pytestmark = pytest.mark.django_db

HOUR = timedelta(hours=1)


def test_a_key_is_allowed_up_to_the_limit_and_refused_after_it():
    results = [hit("login", "203.0.113.7", limit=3, window=HOUR) for _ in range(5)]

    assert results == [True, True, True, False, False]


def test_scopes_and_keys_are_counted_apart():
    for _ in range(3):
        hit("login", "203.0.113.7", limit=3, window=HOUR)

    assert not hit("login", "203.0.113.7", limit=3, window=HOUR)
    assert hit("login", "203.0.113.8", limit=3, window=HOUR)
    assert hit("password_reset", "203.0.113.7", limit=3, window=HOUR)


def test_the_count_starts_again_when_the_next_window_begins(monkeypatch):
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=59))
    assert [hit("login", "a", limit=1, window=HOUR) for _ in range(2)] == [True, False]

    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=61))

    assert hit("login", "a", limit=1, window=HOUR)


def everything_the_cache_holds():
    """Every key and value in the cache, as the backend keeps them (Redis or files)."""
    cache = caches[RATE_LIMIT_CACHE]
    if hasattr(cache, "_cache") and hasattr(cache._cache, "get_client"):
        client = cache._cache.get_client()
        keys = client.keys("*")
        return [str(key) for key in keys] + [str(client.get(key)) for key in keys]
    stored = []
    for entry in Path(cache._dir).glob("*.djcache"):
        with entry.open("rb") as file:
            pickle.load(file)  # the expiry
            stored += [entry.name, str(pickle.loads(zlib.decompress(file.read())))]
    return stored


def test_no_address_or_account_name_is_stored():
    hit("login", "203.0.113.7", limit=3, window=HOUR)
    hit("password_reset", "erika@kopofo-nrw.de", limit=3, window=HOUR)

    stored = " ".join(everything_the_cache_holds())
    assert stored  # the counts are there ...
    assert "203.0.113" not in stored  # ... but not whom they count
    assert "erika" not in stored


def test_a_count_survives_until_its_window_ends_and_no_longer(monkeypatch):
    start = timezone.now().replace(minute=0, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=10))
    hit("login", "a", limit=2, window=HOUR)
    hit("login", "a", limit=2, window=HOUR)
    monkeypatch.setattr(timezone, "now", lambda: start + timedelta(minutes=50))

    assert not hit("login", "a", limit=2, window=HOUR)


@pytest.mark.parametrize(
    ("remote_addr", "key"),
    [
        ("203.0.113.7", "203.0.113.7"),
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::"),
        ("2001:db8:1:2::1", "2001:db8:1:2::"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
    ],
)
def test_ipv6_clients_are_counted_per_64(remote_addr, key):
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr)

    assert client_key(request) == key


def test_two_addresses_of_one_ipv6_subscriber_share_their_count():
    factory = RequestFactory()
    first = factory.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    second = factory.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")

    assert hit("form", client_key(first), limit=1, window=HOUR)
    assert not hit("form", client_key(second), limit=1, window=HOUR)


def test_behind_one_proxy_the_client_is_the_address_the_proxy_added(settings):
    settings.NUM_PROXIES = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7"
    )

    assert client_key(request) == "203.0.113.7"


def test_without_proxies_a_forged_forwarded_header_is_ignored(settings):
    settings.NUM_PROXIES = 0
    request = RequestFactory().get("/", REMOTE_ADDR="203.0.113.7", HTTP_X_FORWARDED_FOR="1.2.3.4")

    assert client_key(request) == "203.0.113.7"


def test_a_refused_request_gets_the_german_429_page_in_the_site_frame(home):
    response = too_many_requests(RequestFactory().get("/kontakt/"))
    response.render()

    assert response.status_code == 429
    assert response["Retry-After"]
    html = response.content.decode()
    assert "Zu viele Anfragen" in html
    assert 'class="site-header"' in html
