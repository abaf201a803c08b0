"""Brute-force protection of the admin login, on django-axes.

Axes knows one failure limit for all of its lockout parameters; we want a tighter one per
account (someone guessing one password) than per address (an office behind one router, or a
sprayer trying many accounts). This handler counts both over the cool-off period and reports
"locked" once either reaches its own limit.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum


class AccountAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        attempts = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        username = get_client_username(request, credentials)
        by_account = _total(attempts.filter(username=username)) if username else 0
        by_address = _total(attempts.filter(ip_address=request.axes_ip_address))
        if by_address >= settings.LOGIN_FAILURE_LIMIT_PER_ADDRESS:
            return max(by_account, get_failure_limit(request, credentials))
        return by_account


def _total(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
