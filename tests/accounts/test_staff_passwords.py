"""Staff passwords: twelve characters at least, and none of the common ones."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from kopofo.pages.demo import DEMO_PASSWORD
from kopofo.pages.staff import OFFICE
from tests.factories import STAFF_PASSWORD, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("password", ["kurz-1234ab", "password1234", "123456789012"])
def test_short_common_or_numeric_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("username", ["admin", "redaktion", "geschaeftsstelle"])
def test_the_demo_password_passes_the_validators_for_every_demo_user(username, django_user_model):
    user = django_user_model(username=username, email=f"{username}@kopofo-nrw.example")

    validate_password(DEMO_PASSWORD, user)
    validate_password(STAFF_PASSWORD, user)


def test_the_office_cannot_give_a_new_user_an_eleven_character_password(client, django_user_model):
    client.force_login(StaffUserFactory(username="otto", group=OFFICE))

    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "username": "neu",
            "email": "neu@kopofo-nrw.de",
            "first_name": "Nele",
            "last_name": "Neu",
            "password1": "Kurz-Pw-123",
            "password2": "Kurz-Pw-123",
        },
    )

    assert response.status_code == 200
    assert "mindestens 12 Zeichen" in response.content.decode()
    assert not django_user_model.objects.filter(username="neu").exists()
