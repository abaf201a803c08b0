"""Staff cannot upload an image whose decoding would take the server's memory (40 megapixels)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from kopofo.images.models import CustomImage

pytestmark = pytest.mark.django_db


def png(width, height):
    # One bit per pixel: the file stays small however many pixels it has, like the 345 KB PNG of
    # 121 megapixels that took the worker to 930 MB.
    buffer = io.BytesIO()
    Image.new("1", (width, height)).save(buffer, format="PNG")
    return SimpleUploadedFile("riesig.png", buffer.getvalue(), content_type="image/png")


def upload(admin_client, file):
    return admin_client.post(
        "/admin/images/add/",
        {"title": "Riesenbild", "file": file, "description": "Eine schwarze Fläche"},
    )


def test_an_image_of_more_than_40_megapixels_is_refused_with_wagtails_message(admin_client, home):
    response = upload(admin_client, png(8000, 5001))

    assert response.status_code == 200
    assert "Dieses Bild hat zu viele Pixel (40008000). Das Maximum ist 40000000." in (
        response.content.decode()
    )
    assert not CustomImage.objects.filter(title="Riesenbild").exists()


def test_an_image_of_40_megapixels_is_accepted(admin_client, home):
    response = upload(admin_client, png(8000, 5000))

    assert response.status_code == 302
    assert CustomImage.objects.filter(title="Riesenbild", width=8000, height=5000).exists()
