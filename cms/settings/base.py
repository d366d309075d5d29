"""Settings shared by every environment.

Configuration comes from the environment through django-environ; `dev`, `test` and
`production` only change what differs. The parts that extend these settings (deploy,
security, seo) are composed with them in `common.py`; this module imports none of them and
no app code. The embedded defaults (SQLite, local-memory cache, media on disk) let the
portal run on a fresh machine with no service configured.
"""

from pathlib import Path

from django.conf import global_settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import environ

from .frontend_cache import frontend_cache_from_env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

env = environ.Env()
# A `.env` file in the checkout is read if present; real environment variables win.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])

# Application definition

INSTALLED_APPS = [
    # Project apps first so their templates and translations take precedence; listed from
    # the top layer down (docs/architecture.md). The demo content comes first: it imports the
    # apps below and none imports it.
    "demo",
    "home",
    "clusters",
    "locations",
    "events",
    "search",
    "editorial",
    "translations",
    "pagecache",
    "seo",
    "listings",
    "quotes",
    "portal",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtailgeowidget",
    "modelcluster",
    "taggit",
    "django_filters",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Activates the language from the /de/ or /en/ URL prefix (and redirects `/`).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Serves anonymous GETs of public pages from the cache (pagecache/middleware.py).
    "pagecache.middleware.PageCacheMiddleware",
    # Wagtail's Site for the request from the layout cache: one query less on every page.
    "pagecache.middleware.CachedSiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Admin forms that arrive incomplete (a StreamField without its count, an unreadable
    # number) are answered with a 400 page instead of a server error (editorial/middleware.py).
    "editorial.middleware.MalformedFormMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: SQLite in the checkout unless DATABASE_URL names another one
# (postgres://user@host:5432/name for production).
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL names Redis (redis://127.0.0.1:6379/1).
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://portal"),
}
if CACHES["default"]["BACKEND"].endswith("LocMemCache"):
    # The page cache keeps a purge marker per edited object; Django's default of 300 entries
    # would cull Wagtail's own entries (site root paths) after a few hundred edits.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 10_000)
# Wagtail writes every rendition it hands out to the "renditions" cache and reads it from
# there only when a page did not prefetch it. A dummy cache spares a Redis write per image on
# every render; a per-process memory cache would keep deleted renditions in the other
# processes (Wagtail purges only its own), so their pages would point at deleted files.
CACHES["renditions"] = env.cache("RENDITION_CACHE_URL", default="dummycache://")
for _cache in CACHES.values():
    if _cache["BACKEND"].startswith("django_redis"):
        # A cache outage must degrade to uncached pages, never to a server error.
        _cache.setdefault("OPTIONS", {}).setdefault("IGNORE_EXCEPTIONS", True)

# Page cache (pagecache/, docs/caching.md): seconds an anonymous visitor's page stays cached;
# 0 switches it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Seconds the layout every page shares (site, brand, main menu, footer) stays cached between
# renders, purged by the same tags (pagecache/fragments.py); 0 switches it off.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=600)
# The layout fragments of every page, looked up together with the Site in one cache call.
PAGECACHE_LAYOUT_FRAGMENTS = "portal.templatetags.portal_tags.layout_fragments"

# CDN purge through wagtail.contrib.frontend_cache, configured by FRONTEND_CACHE_BACKEND
# (cloudflare|cloudfront|http) and its keys. The app stays out of INSTALLED_APPS: the page
# cache purges the pages that show an edited object, not only the object's own page.
WAGTAILFRONTENDCACHE = frontend_cache_from_env(env)
# The page cache sends each language's exact URLs; else Wagtail repeats every URL per language.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# Scopes applied to every translatable snippet's admin views (portal/viewsets.py): each group
# edits only the snippets of its locales.
PORTAL_SNIPPET_SCOPES = ["editorial.viewsets.LocaleScope"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: German is the source language, English the first translation.
# Adding a language is configuration only: list its code in PORTAL_LANGUAGES (for example
# "de,en,pl") and run `manage.py migrate` (which creates its Locale) and
# `manage.py setup_editorial_roles` (its translator group); see README "Adding a language".
LANGUAGE_CODE = "de"
PORTAL_LANGUAGES = env.list("PORTAL_LANGUAGES", default=["de", "en"])
_django_language_names = dict(global_settings.LANGUAGES)
_unknown_languages = [code for code in PORTAL_LANGUAGES if code not in _django_language_names]
if _unknown_languages or LANGUAGE_CODE not in PORTAL_LANGUAGES:
    raise ImproperlyConfigured(
        f"PORTAL_LANGUAGES must list {LANGUAGE_CODE!r} and codes Django knows; "
        f"unknown: {', '.join(_unknown_languages) or 'none'}"
    )
# Django's own catalogues translate these names ("Polish" is "Polnisch" and "polski").
LANGUAGES = [(code, _(_django_language_names[code])) for code in PORTAL_LANGUAGES]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_NAME = "portal_language"

# Static files and media

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editors can exceed Django's default of 1000 fields on large StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail

WAGTAIL_SITE_NAME = "Metropolregion Mitteldeutschland"
# No avatars from gravatar.com and no release check against wagtail.org: the admin, too,
# makes no request to a third party (its CSP would block them anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
# One search backend per language (see search/backends.py): on PostgreSQL each indexes its
# locale's pages with that language's stemming; "default" also takes everything without a locale.
# A language PostgreSQL has no stemmer for is indexed with the "simple" configuration.
SEARCH_CONFIGS = {"de": "german", "en": "english", "fr": "french", "it": "italian"}
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backends",
        "LOCALE": LANGUAGE_CODE,
        "SEARCH_CONFIG": SEARCH_CONFIGS[LANGUAGE_CODE],
        "INDEX_OTHER": True,
    },
    **{
        code: {
            "BACKEND": "search.backends",
            "LOCALE": code,
            "SEARCH_CONFIG": SEARCH_CONFIGS.get(code, "simple"),
        }
        for code in PORTAL_LANGUAGES
        if code != LANGUAGE_CODE
    },
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
# A workflow approval publishes the approved revision; being an approver is the authority,
# so translators can approve translations without the publish permission (docs/roles.md).
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"

# wagtail-localize: translations follow their German source until a translator changes them.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"

# Machine translation for draft translations: DeepL when an API key is configured, else a
# local backend that only marks text ("[EN] …") and never leaves the machine.
DEEPL_API_KEY = env("DEEPL_API_KEY", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "translations.machine.MarkerTranslator",
        "OPTIONS": {},
    }

# wagtailgeowidget: Leaflet with OpenStreetMap, centred on the region (not Stockholm),
# and no geocoder unless one is configured.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 51.34, "lng": 12.375}
GEO_WIDGET_ZOOM = 8
GEO_WIDGET_LEAFLET_TILE_LAYER = env(
    "MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png"
)
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {
    "attribution": "&copy; OpenStreetMap contributors",
    "maxZoom": 19,
}

# The public site's map tiles; loaded in the visitor's browser only after consent.
MAP_TILE_URL = GEO_WIDGET_LEAFLET_TILE_LAYER
MAP_TILE_ATTRIBUTION = "© OpenStreetMap contributors"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # One line per search-index task and per published page drowns out what matters.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
    },
}
