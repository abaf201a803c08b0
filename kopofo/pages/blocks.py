"""The one stream block set every StreamField on the site reuses."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from kopofo.images.blocks import ImageChooserBlock

EMBED_PROVIDERS = {
    "www.youtube.com": "YouTube",
    "youtube.com": "YouTube",
    "youtu.be": "YouTube",
    "www.youtube-nocookie.com": "YouTube",
    "vimeo.com": "Vimeo",
    "player.vimeo.com": "Vimeo",
    "www.openstreetmap.org": "OpenStreetMap",
    "www.google.com": "Google Maps",
    "maps.google.com": "Google Maps",
}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"))
    level = blocks.ChoiceBlock(
        label=_("Ebene"),
        choices=[("h2", _("Zwischenüberschrift")), ("h3", _("Unterüberschrift"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Überschrift")
        template = "blocks/heading_block.html"
        preview_value = {"text": "Kommunalpolitik von links", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Bild"))
    caption = blocks.CharBlock(
        label=_("Bildunterschrift"),
        required=False,
        help_text=_("Leer lassen, um die Bildunterschrift aus der Bildverwaltung zu zeigen."),
    )

    class Meta:
        icon = "image"
        label = _("Bild")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    source = blocks.CharBlock(label=_("Quelle"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Zitat")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "Kommunalpolitik ist der Ort, an dem Politik konkret wird.",
            "source": "kopofo nrw",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    title = blocks.CharBlock(
        label=_("Linktext"), required=False, help_text=_("Leer lassen für den Dokumenttitel.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Dokument zum Herunterladen")
        template = "blocks/document_block.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Linktext"))
    page = blocks.PageChooserBlock(label=_("Seite"), required=False)
    url = blocks.URLBlock(label=_("oder externe Adresse"), required=False)

    class Meta:
        icon = "link"
        label = _("Handlungsaufforderung")
        template = "blocks/call_to_action_block.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Bitte genau eine Seite oder Adresse."))}
            )
        return value


class ExternalEmbedBlock(blocks.StructBlock):
    """A video or map from another site.

    Rendered as a link, never as an iframe: an iframe would contact the provider before the
    visitor agreed. The consent layer turns it into a two-click embed.
    """

    url = blocks.URLBlock(label=_("Adresse (YouTube, Vimeo oder Karte)"))
    title = blocks.CharBlock(label=_("Titel"))

    class Meta:
        icon = "media"
        label = _("Eingebettetes Video oder Karte")
        template = "blocks/external_embed_block.html"

    def clean(self, value):
        value = super().clean(value)
        if provider_name(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Erlaubt sind YouTube, Vimeo, OpenStreetMap und Google Maps.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["provider"] = provider_name(value["url"])
        return context


def provider_name(url):
    return EMBED_PROVIDERS.get(urlsplit(url).hostname or "")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Text"),
        icon="pilcrow",
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/paragraph_block.html",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
    embed = ExternalEmbedBlock()
