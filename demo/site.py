"""The whole demo site: which domain loaders run, in which order (`manage.py
load_demo_content`). Developers add a domain here after writing its `demo/<domain>/loader.py`.

Each loader module has `steps(demo)` returning (label, callable) pairs; a callable returns a
`Tally`. The home domain always runs first: the others build on its locales, images, standard
pages and settings.
"""

from demo.clusters import loader as clusters
from demo.editorial import loader as editorial
from demo.engine import Demo, run
from demo.events import loader as events
from demo.home import loader as home
from demo.locations import loader as locations

# After the home domain, in this order.
DOMAINS = [clusters, locations, events, editorial]


def load(stdout, style):
    """Build or complete the demo site; returns how many objects were created or updated."""
    demo = Demo(stdout)
    steps = home.steps(demo)
    for domain in DOMAINS:
        steps.extend(domain.steps(demo))
    return run(steps, stdout, style)
