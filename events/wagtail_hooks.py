"""Admin registration of the events app: the category snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from portal.viewsets import TranslatableSnippetViewSet

from .models import EventCategory


class EventCategoryViewSet(TranslatableSnippetViewSet):
    model = EventCategory
    icon = "tag"
    menu_label = _("Event categories")
    menu_order = 300
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "slug"]
    ordering = ["sort_order", "name"]


register_snippet(EventCategoryViewSet)
