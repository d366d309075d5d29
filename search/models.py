"""Search statistics per language.

Wagtail's search promotions count hits per query string for all languages together
(Reports › Search terms stays as it is). The no-results page suggests popular searches of
the visitor's language, so the portal also counts each search per language and day here.
"""

import datetime as dt

from django.db import connection, models
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QueryLanguageHits(models.Model):
    """How often a search term was searched for in one language on one day.

    Editors do not edit these rows: they are counted by the search page and used for the
    "Popular searches" the no-results page suggests in the same language.
    """

    query = models.ForeignKey(
        "wagtailsearchpromotions.Query",
        verbose_name=_("search term"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale",
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    date = models.DateField(_("date"))
    hits = models.PositiveIntegerField(_("hits"), default=0)

    class Meta:
        verbose_name = _("search term hits per language")
        verbose_name_plural = _("search term hits per language")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "locale", "date"], name="portal_search_one_row_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.locale}, {self.date}): {self.hits}"

    @classmethod
    def add_hit(cls, query, locale):
        # One statement (each search runs it): today's row is created with one hit or counted
        # up in the database, so two requests at the same moment both count. ON CONFLICT is
        # understood by PostgreSQL and SQLite, the portal's databases.
        table = connection.ops.quote_name(cls._meta.db_table)
        sql = (
            f"INSERT INTO {table} (query_id, locale_id, date, hits) VALUES (%s, %s, %s, 1) "
            f"ON CONFLICT (query_id, locale_id, date) DO UPDATE SET hits = {table}.hits + 1"
        )  # noqa: S608 - the table name is the model's; values are parameters
        with connection.cursor() as cursor:
            cursor.execute(sql, [query.pk, locale.pk, timezone.now().date()])

    @classmethod
    def most_popular(cls, locale, days, limit, exclude=None):
        """The most frequent search terms of ``locale`` in the last ``days`` days."""
        since = timezone.now().date() - dt.timedelta(days=days)
        rows = cls.objects.filter(locale=locale, date__gte=since)
        if exclude is not None:
            rows = rows.exclude(query=exclude)
        popular = (
            rows.values("query__query_string")
            .annotate(total=Sum("hits"))
            .order_by("-total", "query__query_string")[:limit]
        )
        return [row["query__query_string"] for row in popular]
