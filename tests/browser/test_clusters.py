"""Visitor journeys through the clusters in Chromium: filter the overview with the keyboard and
no JavaScript needed, open a cluster, and use the home page's quote slider (previous/next,
arrow keys, rotation that can be paused)."""

from playwright.sync_api import expect


def test_visitor_filters_the_clusters_and_opens_one(
    page, new_page, live_server, demo_content, third_party_requests, page_errors, save_screenshot
):
    page.goto(live_server.url + "/de/cluster/")
    cards = page.locator(".cluster-cards .page-card__title a")
    expect(cards).to_have_count(8)

    page.locator("select[name=kind]").select_option("micro")
    page.locator("select[name=state]").select_option("TH")
    page.locator("form.cluster-filter button[type=submit]").press("Enter")

    page.wait_for_url("**/de/cluster/?kind=micro&state=TH&sector=")
    expect(cards).to_have_count(1)
    expect(cards.first).to_have_text("Optoelektronik Jena")
    save_screenshot(page, "clusters-filtered-de.png")

    # A shared link with a broken value still works and says what it ignored.
    page.goto(live_server.url + "/de/cluster/?state=XX&kind=micro")
    expect(page.locator(".list-notices[role=status] li")).to_have_count(1)
    expect(cards).to_have_count(3)

    cards.first.click()
    expect(page.locator("h1")).to_have_text("Optoelektronik Jena")
    expect(page.locator("meta[property='og:title']")).to_have_attribute(
        "content", "Optoelektronik Jena"
    )
    expect(page.locator(".cluster-quotes figure.quote")).to_have_count(1)
    save_screenshot(page, "cluster-page-de.png")
    assert third_party_requests == []
    assert page_errors == []

    # The filter form is a plain GET form: it works with JavaScript switched off.
    no_js = new_page(java_script_enabled=False)
    no_js.goto(live_server.url + "/de/cluster/")
    no_js.locator("select[name=sector]").select_option("mikroelektronik")
    no_js.locator("form.cluster-filter button[type=submit]").click()
    no_js.wait_for_url("**sector=mikroelektronik")
    expect(no_js.locator(".cluster-cards .page-card__title a")).to_have_text(
        ["Mikroelektronik Dresden"]
    )


def test_quote_slider_works_with_buttons_keyboard_and_pause(
    page, live_server, demo_content, third_party_requests, page_errors, save_screenshot
):
    page.goto(live_server.url + "/en/")
    slider = page.locator(".home-quotes [data-quote-slider]")
    slides = slider.locator(".quote-list > li")
    expect(slides).to_have_count(4)
    expect(slider).to_have_attribute("aria-roledescription", "carousel")
    status = slider.locator(".quote-slider__status")
    expect(status).to_have_text("Quote 1 of 4")
    expect(slides.nth(0)).to_be_visible()
    expect(slides.nth(1)).to_be_hidden()

    slider.get_by_role("button", name="Next quote").click()
    expect(status).to_have_text("Quote 2 of 4")
    expect(slides.nth(1)).to_be_visible()

    # Arrow keys move while focus is in the slider; End jumps to the last quote.
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text("Quote 3 of 4")
    page.keyboard.press("End")
    expect(status).to_have_text("Quote 4 of 4")
    page.keyboard.press("ArrowRight")
    expect(status).to_have_text("Quote 1 of 4")

    # Nothing rotates by itself; rotation is started and paused with the same button.
    rotate = slider.locator(".quote-slider__rotate")
    expect(rotate).to_have_attribute("aria-pressed", "false")
    rotate.click()
    expect(rotate).to_have_attribute("aria-pressed", "true")
    expect(rotate).to_have_text("Stop rotating")
    rotate.click()
    expect(rotate).to_have_attribute("aria-pressed", "false")
    save_screenshot(page, "home-quotes-en.png", full_page=False)
    assert third_party_requests == []
    assert page_errors == []
