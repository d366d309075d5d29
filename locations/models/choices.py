"""The pool's choices: the kind of property and the zoning of the land-use plan."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    SITE = "site", _("Commercial site")
    HALL = "hall", _("Hall")


class Zoning(models.TextChoices):
    GE = "GE", _("GE – commercial area")
    GI = "GI", _("GI – industrial area")
    SO = "SO", _("SO – special area")
    MI = "MI", _("MI – mixed area")
