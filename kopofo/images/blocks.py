from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images.blocks import ImageChooserBlock as WagtailImageChooserBlock


def prefetch_renditions(images):
    """Fetch the renditions of all `images` in one query, as `prefetch_renditions()` does for a
    queryset: Wagtail then finds each rendition there instead of asking once per image."""
    images = [image for image in images if image is not None]
    if images:
        rendition_model = images[0].get_rendition_model()
        prefetch_related_objects(
            images,
            Prefetch(
                "renditions",
                queryset=rendition_model.objects.all(),
                to_attr="prefetched_renditions",
            ),
        )


class ImageChooserBlock(WagtailImageChooserBlock):
    """Wagtail's chooser, with the renditions of every image of a stream fetched together.

    Wagtail loads a stream's images in one query but each picture's renditions in one more:
    a page with ten images would ask eleven times.
    """

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_renditions(images)
        return images

    def deconstruct(self):
        # Migrations record what is stored, which is Wagtail's block's: how pages read it is no
        # schema change, and every StreamField would need a migration otherwise.
        _path, args, kwargs = super().deconstruct()
        return "wagtail.images.blocks.ImageChooserBlock", args, kwargs
