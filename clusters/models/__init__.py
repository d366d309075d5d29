"""Clusters: the cluster overview, one page per cluster, and the sectors they belong to.

The EMMD distinguishes micro-clusters (concentrated in one city, such as Optoelektronik in Jena)
from macro-clusters (a critical mass only across several federal states). Cluster pages carry
structured facts (states, sites, key figures, networks) so the overview can filter them and
search engines can read them; quotes of business leaders (`quotes.Quote`) are chosen on
cluster pages as related quotes.

The models are split by what they describe; this package re-exports them (and the helpers
migrations and other apps name, such as `clusters.models.earliest_year`), so
`from clusters.models import ClusterPage` keeps working. `index` imports `clusters.filters`,
which imports the submodules it needs (`sectors`, `cluster`) by their own names and never this
package's names, so the order of the imports below does not matter.
"""

from .cluster import ClusterPage
from .common import (
    INTRO_FEATURES,
    check_year,
    display_languages,
    earliest_year,
    latest_year,
)
from .index import ClusterIndexPage
from .inlines import ClusterFigure, ClusterLocation, ClusterNetwork, ClusterPageQuote
from .sectors import Sector

__all__ = [
    "INTRO_FEATURES",
    "ClusterFigure",
    "ClusterIndexPage",
    "ClusterLocation",
    "ClusterNetwork",
    "ClusterPage",
    "ClusterPageQuote",
    "Sector",
    "check_year",
    "display_languages",
    "earliest_year",
    "latest_year",
]
