from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class JobRunQuerySet(models.QuerySet):
    def due(self, every, now):
        return self.filter(Q(last_enqueued_at__isnull=True) | Q(last_enqueued_at__lte=now - every))


class JobRun(models.Model):
    """When the scheduler last enqueued a periodic job: survives restarts, shared by schedulers."""

    name = models.CharField(_("Aufgabe"), max_length=255, unique=True)
    last_enqueued_at = models.DateTimeField(_("zuletzt eingereiht"), null=True)

    objects = JobRunQuerySet.as_manager()

    class Meta:
        verbose_name = _("Lauf einer zeitgesteuerten Aufgabe")
        verbose_name_plural = _("Läufe zeitgesteuerter Aufgaben")

    def __str__(self):
        return self.name


class WorkerHeartbeatQuerySet(models.QuerySet):
    def alive(self, since):
        return self.filter(last_seen__gte=since)


class WorkerHeartbeat(models.Model):
    """A running worker says every few seconds that it lives; a silent one has died."""

    worker_id = models.CharField(_("Worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("Rechner"), max_length=255)
    pid = models.PositiveIntegerField(_("Prozess"))
    queues = models.CharField(_("Warteschlangen"), max_length=255)
    started_at = models.DateTimeField(_("gestartet"), auto_now_add=True)
    last_seen = models.DateTimeField(_("zuletzt gesehen"))

    objects = WorkerHeartbeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("Worker")
        verbose_name_plural = _("Worker")

    def __str__(self):
        return f"{self.worker_id} ({self.hostname}:{self.pid})"
