"""Page addresses from German titles: "Straße" becomes "strasse", "Übersicht" "uebersicht"."""

from django.utils.text import slugify

# Django's slugify drops what ASCII lacks ("Straße" -> "strae", "Bürger" -> "burger"); German
# writes these letters out when it has to do without them.
GERMAN_LETTERS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS"}
)


def german_slugify(text):
    return slugify(text.translate(GERMAN_LETTERS))


def free_slug(slug, siblings, max_length=255):
    """`slug`, or `slug-2`, `slug-3`, ... whichever no page among `siblings` uses yet."""
    taken = set(siblings.filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        suffix = f"-{number}"
        candidate = slug[: max_length - len(suffix)] + suffix
    return candidate
