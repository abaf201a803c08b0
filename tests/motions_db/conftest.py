import pytest

from tests.factories import (
    BodyFactory,
    OrganizationFactory,
    ParliamentaryGroupFactory,
    StaffUserFactory,
)


@pytest.fixture
def bochum(db):
    return ParliamentaryGroupFactory(
        organization=OrganizationFactory(body=BodyFactory(name="Bochum"))
    )


@pytest.fixture
def wesel(db):
    district = BodyFactory(
        name="Kreis Wesel", kind="kreis", administrative_region="duesseldorf", ruhr_area=True
    )
    return ParliamentaryGroupFactory(
        organization=OrganizationFactory(body=district, kind="kreistag", name="Kreistag Wesel")
    )


@pytest.fixture
def koeln(db):
    body = BodyFactory(name="Köln", administrative_region="koeln", ruhr_area=False)
    return ParliamentaryGroupFactory(organization=OrganizationFactory(body=body))


@pytest.fixture
def editor_client(client, home):
    """A member of the Redaktion, logged in to the admin."""
    client.force_login(StaffUserFactory(group="Redaktion"))
    return client


@pytest.fixture
def office_client(client, home):
    client.force_login(StaffUserFactory(group="Geschäftsstelle"))
    return client
