"""Keeps the search index in step with the findings, whatever saves them.

Findings are saved by the officer's form, Django admin, and copies made by other features;
a receiver here reaches them all (bulk_create and QuerySet.update do not send signals:
code that uses them calls library.indexing.reindex, and `manage.py reindex` repairs the rest).
An index row goes with its finding (on_delete=CASCADE).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from library import indexing
from reports.models import Finding, Project


@receiver(post_save, sender=Finding, dispatch_uid="library_index_finding")
def index_finding(sender, instance: Finding, raw: bool = False, **kwargs) -> None:
    if raw:  # loaddata: the index is rebuilt by `manage.py reindex`
        return
    indexing.reindex([instance.pk])


@receiver(post_save, sender=Project, dispatch_uid="library_index_project")
def index_project_findings(sender, instance: Project, raw: bool = False, created: bool = False, **kwargs) -> None:
    """A project's name is part of its findings' text: renamed, they are indexed again."""
    if raw or created:
        return
    ids = list(Finding.objects.filter(project=instance).values_list("pk", flat=True))
    if ids:
        indexing.reindex(ids)
