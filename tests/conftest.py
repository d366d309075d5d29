"""Shared fixtures for the portal's tests.

The German home page (locale ``de``, the default language) and the default Site pointing at
it are created by migration ``home/0002``; the fixtures here look them up rather than
creating new ones. English content is created by copying German pages for translation and
publishing the copy, the way wagtail-localize's "Translate" action leaves a synced page.
"""

from django.conf import settings
from django.core.cache import caches
from django.utils import translation

from wagtail.models import Locale, Page, Site

import pytest

from home.models import HomePage


def pytest_configure(config):
    # WhiteNoise warns on every test client request while STATIC_ROOT has not been collected.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


def pytest_collection_modifyitems(config, items):
    """A transactional test without serialized rollback is refused at collection.

    Its flush removes the rows the migrations created (root page and collection, the German
    home page, the site) and recreates the locales through post_migrate; every transactional
    test after it then starts from a database the portal never has. Serialized rollback
    restores the migrated rows instead.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: transactional tests need serialized_rollback=True"
            )


def translate_page(page, locale, **fields):
    """Copy ``page`` for translation into ``locale``, set ``fields`` and publish it.

    Returns the live translated page (specific instance).
    """
    translated = page.specific.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture(autouse=True)
def _isolate_cache_and_language():
    """Each test starts with empty caches and the default language active.

    Wagtail keeps site root paths and image renditions in the cache, which outlives the
    database rollback between tests; the test client leaves the last request's language
    active in the thread.
    """
    for cache in caches.all():
        cache.clear()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _page_cache_off_when_counting_queries(request):
    """Tests that count queries measure a whole render: no page-cache hit, and no layout or
    filter-choice fragment that an earlier request of the test left (docs/caching.md)."""
    if {"django_assert_num_queries", "django_assert_max_num_queries"} & set(request.fixturenames):
        settings = request.getfixturevalue("settings")
        settings.PAGE_CACHE_SECONDS = 0
        settings.FRAGMENT_CACHE_SECONDS = 0


@pytest.fixture
def de_locale(db):
    return Locale.objects.get(language_code="de")


@pytest.fixture
def en_locale(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(db, de_locale):
    """The German home page created by migration home/0002."""
    return HomePage.objects.get(locale=de_locale)


@pytest.fixture
def site(db, home_page):
    """The default Site; its root is the German home page."""
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == home_page.pk
    return site


@pytest.fixture
def en_home_page(site, home_page, en_locale):
    """The English translation of the home page, live at /en/."""
    return translate_page(home_page, en_locale, title="Metropolitan Region Central Germany")


@pytest.fixture
def translate(en_locale):
    """A function ``translate(page, **fields)`` that publishes an English translation."""

    def _translate(page, locale=None, **fields):
        return translate_page(page, locale or en_locale, **fields)

    return _translate


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktion", email="redaktion@example.org", password="geheim-123"
    )


@pytest.fixture
def admin_logged_in_client(client, superuser):
    client.force_login(superuser)
    return client
