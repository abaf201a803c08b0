"""Every mail the site sends goes through the outbox and the background worker.

The "default" mailer only stores the message in the outbox (`OutgoingMail`) and enqueues
`deliver_mail(outgoing_mail_id)` when the transaction commits: a request, a signal receiver or
Wagtail's moderation notifications never wait for the mail server, and the task holds an id,
never addresses or text. The worker hands the message to the "outbound" mailer, the one chosen
by environment (console, SMTP or an ESP through anymail), deletes its content once delivered,
and retries a failure with back-off; the row stays as the ledger that keeps a retry from
sending twice.
"""

OUTBOUND = "outbound"
