"""factory_boy / wagtail-factories factories for the clusters app.

Examples::

    index = ClusterIndexPageFactory()                      # under the German home page
    cluster = ClusterPageFactory(parent=index, kind="micro", federal_states=["TH"])
    ClusterFigureFactory(page=cluster, kind="employees", value=6000)
    quote = QuoteFactory(name="Erika Musterfrau")           # live, German
    draft = QuoteFactory(live=False)
    ClusterPageQuoteFactory(page=cluster, quote=quote)
"""

import wagtail_factories
from wagtail.models import Locale

import factory
from factory.django import DjangoModelFactory

from portal.factories import default_home_page
from portal.models import FederalState
from quotes.factories import QuoteFactory

from .models import (
    ClusterFigure,
    ClusterIndexPage,
    ClusterLocation,
    ClusterNetwork,
    ClusterPage,
    ClusterPageQuote,
    Sector,
)

__all__ = [
    "ClusterFigureFactory",
    "ClusterIndexPageFactory",
    "ClusterLocationFactory",
    "ClusterNetworkFactory",
    "ClusterPageFactory",
    "ClusterPageQuoteFactory",
    "SectorFactory",
]


def _default_locale():
    return Locale.get_default()


class SectorFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Branche {n}")
    slug = factory.Sequence(lambda n: f"branche-{n}")
    locale = factory.LazyFunction(_default_locale)

    class Meta:
        model = Sector
        django_get_or_create = ("locale", "slug")


class ClusterIndexPageFactory(wagtail_factories.PageFactory):
    """The cluster overview, live, by default under the German home page."""

    parent = factory.LazyFunction(default_home_page)
    title = "Cluster in Mitteldeutschland"
    slug = factory.Sequence(lambda n: f"cluster-{n}")
    intro = "<p>Die Cluster der Region.</p>"

    class Meta:
        model = ClusterIndexPage


class ClusterPageFactory(wagtail_factories.PageFactory):
    """A live cluster page; pass ``parent=<ClusterIndexPage>`` and ``federal_states=["SN"]``.

    ``federal_states`` takes state codes (or FederalState rows); the default is Sachsen.
    """

    title = factory.Sequence(lambda n: f"Cluster {n}")
    kind = ClusterPage.Kind.MACRO
    sector = factory.SubFactory(SectorFactory)
    summary = factory.LazyAttribute(lambda o: f"Kurzbeschreibung von {o.title}.")

    class Meta:
        model = ClusterPage
        skip_postgeneration_save = True

    @factory.post_generation
    def federal_states(self, create, extracted, **kwargs):
        codes = extracted if extracted is not None else ["SN"]
        states = [
            state if isinstance(state, FederalState) else FederalState.objects.get(code=state)
            for state in codes
        ]
        self.federal_states.set(states)
        if create:
            # ParentalManyToMany values are written to the database when the page is saved.
            self.save()


class ClusterLocationFactory(DjangoModelFactory):
    page = factory.SubFactory(ClusterPageFactory)
    name = factory.Sequence(lambda n: f"Standort {n}")
    federal_state = factory.LazyFunction(lambda: FederalState.objects.get(code="SN"))
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ClusterLocation


class ClusterFigureFactory(DjangoModelFactory):
    page = factory.SubFactory(ClusterPageFactory)
    kind = ClusterFigure.Kind.COMPANIES
    value = 750
    source = "Clusteratlas"
    year = 2007
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ClusterFigure


class ClusterNetworkFactory(DjangoModelFactory):
    page = factory.SubFactory(ClusterPageFactory)
    name = factory.Sequence(lambda n: f"Netzwerk {n}")
    role = "Clusterinitiative"
    website = factory.Sequence(lambda n: f"https://netzwerk-{n}.example.org/")
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ClusterNetwork


class ClusterPageQuoteFactory(DjangoModelFactory):
    page = factory.SubFactory(ClusterPageFactory)
    quote = factory.SubFactory(QuoteFactory)
    sort_order = factory.Sequence(lambda n: n)

    class Meta:
        model = ClusterPageQuote
