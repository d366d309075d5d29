"""CDN purge through wagtail.contrib.frontend_cache, and its configuration from the environment."""

import pytest

from cms.settings.frontend_cache import frontend_cache_from_env
from home.factories import ProjectTeaserFactory

from . import fake_frontend
from .conftest import cached, commit, fetch

BACKEND = {"default": {"BACKEND": "tests.pagecache.fake_frontend.RecordingBackend"}}


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = BACKEND
    # The page cache sends every language's exact URLs itself.
    settings.WAGTAILFRONTENDCACHE_LANGUAGES = []
    fake_frontend.PURGED.clear()
    yield fake_frontend.PURGED
    fake_frontend.PURGED.clear()


def test_cached_pages_allow_the_cdn_to_keep_them(client, portal, cdn, settings):
    state, response = fetch(client, "/de/cluster/")
    assert state == "MISS"
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in response["Cache-Control"]


def test_publish_purges_exactly_the_urls_showing_the_page(client, portal, en_home_page, cdn):
    commit()
    for url in ["/de/", "/en/", "/de/cluster/", "/de/cluster/?kind=macro", "/de/termine/"]:
        cached(client, url)
    cdn.clear()
    chemie = portal["chemie"]
    chemie.title = "Chemie und Bioökonomie"
    chemie.save_revision().publish()
    assert cdn == []  # not before the commit
    commit()
    purged = {url.split("://", 1)[1].split("/", 1)[1] for url in cdn}
    # Every cached address that showed the page, with its query string, and the page itself.
    assert {"de/cluster/", "de/cluster/?kind=macro", "de/"} <= purged
    assert "de/cluster/chemie-und-kunststoffe/" in purged
    assert "de/termine/" not in purged


def test_snippet_edit_purges_the_home_pages_in_all_languages(client, portal, en_home_page, cdn):
    teaser = ProjectTeaserFactory(name="Logo")
    commit()
    for url in ["/de/", "/en/", "/de/cluster/"]:
        cached(client, url)
    cdn.clear()
    teaser.name = "Neues Logo"
    teaser.save_revision().publish()
    commit()
    assert {"http://testserver/de/", "http://testserver/en/"} <= set(cdn)
    assert "http://testserver/de/cluster/" not in cdn


def test_no_cdn_configured_sends_nothing(client, portal):
    cached(client, "/de/cluster/")
    fake_frontend.PURGED.clear()
    portal["chemie"].save_revision().publish()
    commit()
    assert fake_frontend.PURGED == []


def env_from(values):
    def env(name, default=None):
        if name in values:
            return values[name]
        if default is None:
            raise KeyError(name)
        return default

    return env


def test_env_without_backend_configures_nothing():
    assert frontend_cache_from_env(env_from({})) == {}


def test_env_cloudflare_with_token():
    config = frontend_cache_from_env(
        env_from(
            {
                "FRONTEND_CACHE_BACKEND": "cloudflare",
                "CLOUDFLARE_BEARER_TOKEN": "token",
                "CLOUDFLARE_ZONE_ID": "zone",
            }
        )
    )
    assert config == {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone",
        }
    }


def test_env_cloudfront_and_http():
    cloudfront = frontend_cache_from_env(
        env_from({"FRONTEND_CACHE_BACKEND": "cloudfront", "CLOUDFRONT_DISTRIBUTION_ID": "E1"})
    )
    assert cloudfront["default"]["DISTRIBUTION_ID"] == "E1"
    http = frontend_cache_from_env(
        env_from(
            {"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_LOCATION": "http://varnish:6081"}
        )
    )
    assert http["default"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": "http://varnish:6081",
    }


def test_env_rejects_unknown_backend_and_missing_keys():
    with pytest.raises(ValueError):
        frontend_cache_from_env(env_from({"FRONTEND_CACHE_BACKEND": "akamai"}))
    with pytest.raises(KeyError):
        frontend_cache_from_env(env_from({"FRONTEND_CACHE_BACKEND": "cloudflare"}))
