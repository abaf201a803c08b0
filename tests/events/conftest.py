import pytest

from tests.factories import EventIndexPageFactory


@pytest.fixture
def event_index(home):
    return EventIndexPageFactory(parent=home)
