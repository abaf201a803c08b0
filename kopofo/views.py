"""Error pages of the site that Django's settings point to (not per-app views)."""

from django.shortcuts import render


def csrf_failure(request, reason=""):
    """A refused POST (CSRF_FAILURE_VIEW): Django's page is English and outside the site's frame.

    Public forms that check the Origin instead of a token answer with this page too. The reason
    is for the log (Django logs it under django.security.csrf), not for the visitor.
    """
    return render(request, "403_csrf.html", status=403)
