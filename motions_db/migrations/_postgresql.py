"""For the migrations that work on PostgreSQL only (Django skips modules named with "_")."""


def on_postgresql(sql):
    """A RunPython function that runs `sql` on PostgreSQL; SQLite, the quick start's database,
    searches without it."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


def reindex_every_record(apps, schema_editor):
    """A RunPython function that writes every search entry again with the current indexing
    code, as `manage.py reindex_papers` does; SQLite's entries hold no vectors to redo."""
    if schema_editor.connection.vendor != "postgresql":
        return
    from motions_db import indexing

    indexing.reindex_all()
