"""`manage.py setup_editorial_roles`: the editorial groups, permissions and workflows.

Creates or updates "Redaktion", "Chefredaktion" and one "Übersetzung <language>" group per
target language in `WAGTAIL_CONTENT_LANGUAGES`, their permissions, and the workflows
"Freigabe" (German tree) and "Übersetzungsfreigabe <language>" (each translated tree). Safe
to run again at any time; see docs/roles.md.
"""

from django.core.management.base import BaseCommand

from editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the editorial groups (Redaktion, Chefredaktion, one translator group "
        "per target language), their page, collection, snippet and locale permissions, and "
        "the review workflows. Idempotent; languages without a home page yet are reported and "
        "picked up on the next run or when their home page is created."
    )

    def handle(self, *args, **options):
        report = setup_roles()
        for line in report.lines:
            self.stdout.write(f"  {line}")
        for line in report.pending:
            self.stdout.write(self.style.WARNING(f"  pending: {line}"))
        if report.created or report.updated:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Editorial roles set up: {report.created} created, {report.updated} "
                    f"updated, {report.present} unchanged."
                )
            )
        else:
            self.stdout.write(self.style.SUCCESS("Editorial roles are up to date."))
