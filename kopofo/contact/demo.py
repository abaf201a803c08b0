from kopofo.seams import demo_content

from .models import ContactFormField, ContactPage

#: The contact form's fields: label, Wagtail field type, required.
CONTACT_FORM_FIELDS = [
    ("Name", "singleline", True),
    ("E-Mail", "email", True),
    ("Betreff", "singleline", False),
    ("Nachricht", "multiline", True),
]


@demo_content.register(order=50)
def contact_page(demo):
    if ContactPage.objects.exists():
        return
    page = demo.home.add_child(
        instance=ContactPage(
            slug="kontakt",
            title="Kontakt",
            show_in_menus=True,
            intro=(
                "<p>Ihr habt Fragen zu unseren Veranstaltungen, Veröffentlichungen oder zu "
                "kommunalpolitischen und kommunalrechtlichen Themen, oder wollt Mitglied "
                "werden? Schreibt uns: Unsere Geschäftsstelle in Essen antwortet euch.</p>"
            ),
            thank_you_text=(
                "<p>Danke! Eure Nachricht ist bei uns angekommen. Wir melden uns so bald wie "
                "möglich, in der Regel zu unseren Sprechzeiten von Dienstag bis Donnerstag.</p>"
            ),
            privacy_page=demo.page("datenschutz"),
            subject="Nachricht über das Kontaktformular",
        )
    )
    add_form_fields(page)
    page.save_revision().publish()


def add_form_fields(page, fields=CONTACT_FORM_FIELDS):
    for order, (label, field_type, required) in enumerate(fields):
        ContactFormField.objects.create(
            page=page, sort_order=order, label=label, field_type=field_type, required=required
        )
