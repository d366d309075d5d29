"""One search request: the hits of one results page, in order, and the hits per type.

Order: relevance; when two hits are equally relevant, an upcoming event comes before a past
event or another page, then the newer page. The order is decided by the database over all
hits (not per results page), so it holds across pagination.

On PostgreSQL everything is one SQL statement: the matching index rows are ranked once, and
the same set gives both the requested results page and the hits per type (no second
full-text query for the facets or the paginator's count). German compounds are found by
their first part: "Wasserstoff" also matches "Wasserstoffnetzwerk" (a prefix match of the
stemmed word), ranked below pages with the word itself.

Other databases (SQLite in development) fetch every hit's id and score with the backend's
own search and order and count them in Python; without compound matching.

The view caches the outcome (ids, scores and counts, not the pages) for a minute per
language, query, type and offset; any page change makes it stale (search/cache.py).
"""

import functools
import operator
import re
from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import BooleanField, Case, CharField, F, Q, Value, When
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from modelsearch.query import PlainText
from modelsearch.utils import get_descendants_content_types_pks

from portal import search_types

from . import cache
from .results import OTHER_TYPE, TYPE_LABELS

# Terms of at least this many letters also match as the start of a longer word: German
# compounds ("Wasserstoff" → "Wasserstoffnetzwerk"). Shorter ones ("Gera", "Jena") would
# match unrelated words ("gerade").
COMPOUND_MIN_LENGTH = 5
# A page that only has a compound counts a tenth of one with the word itself.
COMPOUND_WEIGHT = 0.1
# Scores closer than this are "equally relevant" (float rounding of the rank sums).
SCORE_DIGITS = 6


@dataclass
class SearchOutcome:
    hits: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)  # type key → hits, for every type
    count: int = 0  # hits of the active type (all types when none is active)
    offset: int = 0

    @property
    def total(self):
        return sum(self.counts.values())


def page_path(model):
    """The lookup path from a Page row to the fields of `model`, a Page subclass
    ("eventpage__"): through the parent link of each table of the inheritance chain."""
    path = ""
    while model is not Page:
        parent, link = next(
            (parent, link) for parent, link in model._meta.parents.items() if link is not None
        )
        path = f"{link.related_query_name()}__{path}"
        model = parent
    return path


def on_page(condition, model):
    """`condition` (a Q on the fields of `model`) as a condition on Page rows."""
    path = page_path(model)
    return Q.create(
        [
            on_page(child, model) if isinstance(child, Q) else (path + child[0], child[1])
            for child in condition.children
        ],
        connector=condition.connector,
        negated=condition.negated,
    )


def type_expression():
    """The type filter key of a Page row, in SQL."""
    # ContentType lookups are cached by Django after the first request.
    whens = []
    for search_type in search_types.in_matching_order():
        model = search_type.model
        path = page_path(model)
        where = {path + name: value for name, value in search_type.where.items()}
        whens.append(
            When(
                content_type_id=ContentType.objects.get_for_model(model).pk,
                **where,
                then=Value(search_type.key),
            )
        )
    return Case(*whens, default=Value(OTHER_TYPE), output_field=CharField())


def upcoming_expression(now):
    """True for a page that is still ahead (an event that has not ended yet), in SQL."""
    conditions = {
        search_type.model: on_page(search_type.upcoming.condition(now), search_type.model)
        for search_type in search_types.registered()
        if search_type.upcoming is not None
    }
    if not conditions:
        return Value(False, output_field=BooleanField())
    return Case(
        When(functools.reduce(operator.or_, conditions.values()), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )


def run_search(pages, query, backend_name, active_type, offset, limit, cache_as=None):
    """The hits ``offset``..``offset + limit`` of ``query`` among ``pages`` (a Page queryset),
    restricted to ``active_type`` if given, with the counts of every type.

    With ``cache_as`` (a tuple naming ``pages``, e.g. the locale), the ranked ids and counts
    are cached for a minute (search/cache.py); the pages themselves are always fetched
    fresh and only while they are still among ``pages``.
    """

    def rank():
        backend = get_search_backend(backend_name)
        if _is_postgres(backend):
            return _postgres_search(pages, query, backend, active_type, offset, limit)
        return _generic_search(pages, query, backend, active_type, offset, limit)

    if cache_as is None:
        outcome = rank()
    else:
        # Matching ignores case in every backend, so "wasserstoff" shares the entry.
        parts = (*cache_as, backend_name, query.lower(), active_type, offset, limit)
        outcome = cache.get_or_compute(parts, rank)
    return replace(outcome, hits=_specific_in_order(pages, outcome.hits))


def _is_postgres(backend):
    if connection.vendor != "postgresql":
        return False
    from modelsearch.backends.database.postgres.postgres import PostgresSearchQueryCompiler

    return issubclass(backend.query_compiler_class, PostgresSearchQueryCompiler)


def last_page_offset(count, per_page):
    return max(0, (count - 1) // per_page * per_page)


def _specific_in_order(pages, rows):
    """[(page id, score, upcoming)] → the specific pages in that order, without their
    StreamFields (the results page shows no body). One query per page type on the page.

    Taken from ``pages`` again, so a cached id of a page unpublished or restricted since
    is left out rather than shown."""
    if not rows:
        return []
    found = pages.filter(pk__in=[pk for pk, _score, _up in rows]).order_by()
    by_pk = {page.pk: page for page in found.defer_streamfields().specific()}
    ordered = []
    for pk, score, upcoming in rows:
        page = by_pk.get(pk)
        if page is not None:
            page._score = score
            page.search_upcoming = upcoming
            ordered.append(page)
    return ordered


# PostgreSQL


def compound_tsquery(plain_text, config):
    """The query with every long enough term also matching as a word's start (raw tsquery)."""
    from modelsearch.backends.database.postgres.query import Lexeme

    terms = [term for term in re.split(r"[\s\-]+", plain_text.query_string) if term]
    if not terms or not any(len(term) >= COMPOUND_MIN_LENGTH for term in terms):
        return None
    lexemes = None
    for term in terms:
        lexeme = Lexeme(term, prefix=len(term) >= COMPOUND_MIN_LENGTH)
        if lexemes is None:
            lexemes = lexeme
        elif plain_text.operator == "or":
            lexemes |= lexeme
        else:
            lexemes &= lexeme
    return SearchQuery(lexemes, search_type="raw", config=config)


def _postgres_search(pages, query, backend, active_type, offset, limit):
    from modelsearch.conf import get_app_config

    index_entry = get_app_config().get_model("IndexEntry")
    compiler = backend.query_compiler_class(pages, query)
    config = compiler.get_config(backend)
    exact = compiler.build_tsquery(compiler.query, config=config)
    if exact is None:
        return SearchOutcome(counts=dict.fromkeys(TYPE_LABELS, 0), offset=offset)
    vector = F("title")._combine(F("body"), "||", False)
    score = compiler.build_tsrank(F("title"), compiler.query, config=config) * F(
        "title_norm"
    ) + compiler.build_tsrank(F("body"), compiler.query, config=config)
    match = exact
    compound = (
        compound_tsquery(compiler.query, config) if isinstance(compiler.query, PlainText) else None
    )
    if compound is not None:
        match = compound  # "wasserstoff:*" also matches "wasserstoff" itself
        weights = compiler.sql_weights
        score = score + COMPOUND_WEIGHT * (
            SearchRank(F("title"), compound, weights=weights) * F("title_norm")
            + SearchRank(F("body"), compound, weights=weights)
        )
    # Every index row is matched here (the page types are picked after the join): a filter
    # on the content type would lead the planner to its B-tree instead of the GIN index.
    entries = (
        index_entry.objects.annotate(_vector_=vector)
        .filter(_vector_=match)
        .annotate(score=score)
        .values("object_id", "content_type_id", "score")
    )
    page_types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(Page))
    now = timezone.now()
    hit_pages = (
        pages.annotate(
            hit_id=F("pk"), search_type=type_expression(), upcoming=upcoming_expression(now)
        )
        .values("hit_id", "search_type", "upcoming")
        .order_by()
    )
    entries_sql, entries_params = entries.query.sql_with_params()
    pages_sql, pages_params = hit_pages.query.sql_with_params()
    # The index rows are matched and ranked once (MATERIALIZED) before the join, so the
    # wide text vectors never enter the join; `hits` then serves the results page and the
    # counts per type. Times below are for 7,000 hits among 10,000 pages. The join is on
    # integers: casting every page id to text to join (and sort) text took 50 ms, three times
    # the rest of the statement; the CASE only casts object ids of page rows (other models'
    # ids need not be numbers). Scores are rounded for the tie rule to integers, not to
    # numeric (3 ms).
    sql = f"""
        WITH entries AS MATERIALIZED ({entries_sql}),
        hits AS MATERIALIZED (
            SELECT pages.hit_id, pages.search_type, pages.upcoming, entries.score
            FROM entries
            JOIN ({pages_sql}) pages ON pages.hit_id = CASE
                WHEN entries.content_type_id IN ({page_types}) THEN entries.object_id::integer
            END
        )
        (SELECT 'hit', hit_id, score, upcoming FROM hits
         WHERE %s = '' OR search_type = %s
         ORDER BY (score * {10**SCORE_DIGITS})::bigint DESC, upcoming DESC, score DESC,
                  hit_id DESC
         LIMIT %s OFFSET %s)
        UNION ALL
        (SELECT search_type, count(*), NULL, NULL FROM hits GROUP BY search_type)
    """  # noqa: S608 - the parts are SQL compiled by Django; values are parameters
    params = (*entries_params, *pages_params, active_type, active_type, limit, offset)
    nested = connection.in_atomic_block
    with transaction.atomic(), connection.cursor() as cursor:
        # The planner underrates the cost of concatenating every row's vectors in a
        # sequential scan and skips the GIN index on `title || body` (migration 0002) once a
        # word is in many pages: 20-37 ms for the scan alone instead of 8-13 ms at 10,000
        # pages. Switched off for this statement only: SET LOCAL ends with the transaction;
        # inside a caller's transaction it is restored by hand.
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)"
        )
        previous = cursor.fetchone()[0]
        cursor.execute(sql, params)
        rows = cursor.fetchall()
        if nested:
            cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])
    counts = dict.fromkeys(TYPE_LABELS, 0)
    hits = []
    for kind, number, hit_score, upcoming in rows:
        if kind == "hit":
            hits.append((number, hit_score, upcoming))
        else:
            counts[kind] = number
    count = counts[active_type] if active_type else sum(counts.values())
    return SearchOutcome(hits=hits, counts=counts, count=count, offset=offset)


# Other databases


def _generic_search(pages, query, backend, active_type, offset, limit):
    now = timezone.now()
    found = [
        (page.pk, page.content_type_id, page._score or 0)
        for page in backend.search(query, pages).annotate_score("_score")
    ]
    ids = [pk for pk, _ct, _score in found]
    details = {
        row[0]: row[1:]
        for row in pages.filter(pk__in=ids)
        .annotate(search_type=type_expression(), upcoming=upcoming_expression(now))
        .values_list("pk", "search_type", "upcoming")
    }
    counts = dict.fromkeys(TYPE_LABELS, 0)
    hits = []
    for pk, _ct, score in found:
        search_type, upcoming = details.get(pk, (OTHER_TYPE, False))
        counts[search_type] += 1
        if not active_type or search_type == active_type:
            hits.append((pk, score, upcoming))
    hits.sort(key=lambda hit: (-round(hit[1], SCORE_DIGITS), not hit[2], -hit[1], -hit[0]))
    return SearchOutcome(
        hits=hits[offset : offset + limit], counts=counts, count=len(hits), offset=offset
    )
