from django.conf import settings
from django.tasks import task

from . import services


@task(backend=settings.BACKGROUND_TASKS)
def purge_expired_rate_limit_counters():
    return services.purge_expired()
