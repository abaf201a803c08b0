"""For the migrations that run SQL on PostgreSQL only (Django skips modules named with "_")."""


def on_postgresql(sql):
    """A RunPython function that runs `sql` on PostgreSQL; SQLite, the quick start's database,
    searches without it."""

    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run
