# The tables of the moved model take the meetings app's names (the zones' link table follows).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0001_initial"),
        ("reports", "0002_move_meetings_out"),
    ]

    operations = [
        migrations.AlterModelTable(name="followupmeeting", table=None),
        migrations.AlterModelTable(name="historicalfollowupmeeting", table=None),
    ]
