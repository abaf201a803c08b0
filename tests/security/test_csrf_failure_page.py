import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_a_cross_site_post_to_the_admin_login_gets_a_german_page_in_the_site_frame(home):
    browser = Client(enforce_csrf_checks=True)

    response = browser.post(
        "/admin/login/",
        {"username": "admin", "password": "irgendwas"},
        HTTP_ORIGIN="https://evil.example",
    )

    html = response.content.decode()
    assert response.status_code == 403
    assert "<h1>Anfrage abgelehnt</h1>" in html
    assert 'class="site-header"' in html and 'class="site-footer"' in html
    assert "CSRF verification failed" not in html
    assert 'lang="de"' in html


def test_the_csrf_failure_view_can_be_called_by_other_views(rf, home):
    from kopofo.views import csrf_failure

    request = rf.post("/kontakt/")

    response = csrf_failure(request, reason="Origin checking failed")

    assert response.status_code == 403
    assert "Anfrage abgelehnt" in response.content.decode()
    assert "Origin checking failed" not in response.content.decode()
