"""Keeps the API's 404 answers as they are.

LocaleMiddleware redirects a 404 outside the language prefixes to the same path under
/de/ whenever that path could exist, and Wagtail's catch-all route makes every path look
possible: a missing API object would become a redirect to an HTML error page.
"""


class KeepAPINotFoundMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        kept = getattr(request, "seo_api_not_found", None)
        return kept if kept is not None else response


class KeepNotFoundMixin:
    """For API viewsets: remember a 404 so the middleware can undo the locale redirect."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 404:
            request._request.seo_api_not_found = response
        return response
