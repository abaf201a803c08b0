from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    """Every image on the site carries its alt text, credit and a default caption."""

    # Wagtail's "description" is what the site prints as alt text: named and explained as such,
    # and required by the admin's form (kopofo.images.forms) unless the image is decorative.
    description = models.CharField(
        _("Alternativtext"),
        max_length=255,
        blank=True,
        default="",
        help_text=_(
            "Was auf dem Bild zu sehen ist, in ein, zwei Sätzen, für alle, die es nicht sehen: "
            "Screenreader lesen diesen Text vor. Kein Dateiname, kein „Bild von …“."
        ),
    )
    is_decorative = models.BooleanField(
        _("Rein schmückendes Bild"),
        default=False,
        help_text=_(
            "Nur ankreuzen, wenn das Bild nichts mitteilt, was nicht schon im Text steht (z. B. "
            "ein Muster). Es bekommt dann einen leeren Alternativtext und Screenreader "
            "übergehen es."
        ),
    )
    caption = models.CharField(_("Bildunterschrift"), max_length=255, blank=True)
    credit = models.CharField(
        _("Bildnachweis"),
        max_length=255,
        blank=True,
        help_text=_("Urheber*in oder Quelle, z. B. „Foto: Max Muster“."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "is_decorative",
        *(name for name in Image.admin_form_fields if name not in {"title", "file", "description"}),
        "caption",
        "credit",
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")

    @property
    def default_alt_text(self):
        # Wagtail falls back on the title, which is the file name of most uploads: a screen
        # reader would read "IMG_4711.jpg" aloud. No description is better read as nothing.
        if self.is_decorative:
            return ""
        return self.description


class Rendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
