"""Admin registration of the portal's snippets, and rich-text page links per language."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from editorial.viewsets import LocaleScopedSnippetViewSetMixin

from .models import ContactPerson, ProjectTeaser
from .rich_text import LocalizedPageLinkHandler


# Runs after Wagtail's own feature registration (order 0), so this handler replaces the
# stock "page" link type: links resolve in bulk and mark fallbacks to the source language.
@hooks.register("register_rich_text_features", order=10)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)


class ProjectTeaserViewSet(LocaleScopedSnippetViewSetMixin, SnippetViewSet):
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


class ContactPersonViewSet(LocaleScopedSnippetViewSetMixin, SnippetViewSet):
    """People visitors can contact, chosen on cluster, location and event pages."""

    model = ContactPerson
    icon = "user"
    menu_label = _("Contact persons")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation", "locale", "live"]
    list_filter = ["locale", "live"]
    search_fields = ["name", "role", "organisation"]


register_snippet(ContactPersonViewSet)
