"""Records and code lists of the synthetic Delft population.

Plain frozen dataclasses with tuples inside, so a population is immutable and
can be compared with ``==``. Codes are the contract codes of DESIGN.md §4; the
loader in the Django part maps these records one to one onto model rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: Consent purposes (DESIGN.md §4).
CONSENT_PURPOSES: tuple[str, ...] = (
    "work_guidance",
    "debt_help",
    "care",
    "zeg_ja_team",
    "matching",
)

#: Barrier kinds (DESIGN.md §4); the first three are special-category (health).
BARRIER_KINDS: tuple[str, ...] = (
    "physical",
    "psychological",
    "addiction",
    "care_duties",
    "childcare",
    "language",
    "debts",
    "housing",
    "transport",
    "digital_skills",
    "other",
)
HEALTH_BARRIER_KINDS: frozenset[str] = frozenset({"physical", "psychological", "addiction"})

#: Offer kinds (DESIGN.md §4).
OFFER_KINDS: tuple[str, ...] = (
    "paid_job",
    "supported_job",
    "volunteer",
    "day_activity",
    "learning",
    "work_experience",
)

#: Organisation slugs of the demo data (DESIGN.md §4).
ORGANISATION_SLUGS: tuple[str, ...] = (
    "team-inkomen",
    "sociaal-team",
    "wsp-delft",
    "werkse",
    "ggz-delfland",
    "ggz-doel-preventie",
    "stichting-perspektief",
    "015now",
    "ipse-de-bruggen",
    "delft-voor-elkaar",
    "stichting-stunt",
    "delft-support",
    "philadelphia",
    "leerwerkmakelaar",
    "fonteynenburg",
    "impegno",
    "de-firma-van-buiten",
    "lekker-bezig",
)

#: The municipality's own teams: a legal basis for their own clients, so never a consent.
MUNICIPAL_ORGANISATIONS: frozenset[str] = frozenset({"team-inkomen", "sociaal-team"})

#: Caseload segments of the July 2019 analysis.
SEGMENTS: tuple[str, ...] = ("regular", "focus", "volunteer_parttime", "unable")

#: Why a benefit period ended. ``work`` and ``work_with_support`` count as outflow to work.
END_REASONS: tuple[str, ...] = ("work", "work_with_support", "other_income", "moved", "other")
WORK_END_REASONS: frozenset[str] = frozenset({"work", "work_with_support"})

HOUSEHOLDS: tuple[str, ...] = ("single", "single_parent", "couple")
GENDERS: tuple[str, ...] = ("f", "m", "x")

#: Dutch levels (CEFR), lowest first; ``none`` means no Dutch at all.
DUTCH_LEVELS: tuple[str, ...] = ("none", "A1", "A2", "B1", "B2", "C1", "C2")
DUTCH_LEVELS_BELOW_B1: frozenset[str] = frozenset({"none", "A1", "A2"})

#: Highest education completed, lowest first.
EDUCATION_LEVELS: tuple[str, ...] = (
    "none",
    "primary",
    "vmbo",
    "mbo1",
    "mbo2",
    "mbo3",
    "mbo4",
    "havo",
    "vwo",
    "hbo",
    "wo",
)

#: The skill vocabulary (codes); the interface translates them.
SKILLS: tuple[str, ...] = (
    "cleaning",
    "catering",
    "cooking",
    "retail",
    "customer_service",
    "logistics",
    "forklift",
    "driving_licence_b",
    "care",
    "childcare",
    "administration",
    "ict",
    "technical",
    "bicycle_repair",
    "green_maintenance",
    "horticulture",
    "construction",
    "painting",
    "security",
    "hospitality",
    "language_teaching",
    "translation",
    "sewing",
    "hairdressing",
    "production",
)

#: Participation ladder (participatieladder) steps, 1 to 6.
LADDER_STEPS: tuple[int, ...] = (1, 2, 3, 4, 5, 6)


@dataclass(frozen=True, slots=True)
class BenefitPeriodRecord:
    """A period on bijstand; ``end`` is the last day on benefit (inclusive), None while open."""

    start: date
    end: date | None
    end_reason: str | None

    def covers(self, day: date) -> bool:
        """True when the person is on bijstand on ``day`` (start ≤ day ≤ end)."""
        return self.start <= day and (self.end is None or self.end >= day)


@dataclass(frozen=True, slots=True)
class BarrierRecord:
    """Something standing between the person and work, owned by one organisation."""

    kind: str
    severity: int
    blocks_work: bool
    status: str
    owner_organisation: str
    opened_on: date
    resolved_on: date | None
    note: str


@dataclass(frozen=True, slots=True)
class LadderScoreRecord:
    """A dated step on the participation ladder with the step thought reachable."""

    step: int
    potential_step: int
    assessed_on: date
    note: str


@dataclass(frozen=True, slots=True)
class ConsentRecord:
    """The person's permission for one organisation, one purpose, one period."""

    organisation: str
    purpose: str
    granted_on: date
    expires_on: date | None
    revoked_on: date | None

    def is_active(self, day: date) -> bool:
        """True when granted on or before ``day`` and neither expired nor revoked by then."""
        return (
            self.granted_on <= day
            and (self.expires_on is None or self.expires_on >= day)
            and (self.revoked_on is None or self.revoked_on > day)
        )


@dataclass(frozen=True, slots=True)
class PlanStepRecord:
    """One step of a plan goal, owned by one organisation."""

    description: str
    owner_organisation: str
    due_on: date
    done: bool


@dataclass(frozen=True, slots=True)
class PlanGoalRecord:
    """A goal in the person's plan with its steps in order."""

    title: str
    steps: tuple[PlanStepRecord, ...]


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """One synthetic person with a bijstand history since 2016 and their dossier."""

    bsn: str
    first_name: str
    last_name: str
    birth_date: date
    gender: str
    email: str
    phone: str
    postcode: str
    house_number: str
    household: str
    children_under_12: int
    languages: tuple[str, ...]
    dutch_level: str
    education: str
    work_experience: str
    skills: tuple[str, ...]
    hours_available: int
    preferred_offer_kinds: tuple[str, ...]
    max_travel_km: int
    lead_organisation: str
    segment: str
    benefit_periods: tuple[BenefitPeriodRecord, ...]
    barriers: tuple[BarrierRecord, ...]
    ladder_scores: tuple[LadderScoreRecord, ...]
    consents: tuple[ConsentRecord, ...]
    plan_goals: tuple[PlanGoalRecord, ...]

    def on_bijstand(self, day: date) -> bool:
        """True when one of the person's benefit periods covers ``day``."""
        return any(period.covers(day) for period in self.benefit_periods)
