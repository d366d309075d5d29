"""The three federal states of the region; names come from the interface catalogues."""

from django.db import migrations

CODES = ["SN", "ST", "TH"]


def create_states(apps, schema_editor):
    FederalState = apps.get_model("home", "FederalState")
    for code in CODES:
        FederalState.objects.get_or_create(code=code)


def remove_states(apps, schema_editor):
    apps.get_model("home", "FederalState").objects.filter(code__in=CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0004_federal_states_and_contact_persons")]

    operations = [migrations.RunPython(create_states, remove_states)]
