"""What the import's indexing processes run (`importers._indexing_processes`); each keeps its
connection from chunk to chunk, and loses it when the import ends its process.

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


def index(new_documents, paper_ids):
    """A chunk's index: the documents of its new papers, and the papers it changed."""
    from django.db import connection

    from . import indexing

    try:
        return indexing.index_documents(new_documents) + indexing.reindex(
            paper_ids, invalidate_after=False
        )
    except BaseException:
        # The next chunk starts on a new connection, whatever state this one was left in.
        connection.close()
        raise
