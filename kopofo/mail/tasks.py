from django.conf import settings
from django.core.mail import mailers
from django.tasks import task

from . import OUTBOUND
from .serialization import from_payload


@task(backend=settings.BACKGROUND_TASKS)
def deliver_mail(payload):
    """Hand one queued message to the mail server or ESP; a failure leaves a failed task."""
    message = from_payload(payload)
    mailers[OUTBOUND].send_messages([message])
    return {"to": message.to, "subject": message.subject}
