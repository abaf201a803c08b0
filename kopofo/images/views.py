from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Only renditions are public files. Originals (with their metadata, at full size) and documents
# go through Wagtail's views, where collection privacy applies.
PUBLIC_MEDIA_PREFIX = "images/"


def public_media(request, path):
    """Serve an image rendition from MEDIA_ROOT, where no web server in front does it.

    MEDIA_ROOT is read per request, not when the URLconf is imported: tests (and anything else
    that changes the setting) find their files where they put them.
    """
    if not path.startswith(PUBLIC_MEDIA_PREFIX):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
