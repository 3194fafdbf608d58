# FollowUpMeeting moves from reports to meetings. Its tables stay as they are in this
# step (state only); 0002 renames them once reports has let go of the model.

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


def move_content_types(apps, schema_editor):
    """Keep the permissions and admin log of the model: its content types change app, not identity."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="reports", model__in=["followupmeeting", "historicalfollowupmeeting"]).update(
        app_label="meetings"
    )


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="meetings", model__in=["followupmeeting", "historicalfollowupmeeting"]).update(
        app_label="reports"
    )


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("provinces", "0002_load_reference_data"),
        ("reports", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HistoricalFollowUpMeeting',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('held_on', models.DateField(verbose_name='date')),
                        ('mode', models.CharField(choices=[('online', 'online'), ('on_site', 'on site')], default='online', max_length=10, verbose_name='mode')),
                        ('platform', models.CharField(blank=True, help_text='For example ZOOM Meeting', max_length=120, verbose_name='online platform')),
                        ('place', models.CharField(blank=True, max_length=300, verbose_name='place')),
                        ('purpose', models.TextField(verbose_name='purpose')),
                        ('topic_shortfalls', models.TextField(verbose_name='first discussion topic')),
                        ('topic_best_practices', models.TextField(verbose_name='second discussion topic')),
                        ('draft_edited', models.BooleanField(default=False, verbose_name='draft edited by hand')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published')),
                        ('created_at', models.DateTimeField(blank=True, editable=False, verbose_name='created')),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('inspector', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='inspector')),
                        ('published_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                        ('period', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='reports.reportingperiod', verbose_name='reporting period')),
                    ],
                    options={
                        'db_table': 'reports_historicalfollowupmeeting',
                        'verbose_name': 'historical follow-up meeting',
                        'verbose_name_plural': 'historical follow-up meetings',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='FollowUpMeeting',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('held_on', models.DateField(verbose_name='date')),
                        ('mode', models.CharField(choices=[('online', 'online'), ('on_site', 'on site')], default='online', max_length=10, verbose_name='mode')),
                        ('platform', models.CharField(blank=True, help_text='For example ZOOM Meeting', max_length=120, verbose_name='online platform')),
                        ('place', models.CharField(blank=True, max_length=300, verbose_name='place')),
                        ('purpose', models.TextField(verbose_name='purpose')),
                        ('topic_shortfalls', models.TextField(verbose_name='first discussion topic')),
                        ('topic_best_practices', models.TextField(verbose_name='second discussion topic')),
                        ('draft', models.JSONField(blank=True, null=True, verbose_name='summary draft')),
                        ('draft_edited', models.BooleanField(default=False, verbose_name='draft edited by hand')),
                        ('published', models.JSONField(blank=True, null=True, verbose_name='published summary')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('inspector', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to=settings.AUTH_USER_MODEL, verbose_name='inspector')),
                        ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
                        ('zones', models.ManyToManyField(related_name='meetings', to='provinces.inspectionzone', verbose_name='inspection zones')),
                        ('period', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='meetings', to='reports.reportingperiod', verbose_name='reporting period')),
                    ],
                    options={
                        'db_table': 'reports_followupmeeting',
                        'verbose_name': 'follow-up meeting',
                        'verbose_name_plural': 'follow-up meetings',
                        'ordering': ['-held_on', '-pk'],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]
