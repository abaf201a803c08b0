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
        teaser="Einmal im Monat Termine, Anträge und Hintergründe per E-Mail.",
        body=[
            paragraph(
                "Die Anmeldung zum Newsletter ist bald direkt hier möglich. Bis dahin "
                "schreib uns eine E-Mail an buero@kopofo-nrw.de."
            )
        ],
    )
