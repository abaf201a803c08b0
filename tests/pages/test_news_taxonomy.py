import pytest

from kopofo.pages.models import NewsPage
from tests.factories import NewsPageFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_news_are_sorted_by_themen_only_with_no_second_taxonomy_in_the_editor(
    admin_client, news_index
):
    news = NewsPageFactory(parent=news_index)
    TopicFactory(name="Wohnen")

    html = admin_client.get(f"/admin/pages/{news.pk}/edit/").content.decode()

    assert 'name="topics"' in html
    assert 'name="tags"' not in html and "Schlagwörter" not in html
    assert "tags" not in {field.name for field in NewsPage._meta.get_fields()}
