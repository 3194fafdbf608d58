# FollowUpMeeting now belongs to the meetings app (meetings/migrations/0001_initial.py):
# reports forgets the model without touching its tables.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("meetings", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalFollowUpMeeting"),
                migrations.DeleteModel(name="FollowUpMeeting"),
            ],
            database_operations=[],
        ),
    ]
