"""Writes of employers, BHAG Deals, round tables, leads and offers; the rules they keep.

None of these hold personal data of candidates, so none writes the processing log; the flow of
matches and placements does (`werkpad.offers.flow`).
"""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad.candidates.services import normalise_postcode
from werkpad.core.concurrency import save_with_version
from werkpad.core.models import BaseModel
from werkpad.matching.geo import UnknownPostcodeError, centroid
from werkpad.offers.codes import LeadStatus
from werkpad.offers.models import (
    Deal,
    DealPromise,
    Employer,
    EmployerLead,
    EmployerMeeting,
    FollowUp,
    Offer,
)
from werkpad.offers.selectors import (
    may_work_with_employers,
    offer_provider_organisations,
    user_roles,
)

# --- shared -----------------------------------------------------------------------------------


def _validated(
    instance: BaseModel, fields: dict[str, Any], *, exclude: tuple[str, ...] = ()
) -> None:
    """Put `fields` on `instance` and run the model's own checks (validators, uniqueness)."""
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.full_clean(exclude=list(exclude))


def _update(instance: Any, *, expected_version: int, fields: dict[str, Any], **kwargs: Any) -> Any:
    """Validate the changed row, then write it only if nobody saved it in between."""
    _validated(instance, fields, **kwargs)
    return save_with_version(instance, expected_version=expected_version, fields=fields)


def matching_postcode(value: str) -> str:
    """An offer's postcode: a full Dutch postcode ("2611 AB") or only its four digits ("2611"),
    in an area whose centroid the matching knows (travel distance is measured from it)."""
    text = value.strip().upper()
    compact = text.replace(" ", "")
    postcode = compact if len(compact) == 4 else normalise_postcode(text)
    try:
        centroid(postcode)
    except UnknownPostcodeError as error:
        raise ValidationError(
            {"postcode": _("This postcode area is not known. Check the four digits.")}
        ) from error
    return postcode


# --- employers --------------------------------------------------------------------------------

EMPLOYER_FIELDS = (
    "name",
    "kvk_number",
    "sector",
    "size",
    "street",
    "postcode",
    "city",
    "contact_name",
    "contact_email",
    "contact_phone",
    "account_manager",
)


@transaction.atomic
def employer_create(*, acting_user: Any, **fields: Any) -> Employer:
    """Register an employer: a KvK number of 8 digits that no other employer has."""
    _require_employer_role(acting_user)
    fields["postcode"] = normalise_postcode(fields.get("postcode", ""))
    employer = Employer()
    _validated(employer, fields)
    employer.save()
    return employer


@transaction.atomic
def employer_update(
    *, acting_user: Any, employer: Employer, expected_version: int, **fields: Any
) -> Employer:
    _require_employer_role(acting_user)
    if "postcode" in fields:
        fields["postcode"] = normalise_postcode(fields["postcode"])
    return _update(employer, expected_version=expected_version, fields=fields)


def _require_employer_role(user: Any) -> None:
    if not may_work_with_employers(user_roles(user)):
        raise PermissionDenied(_("Only employer advisers and the programme lead do this."))


# --- deals ------------------------------------------------------------------------------------


def _deal_check(*, starts_on: date, ends_on: date, promises: dict[str, int]) -> None:
    errors: dict[str, str] = {}
    if ends_on < starts_on:
        errors["ends_on"] = _("The deal cannot end before it starts.")
    if not any(places > 0 for places in promises.values()):
        errors["__all__"] = _("Promise at least one place of some kind.")
    if errors:
        raise ValidationError(errors)


def _promises_save(deal: Deal, promises: dict[str, int]) -> None:
    deal.promises.exclude(offer_kind__in=[k for k, n in promises.items() if n > 0]).delete()
    for kind, places in promises.items():
        if places > 0:
            DealPromise.objects.update_or_create(
                deal=deal, offer_kind=kind, defaults={"places": places}
            )


@transaction.atomic
def deal_create(
    *,
    acting_user: Any,
    employer: Employer,
    signed_on: date,
    starts_on: date,
    ends_on: date,
    promises: dict[str, int],
    note: str = "",
) -> Deal:
    """A BHAG Deal: places promised per kind of offer within a period (it ends after it
    starts), at least one place in all."""
    _require_employer_role(acting_user)
    _deal_check(starts_on=starts_on, ends_on=ends_on, promises=promises)
    deal = Deal.objects.create(
        employer=employer, signed_on=signed_on, starts_on=starts_on, ends_on=ends_on, note=note
    )
    _promises_save(deal, promises)
    return deal


@transaction.atomic
def deal_update(
    *,
    acting_user: Any,
    deal: Deal,
    expected_version: int,
    signed_on: date,
    starts_on: date,
    ends_on: date,
    promises: dict[str, int],
    note: str = "",
) -> Deal:
    _require_employer_role(acting_user)
    _deal_check(starts_on=starts_on, ends_on=ends_on, promises=promises)
    deal = save_with_version(
        deal,
        expected_version=expected_version,
        fields={"signed_on": signed_on, "starts_on": starts_on, "ends_on": ends_on, "note": note},
    )
    _promises_save(deal, promises)
    return deal


# --- round tables -----------------------------------------------------------------------------


@transaction.atomic
def meeting_create(
    *,
    acting_user: Any,
    held_on: date,
    title: str,
    employers: list[Employer],
    location: str = "",
    notes: str = "",
) -> EmployerMeeting:
    """A round table (ondernemerstafel) with the employers who were there."""
    _require_employer_role(acting_user)
    meeting = EmployerMeeting.objects.create(
        held_on=held_on, title=title, location=location, notes=notes
    )
    meeting.employers.set(employers)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    acting_user: Any,
    meeting: EmployerMeeting,
    expected_version: int,
    held_on: date,
    title: str,
    employers: list[Employer],
    location: str = "",
    notes: str = "",
) -> EmployerMeeting:
    _require_employer_role(acting_user)
    meeting = save_with_version(
        meeting,
        expected_version=expected_version,
        fields={"held_on": held_on, "title": title, "location": location, "notes": notes},
    )
    meeting.employers.set(employers)
    return meeting


@transaction.atomic
def follow_up_create(
    *,
    acting_user: Any,
    meeting: EmployerMeeting,
    description: str,
    owner: Any,
    due_on: date,
    employer: Employer | None = None,
) -> FollowUp:
    """A follow-up of a round table: what, by whom, when."""
    _require_employer_role(acting_user)
    return FollowUp.objects.create(
        meeting=meeting, description=description, owner=owner, due_on=due_on, employer=employer
    )


@transaction.atomic
def follow_up_mark_done(
    *, acting_user: Any, follow_up: FollowUp, expected_version: int, done: bool = True
) -> FollowUp:
    """Tick a follow-up off (today), or open it again."""
    _require_employer_role(acting_user)
    return save_with_version(
        follow_up,
        expected_version=expected_version,
        fields={"done_on": timezone.localdate() if done else None},
    )


# --- leads: "Belangstelling als werkgever" ------------------------------------------------------

INTEREST_POSTS_PER_MINUTE = 20
_WINDOW_SECONDS = 60


class TooManyPostsError(Exception):
    """The client address sent more interest forms in the last minute than allowed."""


def interest_throttle(*, client_address: str, now: float | None = None) -> None:
    """Count one post of the public interest form; refuse the 21st within a minute.

    A sliding window: the moments of the posts of the last minute are kept per client address
    in the cache, so the 21st post within any 60 seconds is refused, not only within one
    clock minute. The cache is per process unless CACHES names a shared one.
    """
    moment = time.time() if now is None else now
    key = f"offers:interest:{client_address}"
    recent = [t for t in cache.get(key, []) if t > moment - _WINDOW_SECONDS]
    if len(recent) >= INTEREST_POSTS_PER_MINUTE:
        cache.set(key, recent, _WINDOW_SECONDS)
        raise TooManyPostsError
    cache.set(key, [*recent, moment], _WINDOW_SECONDS)


@transaction.atomic
def lead_create(**fields: Any) -> EmployerLead:
    """An employer's interest from the public page, new for the employer advisers."""
    lead = EmployerLead(status=LeadStatus.NEW)
    _validated(lead, fields, exclude=("handled_by", "employer"))
    lead.save()
    return lead


@transaction.atomic
def lead_update(
    *, acting_user: Any, lead: EmployerLead, expected_version: int, status: str
) -> EmployerLead:
    """Record how far the contact with a lead has come; the adviser becomes its handler."""
    _require_employer_role(acting_user)
    return save_with_version(
        lead,
        expected_version=expected_version,
        fields={"status": status, "handled_by": acting_user},
    )


@transaction.atomic
def lead_convert(*, acting_user: Any, lead: EmployerLead, employer: Employer) -> EmployerLead:
    """The lead became this employer."""
    _require_employer_role(acting_user)
    return save_with_version(
        lead,
        expected_version=lead.version,
        fields={"status": LeadStatus.CONVERTED, "employer": employer, "handled_by": acting_user},
    )


# --- offers -----------------------------------------------------------------------------------

OFFER_FIELDS = (
    "kind",
    "employer",
    "organisation",
    "title",
    "description",
    "sector",
    "postcode",
    "hours_min",
    "hours_max",
    "schedule",
    "capacity",
    "is_group",
    "group_min",
    "skills_required",
    "skills_desired",
    "min_dutch_level",
    "physical_demand",
    "certificates",
    "job_coach",
    "adjusted_hours",
    "childcare_friendly",
    "ladder_min",
    "ladder_max",
    "open_from",
    "open_until",
    "status",
    "pilot",
)


def skills_normalise(skills: list[str]) -> list[str]:
    """Skills as the matching compares them: trimmed, lower case, each once, in order."""
    seen: dict[str, None] = {}
    for skill in skills:
        text = " ".join(str(skill).split()).lower()
        if text:
            seen.setdefault(text[:60], None)
    return list(seen)


def _offer_clean(fields: dict[str, Any]) -> dict[str, Any]:
    """The rules of an offer beyond one field: one provider, hours and ladder ranges in order,
    a group offer with a minimum of at least two that fits its places, the open period."""
    errors: dict[str, str] = {}
    if bool(fields.get("employer")) == bool(fields.get("organisation")):
        errors["employer"] = _("Choose the employer or the partner organisation, not both.")
    if fields["hours_min"] > fields["hours_max"]:
        errors["hours_max"] = _("The most hours cannot be fewer than the least hours.")
    if fields["ladder_min"] > fields["ladder_max"]:
        errors["ladder_max"] = _("The highest step cannot be below the lowest step.")
    if fields.get("is_group"):
        if fields.get("group_min", 0) < 2:
            errors["group_min"] = _("A group offer starts with at least 2 people.")
        elif fields["group_min"] > fields["capacity"]:
            errors["group_min"] = _("The minimum group cannot be larger than the places.")
    else:
        fields["group_min"] = 0
    if fields.get("open_until") and fields["open_until"] < fields["open_from"]:
        errors["open_until"] = _("The offer cannot close before it opens.")
    if errors:
        raise ValidationError(errors)
    fields["postcode"] = matching_postcode(fields["postcode"])
    fields["skills_required"] = skills_normalise(fields.get("skills_required", []))
    fields["skills_desired"] = skills_normalise(fields.get("skills_desired", []))
    return fields


def _require_offer_provider(user: Any, fields: dict[str, Any]) -> None:
    """Employer advisers and the programme lead publish every offer; a partner its own."""
    if may_work_with_employers(user_roles(user)):
        return
    organisation = fields.get("organisation")
    if (
        organisation is None
        or not offer_provider_organisations(user=user).filter(pk=organisation.pk).exists()
    ):
        raise PermissionDenied(
            _("You can only publish offers of your own organisation; ask an employer adviser.")
        )


@transaction.atomic
def offer_create(*, acting_user: Any, **fields: Any) -> Offer:
    """Publish an offer; fields not given take the model's defaults."""
    _require_offer_provider(acting_user, fields)
    defaults = {
        field.name: field.get_default()
        for field in Offer._meta.fields
        if field.name in OFFER_FIELDS
    }
    fields = {**defaults, **fields}
    offer = Offer()
    _validated(offer, _offer_clean(fields))
    offer.save()
    return offer


@transaction.atomic
def offer_update(*, acting_user: Any, offer: Offer, expected_version: int, **fields: Any) -> Offer:
    _require_offer_provider(acting_user, {"organisation": offer.organisation})
    _require_offer_provider(acting_user, fields)
    return _update(offer, expected_version=expected_version, fields=_offer_clean(fields))
