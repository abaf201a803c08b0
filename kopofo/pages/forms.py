from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import SlugInput

from .slugs import GERMAN_LETTERS, free_slug

# Wagtail's slugify in the browser knows no German ("Straße" -> "strasse", but "Bäume" ->
# "baume"); these replacements run first, as kopofo.pages.slugs does on the server.
GERMAN_SLUG_FORMATTERS = [(letter, GERMAN_LETTERS[ord(letter)]) for letter in "äöüÄÖÜßẞ"]


class PageForm(WagtailAdminPageForm):
    """The editor's form of every page type: addresses in German, and never one already in use.

    Wagtail saves a new page as a draft while the editor types (autosave). An editor who gives up
    leaves that draft behind, and the next page with the same title would fail on its address.
    A new page takes the next free one instead ("titel-2"), and the form shows it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            widget = self.fields["slug"].widget
            self.fields["slug"].widget = SlugInput(
                attrs={
                    name: value
                    for name, value in widget.attrs.items()
                    if not name.startswith("data-")
                },
                formatters=GERMAN_SLUG_FORMATTERS,
                locale="de",
            )

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug and self.instance.pk is None and self.parent_page is not None:
            free = free_slug(slug, self.parent_page.get_children())
            if free != slug:
                self.moved_slug = free
                return free
        return slug

    def get_field_updates_for_resave(self):
        updates = list(super().get_field_updates_for_resave())
        if getattr(self, "moved_slug", None):
            updates.append(("slug", self.moved_slug))
        return updates
