"""The read-only content API (Wagtail API v2) at /api/v2/: pages, images and documents.

Anyone may read what an anonymous visitor sees; nothing can be written. Each page type lists
the fields it exposes in ``api_fields`` (docs/seo.md has the list).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .middleware import KeepNotFoundMixin


class PublicPagesAPIViewSet(KeepNotFoundMixin, PagesAPIViewSet):
    """Live pages outside every private section, whoever asks.

    Wagtail lets a visitor who entered a page's password (kept in the session) see that page
    through the API too; the portal's API is public data only, so every restricted section
    stays out, as it does in the sitemaps.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicImagesAPIViewSet(KeepNotFoundMixin, ImagesAPIViewSet):
    """Images outside restricted collections (Wagtail's own rule)."""


class PublicDocumentsAPIViewSet(KeepNotFoundMixin, DocumentsAPIViewSet):
    """Documents outside restricted collections (Wagtail's own rule)."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
