"""Visitor journeys through the portal in a real browser (Chromium via Playwright).

Each journey runs against pytest-django's live server with the demo content of the same
management command `make run` uses (`demo_content` in conftest.py), so what a visitor sees
locally is what is tested.
"""

import re
from urllib.parse import urlsplit

from playwright.sync_api import expect

PHONE = {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True}


def track_documents(page):
    """Record the main frame's document responses (redirects included), in order."""
    documents = []

    def record(response):
        if response.request.is_navigation_request() and response.frame == page.main_frame:
            documents.append(response)

    page.on("response", record)
    return documents


def path_of(url):
    return urlsplit(url).path


def test_visitor_switches_to_english_and_opens_the_commercial_sites(
    page, live_server, demo_content, third_party_requests, page_errors, save_screenshot
):
    documents = track_documents(page)

    # `/` sends a German browser to the German home page.
    response = page.goto(live_server.url + "/")
    assert response.status == 200
    assert path_of(page.url) == "/de/"
    assert [path_of(r.url) for r in documents] == ["/", "/de/"]
    assert 300 <= documents[0].status < 400
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.locator("h1")).to_have_count(1)
    # Desktop: the navigation is shown, the mobile menu button is not.
    expect(page.locator("button.menu-toggle")).to_be_hidden()
    expect(page.locator("#site-navigation")).to_be_visible()
    page.wait_for_load_state("load")
    save_screenshot(page, "home-de-desktop.png", docs_name="screenshot-home.png")

    # The language switcher leads to the English home page.
    english = page.locator("nav.language-switcher a[hreflang=en]")
    expect(english).to_have_accessible_name(re.compile(r"\bEnglish\b"))
    english.click()
    page.wait_for_url(re.compile(r"/en/$"))
    assert path_of(page.url) == "/en/"
    assert documents[-1].status == 200
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("nav.language-switcher a[hreflang=en]")).to_have_attribute(
        "aria-current", "true"
    )

    # The pool box of the commercial sites links to their list, in English.
    pool = page.locator("section.home-pool")
    expect(pool).to_be_visible()
    # "List" plus the visually hidden ": Commercial sites"; Chromium may put a space before
    # the colon because the hidden span is absolutely positioned (rendered as a block).
    sites_list = pool.get_by_role("link", name=re.compile(r"^List\s*:\s*Commercial sites$"))
    expect(sites_list).to_be_visible()
    expect(sites_list).to_contain_text("List")
    sites_list.click()
    page.wait_for_url(re.compile(r"/en/.+/$"))
    page.wait_for_load_state("load")

    assert documents[-1].url == page.url
    assert documents[-1].status == 200
    assert path_of(page.url).startswith("/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text("Commercial sites")

    assert third_party_requests == [], "the pages asked third-party hosts for resources"
    assert page_errors == [], "JavaScript errors on the pages"


def test_keyboard_user_skips_to_the_main_content(page, live_server, demo_content, page_errors):
    page.goto(live_server.url + "/de/")
    page.wait_for_load_state("load")

    page.keyboard.press("Tab")
    skip_link = page.locator(":focus")
    expect(skip_link).to_have_attribute("href", "#main")
    expect(skip_link).to_have_accessible_name("Zum Hauptinhalt springen")
    # Hidden off-screen until focused, then shown.
    expect(skip_link).to_be_in_viewport()

    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#main$"))
    expect(page.locator("main#main")).to_be_focused()
    assert page_errors == []


def test_mobile_menu_opens_and_closes(
    new_page, live_server, demo_content, third_party_requests, page_errors, save_screenshot
):
    page = new_page(**PHONE)
    page.goto(live_server.url + "/de/")
    page.wait_for_load_state("load")

    toggle = page.locator("button.menu-toggle")
    navigation = page.locator("#site-navigation")
    menu_links = page.locator("nav.main-menu a")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_accessible_name("Menü")
    expect(toggle).to_have_attribute("aria-controls", "site-navigation")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()
    expect(menu_links.first).to_be_hidden()

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(navigation).to_be_visible()
    assert menu_links.count() > 0, "the demo content has no main menu entries"
    for link in menu_links.all():
        expect(link).to_be_visible()
    save_screenshot(page, "menu-de-mobile.png", full_page=False)

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(navigation).to_be_hidden()
    expect(toggle).to_be_focused()

    assert third_party_requests == []
    assert page_errors == []


def test_harness_blocks_and_records_third_party_requests(
    new_page, live_server, third_party_requests
):
    """The "no third-party request" assertions above would pass vacuously if the guard broke."""
    # The site's Content-Security-Policy would block the request before the harness sees it.
    page = new_page(bypass_csp=True)
    page.goto(live_server.url + "/de/")
    with page.expect_event("requestfailed") as failed:
        page.evaluate(
            "() => { const img = new Image(); img.src = 'https://tracker.example/pixel.gif';"
            " document.body.append(img); }"
        )
    assert failed.value.url == "https://tracker.example/pixel.gif"
    assert third_party_requests == ["https://tracker.example/pixel.gif"]
