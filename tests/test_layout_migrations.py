"""The move of the shared models to `portal` and of `Quote` to `quotes` keeps every row.

The demo content is loaded at the current state; the migrations are then taken back to the
layout before the move (home, clusters) and forward again. Through both directions every table
keeps its rows, the moved models keep their content types' ids (so pages, revisions,
translations and permissions still point at them), and a sample of contents is unchanged.
"""

import io

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

import pytest

from portal.models import ContactPerson, FederalState, PortalSettings
from quotes.models import Quote

MOVED = {
    "portal": ["federalstate", "contactperson", "portalsettings", "mainmenuitem", "footerlink"],
    "quotes": ["quote"],
}
BEFORE_THE_MOVE = {"portal": "home", "quotes": "clusters"}

# serialized_rollback: an earlier transactional test flushes the tables, and with them the
# root collection, root page and locales that the migrations created.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def table_counts():
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            if table == "django_migrations":
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counts[table] = cursor.fetchone()[0]
    return counts


def content_type_labels():
    return {
        (ct.app_label, ct.model): ct.pk
        for ct in ContentType.objects.filter(app_label__in=["home", "clusters", "portal", "quotes"])
    }


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


def test_the_demo_content_survives_the_move_in_both_directions():
    call_command("load_demo_content", stdout=io.StringIO())
    counts = table_counts()
    labels = content_type_labels()
    sample = {
        "quotes": sorted(Quote.objects.values_list("pk", "name", "text")),
        "contacts": sorted(ContactPerson.objects.values_list("pk", "name", "email")),
        "states": sorted(FederalState.objects.values_list("pk", "code")),
        "settings": list(PortalSettings.objects.values_list("pk", "organisation_name", "city")),
    }
    assert sample["quotes"] and sample["contacts"] and len(sample["states"]) == 3

    # Back to the layout before the move.
    executor = migrate([("portal", None), ("quotes", None)])
    assert table_counts() == counts
    old_apps = executor.loader.project_state(
        [
            ("home", "0007_quote_chooser_in_every_body"),
            ("clusters", "0002_quote_chooser_in_every_body"),
        ]
    ).apps
    old_quote = old_apps.get_model("clusters", "Quote")
    old_contact = old_apps.get_model("home", "ContactPerson")
    assert sorted(old_quote.objects.values_list("pk", "name", "text")) == sample["quotes"]
    assert sorted(old_contact.objects.values_list("pk", "name", "email")) == sample["contacts"]
    old_labels = content_type_labels()
    for app, models in MOVED.items():
        for model in models:
            assert old_labels[(BEFORE_THE_MOVE[app], model)] == labels[(app, model)]
            assert (app, model) not in old_labels

    # And forward to today's layout.
    migrate(executor.loader.graph.leaf_nodes())
    assert table_counts() == counts
    assert content_type_labels() == labels
    assert sorted(Quote.objects.values_list("pk", "name", "text")) == sample["quotes"]
    assert sorted(ContactPerson.objects.values_list("pk", "name", "email")) == sample["contacts"]
    assert sorted(FederalState.objects.values_list("pk", "code")) == sample["states"]
    assert (
        list(PortalSettings.objects.values_list("pk", "organisation_name", "city"))
        == sample["settings"]
    )
    # What points at a moved model by content type still finds it: the quotes' revisions and
    # wagtail-localize's translatable objects.
    quote = Quote.objects.filter(latest_revision__isnull=False).first()
    assert quote.latest_revision.as_object().pk == quote.pk
    assert quote.get_translations(inclusive=True).count() >= 2
