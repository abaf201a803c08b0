from django.conf import settings
from django.tasks import task

from . import services


@task(backend=settings.BACKGROUND_TASKS)
def purge_contact_submissions():
    return services.purge_old_submissions()
