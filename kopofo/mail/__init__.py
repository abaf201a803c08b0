"""Every mail the site sends goes through the background worker.

The "default" mailer only queues: a request, a signal receiver or Wagtail's moderation
notifications never wait for the mail server, and a failed delivery shows up as a failed task in
the admin. The worker's `deliver_mail` task hands the message to the "outbound" mailer, the one
chosen by environment (console, SMTP or an ESP through anymail).
"""

OUTBOUND = "outbound"
