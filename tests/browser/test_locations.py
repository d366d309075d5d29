"""The location map in a real browser: consent first, then clustered markers from the feed.

Tiles come from a stub tile server on 127.0.0.1 (`MAP_TILE_URL` points at it), so the test can
see that no tile is requested before the visitor agrees and that tiles load afterwards.
"""

import base64
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from locations.factories import LocationIndexPageFactory, LocationPageFactory
from portal.models import FederalState

# A transparent 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII="
)


@pytest.fixture
def tile_server():
    """A local tile server that answers every path with a PNG and records the paths."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's naming)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PNG)))
            self.end_headers()
            self.wfile.write(PNG)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    server.requests = requests
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def pool(live_server, settings, tile_server):
    settings.MAP_TILE_URL = f"http://127.0.0.1:{tile_server.server_port}/{{z}}/{{x}}/{{y}}.png"
    states = {state.code: state for state in FederalState.objects.all()}
    sites = LocationIndexPageFactory(kind="site", title="Gewerbeflächen", slug="gewerbeflaechen")
    # Six sites close together around Leipzig (one cluster) and one in Saxony-Anhalt.
    for number in range(6):
        LocationPageFactory(
            parent=sites,
            title=f"Gewerbegebiet Leipzig {number}",
            federal_state=states["SN"],
            latitude=51.34 + number * 0.004,
            longitude=12.37 + number * 0.004,
        )
    LocationPageFactory(
        parent=sites,
        title="Star Park Halle",
        city="Halle (Saale)",
        federal_state=states["ST"],
        latitude=51.474,
        longitude=12.075,
    )
    return sites


def test_visitor_accepts_the_map_filters_and_follows_a_popup(
    page, live_server, pool, tile_server, third_party_requests, page_errors, save_screenshot
):
    page.goto(live_server.url + "/de/gewerbeflaechen/karte/")
    consent = page.locator("[data-map-consent-accept]")
    expect(consent).to_be_visible()
    expect(consent).to_have_accessible_name(re.compile(r"Karte laden|Load map"))
    expect(page.locator(".location-map__consent")).to_contain_text("OpenStreetMap")
    # The list beside the map works before (and without) consent.
    expect(page.locator(".location-results tbody tr")).to_have_count(7)
    page.wait_for_load_state("networkidle")
    assert tile_server.requests == [], "tiles were requested before consent"
    assert page.locator(".leaflet-container").count() == 0

    consent.click()
    expect(page.locator(".marker-cluster").first).to_be_visible()
    expect(page.locator("[data-location-map]")).to_have_attribute("data-map-ready", "7")
    page.wait_for_load_state("networkidle")
    assert tile_server.requests, "no tile was loaded after consent"
    assert page.evaluate("window.localStorage.getItem('portal.mapConsent')") == "granted"
    save_screenshot(page, "locations-map-de.png")

    # Filter by state: a plain form submission; the map comes back without asking again.
    page.locator("input[name=state][value=ST]").check()
    page.locator(".location-filters button[type=submit]").click()
    page.wait_for_url(re.compile(r"state=ST"))
    expect(page.locator("[data-location-map]")).to_have_attribute("data-map-ready", "1")
    expect(page.locator(".location-results tbody tr")).to_have_count(1)
    expect(page.locator(".marker-cluster")).to_have_count(0)

    marker = page.locator(".leaflet-marker-icon").first
    expect(marker).to_have_attribute("title", "Star Park Halle")
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text("Star Park Halle")
    popup.locator("a.location-popup__link").click()
    page.wait_for_url(re.compile(r"/de/gewerbeflaechen/star-park-halle/$"))
    expect(page.locator("h1")).to_have_text("Star Park Halle")
    # The detail page's small map loads at once: consent is remembered.
    expect(page.locator(".location-map--small .leaflet-marker-icon")).to_be_visible()

    assert third_party_requests == []
    assert page_errors == []
