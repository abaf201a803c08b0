from wagtail.models import Page

from kopofo.pages.panels import FOOTER, HOME, Panel
from kopofo.seams import panels


def signup_page(request):
    # Until the newsletter app has its own sign-up page, the demo's placeholder page stands in.
    page = Page.objects.live().public().filter(slug="newsletter").first()
    return {"signup_page": page} if page else None


panels.register(
    Panel(
        key="newsletter",
        label="Newsletter abonnieren",
        template="panels/newsletter_signup.html",
        get_context=signup_page,
        default_places=(HOME, FOOTER),
    ),
    order=40,
)
