from django.urls import NoReverseMatch, reverse

from kopofo.pages.panels import FOOTER, HOME, Panel
from kopofo.seams import panels


def signup(request):
    # The newsletter issue brings the sign-up page; until then the panel shows nothing.
    try:
        return {"signup_url": reverse("newsletter:subscribe")}
    except NoReverseMatch:
        return None


panels.register(
    Panel(
        key="newsletter",
        label="Newsletter abonnieren",
        template="panels/newsletter_signup.html",
        get_context=signup,
        default_places=(HOME, FOOTER),
    ),
    order=40,
)
