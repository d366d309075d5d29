"""The strict Content-Security-Policy breaks nothing a visitor does.

On the demo site: the home page, a cluster page (quote slider), the location map after the
consent click (Leaflet, marker clusters, the GeoJSON feed; the tiles themselves are blocked by
the harness), and the search autocomplete. No CSP violation may be reported (neither as a
`securitypolicyviolation` event nor as a console message) and no script may fail.
"""

from playwright.sync_api import expect

from clusters.models import ClusterPage
from locations.models import LocationIndexPage

# Collects the page's violation reports; runs before any of the page's own scripts.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`
    );
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations")


def test_visitor_journey_under_the_policy(page, live_server, demo_content, page_errors):
    console = []
    page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text or message.type == "error"
            else None
        ),
    )
    page.add_init_script(LISTEN)
    cluster = ClusterPage.objects.live().filter(locale__language_code="de").first()
    pool = LocationIndexPage.objects.live().filter(locale__language_code="de").first()

    response = page.goto(live_server.url + "/de/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert violations(page) == []

    page.goto(live_server.url + cluster.url)
    expect(page.locator("h1")).to_be_visible()
    assert violations(page) == []

    page.goto(live_server.url + pool.url + "karte/")
    page.locator("[data-map-consent-accept]").first.click()
    expect(page.locator("[data-map-canvas]").first).to_be_visible()
    # map.js marks the map when the feed's places are on it.
    ready = page.locator("[data-location-map][data-map-ready]").first
    expect(ready).to_be_attached()
    assert ready.get_attribute("data-map-ready") not in ("", "error", "0")
    assert violations(page) == []

    page.goto(live_server.url + "/de/")
    box = page.locator("#header-search-input")
    box.press_sequentially("Leip", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    assert violations(page) == []

    # Tiles from the third-party host are aborted by the harness: that is a network error
    # in the console, not a policy violation.
    csp_messages = [text for text in console if "Content Security Policy" in text]
    assert csp_messages == []
    assert page_errors == []
