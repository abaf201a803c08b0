"""An image's alt text, credit or focal point shows on every page that uses it."""

from kopofo.seams import page_cache

from .models import CustomImage

page_cache.register(CustomImage)
