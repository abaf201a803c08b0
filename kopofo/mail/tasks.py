from datetime import timedelta

from kopofo.scheduling import MAIL_QUEUE, RETRY, background_task, periodic

from . import services


@background_task(queue_name=MAIL_QUEUE, takes_context=True)
def deliver_mail(context, outgoing_mail_id):
    """Deliver one outbox message; failures are retried (RETRY), then the mail is failed."""
    message_id = services.deliver(outgoing_mail_id, last_attempt=context.attempt >= RETRY.attempts)
    return {"message_id": message_id}


@periodic(every=timedelta(hours=1))
@background_task()
def purge_outgoing_mail():
    return services.purge_old_mail()
