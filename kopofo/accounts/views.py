from django.conf import settings
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """Axes' answer to a locked account or address: a German page in the admin's frame."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "accounts/locked_out.html",
        {"cooloff_minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
