"""One address of every page type of the demo site, for the checks that must cover them all.

The Nu Html Checker (tests/pages/test_valid_html.py) and axe-core (tests/browser/
test_accessibility.py) read this list, so a new page type is checked by both once it is added
here.
"""

from events.demo import current_programme_slug

#: name: (method, path). A POST is sent without data, so the form answers with its errors; a
#: redirect is followed.
PAGE_TYPES = {
    "home": ("GET", "/"),
    "standard page": ("GET", "/ueber-uns/"),
    "standard page, second level": ("GET", "/ueber-uns/satzung/"),
    "news index": ("GET", "/aktuelles/"),
    "news page": ("GET", "/aktuelles/neue-website-des-kopofo-nrw/"),
    "event index": ("GET", "/veranstaltungen/"),
    "event index, filtered to nothing": ("GET", "/veranstaltungen/?format=hybrid"),
    "event archive": ("GET", "/veranstaltungen/archiv/"),
    "event page": ("GET", "/veranstaltungen/bodenpreise-treiben-die-mieten/"),
    "event page, online": ("GET", "/veranstaltungen/netzwerktreffen-integrationsraete/"),
    "event page, past": ("GET", "/veranstaltungen/kommunale-waermeplanung/"),
    "event series": ("GET", "/veranstaltungen/reihe/das-kommunale-mandat/"),
    "event page in a series": ("GET", "/veranstaltungen/das-kommunale-mandat-bochum/"),
    "half-year programme": ("GET", f"/veranstaltungen/{current_programme_slug()}/"),
    "contact": ("GET", "/kontakt/"),
    "contact with errors": ("POST", "/kontakt/"),
    "thanks": ("GET", "/kontakt/danke/"),
    "search with results": ("GET", "/suche/?q=Fraktion"),
    "topic index": ("GET", "/themen/"),
    "topic page": ("GET", "/themen/integration/"),
    "not found": ("GET", "/gibt-es-nicht/"),
    "styleguide": ("GET", "/styleguide/"),
    "datenbank search": ("GET", "/datenbank/?q=Sozialticket"),
    "datenbank kind, narrowed": ("GET", "/datenbank/antraege/?q=Kita&region=ruhrgebiet&jahr=2024"),
    "datenbank, nothing found": ("GET", "/datenbank/?q=Sozialtiket&von=31.02.2024"),
    "datenbank, browsing": ("GET", "/datenbank/?seite=2"),
    # A demo record has no fixed id: its old address leads to it, and the checks follow.
    "datenbank record": (
        "GET",
        "/kommunalpolitische-datenbank/pressemitteilungen/detail-pressemitteilungen/news/"
        "die-linke-kita-plaetze-sind-eine-aufgabe-der-oeffentlichen-hand/",
    ),
}
