"""The hits of a Datenbank search page as the tests read them."""

import html
import re

_TITLE = re.compile(r'class="db-hit__title"><a href="[^"]+">(.*?)</a>')
_SNIPPET = re.compile(r'class="db-hit__snippet">(.*?)</p>', re.S)


def marked_titles(response):
    """The hits' titles as HTML, with their <mark>s."""
    return _TITLE.findall(response.text)


def marked_snippets(response):
    """The hits' snippets as HTML, with their <mark>s."""
    return _SNIPPET.findall(response.text)


def without_marks(marked):
    """A title or snippet as the visitor reads it."""
    return html.unescape(re.sub(r"</?mark>", "", marked))
