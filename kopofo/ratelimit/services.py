"""Count how often something happens per key and time window, atomically across processes.

`hit("password_reset_ip", client_key(request), limit=5, window=timedelta(hours=1))` counts one
attempt and says whether it is still within the limit. The counts live in the shared cache
(settings.CACHES: files on one machine, Redis across several), whose `add` and `incr` are
atomic, so a limit holds across every process and machine that shares it. Keys are an HMAC with
the SECRET_KEY, so the cache holds no address and no account name.
"""

import hashlib
import hmac
import ipaddress
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
RATE_LIMIT_CACHE = "default"


def hit(scope: str, key: str, *, limit: int, window: timedelta) -> bool:
    """Count one hit for `key` in `scope`; True while this hit is within `limit` per `window`.

    Fixed windows: the count starts again at every multiple of `window`. Each caller gets its
    own count from the cache's atomic increment, so concurrent callers cannot overshoot.
    Refused hits are counted too: whoever keeps trying stays refused until the window ends.
    """
    now = timezone.now()
    window_start = _EPOCH + ((now - _EPOCH) // window) * window
    window_end = window_start + window
    counter = f"ratelimit:{scope}:{_digest(scope, key)}:{int(window_start.timestamp())}"
    # Kept a little past the window's end, so that no clock skew between machines revives it.
    lifetime = max(1, int((window_end - now).total_seconds()) + 60)
    cache = caches[RATE_LIMIT_CACHE]
    cache.add(counter, 0, timeout=lifetime)
    try:
        count = cache.incr(counter)
    except ValueError:
        # Expired or evicted between the two calls: this hit starts the count again.
        cache.add(counter, 0, timeout=lifetime)
        count = cache.incr(counter)
    return count <= limit


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
