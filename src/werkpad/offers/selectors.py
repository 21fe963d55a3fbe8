"""Reads of employers, BHAG Deals, round tables, leads and offers, and who may do what with them.

Employers, deals, round tables and offers hold no personal data of candidates; matches and
placements do, and their reads live in `werkpad.offers.flow_selectors`, which start from the
access policy.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext

from werkpad.accounts.models import User
from werkpad.candidates.codes import OfferKind
from werkpad.offers.codes import MatchStatus, OfferStatus
from werkpad.offers.models import (
    Deal,
    DealPromise,
    Employer,
    EmployerLead,
    EmployerMeeting,
    FollowUp,
    Match,
    Offer,
    Placement,
)
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import CASEWORK_ROLES

# Employer advisers and the programme lead keep the employer relations: employers, deals,
# round tables, leads. Everyone who works with candidates (and the board) may read the offers.
EMPLOYER_ROLES = frozenset({Role.EMPLOYER_ADVISER, Role.PROGRAMME_LEAD})
OFFER_READER_ROLES = CASEWORK_ROLES | {Role.BOARD}


def user_roles(user: Any) -> set[Role]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return {
        Role(role)
        for role in Membership.objects.filter(user_id=user.pk).values_list("role", flat=True)
    }


def may_work_with_employers(roles: set[Role]) -> bool:
    return bool(roles & EMPLOYER_ROLES)


def may_read_offers(roles: set[Role]) -> bool:
    return bool(roles & OFFER_READER_ROLES)


def offer_provider_organisations(*, user: Any) -> QuerySet[Organisation]:
    """Partner organisations for which `user` may publish and change offers: their own."""
    if not getattr(user, "is_authenticated", False):
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user_id=user.pk, memberships__role__in=CASEWORK_ROLES
    ).distinct()


def may_create_offers(roles: set[Role]) -> bool:
    return may_work_with_employers(roles) or bool(roles & CASEWORK_ROLES)


def may_edit_offer(*, user: Any, roles: set[Role], offer: Offer) -> bool:
    """Employer advisers and the programme lead change every offer; a partner its own."""
    if may_work_with_employers(roles):
        return True
    return (
        offer.organisation_id is not None
        and offer_provider_organisations(user=user).filter(pk=offer.organisation_id).exists()
    )


def adviser_users() -> QuerySet[User]:
    """Who can be an employer's account manager or own a round table's follow-up."""
    return (
        User.objects.filter(memberships__role__in=EMPLOYER_ROLES, is_active=True)
        .distinct()
        .order_by("full_name", "email")
    )


# --- employers --------------------------------------------------------------------------------


@dataclass(frozen=True)
class EmployerFilters:
    search: str = ""
    sector: str = ""


def employer_list(*, filters: EmployerFilters) -> QuerySet[Employer]:
    """Employers by name, searched on name, KvK number, place or contact, with open offers."""
    employers = Employer.objects.select_related("account_manager").annotate(
        open_offer_count=Count("offers", filter=Q(offers__status=OfferStatus.OPEN))
    )
    text = filters.search.strip()
    if text:
        digits = text.replace(" ", "")
        if digits.isdigit():
            employers = employers.filter(kvk_number__startswith=digits)
        else:
            for word in text.split()[:4]:
                employers = employers.filter(
                    Q(name__icontains=word)
                    | Q(city__icontains=word)
                    | Q(contact_name__icontains=word)
                )
    if filters.sector:
        employers = employers.filter(sector=filters.sector)
    return employers.order_by("name", "id")


def employer_get(*, employer_id: UUID | str) -> Employer:
    employer = Employer.objects.select_related("account_manager").filter(pk=employer_id).first()
    if employer is None:
        raise Http404
    return employer


# --- deals ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PromiseRow:
    """Places of one kind a deal promised, and the placements that fulfilled them."""

    kind: str
    promised: int
    placed: int

    @property
    def label(self) -> str:
        return str(OfferKind(self.kind).label)

    @property
    def met(self) -> bool:
        return self.placed >= self.promised


@dataclass(frozen=True)
class DealRow:
    deal: Deal
    promises: list[PromiseRow]
    today: date

    @property
    def promised(self) -> int:
        return sum(row.promised for row in self.promises)

    @property
    def placed(self) -> int:
        return sum(min(row.placed, row.promised) for row in self.promises)

    @property
    def is_running(self) -> bool:
        return self.deal.starts_on <= self.today <= self.deal.ends_on


def deal_rows(deals: list[Deal], *, today: date | None = None) -> list[DealRow]:
    """Each deal with its fulfilment: placements on the employer's offers that started within
    the deal's period, counted per kind of place. One query for all deals given (whose
    promises must be prefetched)."""
    day = today or timezone.localdate()
    if not deals:
        return []
    starts = (
        Placement.objects.filter(
            offer__employer_id__in={deal.employer_id for deal in deals},
            start__gte=min(deal.starts_on for deal in deals),
            start__lte=max(deal.ends_on for deal in deals),
        )
        .values_list("offer__employer_id", "kind", "start")
        .order_by()
    )
    placements: dict[UUID, list[tuple[str, date]]] = {}
    for employer_id, kind, start in starts:
        placements.setdefault(employer_id, []).append((kind, start))
    rows = []
    for deal in deals:
        counted = Counter(
            kind
            for kind, start in placements.get(deal.employer_id, [])
            if deal.starts_on <= start <= deal.ends_on
        )
        promises = sorted(deal.promises.all(), key=lambda p: OfferKind.values.index(p.offer_kind))
        rows.append(
            DealRow(
                deal=deal,
                promises=[
                    PromiseRow(kind=p.offer_kind, promised=p.places, placed=counted[p.offer_kind])
                    for p in promises
                ],
                today=day,
            )
        )
    return rows


def deal_list(*, running_only: bool = False) -> QuerySet[Deal]:
    deals = Deal.objects.select_related("employer").prefetch_related("promises")
    if running_only:
        today = timezone.localdate()
        deals = deals.filter(starts_on__lte=today, ends_on__gte=today)
    return deals.order_by("-signed_on", "employer__name", "id")


def deal_get(*, deal_id: UUID | str) -> Deal:
    deal = (
        Deal.objects.select_related("employer")
        .prefetch_related("promises")
        .filter(pk=deal_id)
        .first()
    )
    if deal is None:
        raise Http404
    return deal


# --- round tables -----------------------------------------------------------------------------


def meeting_list() -> QuerySet[EmployerMeeting]:
    return EmployerMeeting.objects.annotate(
        employer_count=Count("employers", distinct=True),
        open_follow_up_count=Count(
            "follow_ups", filter=Q(follow_ups__done_on__isnull=True), distinct=True
        ),
    ).order_by("-held_on", "id")


def meeting_get(*, meeting_id: UUID | str) -> EmployerMeeting:
    meeting = (
        EmployerMeeting.objects.prefetch_related(
            Prefetch("employers", queryset=Employer.objects.order_by("name")),
            Prefetch(
                "follow_ups",
                queryset=FollowUp.objects.select_related("owner", "employer").order_by(
                    "done_on", "due_on", "id"
                ),
            ),
        )
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        raise Http404
    return meeting


def follow_up_get(*, follow_up_id: UUID | str) -> FollowUp:
    follow_up = FollowUp.objects.select_related("meeting").filter(pk=follow_up_id).first()
    if follow_up is None:
        raise Http404
    return follow_up


# --- leads ------------------------------------------------------------------------------------


def lead_list(*, status: str = "") -> QuerySet[EmployerLead]:
    leads = EmployerLead.objects.select_related("handled_by", "employer")
    if status:
        leads = leads.filter(status=status)
    return leads.order_by("-created_at", "id")


def lead_get(*, lead_id: UUID | str) -> EmployerLead:
    lead = EmployerLead.objects.select_related("handled_by", "employer").filter(pk=lead_id).first()
    if lead is None:
        raise Http404
    return lead


# --- offers -----------------------------------------------------------------------------------


def with_free_capacity(offers: QuerySet[Offer], *, today: date | None = None) -> QuerySet[Offer]:
    """Annotate `taken` and `free`: free places are the capacity minus the placements still
    running and the matches a provider accepted (a place is promised to them)."""
    day = today or timezone.localdate()
    running = (
        Placement.objects.filter(offer=OuterRef("pk"))
        .filter(Q(end__isnull=True) | Q(end__gt=day))
        .order_by()
        .values("offer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    accepted = (
        Match.objects.filter(offer=OuterRef("pk"), status=MatchStatus.PROVIDER_ACCEPTED)
        .order_by()
        .values("offer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return offers.annotate(
        taken=Coalesce(Subquery(running, output_field=IntegerField()), Value(0))
        + Coalesce(Subquery(accepted, output_field=IntegerField()), Value(0))
    ).annotate(free=Greatest(F("capacity") - F("taken"), Value(0)))


def open_offers(*, today: date | None = None) -> QuerySet[Offer]:
    """Offers open today (status open, inside the open period) with a free place."""
    day = today or timezone.localdate()
    return (
        with_free_capacity(Offer.objects.all(), today=day)
        .filter(status=OfferStatus.OPEN, open_from__lte=day)
        .filter(Q(open_until__isnull=True) | Q(open_until__gte=day))
        .filter(free__gt=0)  # type: ignore[misc]  # an annotation the plugin cannot see
    )


@dataclass(frozen=True)
class OfferFilters:
    search: str = ""
    kind: str = ""
    status: str = ""
    provider: str = ""  # "employer:<uuid>" or "organisation:<slug>"


def offer_list(*, filters: OfferFilters) -> QuerySet[Offer]:
    offers = with_free_capacity(Offer.objects.select_related("employer", "organisation"))
    text = filters.search.strip()
    if text:
        if text.replace(" ", "").isdigit():
            offers = offers.filter(postcode__startswith=text.replace(" ", "")[:4])
        else:
            for word in text.split()[:4]:
                offers = offers.filter(
                    Q(title__icontains=word)
                    | Q(description__icontains=word)
                    | Q(employer__name__icontains=word)
                    | Q(organisation__name__icontains=word)
                )
    if filters.kind:
        offers = offers.filter(kind=filters.kind)
    if filters.status:
        offers = offers.filter(status=filters.status)
    provider_kind, _, provider_key = filters.provider.partition(":")
    if provider_kind == "employer":
        try:
            offers = offers.filter(employer_id=UUID(provider_key))
        except ValueError:
            offers = offers.none()
    elif provider_kind == "organisation":
        offers = offers.filter(organisation__slug=provider_key)
    return offers.order_by("title", "id")


def offer_get(*, offer_id: UUID | str) -> Offer:
    offer = (
        with_free_capacity(Offer.objects.select_related("employer", "organisation"))
        .filter(pk=offer_id)
        .first()
    )
    if offer is None:
        raise Http404
    return offer


def provider_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The providers that have offers, for the filter: employers, then partner organisations."""
    employers = Employer.objects.filter(Exists(Offer.objects.filter(employer=OuterRef("pk"))))
    organisations = Organisation.objects.filter(
        Exists(Offer.objects.filter(organisation=OuterRef("pk")))
    )
    return [
        (
            gettext("Partner organisations"),
            [(f"organisation:{o.slug}", o.name) for o in organisations.order_by("name")],
        ),
        (
            gettext("Employers"),
            [(f"employer:{e.pk}", e.name) for e in employers.order_by("name")],
        ),
    ]


def promise_kinds(deal: Deal) -> dict[str, DealPromise]:
    return {promise.offer_kind: promise for promise in deal.promises.all()}
