from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .serialization import to_payload


class QueuedEmailBackend(BaseEmailBackend):
    """The "default" mailer: queue each message for the worker once the transaction commits.

    A message of a transaction that rolls back is never sent.
    """

    def send_messages(self, email_messages):
        from .tasks import deliver_mail

        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            payload = to_payload(message)
            transaction.on_commit(lambda payload=payload: deliver_mail.enqueue(payload))
            queued += 1
        return queued
