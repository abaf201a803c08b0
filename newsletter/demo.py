from kopofo.pages.demo import paragraph
from kopofo.pages.models import StandardPage
from kopofo.seams import demo_content


@demo_content.register(order=700)
def newsletter_page(demo):
    # A placeholder until the newsletter issue brings sign-up; the footer's form points here.
    demo.child(
        demo.home,
        StandardPage,
        "newsletter",
        title="Newsletter",
        teaser=(
            "Über Arbeit und Angebote des kopofo nrw sowie die neuesten Entwicklungen in der "
            "Kommunalpolitik auf dem Laufenden bleiben."
        ),
        body=[
            paragraph(
                "Über aktuelle Entwicklungen und unsere nächsten Veranstaltungen informieren wir "
                "euch in unserem Newsletter. Die Anmeldung ist bald direkt hier möglich; bis "
                "dahin schreibt uns eine E-Mail an buero@kopofo-nrw.de."
            )
        ],
    )
