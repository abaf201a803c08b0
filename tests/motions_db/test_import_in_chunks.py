"""A large import commits chunk by chunk, indexed by other processes beside it.

Transactional (the indexing processes must see the committed chunks) and alone in its file,
with the migrated data restored afterwards, so no later test in the worker finds it emptied.
"""

import pytest

from motions_db import importers
from motions_db.generate import generate
from motions_db.generate import write_jsonl as write_generated
from motions_db.importers import import_file
from motions_db.models import Paper, SearchEntry

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_a_larger_file_is_written_in_chunks_and_indexed_beside_them(tmp_path):
    """Outside a transaction on PostgreSQL, other processes index the committed chunks."""
    path = tmp_path / "generated.jsonl"
    with path.open("w") as stream:
        write_generated(generate(1200, seed=3), stream)
    assert importers.CHUNK_SIZE < 1200

    result = import_file(path)

    assert (result.created, result.failed) == (1200, 0)
    assert Paper.objects.count() == 1200
    published = set(Paper.objects.published().values_list("pk", flat=True))
    assert set(SearchEntry.objects.values_list("paper_id", flat=True)) == published

    # An import stopped between a chunk and its index is completed by the next run.
    SearchEntry.objects.filter(paper_id__in=sorted(published)[:700]).delete()
    result = import_file(path)

    assert (result.created, result.updated, result.unchanged) == (0, 0, 1200)
    assert set(SearchEntry.objects.values_list("paper_id", flat=True)) == published
