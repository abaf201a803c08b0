"""Static files are kept for a year by browsers and sent compressed (Brotli or gzip)."""

import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

ONE_YEAR = 365 * 24 * 60 * 60


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """collectstatic as production runs it (once: compressing takes a while), into a directory
    of this module's own."""
    static_root = tmp_path_factory.mktemp("static")
    production = override_settings(
        STATIC_ROOT=static_root,
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        WHITENOISE_AUTOREFRESH=False,
        DEBUG=False,
    )
    with production:
        call_command("collectstatic", "--noinput", verbosity=0, stdout=io.StringIO())
        manifest = (static_root / "staticfiles.json").read_text()
        [hashed_css] = re.findall(r'"(css/site\.[0-9a-f]{12}\.css)"', manifest)
        yield static_root, hashed_css


def serve(path, accept_encoding):
    middleware = WhiteNoiseMiddleware(get_response=lambda request: None)
    request = RequestFactory().get(path, headers={"Accept-Encoding": accept_encoding})
    return middleware(request)


def test_collectstatic_writes_brotli_and_gzip_copies(collected):
    static_root, hashed_css = collected

    assert (static_root / f"{hashed_css}.br").exists()
    assert (static_root / f"{hashed_css}.gz").exists()


@pytest.mark.parametrize(("accept", "encoding"), [("gzip, deflate, br", "br"), ("gzip", "gzip")])
def test_the_hashed_stylesheet_is_sent_compressed_and_kept_for_a_year(collected, accept, encoding):
    _static_root, hashed_css = collected

    response = serve(f"/static/{hashed_css}", accept)

    assert response.status_code == 200
    assert response["Content-Encoding"] == encoding
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"])[1])
    assert max_age >= ONE_YEAR
    assert "immutable" in response["Cache-Control"]
    assert "Accept-Encoding" in response["Vary"]
