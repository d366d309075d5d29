"""What the cluster models share: the bounds of a year, the languages shown, the intro's
rich-text features."""

import datetime

from django.utils.translation import gettext_lazy as _

from portal.localization import display_language_codes

INTRO_FEATURES = ["bold", "italic", "link"]


def earliest_year():
    return 1900


def latest_year():
    """Figures may be planned for next year, never later (a typo such as 2204 is caught)."""
    return datetime.date.today().year + 1


def check_year(year, field, errors):
    if year is not None and not earliest_year() <= year <= latest_year():
        errors[field] = _("Enter a year between %(first)s and %(last)s.") % {
            "first": earliest_year(),
            "last": latest_year(),
        }


def display_languages():
    """The language codes whose content may be shown: the active one and the source (German)."""
    return display_language_codes()
