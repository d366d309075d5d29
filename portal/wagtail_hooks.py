"""Admin registration of the shared snippet (contact persons), and rich-text page links in the
visitor's language."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .models import ContactPerson
from .rich_text import LocalizedPageLinkHandler
from .viewsets import TranslatableSnippetViewSet


# Runs after Wagtail's own feature registration (order 0), so this handler replaces the
# stock "page" link type: links resolve in bulk and mark fallbacks to the source language.
@hooks.register("register_rich_text_features", order=10)
def register_localized_page_links(features):
    features.register_link_type(LocalizedPageLinkHandler)


class ContactPersonViewSet(TranslatableSnippetViewSet):
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
