"""The cache of a site with no cache server: files, shared by every process of the machine."""

import fcntl
import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache as DjangoFileBasedCache


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
