"""Background work: how tasks are declared, retried and scheduled, and who watches the workers."""

from .registry import (
    MAIL_QUEUE,
    NO_RETRY,
    RETRY,
    RetryPolicy,
    background_task,
    periodic,
)

__all__ = ["MAIL_QUEUE", "NO_RETRY", "RETRY", "RetryPolicy", "background_task", "periodic"]
