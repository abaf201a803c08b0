import pytest
from django.utils import timezone


@pytest.fixture(autouse=True)
def half_past(monkeypatch):
    """Mid-window, so that no test's hits straddle the start of the next hour by chance."""
    now = timezone.now().replace(minute=30, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now
