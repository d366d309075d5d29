"""StreamField blocks of the clusters app.

The quote chooser lives in `home.blocks` (`QuoteChooserBlock`) so every body offers it; it is
re-exported here for code that thinks of it as the clusters app's block.
"""

from home.blocks import QuoteChooserBlock

__all__ = ["QuoteChooserBlock"]
