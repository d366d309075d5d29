"""Field helpers shared by the portal's models."""

from django.db import models


def optional_link(to, verbose_name, help_text=""):
    """An optional link to an image, page or snippet that is cleared when its target goes.

    Deleting an image or a contact must never delete the page or snippet that shows it; the
    template then simply leaves that part out.
    """
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )
