from django.conf import settings
from django.tasks import task

from . import services


@task(backend=settings.BACKGROUND_TASKS)
def purge_expired_login_failures():
    return services.purge_expired_login_failures()
