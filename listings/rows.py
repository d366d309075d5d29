"""The row type of the long lists."""

from types import SimpleNamespace


class Row(SimpleNamespace):
    """One entry of a list with its cells ready to print, built from plain values.

    The busiest lists read `values_list(..., named=True)` rather than model instances and
    make every text once in Python (`Row(title=..., url=..., area_text=...)`); templates
    read the attributes and escape them.
    """
