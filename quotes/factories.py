"""factory_boy factories for the quotes app.

Examples::

    quote = QuoteFactory(name="Erika Musterfrau")           # live, German
    draft = QuoteFactory(live=False)
"""

import factory
from factory.django import DjangoModelFactory

from portal.factories import default_locale

from .models import Quote

__all__ = ["QuoteFactory"]


class QuoteFactory(DjangoModelFactory):
    """A live quote in the default (German) locale; ``live=False`` for a draft."""

    text = factory.Sequence(lambda n: f"Mitteldeutschland ist ein starker Standort ({n}).")
    academic_title = "Dr."
    name = factory.Sequence(lambda n: f"Erika Musterfrau {n}")
    role = "Geschäftsführerin (fiktiv)"
    organisation = "Beispiel GmbH"
    locale = factory.LazyFunction(default_locale)
    live = True

    class Meta:
        model = Quote
