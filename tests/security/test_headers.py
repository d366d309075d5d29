"""Security headers on public pages (also page-cache hits), the admin and documents."""

from django.core.files.base import ContentFile
from django.urls import reverse

import wagtail_factories

import pytest

from home.factories import StandardPageFactory


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


@pytest.mark.django_db
def test_public_page_has_strict_policy_on_miss_and_hit(client, home_page, settings):
    settings.PAGE_CACHE_SECONDS = 600
    page = StandardPageFactory(parent=home_page)

    first = client.get(page.url)
    second = client.get(page.url)

    assert (first["X-Cache"], second["X-Cache"]) == ("MISS", "HIT")
    for response in (first, second):
        policy = directives(response)
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "'unsafe-inline'" not in response["Content-Security-Policy"]
        assert "https://tile.openstreetmap.org" in policy["img-src"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert "camera=()" in response["Permissions-Policy"]
        assert "microphone=()" in response["Permissions-Policy"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
        assert response["X-Frame-Options"] == "DENY"
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    # One header each: the hit replays the stored page without a stored policy.
    assert len(second.headers.get("Content-Security-Policy").split("default-src")) == 2


@pytest.mark.django_db
def test_admin_has_its_own_policy(client):
    response = client.get(reverse("wagtailadmin_login"))

    policy = directives(response)
    assert response.status_code == 200
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@pytest.mark.django_db
def test_documents_keep_wagtails_sandboxing_policy(client):
    document = wagtail_factories.DocumentFactory(
        file=ContentFile(b"Name;Wert\nA;1\n", name="liste.csv")
    )

    response = client.get(document.url)

    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_svg_is_not_an_allowed_image_type(settings):
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert settings.WAGTAILDOCS_INLINE_CONTENT_TYPES == ["application/pdf"]


@pytest.mark.django_db
def test_policy_built_once_equals_django_csps_and_follows_per_view_changes(client, home_page):
    """The header kept per policy (cms/security.py) is django-csp's, and a view that changes
    the policy of its own response still gets its own header."""
    from django.http import HttpResponse
    from django.test import RequestFactory

    from csp.middleware import CSPMiddleware

    from cms.security import SecurityHeadersMiddleware

    def view(request):
        return HttpResponse("ok")

    def view_with_update(request):
        response = HttpResponse("ok")
        response._csp_update = {"img-src": ["https://images.example.org"]}
        return response

    ours = SecurityHeadersMiddleware(view)
    request = RequestFactory().get("/de/")
    first, second = ours(request), ours(RequestFactory().get("/de/"))
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    reference = CSPMiddleware(view)
    reference.get_policy_parts = ours.get_policy_parts
    assert (
        reference(RequestFactory().get("/de/"))["Content-Security-Policy"]
        == (first["Content-Security-Policy"])
    )
    updated = SecurityHeadersMiddleware(view_with_update)(RequestFactory().get("/de/"))
    assert "https://images.example.org" in directives(updated)["img-src"]
    assert "https://images.example.org" not in directives(ours(request))["img-src"]
