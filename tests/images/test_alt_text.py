"""Every image has an alt text that says what it shows, or is marked as decorative.

A file name never becomes what a screen reader reads aloud.
"""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from PIL import Image

from kopofo.images.models import CustomImage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def jpeg(name="IMG_4711.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), "red").save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def upload(admin_client, **fields):
    return admin_client.post(
        "/admin/images/add/", {"title": "IMG_4711.jpg", "file": jpeg(), **fields}
    )


def rendered_alt(image):
    html = render_to_string("includes/figure.html", {"image": image})
    return BeautifulSoup(html, "html.parser").find("img")["alt"]


def test_the_upload_form_names_and_explains_the_alternativtext(admin_client, home):
    html = admin_client.get("/admin/images/add/").content.decode()
    soup = BeautifulSoup(html, "html.parser")

    label = soup.find("label", attrs={"for": "id_description"})
    assert "Alternativtext" in label.get_text()
    assert "Screenreader lesen diesen Text vor" in html
    assert soup.find("input", attrs={"name": "description"}).has_attr("required")
    assert soup.find("input", attrs={"name": "is_decorative"}) is not None


def test_an_image_without_alt_text_is_refused_with_a_german_message(admin_client, home):
    response = upload(admin_client)

    assert response.status_code == 200
    assert "Bitte beschreibt, was auf dem Bild zu sehen ist" in response.content.decode()
    assert not CustomImage.objects.exists()


def test_a_file_name_is_no_alt_text(admin_client, home):
    response = upload(admin_client, description="IMG_4711.jpg")

    assert response.status_code == 200
    assert "Das ist ein Dateiname" in response.content.decode()
    assert not CustomImage.objects.exists()


def test_an_image_with_alt_text_is_saved_and_shown_with_it(admin_client, home):
    response = upload(admin_client, description="Vorstand bei der Mitgliederversammlung")

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert rendered_alt(image) == "Vorstand bei der Mitgliederversammlung"


def test_a_decorative_image_needs_no_alt_text_and_is_shown_with_an_empty_one(admin_client, home):
    response = upload(admin_client, is_decorative="on")

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.is_decorative
    assert rendered_alt(image) == ""


def test_an_image_saved_without_alt_text_elsewhere_never_shows_its_title(home):
    image = ImageFactory(title="DSC01234.JPG", description="")

    assert rendered_alt(image) == ""


def test_the_multiple_upload_asks_for_the_alt_text_before_the_image_is_saved(admin_client, home):
    response = admin_client.post(
        "/admin/images/multiple/add/", {"files[]": jpeg(), "collection": 1}
    )

    data = response.json()
    assert data["success"]
    # Wagtail keeps the file aside and shows the form until the required field is filled in.
    assert "uploaded_file_id" in data
    assert "Alternativtext" in data["form"]
    assert not CustomImage.objects.exists()
