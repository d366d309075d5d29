"""Template helpers of the clusters app: schema.org JSON-LD and Open Graph data."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The characters that could end the <script> element or open a comment, escaped as in
# Django's `json_script`, so a quote containing "</script>" cannot break out of it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """`{{ quote.structured_data|json_ld }}`: a schema.org JSON-LD script element."""
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.filter
def networks_json_ld(networks):
    """One JSON-LD script element listing every network as a schema.org Organization."""
    return json_ld([network.structured_data() for network in networks])


@register.simple_tag(takes_context=True)
def og_locale(context):
    """The Open Graph locale of the active language, e.g. de_DE or en_GB."""
    code = context.get("LANGUAGE_CODE") or ""
    return {"de": "de_DE", "en": "en_GB"}.get(code, code)
