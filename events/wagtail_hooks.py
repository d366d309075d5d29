"""Admin registration of the events app: the category snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.viewsets import LocaleScopedSnippetViewSetMixin

from .models import EventCategory


class EventCategoryViewSet(LocaleScopedSnippetViewSetMixin, SnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = _("Event categories")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


register_snippet(EventCategoryViewSet)
