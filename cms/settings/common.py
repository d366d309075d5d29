"""The settings every environment shares: the core (`base`) and the parts that extend it.

Each part is kept in its own module so it can be read as a whole: deployment (sessions,
media, logs), security (headers, login throttling, uploads) and seo (sitemaps, API). A part
imports the names it extends from `base` and extends them in place; `base` imports no part,
so the arrows point one way: environment module → common → parts → base.
"""

from .base import *  # noqa: F403
from .deploy import *  # noqa: F403
from .security import *  # noqa: F403
from .seo import *  # noqa: F403
