"""What the import's indexing processes run (`importers._indexing_processes`).

Nothing of Django's is imported at the top: a process of the fork server loads this module to
find `start` before Django is set up in it.
"""


def start(database_name):
    """Set Django up in the new process, on the database the importing process uses (a test's
    database has a name of its own, set at run time)."""
    import django
    from django.conf import settings

    django.setup()
    settings.DATABASES["default"]["NAME"] = database_name


def reindex_and_close(paper_ids):
    """A chunk's index."""
    from django.db import connection

    from . import indexing

    try:
        return indexing.reindex(paper_ids, invalidate_after=False)
    finally:
        # This process's connection; its next chunk opens a new one.
        connection.close()
