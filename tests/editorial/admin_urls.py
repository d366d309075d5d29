"""Every URL pattern under /admin/, collected from Django's resolver."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class AdminURL:
    route: str  # "admin/pages/<int:page_id>/edit/"
    name: str | None  # "wagtailadmin_pages:edit"
    callback: object
    position: int  # in the resolver's order


def admin_urls():
    found = []

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                route = prefix + str(pattern.pattern)
                if not route.startswith("admin/"):
                    continue
                name = pattern.name
                if name and namespace:
                    name = f"{namespace}:{name}"
                found.append(AdminURL(route, name, pattern.callback, len(found)))

    walk(get_resolver().url_patterns, "", None)
    return found
