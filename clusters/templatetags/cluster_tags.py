"""Template helpers of the clusters app: the networks of a cluster as schema.org JSON-LD."""

from django import template

from portal.templatetags.portal_tags import json_ld

register = template.Library()


@register.filter
def networks_json_ld(networks):
    """One JSON-LD script element listing every network as a schema.org Organization."""
    return json_ld([network.structured_data() for network in networks])
