"""Optimistic locking: an update names the version it was based on."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.core.models import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


class StaleVersionError(Exception):
    """Someone else saved the record after the caller read it."""

    def __init__(self, *, current_version: int) -> None:
        self.current_version = current_version
        super().__init__(
            _(
                "Someone else changed this record while you were working on it. "
                "Reload the page to see their changes, then make yours again."
            )
        )


def save_with_version(instance: ModelT, *, expected_version: int, fields: dict[str, Any]) -> ModelT:
    """Write `fields` only if the row still has `expected_version`; bump the version.

    The check and the write are one UPDATE statement, so it holds between concurrent requests
    on every database.
    """
    model = type(instance)
    values = {**fields, "version": F("version") + 1, "updated_at": timezone.now()}
    updated = model._default_manager.filter(pk=instance.pk, version=expected_version).update(
        **values
    )
    if updated == 0:
        current = model._default_manager.filter(pk=instance.pk).values_list("version", flat=True)
        raise StaleVersionError(current_version=current.first() or 0)
    instance.refresh_from_db()
    return instance
