"""Trigram indexes for the order search (issue 16).

The order list's and the admin's search is `icontains` on the P/O and style numbers, which
PostgreSQL runs as UPPER(column::text) LIKE UPPER('%term%'): no B-tree serves a pattern with a
leading wildcard, so each search read every order (at 100,000 orders the search grew 1.7x on the
list and 3.4x on the admin). A GIN index of pg_trgm's trigrams on the same expressions serves
it. PostgreSQL only: SQLite has no such index and the migration does nothing there."""

from django.db import migrations

INDEXES = {
    "order_po_number_trgm": "po_number",
    "order_style_no_trgm": "style_no",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    # The extension may live in another schema of the database than the tables (the bench keeps
    # its data sets in schemas of their own): name its operator class with its schema.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_trgm'"
        )
        (schema,) = cursor.fetchone()
    for name, column in INDEXES.items():
        # The expression Django's icontains writes, so that the planner matches it.
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "orders_order" '
            f'USING gin ((UPPER("{column}"::text)) {schema}.gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("orders", "0034_lateness_latest_index"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
