"""schema.org `Event` data of an event page, embedded as JSON-LD for search engines."""

import json

from django.utils import timezone
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "rescheduled": "https://schema.org/EventRescheduled",
    "moved_online": "https://schema.org/EventMovedOnline",
}
ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _iso(value, all_day):
    value = timezone.localtime(value)
    return value.date().isoformat() if all_day else value.isoformat()


def event_data(event, request=None, categories=()):
    """The JSON-LD object as a dict (tests read it; the template gets `event_json_ld`)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": _iso(event.start, event.all_day),
        "eventStatus": STATUS.get(event.status, STATUS["scheduled"]),
        "eventAttendanceMode": ATTENDANCE[event.attendance_mode],
        "url": event.get_full_url(request),
        "inLanguage": event.locale.language_code,
    }
    if event.end:
        data["endDate"] = _iso(event.end, event.all_day)
    locations = []
    if event.attendance_mode != "online":
        place = {"@type": "Place", "name": event.venue_name or event.city}
        address = {"@type": "PostalAddress", "addressCountry": "DE"}
        for key, value in (
            ("streetAddress", event.street),
            ("postalCode", event.postcode),
            ("addressLocality", event.city),
            ("addressRegion", str(event.federal_state) if event.federal_state_id else ""),
        ):
            if value:
                address[key] = value
        place["address"] = address
        if event.point:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": event.point[0],
                "longitude": event.point[1],
            }
        locations.append(place)
    if event.online_url:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    organisers = [
        {"@type": "Organization", "name": o.name, **({"url": o.url} if o.url else {})}
        for o in event.organisers.all()
    ]
    if organisers:
        data["organizer"] = organisers[0] if len(organisers) == 1 else organisers
    if event.image_id:
        data["image"] = [request.build_absolute_uri(event.image.file.url)] if request else []
    if event.is_free or event.price is not None:
        offer = {
            "@type": "Offer",
            "price": "0" if event.is_free else f"{event.price:.2f}",
            "priceCurrency": "EUR",
        }
        if event.registration_url:
            offer["url"] = event.registration_url
        if event.registration_deadline:
            offer["validThrough"] = timezone.localtime(event.registration_deadline).isoformat()
        data["offers"] = offer
    if categories:
        data["keywords"] = ", ".join(category.name for category in categories)
    return data


def event_json_ld(event, request=None, categories=()):
    """The data as a string safe inside <script type="application/ld+json">."""
    text = json.dumps(event_data(event, request, categories), ensure_ascii=False)
    return mark_safe(text.translate(_json_script_escapes))  # noqa: S308 - escaped above
