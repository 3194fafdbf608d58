"""Load the 18 inspection zones and 77 provinces from the CSV files kept in this app.

The zone of each province is the one it belonged to in fiscal year 2564; administrators
change it in admin when zones are reorganised.
"""

from django.db import migrations

from provinces import reference


def load(apps, schema_editor):
    reference.load(apps.get_model("provinces", "InspectionZone"), apps.get_model("provinces", "Province"))


def unload(apps, schema_editor):
    apps.get_model("provinces", "Province").objects.all().delete()
    apps.get_model("provinces", "InspectionZone").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("provinces", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
