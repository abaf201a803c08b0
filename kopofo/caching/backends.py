"""The site's cache backends: files on one machine, or Redis that may be unreachable."""

import fcntl
import logging
import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient

logger = logging.getLogger(__name__)


class FileBasedCache(DjangoFileBasedCache):
    """Django's file cache, with `add()` and `incr()` atomic across processes and threads.

    Django's own `add()` is "look, then write" and its `incr()` is "read, then write", so two
    processes counting at once lose a count, and `incr()` resets the expiry to the default. The
    rate limit (kopofo.ratelimit) counts with exactly these two, so here both hold an exclusive
    lock on one file beside the entries, and `incr()` keeps the entry's expiry.
    """

    lock_file_name = "counters.lock"

    @contextmanager
    def _counter_lock(self):
        self._createdir()
        # One descriptor per call: flock locks belong to the open file, so threads of one
        # process exclude each other as processes do.
        descriptor = os.open(
            os.path.join(self._dir, self.lock_file_name), os.O_RDWR | os.O_CREAT, 0o600
        )
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            yield
        finally:
            os.close(descriptor)  # also releases the lock

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._counter_lock():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        with self._counter_lock():
            try:
                with open(self._key_to_file(key, version), "rb") as entry:
                    expiry = pickle.load(entry)
                    value = pickle.loads(zlib.decompress(entry.read()))
            except FileNotFoundError:
                value = None
                expiry = None
            remaining = None if expiry is None else expiry - time.time()
            if value is None or (remaining is not None and remaining <= 0):
                raise ValueError(f"Key '{key}' not found")
            new_value = value + delta
            self.set(key, new_value, timeout=remaining, version=version)
            return new_value


class ResilientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, answering as an empty cache while Redis can't be reached.

    Wagtail, the page cache and the rate limit all use the cache on every request; without
    this, Redis down means every page down. Instead reads miss, writes are dropped and a count
    is 0, so pages are rendered afresh and the rate limit lets senders through (the public
    forms' origin check and honeypot still hold), and the log says so once a minute.
    """

    LOG_EVERY_SECONDS = 60
    _last_logged = 0.0

    def _unreachable(self, error, answer):
        now = time.monotonic()
        if now - ResilientRedisCacheClient._last_logged >= self.LOG_EVERY_SECONDS:
            ResilientRedisCacheClient._last_logged = now
            logger.error("Redis unreachable, working without the cache: %s", error)
        return answer

    def _try(self, call, answer, *args):
        try:
            return call(*args)
        except (self._lib.ConnectionError, self._lib.TimeoutError) as error:
            return self._unreachable(error, answer)

    def add(self, key, value, timeout):
        return self._try(super().add, False, key, value, timeout)

    def get(self, key, default):
        return self._try(super().get, default, key, default)

    def set(self, key, value, timeout):
        return self._try(super().set, None, key, value, timeout)

    def touch(self, key, timeout):
        return self._try(super().touch, False, key, timeout)

    def delete(self, key):
        return self._try(super().delete, False, key)

    def get_many(self, keys):
        return self._try(super().get_many, {}, keys)

    def has_key(self, key):
        return self._try(super().has_key, False, key)

    def incr(self, key, delta):
        return self._try(super().incr, 0, key, delta)

    def set_many(self, data, timeout):
        return self._try(super().set_many, [], data, timeout)

    def delete_many(self, keys):
        return self._try(super().delete_many, False, keys)


class RedisCache(DjangoRedisCache):
    """Django's Redis cache with `ResilientRedisCacheClient` (`clear()` still fails loudly)."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
