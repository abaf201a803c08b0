from django.core.mail.backends.base import BaseEmailBackend


class QueuedEmailBackend(BaseEmailBackend):
    """The "default" mailer: store each message in the outbox for the worker.

    The worker's task is enqueued with the outbox row's id once the transaction commits; a
    message of a transaction that rolls back is never stored, nor sent.
    """

    def send_messages(self, email_messages):
        from . import services

        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            services.queue(message)
            queued += 1
        return queued
