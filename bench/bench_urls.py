"""The project's URLs plus `/bench/bare/`, for the benchmark servers only (bench_settings.py).

The bare view returns a fixed 30 KB HTML page without a template, a database query or a
cache lookup, through the same middleware as every page: the ceiling a cached page can
approach on the same machine in the same run.
"""

from django.http import HttpResponse
from django.urls import path

from cms.urls import handler500
from cms.urls import urlpatterns as project_urlpatterns

_PARAGRAPH = (
    "<p>Die Metropolregion Mitteldeutschland verbindet Städte, Landkreise und Unternehmen "
    "in Sachsen, Sachsen-Anhalt und Thüringen.</p>\n"
)
BARE_PAGE = (
    '<!doctype html>\n<html lang="de"><head><meta charset="utf-8"><title>Bench</title></head>'
    "<body><main>\n"
    + _PARAGRAPH * (30 * 1024 // len(_PARAGRAPH.encode()))
    + "</main></body></html>\n"
).encode()


def bare(request):
    return HttpResponse(BARE_PAGE, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/", bare, name="bench_bare"), *project_urlpatterns]

__all__ = ["handler500", "urlpatterns"]
