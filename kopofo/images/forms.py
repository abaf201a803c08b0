import re

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

# What a camera, a phone or a download names a file: "IMG_4711.jpg", "DSC01234", "foto.png".
FILE_NAME = re.compile(r"\.(avif|gif|jpe?g|png|webp|heic|tiff?)$|^(img|dsc|pxl|dcim)[_-]?\d+", re.I)
MISSING_ALT_TEXT = _(
    "Bitte beschreibt, was auf dem Bild zu sehen ist, oder kreuzt „Rein schmückendes Bild“ an."
)


class ImageForm(BaseImageForm):
    """Every image form of the admin (edit, upload, chooser): an alt text or "decorative"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields and "is_decorative" in self.fields:
            # Marked as required, as it is, unless the image is (being) marked as decorative.
            description = self.fields["description"]
            description.required = not self["is_decorative"].value()
            description.error_messages["required"] = MISSING_ALT_TEXT

    def clean(self):
        cleaned_data = super().clean()
        if "description" not in self.fields or cleaned_data.get("is_decorative"):
            return cleaned_data
        description = (cleaned_data.get("description") or "").strip()
        if not description and "description" not in self.errors:
            self.add_error("description", MISSING_ALT_TEXT)
        elif FILE_NAME.search(description):
            self.add_error(
                "description",
                _("Das ist ein Dateiname; beschreibt bitte, was auf dem Bild zu sehen ist."),
            )
        return cleaned_data
