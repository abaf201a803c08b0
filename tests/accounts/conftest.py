import pytest
from django.utils import timezone


@pytest.fixture
def mid_hour(monkeypatch):
    """Half past the hour: a test's rate-limit hits cannot straddle the start of a window."""
    now = timezone.now().replace(minute=30, second=0, microsecond=0)
    monkeypatch.setattr(timezone, "now", lambda: now)
    return now
