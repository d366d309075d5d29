"""Tell the page cache which page Wagtail is about to serve."""

from wagtail import hooks

from . import tags


@hooks.register("before_serve_page", order=-10)
def record_served_page(page, request, serve_args, serve_kwargs):
    collector = tags.current()
    if collector is None:
        return None
    # Restricted pages need no query here: logged-in visitors and visitors who passed a
    # password (kept in their session) bypass the cache in the middleware, and what the others
    # get (a password form with a CSRF token, a redirect to the login) is never stored.
    collector.start_page(page)
    return None
