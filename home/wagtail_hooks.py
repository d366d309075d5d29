"""Admin registration of the home page's snippet: the project teasers (logos)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from portal.viewsets import TranslatableSnippetViewSet

from .models import ProjectTeaser


class ProjectTeaserViewSet(TranslatableSnippetViewSet):
    """The logos of the home page's "Projekte" row, with drafts, revisions and preview."""

    model = ProjectTeaser
    icon = "pick"
    menu_label = _("Project teasers")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "sort_order", "locale", "live"]
    list_filter = ["locale", "live"]
    search_fields = ["name", "short_text"]
    ordering = ["sort_order", "name"]


register_snippet(ProjectTeaserViewSet)
