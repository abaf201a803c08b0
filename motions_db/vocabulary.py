"""The archive's words and how many records use each: what "Meinten Sie …?" suggests from.

Rebuilt whole (after an import and every night) rather than kept up to date on each save: a
word list that lags a day behind costs nothing, and counting on each save would slow imports.
Only titles and teasers count: their words are the ones people search for, and reading every
full text would take minutes at 100,000 records.
"""

from collections import Counter

from django.db import connection, transaction

from .models import Paper, Word
from .text import words

#: Shorter words are rarely misspelt in a way worth a suggestion.
MIN_LENGTH = 4
MAX_LENGTH = 60

_REBUILD_POSTGRESQL = f"""
INSERT INTO motions_db_word (word, documents)
SELECT word, ndoc FROM ts_stat($$
    SELECT to_tsvector('simple', p.title || ' ' || p.teaser)
    FROM motions_db_paper p JOIN motions_db_searchentry e ON e.paper_id = p.id
$$)
WHERE length(word) BETWEEN {MIN_LENGTH} AND {MAX_LENGTH} AND word ~ '^[[:alpha:]]+$'
"""


def rebuild():
    """Count the words of every published record afresh; returns how many there are."""
    with transaction.atomic():
        Word.objects.all().delete()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(_REBUILD_POSTGRESQL)
        else:
            counts = Counter()
            for title, teaser in Paper.objects.filter(search_entry__isnull=False).values_list(
                "title", "teaser"
            ):
                counts.update(
                    {
                        word
                        for word in words(f"{title} {teaser}")
                        if MIN_LENGTH <= len(word) <= MAX_LENGTH
                    }
                )
            Word.objects.bulk_create(
                Word(word=word, documents=count) for word, count in counts.items()
            )
    return Word.objects.count()
