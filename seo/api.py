"""The read-only content API (Wagtail API v2) at /api/v2/: pages, images and documents.

Anyone may read what an anonymous visitor sees; nothing can be written. Each page type lists
the fields it exposes in ``api_fields`` (docs/seo.md has the list).
"""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from .middleware import KeepNotFoundMixin

# The largest `?offset=` answered: far beyond any table of the portal, and small enough that
# offset + limit fits the databases' integers (SQLite failed on 99999999999999999999 with
# "datatype mismatch", PostgreSQL's OFFSET is a bigint).
MAX_OFFSET = 2**31 - 1


class PublicPagination(WagtailPagination):
    """Wagtail's pagination, with `offset` capped (400 above MAX_OFFSET, as for `limit`)."""

    def paginate_queryset(self, queryset, request, view=None):
        try:
            offset = int(request.GET.get("offset", 0))
        except ValueError:
            offset = 0  # Wagtail's own check answers it
        if offset > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicQueryMixin:
    """For the API viewsets: the capped pagination, and a 400 for a NUL character in a query
    parameter, which PostgreSQL refuses in any text it compares (`?locale=%00` and
    `?html_path=%00` were 500s there)."""

    pagination_class = PublicPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in request.GET.lists():
            if any("\x00" in value for value in values):
                raise BadRequestError(f"{name} cannot contain NUL characters")


class PublicPagesAPIViewSet(KeepNotFoundMixin, PublicQueryMixin, PagesAPIViewSet):
    """Live pages outside every private section, whoever asks.

    Wagtail lets a visitor who entered a page's password (kept in the session) see that page
    through the API too; the portal's API is public data only, so every restricted section
    stays out, as it does in the sitemaps.
    """

    def get_base_queryset(self):
        return super().get_base_queryset().public()


class PublicImagesAPIViewSet(KeepNotFoundMixin, PublicQueryMixin, ImagesAPIViewSet):
    """Images outside restricted collections (Wagtail's own rule)."""


class PublicDocumentsAPIViewSet(KeepNotFoundMixin, PublicQueryMixin, DocumentsAPIViewSet):
    """Documents outside restricted collections (Wagtail's own rule)."""


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
