"""The base every Werkpad record builds on."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


class BaseModel(models.Model):
    """A UUID-addressed row with timestamps and a version for optimistic locking.

    `version` goes up by one on every update made through `werkpad.core.concurrency`; an update
    that names an older version is refused, so two professionals cannot overwrite each other.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True
