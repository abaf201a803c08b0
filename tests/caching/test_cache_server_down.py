"""With Redis unreachable the site still answers: freshly rendered, and the log says why."""

import logging
from datetime import timedelta

import pytest

from kopofo.caching.backends import ResilientRedisCacheClient
from kopofo.ratelimit.services import hit
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings, monkeypatch):
    working = settings.CACHES
    # Nothing listens on port 1: every connection is refused at once.
    settings.CACHES = {
        "default": {
            "BACKEND": "kopofo.caching.backends.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    monkeypatch.setattr(ResilientRedisCacheClient, "_last_logged", 0.0)
    yield
    # Back before the suite's own teardown empties the cache (clear() fails loudly by design).
    settings.CACHES = working


def test_readers_get_fresh_pages_while_redis_is_down(client, home, redis_down, caplog):
    StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns")

    for _ in range(2):
        response = client.get("/ueber-uns/")
        assert response.status_code == 200
        assert "Über uns" in response.content.decode()
        assert response["X-Cache"] == "miss"
    assert "Redis unreachable" in caplog.text
    # Once a minute, not once per request.
    assert sum("Redis unreachable" in r.getMessage() for r in caplog.records) == 1


def test_the_rate_limit_lets_senders_through_while_redis_is_down(redis_down, caplog):
    caplog.set_level(logging.ERROR)

    assert all(hit("contact", "203.0.113.7", limit=1, window=timedelta(hours=1)) for _ in range(3))
    assert "Redis unreachable" in caplog.text
