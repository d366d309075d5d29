"""`manage.py load_demo_content`: build the portal's demo site in German and English.

Fills the German home page, creates the standard pages, project teasers, clusters, quotes,
sites, halls and events from the data files in `demo/<domain>/content.yaml`, draws the logos
and a chart with Pillow, configures the default site, the portal settings and the editorial
roles, and translates everything into English through wagtail-localize. The work is done by
`demo.site` and `demo.engine`; this module only runs it.

It is idempotent: objects are found by slug, name or title, and an object that exists is left
as it is, so a second run changes nothing. Everything runs in one transaction.
"""

from django.core.management.base import BaseCommand

from demo import site


class Command(BaseCommand):
    help = (
        "Load the demo site of the Metropolregion Mitteldeutschland portal: the German home "
        "page, standard pages, project teasers with generated logos, clusters, quotes, sites, "
        "halls and events, the default site, the portal settings and the editorial roles, "
        "plus English translations made through wagtail-localize. Existing objects are left "
        "unchanged, so the command can be run again safely."
    )

    def handle(self, *args, **options):
        site.load(self.stdout, self.style)
