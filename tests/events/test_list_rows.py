"""The fast list: plain-value rows, the cached filter form and the cached city choices.

The list and the archive print rows built in Python (listings.rows.Row, made by
events.views.event_rows) instead of rendering every occurrence through the former include
`events/includes/event_item.html` (`{% pageurl %}`, `{% occurrence_label %}`, date filters,
`truncatewords`). These tests render the former template with the model instances and require
the same HTML, in German and in English, for every kind of row.
"""

import datetime as dt
import re
from itertools import groupby

from django.db import connection
from django.db.models.signals import post_init
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

import pytest

from events import views
from events.factories import EventCategoryFactory, EventPageFactory, aware
from events.models import EventCategory, EventPage
from events.views import PER_PAGE, attach_categories
from listings.rows import Row

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _render_every_request(settings):
    """Every request renders (no page-cache hit); layout fragments stay on."""
    settings.PAGE_CACHE_SECONDS = 0


LIST = "/de/termine/"
ARCHIVE = "/de/termine/archiv/"

# The former includes/event_item.html, byte for byte.
FORMER_ITEM = Template(
    """{% load i18n wagtailcore_tags events_tags %}
{% with event=occurrence.event %}
<article class="event-item{% if event.status == 'cancelled' %} event-item--cancelled{% endif %}">
    <h3 class="event-item__title"><a href="{% pageurl event %}">{{ event.title }}</a></h3>
    <p class="event-item__meta">
        <time datetime="{% if event.all_day %}{{ occurrence.start|date:'Y-m-d' }}{% else %}{{ occurrence.start|date:'c' }}{% endif %}">{% occurrence_label occurrence.start occurrence.end event.all_day %}</time>{% if event.venue_name or event.city %}<span class="event-item__place"> · {% if event.venue_name %}{{ event.venue_name }}{% if event.city %}, {% endif %}{% endif %}{{ event.city }}</span>{% endif %}{% if event.online_url and not event.venue_name %}<span class="event-item__place"> · {% translate "Online" %}</span>{% endif %}
    </p>
    {% if event.status != "scheduled" %}<p class="event-item__status"><strong>{{ event.get_status_display }}</strong></p>{% endif %}
    {% if event.summary %}<p class="event-item__summary">{{ event.summary|truncatewords:40 }}</p>{% endif %}
    {% if event.display_categories %}
    <ul class="event-categories" role="list" aria-label="{% translate 'Categories' %}">
        {% for category in event.display_categories %}<li>{{ category.name }}</li>{% endfor %}
    </ul>
    {% endif %}
</article>
{% endwith %}
"""  # noqa: E501
)

# The groups of the former event_index_page.html, which included the item per occurrence.
FORMER_GROUPS = Template(
    """{% for group in groups %}
        <h3 class="events-month">{{ group.month|date:"YEAR_MONTH_FORMAT" }}</h3>
        <ol class="event-list" role="list">
            {% for occurrence in group.occurrences %}
            <li>{% include item %}</li>
            {% endfor %}
        </ol>
        {% endfor %}"""
)

# The former includes/filter_form.html read the form of the filter set.
FORMER_FORM = Template(
    """{% load i18n %}
{# A plain GET form: filters live in the URL, so results can be bookmarked and shared. #}
<form class="events-filters" method="get" action="{{ form_action }}" role="search" aria-labelledby="events-filters-heading">
    <h2 id="events-filters-heading" class="events-filters__heading">{% translate "Filter events" %}</h2>
    <div class="events-filters__fields">
        {% for field in filterset.form %}
        <div class="events-filters__field events-filters__field--{{ field.name }}">
            <label for="{{ field.id_for_label }}">{{ field.label }}</label>
            {{ field }}
            {% if field.help_text %}<small id="{{ field.id_for_label }}-help" class="events-filters__help">{{ field.help_text }}</small>{% endif %}
        </div>
        {% endfor %}
    </div>
    <p class="events-filters__actions">
        <button type="submit" class="button">{% translate "Apply filters" %}</button>
        <a class="button button--secondary" href="{{ form_action }}">{% translate "Reset filters" %}</a>
    </p>
</form>
"""  # noqa: E501
)


def list_groups(html):
    """The month headings and lists of the results, as printed."""
    start = html.index('<h3 class="events-month">')
    end = html.rindex("</ol>") + len("</ol>")
    return html[start:end]


def former_groups(response, index_page, language, path):
    """The groups as the former templates rendered them from the listed occurrences."""
    rows = [row for group in response.context["groups"] for row in group["occurrences"]]
    assert rows, "nothing listed"
    with translation.override(language):
        by_key = {(o.event_id, o.start): o for o in index_page.occurrences()}
        items = [by_key[(row.event_id, row.local_start)] for row in rows]
        attach_categories(items, EventCategory.for_display())
        groups = [
            {"month": month, "occurrences": list(group)}
            for month, group in groupby(items, key=lambda o: o.local_start.date().replace(day=1))
        ]
        html = FORMER_GROUPS.render(
            Context({"groups": groups, "item": FORMER_ITEM, "request": RequestFactory().get(path)})
        )
    return list_groups(html)


def assert_former_rows(response, index_page, language, path):
    assert response.status_code == 200
    html = response.content.decode()
    assert list_groups(html) == former_groups(response, index_page, language, path)


@pytest.fixture
def varied_events(index_page, categories, future):
    """Events with every kind of row: status, all-day, place, online, summary, categories."""
    status = EventPage.Status
    long_summary = " ".join(f"Wort{number}" for number in range(55))
    events = [
        EventPageFactory(
            parent=index_page,
            title="Mit Kategorien",
            start=future,
            categories=[categories["sport"], categories["wirtschaft"], categories["kultur"]],
        ),
        EventPageFactory(
            parent=index_page, title="Abgesagt", start=future, status=status.CANCELLED
        ),
        EventPageFactory(
            parent=index_page,
            title="Verschoben",
            start=future + dt.timedelta(hours=1),
            status=status.POSTPONED,
        ),
        EventPageFactory(
            parent=index_page,
            title="Online verlegt",
            start=future + dt.timedelta(days=1),
            status=status.MOVED_ONLINE,
            venue_name="",
            city="",
            online_url="https://example.org/stream",
        ),
        EventPageFactory(
            parent=index_page,
            title="Hybrid",
            start=future + dt.timedelta(days=1),
            online_url="https://example.org/stream",
        ),
        EventPageFactory(
            parent=index_page,
            title="Nur Ort",
            start=future + dt.timedelta(days=2),
            venue_name="",
            city="Halle (Saale)",
        ),
        EventPageFactory(
            parent=index_page,
            title="Nur Saal",
            start=future + dt.timedelta(days=2),
            city="",
            summary=" ",
        ),
        EventPageFactory(
            parent=index_page,
            title="Ganztägig",
            start=future + dt.timedelta(days=3),
            end=future + dt.timedelta(days=3),
            all_day=True,
        ),
        EventPageFactory(
            parent=index_page,
            title="Mehrere Tage ganztägig",
            start=future + dt.timedelta(days=4),
            end=future + dt.timedelta(days=6),
            all_day=True,
            summary=long_summary,
        ),
        EventPageFactory(
            parent=index_page,
            title="Über Nacht",
            start=future + dt.timedelta(days=5, hours=10),
            end=future + dt.timedelta(days=6, hours=2),
        ),
        EventPageFactory(
            parent=index_page,
            title="<b>Tom & Jerry</b>",
            start=future + dt.timedelta(days=40),
            summary="Zeichen: <>&\"' und  Leerzeichen\nZeilen",
            venue_name='Saal <1> & "2"',
            city="Ort 'A'",
            categories=[categories["wissenschaft"]],
        ),
        EventPageFactory(
            parent=index_page,
            title="Wöchentlich",
            start=future + dt.timedelta(days=41),
            recurrence="weekly",
            recurrence_until=(future + dt.timedelta(days=70)).date(),
        ),
    ]
    # Saved without validation (an import): no summary at all.
    EventPage.objects.filter(pk=events[-1].pk).update(summary="")
    return events


@pytest.fixture
def past_events(index_page, categories):
    return [
        EventPageFactory(
            parent=index_page,
            title=f"Vorbei {number}",
            start=aware(2020, 1 + number % 12, 1 + number, 10),
            status=EventPage.Status.CANCELLED if number % 3 == 0 else EventPage.Status.SCHEDULED,
            all_day=number % 4 == 0,
            categories=[categories["kultur"]] if number % 2 else [],
        )
        for number in range(PER_PAGE + 3)
    ]


def test_list_rows_are_the_former_rows(client, index_page, varied_events):
    response = client.get(LIST)
    html = response.content.decode()
    assert 'href="/de/termine/mit-kategorien/"' in html
    assert "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;" in html
    assert "Wort39 …" in html and "Wort40" not in html
    assert_former_rows(response, index_page, "de", LIST)
    response = client.get(f"{LIST}?page=2")
    assert_former_rows(response, index_page, "de", LIST)


def test_archive_rows_are_the_former_rows(client, index_page, past_events):
    for path in (ARCHIVE, f"{ARCHIVE}?page=2", f"{ARCHIVE}?category=kultur"):
        assert_former_rows(client.get(path), index_page, "de", ARCHIVE)


@pytest.mark.parametrize(
    "query", ["?city=Leipzig", "?q=Ganz", "?category=sport", "?month=nonsense&city=Leipzig"]
)
def test_filtered_rows_are_the_former_rows(client, index_page, varied_events, query):
    assert_former_rows(client.get(f"{LIST}{query}"), index_page, "de", LIST)


def test_english_rows_are_the_former_rows(
    client, index_page, varied_events, categories, en_home_page, en_locale, translate
):
    english_index = translate(index_page, title="Events", slug="events")
    for event in varied_events:
        translate(event, title=f"{event.title} (en)")
    # One category translated, the others show their German names.
    sport = categories["sport"].copy_for_translation(en_locale)
    sport.name = "Sports"
    sport.save()
    response = client.get("/en/events/")
    html = response.content.decode()
    assert 'href="/en/events/' in html and "Cancelled" in html and "<li>Sports</li>" in html
    assert_former_rows(response, english_index, "en", "/en/events/")


def test_rows_are_plain_values(client, index_page, make_events):
    make_events(PER_PAGE + 5, start=timezone.now() + dt.timedelta(days=1))
    loaded = []

    def record(sender, instance, **kwargs):
        loaded.append(instance)

    post_init.connect(record, sender=EventPage)
    try:
        response = client.get(LIST)
    finally:
        post_init.disconnect(record, sender=EventPage)
    rows = [row for group in response.context["groups"] for row in group["occurrences"]]
    assert len(rows) == PER_PAGE
    assert all(isinstance(row, Row) for row in rows)
    assert loaded == []  # no event page is loaded as a model instance


@pytest.mark.parametrize(
    "path",
    [
        LIST,
        f"{LIST}?category=wirtschaft&city=Leipzig",
        "/de/termine/kalender/2099/01/",
        ARCHIVE,
        f"{ARCHIVE}?page=2",
    ],
)
def test_query_count_does_not_grow_with_the_events(
    client, django_assert_max_num_queries, make_events, categories, path
):
    """As in test_views, with a request after adding events to refresh the city choices,
    which adding an event purges (a fresh computation costs one more query)."""
    from events.models import EventCategoryLink

    def link_categories():
        EventCategoryLink.objects.bulk_create(
            [
                EventCategoryLink(
                    page=page, category=categories["wirtschaft"], locale_id=page.locale_id
                )
                for page in EventPage.objects.filter(category_links__isnull=True)
            ]
        )

    make_events(30, start=aware(2099, 1, 1, 10))
    make_events(30, start=aware(2001, 1, 1, 10))
    link_categories()
    client.get(path)
    with django_assert_max_num_queries(40) as small:
        client.get(path)
    count = len(small.captured_queries)
    make_events(300, start=aware(2099, 1, 1, 10))
    make_events(100, start=aware(2001, 1, 1, 10))
    link_categories()
    client.get(path)
    with django_assert_max_num_queries(count) as large:
        client.get(path)
    assert len(large.captured_queries) == count


# The filter form


def filter_form(response):
    html = response.content.decode()
    start = '<form class="events-filters"'
    return start + html.split(start, 1)[1].split("</form>", 1)[0] + "</form>\n"


def former_form(response, action):
    with translation.override("de"):
        return FORMER_FORM.render(
            Context({"filterset": response.context["filterset"], "form_action": action})
        )


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?city=Leipzig&category=sport",
        "?month=2099-13&q=Termin",
        "?from_date=2099-02-01&to_date=2099-01-01&state=SN",
        "?from_date=01.01.2099&q=%3Cb%3E",
    ],
)
@pytest.mark.parametrize("path", [LIST, ARCHIVE, "/de/termine/kalender/2099/01/"])
def test_cached_filter_form_is_the_former_form(client, varied_events, settings, query, path):
    views._filter_forms.clear()
    first = filter_form(client.get(f"{path}{query}"))
    response = client.get(f"{path}{query}")
    assert filter_form(response) == first
    action = "/de/termine/kalender/2099/01/" if "kalender" in path else path
    former = former_form(response, action)
    assert former in response.content.decode()  # with the include's blank lines
    assert first == former.lstrip("\n")
    settings.DEBUG = True  # nothing is kept, so this is a fresh rendering
    views._filter_forms.clear()
    assert filter_form(client.get(f"{path}{query}")) == first
    assert not views._filter_forms


def test_filter_form_shows_each_request_its_own_input(client, varied_events):
    selected = '<option value="Halle (Saale)" selected>'
    assert selected in filter_form(client.get(f"{LIST}?city=Halle+%28Saale%29"))
    assert selected not in filter_form(client.get(LIST))
    assert selected not in filter_form(client.get(f"{LIST}?city=Leipzig"))
    assert 'value="Nacht"' in filter_form(client.get(f"{LIST}?q=Nacht"))
    assert 'value="Nacht"' not in filter_form(client.get(f"{LIST}?q=Tag"))
    # An ignored value is not shown in the form.
    assert 'value="2099-13"' not in filter_form(client.get(f"{LIST}?month=2099-13"))
    assert f'action="{ARCHIVE}"' in filter_form(client.get(ARCHIVE))
    assert f'action="{LIST}"' in filter_form(client.get(LIST))


def test_filter_form_follows_language_and_categories(
    client, index_page, varied_events, en_home_page, translate
):
    translate(index_page, title="Events", slug="events")
    german = filter_form(client.get(LIST))
    english = filter_form(client.get("/en/events/"))
    assert "Search text" in english and "Search text" not in german
    EventCategoryFactory(name="Neu im Programm", slug="neu")
    assert '<option value="neu">Neu im Programm</option>' in filter_form(client.get(LIST))


# The city choices


def city_options(response):
    form = filter_form(response)
    select = form.split('name="city"', 1)[1].split("</select>", 1)[0]
    return re.findall(r'<option value="([^"]*)"', select)[1:]


def distinct_city_queries(queries):
    return [q for q in queries if "DISTINCT" in q["sql"] and '"city"' in q["sql"]]


def test_city_choices_are_cached_across_requests(client, index_page, make_events, settings):
    make_events(2, start=timezone.now() + dt.timedelta(days=2))
    with CaptureQueriesContext(connection) as first:
        assert city_options(client.get(LIST)) == ["Leipzig"]
    with CaptureQueriesContext(connection) as second:
        assert city_options(client.get(ARCHIVE)) == ["Leipzig"]
        assert city_options(client.get("/de/termine/kalender/")) == ["Leipzig"]
    assert len(distinct_city_queries(first)) == 1
    assert not distinct_city_queries(second)


def test_city_choices_follow_every_change_at_once(client, index_page, make_events, settings):
    make_events(1, start=timezone.now() + dt.timedelta(days=2))
    assert city_options(client.get(LIST)) == ["Leipzig"]
    # A new event (published with add_child) in a new city.
    new = make_events(1, start=timezone.now() + dt.timedelta(days=3), city="Zeitz")[0]
    assert city_options(client.get(LIST)) == ["Leipzig", "Zeitz"]
    # Published with a changed city.
    new = EventPage.objects.get(pk=new.pk)
    new.city = "Altenburg"
    new.save_revision().publish()
    assert city_options(client.get(LIST)) == ["Altenburg", "Leipzig"]
    # A draft of a change is not shown.
    new.city = "Borna"
    new.save_revision()
    assert city_options(client.get(LIST)) == ["Altenburg", "Leipzig"]
    # Unpublished, published again, deleted.
    new.unpublish()
    assert city_options(client.get(LIST)) == ["Leipzig"]
    new = EventPage.objects.get(pk=new.pk)
    new.save_revision().publish()
    assert city_options(client.get(LIST)) == ["Borna", "Leipzig"]
    new.delete()
    assert city_options(client.get(LIST)) == ["Leipzig"]


def test_city_choices_are_per_index_page(client, index_page, make_events, home_page, settings):
    from events.factories import EventIndexPageFactory

    make_events(1, start=timezone.now() + dt.timedelta(days=2))
    other = EventIndexPageFactory(parent=home_page, slug="andere-termine")
    EventPageFactory(parent=other, city="Gera", start=timezone.now() + dt.timedelta(days=2))
    assert city_options(client.get(LIST)) == ["Leipzig"]
    assert city_options(client.get("/de/andere-termine/")) == ["Gera"]


def test_city_choices_purge_marks_event_lists(index_page, event):
    """Saving, publishing, unpublishing or deleting an event page bumps `list:events.eventpage`
    (pagecache.purge), the tag the cached city choices carry."""
    from pagecache import purge, tags

    tag_set, _urls = purge.page_tags([event])
    assert tags.list_tag("events.eventpage") in tag_set
