"""The one list machinery of the portal's long public lists.

The site and hall pool (list and map), the events list, archive and calendar and the cluster
overview read their filters from the address and page through their results the same way:

- `filtering.read_filters`: the filter set for the request, invalid values dropped and named
  in a `Notice` each, so a malformed address never fails the page;
- `pagination.paginate`: the page number read and clamped (with a notice), one page of
  rows converted to `Row`s, counted with the caller's lean COUNT query;
- `filtering.filter_query`: the valid filters as a query string for links and feeds;
- both accept the parameters they applied for the page cache (`portal.caching.accept_query`,
  `filtering.accept_filters` for filter sets read elsewhere), so an address with any other
  parameter, an invalid or repeated value or a page that does not exist is never cached;
- `rendering.RenderedFormCache`: a filter form's HTML rendered once per variant;
- the includes `listings/includes/notices.html` and `listings/includes/pagination.html`.

The app sits above `portal` and below the domain apps; it imports no model.
"""
