from django.conf import settings
from django.core.management import call_command
from django.tasks import task


@task(backend=settings.BACKGROUND_TASKS)
def publish_scheduled_pages():
    # Wagtail's own command publishes pages whose time has come and unpublishes expired ones.
    call_command("publish_scheduled", verbosity=0)
