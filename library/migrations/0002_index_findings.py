from django.db import migrations


def index_findings(apps, schema_editor):
    from library import indexing

    indexing.reindex(finding_model=apps.get_model("reports", "Finding"), index_model=apps.get_model("library", "FindingIndex"))


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(index_findings, migrations.RunPython.noop)]
