"""Loading the synthetic Delft population (`werkpad.demo.population`) into the database.

The generator is pure Python; this turns its records one to one into rows, in bulk and in
chunks of people so that even a hundred thousand people fit in memory. Encrypting BSNs, health
kinds and notes (Fernet) is the larger part of the work after the inserts themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, fields
from typing import Any

from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.candidates.models import (
    Barrier,
    BenefitPeriod,
    Candidate,
    LadderScore,
    PlanGoal,
    PlanStep,
)
from werkpad.candidates.selectors import normalise_search_name
from werkpad.demo.partners import demo_email
from werkpad.demo.population import PersonRecord, Population
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.encryption import bsn_hash
from werkpad.privacy.models import Consent

PEOPLE_PER_CHUNK = 2000
BATCH_SIZE = 1000
CASE_MANAGER_CANDIDATES = 25


@dataclass
class LoadCounts:
    """How many rows of each kind were loaded."""

    candidates: int = 0
    benefit_periods: int = 0
    barriers: int = 0
    ladder_scores: int = 0
    consents: int = 0
    plan_goals: int = 0
    plan_steps: int = 0

    def add(self, other: LoadCounts) -> None:
        for item in fields(self):
            setattr(self, item.name, getattr(self, item.name) + getattr(other, item.name))


class PartnersMissingError(Exception):
    """The population names organisations that are not in the database."""


def population_load(*, population: Population) -> LoadCounts:
    """Create every person of `population` with their benefit periods and dossier.

    The partners (`werkpad.demo.services.demo_partners_load`) must be loaded first. Each chunk
    of people is one transaction, so a failure leaves whole people, never half a dossier.
    """
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    missing = _organisation_slugs(population.people) - set(organisations)
    if missing:
        raise PartnersMissingError(f"Load the partners first; missing: {sorted(missing)}")
    counts = LoadCounts()
    for chunk in _chunks(population.people, PEOPLE_PER_CHUNK):
        with transaction.atomic():
            counts.add(_ChunkLoader(organisations).load(chunk))
    _refresh_planner_statistics()
    return counts


def _refresh_planner_statistics() -> None:
    """After a bulk load PostgreSQL's planner still thinks the tables are empty until autovacuum
    comes by; queries right after the load (such as the case managers') would crawl."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in _ChunkLoader.MODELS:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _organisation_slugs(people: Iterable[PersonRecord]) -> set[str]:
    slugs: set[str] = set()
    for person in people:
        slugs.add(person.lead_organisation)
        slugs.update(barrier.owner_organisation for barrier in person.barriers)
        slugs.update(consent.organisation for consent in person.consents)
        slugs.update(step.owner_organisation for goal in person.plan_goals for step in goal.steps)
    return slugs


def _chunks(items: Sequence[PersonRecord], size: int) -> Iterator[Sequence[PersonRecord]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


class _ChunkLoader:
    # Parents before children: the order the rows are inserted in.
    MODELS: tuple[type[Any], ...] = (
        Candidate,
        BenefitPeriod,
        Barrier,
        LadderScore,
        Consent,
        PlanGoal,
        PlanStep,
    )

    def __init__(self, organisations: dict[str, Organisation]) -> None:
        self.organisations = organisations
        self.rows: dict[type[Any], list[Any]] = {model: [] for model in self.MODELS}

    def load(self, people: Sequence[PersonRecord]) -> LoadCounts:
        for person in people:
            self._person(person)
        for model, rows in self.rows.items():
            model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        return LoadCounts(
            candidates=len(self.rows[Candidate]),
            benefit_periods=len(self.rows[BenefitPeriod]),
            barriers=len(self.rows[Barrier]),
            ladder_scores=len(self.rows[LadderScore]),
            consents=len(self.rows[Consent]),
            plan_goals=len(self.rows[PlanGoal]),
            plan_steps=len(self.rows[PlanStep]),
        )

    def _person(self, person: PersonRecord) -> None:
        org = self.organisations
        lead = org[person.lead_organisation]
        candidate = Candidate(
            bsn_encrypted=person.bsn,
            bsn_hash=bsn_hash(person.bsn),
            first_name=person.first_name,
            last_name=person.last_name,
            search_name=normalise_search_name(person.first_name, person.last_name),
            birth_date=person.birth_date,
            email=person.email,
            phone=person.phone,
            postcode=person.postcode,
            house_number=person.house_number,
            household=person.household,
            children_under_12=person.children_under_12,
            languages=list(person.languages),
            dutch_level=person.dutch_level,
            education=person.education,
            work_experience=person.work_experience,
            skills=list(person.skills),
            hours_available=person.hours_available,
            preferred_offer_kinds=list(person.preferred_offer_kinds),
            max_travel_km=person.max_travel_km,
            lead_organisation=lead,
        )
        self.rows[Candidate].append(candidate)
        self.rows[BenefitPeriod].extend(
            BenefitPeriod(
                candidate=candidate,
                start=period.start,
                end=period.end,
                end_reason=period.end_reason or "",
            )
            for period in person.benefit_periods
        )
        for record in person.barriers:
            barrier = Barrier(
                candidate=candidate,
                severity=record.severity,
                blocks_work=record.blocks_work,
                status=record.status,
                owner_organisation=org[record.owner_organisation],
                opened_on=record.opened_on,
                resolved_on=record.resolved_on,
                note=record.note,
            )
            barrier.kind = record.kind
            self.rows[Barrier].append(barrier)
        # The caseload analysis and later reviews were done by the lead team.
        self.rows[LadderScore].extend(
            LadderScore(
                candidate=candidate,
                step=score.step,
                potential_step=score.potential_step,
                assessed_on=score.assessed_on,
                assessor_organisation=lead,
                note=score.note,
            )
            for score in person.ladder_scores
        )
        self.rows[Consent].extend(
            Consent(
                candidate=candidate,
                organisation=org[consent.organisation],
                purpose=consent.purpose,
                granted_on=consent.granted_on,
                expires_on=consent.expires_on,
                revoked_on=consent.revoked_on,
            )
            for consent in person.consents
        )
        for goal_record in person.plan_goals:
            goal = PlanGoal(candidate=candidate, title=goal_record.title)
            self.rows[PlanGoal].append(goal)
            self.rows[PlanStep].extend(
                PlanStep(
                    goal=goal,
                    description=step.description,
                    owner_organisation=org[step.owner_organisation],
                    due_on=step.due_on,
                    done_on=step.due_on if step.done else None,
                )
                for step in goal_record.steps
            )


@transaction.atomic
def demo_case_managers_assign(*, per_organisation: int = CASE_MANAGER_CANDIDATES) -> int:
    """Make each organisation's demo professional the case manager of some of its candidates.

    Candidates the organisation may see (its own clients for Team Inkomen and the Sociaal Team,
    an active consent for the partners) who are on bijstand today and have no case manager yet,
    in name order, so the demo's pages show data from the first login.
    """
    today = timezone.localdate()
    on_bijstand = Exists(
        BenefitPeriod.objects.filter(candidate=OuterRef("pk"), start__lte=today).filter(
            Q(end__isnull=True) | Q(end__gte=today)
        )
    )
    assigned = 0
    for organisation in Organisation.objects.order_by("slug"):
        professional = User.objects.filter(
            email=demo_email(role=Role.PROFESSIONAL, organisation_slug=organisation.slug)
        ).first()
        if professional is None:
            continue
        seen_by_organisation = (
            Q(lead_organisation=organisation)
            if organisation.has_legal_basis
            else Exists(
                Consent.objects.active().filter(candidate=OuterRef("pk"), organisation=organisation)
            )
        )
        chosen = list(
            Candidate.objects.filter(seen_by_organisation, on_bijstand, case_manager__isnull=True)
            .order_by("last_name", "first_name", "birth_date")
            .values_list("pk", flat=True)[:per_organisation]
        )
        assigned += Candidate.objects.filter(pk__in=chosen).update(case_manager=professional)
    return assigned
