"""Where the site keeps people's data, so that a person's request can be answered in one place.

Each app that stores personal data registers a `PersonalDataSource` per model in
`kopofo.seams.personal_data` from its `personal_data.py`: how to find a person's records by
email address, how to show one in an export, and how long the app keeps them. The data-subject
screen (consent issue) and `manage.py personal_data` read the registry; no app is named here.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction

from kopofo.seams import personal_data


def _delete(records):
    return records.delete()[0]


@dataclass(frozen=True)
class PersonalDataSource:
    #: What staff and the person read, e.g. "Nachrichten über das Kontaktformular".
    label: str
    #: `find(email) -> QuerySet` of the records that belong to this address.
    find: Callable
    #: `export(record) -> dict` of what the record says about the person, in readable fields.
    export: Callable
    #: How long the records are kept, for the privacy statement, e.g. "180 Tage".
    retention: str = ""
    #: `delete(records) -> int`; override where a record must be anonymised instead.
    delete: Callable = _delete


def normalize_email(email):
    return email.strip().lower()


def sources():
    return list(personal_data)


def find_person(email):
    """Every source that holds something about `email`, with those records."""
    email = normalize_email(email)
    found = []
    for source in sources():
        records = source.find(email)
        if records.exists():
            found.append((source, records))
    return found


def export_person(email):
    """What the site stores about `email`: {source label: [record, ...]} (Art. 15 DSGVO)."""
    return {
        str(source.label): [source.export(record) for record in records]
        for source, records in find_person(email)
    }


def erase_person(email):
    """Delete what the site stores about `email` (Art. 17 DSGVO); counts per source."""
    with transaction.atomic():
        return {str(source.label): source.delete(records) for source, records in find_person(email)}
