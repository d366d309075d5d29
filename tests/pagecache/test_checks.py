"""The page cache's system checks."""

from pagecache.checks import CACHED_SITE, PAGE_CACHE, check_middleware_order


def test_the_configured_middleware_order_passes():
    assert check_middleware_order() == []


def test_site_middleware_before_the_page_cache_is_an_error(settings):
    middleware = [name for name in settings.MIDDLEWARE if name != CACHED_SITE]
    middleware.insert(middleware.index(PAGE_CACHE), CACHED_SITE)
    settings.MIDDLEWARE = middleware

    errors = check_middleware_order()

    assert [error.id for error in errors] == ["pagecache.E001"]


def test_without_the_page_cache_there_is_nothing_to_check(settings):
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if name != PAGE_CACHE]
    assert check_middleware_order() == []
