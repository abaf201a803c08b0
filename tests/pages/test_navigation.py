import pytest

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home):
    about = StandardPageFactory(parent=home, title="Über uns", slug="ueber-uns", show_in_menus=True)
    StandardPageFactory(parent=about, title="Satzung", slug="satzung", show_in_menus=True)
    for slug, title in [("impressum", "Impressum"), ("datenschutz", "Datenschutz")]:
        StandardPageFactory(parent=home, title=title, slug=slug)
    StandardPageFactory(parent=home, title="Intern", slug="intern", show_in_menus=False)
    return about


def test_main_menu_lists_the_pages_shown_in_menus_and_marks_the_current_one(client, about):
    html = client.get("/ueber-uns/").content.decode()

    menu = html.split('aria-label="Hauptmenü"')[1].split("</nav>")[0]
    assert '<a href="/ueber-uns/" aria-current="page">Über uns</a>' in menu
    assert "Intern" not in menu and "Impressum" not in menu


def test_breadcrumbs_lead_from_the_home_page_to_the_current_page(client, about):
    html = client.get("/ueber-uns/satzung/").content.decode()

    trail = html.split('aria-label="Brotkrümelnavigation"')[1].split("</nav>")[0]
    assert trail.index('href="/">Startseite') < trail.index('href="/ueber-uns/">Über uns')
    assert '<span aria-current="page">Satzung</span>' in trail


def test_footer_has_contact_legal_pages_social_links_and_a_get_newsletter_form(
    client, about, settings
):
    settings.ROOT_URLCONF = "tests.pages.urls_with_newsletter"

    html = client.get("/ueber-uns/").content.decode()

    footer = html.split('<footer class="site-footer">')[1]
    assert "buero@kopofo-nrw.de" in footer and "Severinstraße 1" in footer
    assert 'href="/impressum/">Impressum' in footer and 'href="/datenschutz/">Datenschutz' in footer
    assert 'href="https://www.facebook.com/kopofonrw"' in footer
    assert 'href="https://www.instagram.com/kopofo_nrw/"' in footer
    # The panels a new site shows in the footer: the newsletter's GET form and the contact data.
    assert '<form class="newsletter-teaser" action="/newsletter/anmelden/" method="get">' in footer
    assert footer.index("Newsletter abonnieren") < footer.index("Kontakt")


def test_every_page_has_a_skip_link_to_the_main_landmark(client, about):
    html = client.get("/ueber-uns/").content.decode()

    assert '<a class="skip-link" href="#main">Zum Hauptinhalt springen</a>' in html
    assert '<main id="main"' in html


def test_pages_load_nothing_from_other_hosts(client, about):
    html = client.get("/ueber-uns/").content.decode()

    for attribute in ("src=", 'rel="stylesheet" href=', 'rel="icon" href='):
        for value in html.split(attribute)[1:]:
            url = value.split('"')[1]
            assert url.startswith("/"), f"{attribute}{url} leaves the site"
    assert "<script" not in html


def test_the_public_site_forbids_third_party_requests_by_content_security_policy(
    client, admin_client, about
):
    policy = client.get("/ueber-uns/")["Content-Security-Policy"]
    directives = dict(directive.split(" ", 1) for directive in policy.split("; "))

    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["frame-src"] == "'none'"
    assert "'unsafe-inline'" not in policy


def test_the_admin_loads_no_avatar_from_gravatar(admin_client, about):
    html = admin_client.get("/admin/").content.decode()

    assert "gravatar" not in html
