"""Indexes that let PostgreSQL read a pool's list in its sort order and stop after one page.

Without them every list request joins and sorts all properties of the pool (6,000 in the
benchmark: ~12 ms) to show 20. The default order, newest first, sorts by Wagtail's
`first_published_at` and the page id, both columns of `wagtailcore_page`, so that index lives
on Wagtail's table (created here with raw SQL, as Django's model state does not own that
table); the area and price orders sort by columns of the property table. Each index matches
its ORDER BY exactly, with `NULLS LAST` (see locations/filters.py, SORT_ORDER): an ascending
index read backwards would give `DESC NULLS FIRST` and could not be used.

PostgreSQL only: SQLite (tests, development) keeps its plans.
"""

from django.db import migrations

INDEXES = [
    # "newest": first_published_at DESC NULLS LAST, then pk DESC
    (
        "locations_page_newest_idx",
        "wagtailcore_page",
        '"first_published_at" DESC NULLS LAST, "id" DESC',
    ),
    # "area_desc": area_m2 DESC NULLS LAST, then pk
    (
        "locations_area_desc_idx",
        "locations_locationpage",
        '"area_m2" DESC NULLS LAST, "page_ptr_id"',
    ),
    # "price_desc": price_per_m2 DESC NULLS LAST, then pk
    (
        "locations_price_desc_idx",
        "locations_locationpage",
        '"price_per_m2" DESC NULLS LAST, "page_ptr_id"',
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, columns in INDEXES:
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns})')


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _table, _columns in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("locations", "0002_quote_chooser_in_every_body"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
