"""The header's search box in a real browser: autocomplete suggestions chosen with the
keyboard, and the plain search form without JavaScript.
"""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from home.factories import StandardPageFactory


def test_visitor_picks_an_autocomplete_suggestion_with_the_keyboard(
    page, live_server, home_page, third_party_requests, page_errors
):
    StandardPageFactory(parent=home_page, title="Wasserstoffnetzwerk Leuna", slug="wasserstoff")
    StandardPageFactory(parent=home_page, title="Wasserversorgung", slug="wasser")
    page.goto(live_server.url + "/de/")

    box = page.locator("#header-search-input")
    expect(box).to_have_attribute("role", "combobox")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially("Wassers", delay=30)

    listbox = page.get_by_role("listbox")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    expect(listbox.get_by_role("option")).to_have_count(1)
    expect(page.locator(".header-search [role=status]")).to_contain_text("1")

    box.press("ArrowDown")
    option = listbox.get_by_role("option").first
    expect(option).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", option.get_attribute("id"))
    box.press("Enter")

    page.wait_for_url("**/de/wasserstoff/")
    assert urlsplit(page.url).path == "/de/wasserstoff/"
    assert third_party_requests == []
    assert page_errors == []


def test_escape_closes_and_enter_submits_the_plain_search(
    page, live_server, home_page, page_errors
):
    StandardPageFactory(parent=home_page, title="Wasserstoffnetzwerk Leuna", slug="wasserstoff")
    page.goto(live_server.url + "/de/")

    box = page.locator("#header-search-input")
    box.press_sequentially("Leuna", delay=30)
    expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    expect(page.get_by_role("listbox")).to_be_hidden()
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press("Enter")

    page.wait_for_url("**/de/*/?q=Leuna")
    expect(page.locator(".search-result__title a")).to_have_text(["Wasserstoffnetzwerk Leuna"])
    assert page_errors == []


def test_search_works_without_javascript(browser, live_server, home_page):
    StandardPageFactory(parent=home_page, title="Wasserstoffnetzwerk Leuna", slug="wasserstoff")
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    try:
        page = context.new_page()
        page.goto(live_server.url + "/de/")
        box = page.locator("#header-search-input")
        assert box.get_attribute("role") is None  # no combobox promise without the script
        box.fill("Leuna")
        box.press("Enter")
        page.wait_for_load_state()
        expect(page.locator(".search-result__title a")).to_have_text(["Wasserstoffnetzwerk Leuna"])
    finally:
        context.close()
