"""Relevance table: on the demo content (`manage.py load_demo_content`), these searches must
put one of the named pages first. PostgreSQL only: the table relies on German and English
stemming ("Chemieparks" → "Chemiepark", "logistics halls" → "hall").

The demo content is loaded once inside the test (about half a minute), and every row is
checked so that a failure lists all rows that went wrong, not only the first.
"""

from django.core.management import call_command

import pytest

from .conftest import on_postgres, result_titles, search_url

pytestmark = [pytest.mark.django_db, on_postgres]

# (language, query, titles of which one must come first)
RELEVANCE_TABLE = [
    ("de", "Wasserstoff", {"Wasserstoff-Dialog Mitteldeutschland"}),
    ("de", "Clustern", {"Cluster in Mitteldeutschland", "Entwicklung und Effekte von Clustern"}),
    ("de", "Chemieparks", {"Chemiepark Bitterfeld-Wolfen, Areal A"}),
    ("de", "Leuna", {"Chemiestandort Leuna", "Bioökonomie Leuna"}),
    ("de", "Bioökonomie", {"Bioökonomie Leuna"}),
    ("de", "Mikroelektronik", {"Mikroelektronik Dresden"}),
    ("de", "Optik", {"Wissenschaftsforum Optik"}),
    ("de", "Logistikhallen", {"Logistikhalle Star Park", "Logistikhalle Leipzig-Nord"}),
    ("de", "Radverkehrskonferenz", {"6. Radverkehrskonferenz", "Radverkehrskonferenz 2027"}),
    ("de", "Automobilindustrie", {"Automotive"}),
    ("de", "Solartechnik", {"Energie/Umwelt/Solarwirtschaft"}),
    ("de", "Espenhain", {"Industriepark Espenhain"}),
    ("de", "Impressum", {"Impressum"}),
    ("de", "Datenschutz", {"Datenschutz"}),
    ("de", "Barrierefreiheit", {"Erklärung zur Barrierefreiheit"}),
    ("de", "Magdeburger Hafen", {"Hafenhalle Magdeburg"}),
    ("de", "Güterverkehrszentrum", {"Güterverkehrszentrum Erfurt"}),
    ("de", "Biotechnologie", {"Life Sciences"}),
    ("de", "Preisverleihung", {"IQ Innovationspreis Mitteldeutschland 2027: Preisverleihung"}),
    ("de", "Schwimmcup", {"Mitteldeutscher Schwimmcup"}),
    ("en", "hydrogen", {"Central Germany hydrogen dialogue"}),
    ("en", "clusters", {"Development and effects of clusters", "Clusters in Central Germany"}),
    ("en", "Leuna", {"Bioeconomy Leuna", "Leuna chemical site"}),
    ("en", "bioeconomy", {"Bioeconomy Leuna"}),
    ("en", "microelectronics", {"Microelectronics Dresden"}),
    ("en", "optics", {"Optics science forum"}),
    ("en", "logistics halls", {"Star Park logistics hall", "Leipzig-Nord logistics hall"}),
    ("en", "imprint", {"Imprint"}),
    ("en", "privacy", {"Privacy"}),
    ("en", "accessibility", {"Accessibility statement"}),
    ("en", "automotive", {"Automotive"}),
    ("en", "freight village", {"Erfurt freight village"}),
    ("en", "biotechnology", {"Life sciences"}),
    ("en", "power station", {"Espenhain Industrial Park"}),
    ("en", "award ceremony", {"IQ Innovation Prize Central Germany 2027: award ceremony"}),
    ("en", "swimming", {"Central German swimming cup"}),
]


def test_the_table_is_large_enough():
    assert len(RELEVANCE_TABLE) >= 25
    assert {row[0] for row in RELEVANCE_TABLE} == {"de", "en"}


def test_relevance_table_on_the_demo_content(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo_content", verbosity=0)

    wrong = []
    for language, query, expected in RELEVANCE_TABLE:
        titles = result_titles(client.get(search_url(language), {"q": query}))
        if not titles or titles[0] not in expected:
            wrong.append(f"{language} {query!r}: {titles[:3]} (expected one of {expected})")
    assert not wrong, "\n".join(wrong)
