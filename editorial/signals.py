"""Sets up a new language's translator group and workflow when its home page appears.

Adding a language is configuration only (`WAGTAIL_CONTENT_LANGUAGES` and a Locale); the
translated home page is then created with wagtail-localize. Once the roles were set up on an
installation (`setup_editorial_roles` ran), creating or publishing a home page runs the setup
again so the new tree gets its page permissions and translation workflow at once. Before that,
nothing happens, so tests and fresh databases are not given groups they did not ask for.
"""

from django.db.models.signals import post_save

from wagtail.models import Page
from wagtail.signals import page_published

from .roles import is_set_up, setup_roles, source_language


def _is_translated_home_page(page):
    return (
        isinstance(page, Page)
        and page.depth == 2
        and page.locale.language_code != source_language()
    )


def page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw and _is_translated_home_page(instance) and is_set_up():
        setup_roles()


def home_page_published(sender, instance, **kwargs):
    if _is_translated_home_page(instance) and is_set_up():
        setup_roles()


def connect():
    post_save.connect(page_saved, dispatch_uid="editorial_home_page_saved")
    page_published.connect(home_page_published, dispatch_uid="editorial_home_page_published")
