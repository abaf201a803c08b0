"""The pattern page shows the shared components to staff and developers, and to no search engine."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_styleguide_shows_every_component_with_its_include(client, home):
    response = client.get("/styleguide/")

    html = response.content.decode()
    assert response.status_code == 200
    for include in (
        "includes/teaser.html",
        "includes/date_badge.html",
        "includes/topic_chip.html",
        "includes/call_to_action.html",
        "includes/pagination.html",
        "includes/notice.html",
        "includes/forms/form.html",
    ):
        assert include in html, include
    assert 'class="error-summary"' in html and 'class="field field--error"' in html
    assert 'class="pagination"' in html and 'class="date-badge"' in html


def test_the_styleguide_is_neither_indexed_nor_linked(client, home):
    response = client.get("/styleguide/")

    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "Disallow: /styleguide/" in client.get("/robots.txt").content.decode()
    assert "/styleguide/" not in client.get("/").content.decode()
