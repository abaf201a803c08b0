from django.db import models
from django.utils import timezone


class CounterQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires__lte=now or timezone.now())


class Counter(models.Model):
    """How often one key was counted in one window of one scope.

    The key is an HMAC of what it counts (an address, an account), never the value itself.
    """

    scope = models.CharField(max_length=64)
    key = models.CharField(max_length=64)
    window_start = models.DateTimeField()
    expires = models.DateTimeField(db_index=True)
    hits = models.PositiveIntegerField(default=0)

    objects = CounterQuerySet.as_manager()

    class Meta:
        verbose_name = "Zähler"
        verbose_name_plural = "Zähler"
        constraints = [
            models.UniqueConstraint(
                fields=["scope", "key", "window_start"], name="ratelimit_one_counter_per_window"
            )
        ]

    def __str__(self):
        return f"{self.scope} {self.key[:8]}… {self.hits}"
