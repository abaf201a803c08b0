"""Count how often something happens per key and time window, atomically across processes.

`hit("password_reset_ip", client_key(request), limit=5, window=timedelta(hours=1))` counts one
attempt and says whether it is still within the limit. Keys are stored as an HMAC with the
SECRET_KEY only, so the table holds no address and no account name. The counts live in a
database table today; issue 8 may move them to a shared cache without changing this API.
"""

import hashlib
import hmac
import ipaddress
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

from .models import Counter

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def hit(scope: str, key: str, *, limit: int, window: timedelta) -> bool:
    """Count one hit for `key` in `scope`; True while this hit is within `limit` per `window`.

    Fixed windows: the count starts again at every multiple of `window`. The insert-or-increment
    is one statement, so concurrent callers each get a distinct count and cannot overshoot.
    Refused hits are counted too: whoever keeps trying stays refused until the window ends.
    """
    now = timezone.now()
    window_start = _EPOCH + ((now - _EPOCH) // window) * window
    table = connection.ops.quote_name(Counter._meta.db_table)
    columns = ", ".join(
        connection.ops.quote_name(name)
        for name in ("scope", "key", "window_start", "expires", "hits")
    )
    hits = connection.ops.quote_name("hits")
    conflict = ", ".join(
        connection.ops.quote_name(name) for name in ("scope", "key", "window_start")
    )
    # PostgreSQL and SQLite (3.35+) both upsert and return the new count in one statement.
    sql = (
        f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, 1) "
        f"ON CONFLICT ({conflict}) DO UPDATE SET {hits} = {table}.{hits} + 1 "
        f"RETURNING {hits}"
    )
    params = [
        scope,
        _digest(scope, key),
        connection.ops.adapt_datetimefield_value(window_start),
        connection.ops.adapt_datetimefield_value(window_start + window),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        (count,) = cursor.fetchone()
    return count <= limit


def purge_expired() -> int:
    """Delete the counters of windows that have ended; run it periodically."""
    deleted, _details = Counter.objects.expired().delete()
    return deleted


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or the entry our own proxies added (NUM_PROXIES)."""
    forwarded = [
        ip.strip() for ip in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if ip.strip()
    ]
    # Only entries our own proxies appended can be trusted: count them from the right.
    if settings.NUM_PROXIES and len(forwarded) >= settings.NUM_PROXIES:
        return forwarded[-settings.NUM_PROXIES]
    return request.META.get("REMOTE_ADDR", "")


def client_network(ip: str) -> str:
    """An IPv4 address as it is; an IPv6 address as its /64.

    One IPv6 subscriber usually gets a whole /64 and can change addresses within it at will.
    """
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def client_key(request) -> str:
    """The key to count a client by: its address (IPv6 per /64), as `hit` expects it."""
    return client_network(client_ip(request))


def _digest(scope, key):
    message = f"{scope}\x00{key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()
