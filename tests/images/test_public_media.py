"""Only image renditions are public files; documents go through Wagtail's document view."""

import importlib

import pytest
import wagtail_factories
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def document():
    return wagtail_factories.DocumentFactory(
        title="Haushaltsrede", file=ContentFile(b"%PDF-1.4 Haushaltsrede", name="haushalt.pdf")
    )


def test_a_rendition_is_served_from_the_media_root_set_after_the_urls_were_loaded(
    client, settings, tmp_path
):
    importlib.import_module(settings.ROOT_URLCONF)  # the URLconf exists before MEDIA_ROOT moves
    settings.MEDIA_ROOT = tmp_path / "another-media-root"
    rendition = ImageFactory().get_rendition("fill-200x100")

    response = client.get(rendition.url)

    assert rendition.url.startswith("/media/images/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == rendition.file.open("rb").read()


def test_the_original_upload_of_an_image_is_not_served(client):
    image = ImageFactory()

    assert image.file.url.startswith("/media/original_images/")
    assert client.get(image.file.url).status_code == 404


def test_a_document_is_not_served_under_media_but_through_the_document_view(client, document):
    response = client.get(document.url)

    assert client.get(document.file.url).status_code == 404
    assert document.file.url.startswith("/media/documents/")
    assert document.url.startswith("/dokumente/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 Haushaltsrede"


def test_a_document_in_a_private_collection_needs_a_login(client):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Protokoll", collection=private, file=ContentFile(b"intern", name="protokoll.pdf")
    )

    response = client.get(document.url)

    assert client.get(document.file.url).status_code == 404
    assert response.status_code == 302
    assert response.url == f"{reverse('wagtailcore_login')}?next={document.url}"
