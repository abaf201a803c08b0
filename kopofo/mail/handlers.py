"""The logging handler that mails Django's errors to ADMINS; named in settings.LOGGING.

Logging is configured before the apps are loaded, so this module imports no model at import time.
"""

import traceback

from django.conf import settings
from django.utils.log import AdminEmailHandler


class ThrottledAdminEmailHandler(AdminEmailHandler):
    """Django's error mail (500s and other errors logged by Django), one per kind an hour."""

    def emit(self, record):
        if not settings.ADMINS:
            return
        try:
            from .alerts import claim_alert

            allowed = claim_alert(failure_kind(record))
        except Exception:
            # The database may be what failed; then there is no outbox to queue the mail in
            # either, and the error tracker (SENTRY_DSN) is the operators' only news of it.
            self.handleError(record)
            return
        if allowed:
            super().emit(record)


def failure_kind(record):
    """Where the failure was raised: the same bug is one kind, whichever address hit it."""
    if record.exc_info and record.exc_info[0]:
        error_class, _error, trace = record.exc_info
        kind = f"{error_class.__module__}.{error_class.__qualname__}"
        frames = traceback.extract_tb(trace)
        if frames:
            kind += f" at {frames[-1].filename}:{frames[-1].lineno}"
        return f"error:{kind}"
    return f"log:{record.name}:{record.msg}"
