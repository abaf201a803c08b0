import pytest

from tests.factories import BodyFactory, OrganizationFactory, ParliamentaryGroupFactory


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
