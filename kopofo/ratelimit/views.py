from django.template.response import TemplateResponse

RETRY_AFTER_SECONDS = 600


def too_many_requests(request, *, retry_after=RETRY_AFTER_SECONDS):
    """The German 429 page in the site's frame, for any view that `hit` refused."""
    response = TemplateResponse(request, "429.html", status=429)
    response["Retry-After"] = str(retry_after)
    return response
