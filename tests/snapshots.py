"""Copies of the test database's rows, taken once and put back for each test that needs them.

Loading the demo (`seed_demo`) takes 20-25 s; putting its rows back takes about a second. A
snapshot is a copy of every model table, kept in the same database beside the tables Django
knows (PostgreSQL: a schema of its own; SQLite: tables with a prefix), so that Django's flush
after a test and its serialized rollback never touch it."""

from django.apps import apps
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _copy(name: str, table: str) -> str:
    if connection.vendor == "postgresql":
        return f'"snapshot_{name}"."{table}"'
    return f'"snapshot_{name}__{table}"'


def take(name: str) -> None:
    """Copy every model table's rows as they are now (replacing an earlier `name`)."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f'DROP SCHEMA IF EXISTS "snapshot_{name}" CASCADE')
            cursor.execute(f'CREATE SCHEMA "snapshot_{name}"')
        for table in _tables():
            if connection.vendor != "postgresql":
                cursor.execute(f"DROP TABLE IF EXISTS {_copy(name, table)}")
            cursor.execute(f"CREATE TABLE {_copy(name, table)} AS SELECT * FROM {quote(table)}")


def restore(name: str) -> None:
    """Put back the rows of snapshot `name`, in place of every row there is now, in one
    transaction (the foreign keys are checked at its end); the id sequences continue after
    the highest id restored."""
    quote = connection.ops.quote_name
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in tables)}")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
        for table in tables:
            cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {_copy(name, table)}")
        restored = set(tables)
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in restored
        ]
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
