from axes.models import AccessAttempt
from django.conf import settings
from django.utils import timezone


def purge_expired_login_failures():
    """Delete failed logins older than the cool-off time: they lock no one and name an address.

    Axes clears them itself only when someone logs in; this does it when no one does.
    """
    threshold = timezone.now() - settings.AXES_COOLOFF_TIME
    deleted, _details = AccessAttempt.objects.filter(attempt_time__lt=threshold).delete()
    return deleted
