"""The dossier of a synthetic person: barriers, ladder scores, consents and plan.

Each maker takes the person's facts (:class:`DossierFacts`) and a random
generator of its own, and returns records whose dates fit the benefit history:
nothing is dated after ``today``, barriers open while the person is on
bijstand, consents are granted during the programme, and people who left for
work end on step 5 or 6 of the ladder with their blocking barriers resolved.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from werkpad.demo.population_flows import (
    PROGRAMME_END,
    PROGRAMME_START,
    add_years,
    random_day,
    weighted_choice,
    years_between,
)
from werkpad.demo.population_records import (
    DUTCH_LEVELS_BELOW_B1,
    MUNICIPAL_ORGANISATIONS,
    WORK_END_REASONS,
    BarrierRecord,
    BenefitPeriodRecord,
    ConsentRecord,
    LadderScoreRecord,
    PlanGoalRecord,
    PlanStepRecord,
)
from werkpad.demo.population_texts import (
    BARRIER_GOALS,
    BARRIER_NOTES,
    CASELOAD_LADDER_NOTE,
    LADDER_NOTES,
    TREE_GOAL,
    TREE_NOTE,
    WORK_GOALS,
)

#: Barriers are recorded from this day on (the benefit administration's memory).
EARLIEST_BARRIER = date(2014, 1, 1)
#: Ladder scores are recorded from this day on.
EARLIEST_LADDER_SCORE = date(2015, 1, 1)
#: The Zeg JA Team meets from this day on.
ZEG_JA_TEAM_START = date(2019, 9, 1)

#: How many barriers a person has, per segment: {count: weight}.
BARRIER_COUNT_WEIGHTS: dict[str, dict[int, float]] = {
    "regular": {0: 0.20, 1: 0.40, 2: 0.28, 3: 0.10, 4: 0.02},
    "focus": {0: 0.03, 1: 0.22, 2: 0.35, 3: 0.27, 4: 0.13},
    "volunteer_parttime": {0: 0.05, 1: 0.25, 2: 0.35, 3: 0.25, 4: 0.10},
    "unable": {1: 0.12, 2: 0.30, 3: 0.33, 4: 0.25},
}
#: Severity of a barrier: 1 light, 2 medium, 3 severe.
SEVERITY_WEIGHTS: dict[int, float] = {1: 0.35, 2: 0.40, 3: 0.25}
#: Relative frequency of barrier kinds. ``language`` follows the Dutch level and
#: ``childcare`` needs children under 12 (see :func:`_barrier_kind_weights`).
BARRIER_KIND_WEIGHTS: dict[str, float] = {
    "physical": 20.0,
    "psychological": 18.0,
    "debts": 16.0,
    "care_duties": 13.0,
    "housing": 8.0,
    "addiction": 3.0,
    "digital_skills": 3.0,
    "transport": 3.0,
    "other": 1.0,
}
#: Health barriers weigh more for people judged unable to work, less for regular trajectories.
BARRIER_KIND_SEGMENT_FACTORS: dict[str, dict[str, float]] = {
    "unable": {"physical": 1.8, "psychological": 1.6, "addiction": 1.5},
    "regular": {"physical": 0.6, "psychological": 0.6, "addiction": 0.5},
}
#: Which organisation picks up a barrier of each kind: {kind: {slug: weight}}.
BARRIER_OWNERS: dict[str, dict[str, float]] = {
    "physical": {"sociaal-team": 0.6, "team-inkomen": 0.4},
    "psychological": {"ggz-delfland": 1.0},
    "addiction": {"ggz-delfland": 1.0},
    "care_duties": {"sociaal-team": 1.0},
    "childcare": {"sociaal-team": 0.8, "delft-voor-elkaar": 0.2},
    "language": {"leerwerkmakelaar": 0.6, "delft-voor-elkaar": 0.4},
    "debts": {"delft-support": 0.55, "stichting-perspektief": 0.45},
    "housing": {"sociaal-team": 0.8, "stichting-perspektief": 0.2},
    "transport": {"delft-voor-elkaar": 0.5, "sociaal-team": 0.5},
    "digital_skills": {"leerwerkmakelaar": 0.5, "delft-voor-elkaar": 0.5},
    "other": {"sociaal-team": 1.0},
}
#: The consent purpose that goes with a barrier owned by a partner, and how often it is given.
BARRIER_CONSENTS: dict[str, tuple[str, float]] = {
    "debts": ("debt_help", 0.75),
    "psychological": ("care", 0.75),
    "addiction": ("care", 0.6),
    "housing": ("care", 0.5),
    "childcare": ("care", 0.4),
    "language": ("work_guidance", 0.5),
    "digital_skills": ("work_guidance", 0.5),
    "transport": ("work_guidance", 0.4),
}

#: The ladder step a person stands on during the programme, per segment: {step: weight}.
LADDER_STEP_WEIGHTS: dict[str, dict[int, float]] = {
    "unable": {1: 0.55, 2: 0.40, 3: 0.05},
    "volunteer_parttime": {2: 0.30, 3: 0.40, 4: 0.30},
    "focus": {3: 0.35, 4: 0.40, 5: 0.25},
    "regular": {4: 0.55, 5: 0.45},
}
#: How many ladder scores a person has.
LADDER_SCORE_COUNT_WEIGHTS: dict[int, float] = {1: 0.20, 2: 0.35, 3: 0.30, 4: 0.15}
#: How far above the current step the potential step lies: {extra steps: weight}.
LADDER_POTENTIAL_WEIGHTS: dict[str, dict[int, float]] = {
    "unable": {0: 0.60, 1: 0.35, 2: 0.05},
    "other": {0: 0.25, 1: 0.45, 2: 0.30},
}

#: Work guidance per segment: (share with such a consent, {partner slug: weight}).
WORK_GUIDANCE_PARTNERS: dict[str, tuple[float, dict[str, float]]] = {
    "focus": (0.85, {"werkse": 0.55, "stichting-perspektief": 0.45}),
    "regular": (0.30, {"werkse": 0.7, "impegno": 0.3}),
    "volunteer_parttime": (
        0.50,
        {
            "lekker-bezig": 0.40,
            "delft-voor-elkaar": 0.20,
            "stichting-stunt": 0.15,
            "fonteynenburg": 0.10,
            "de-firma-van-buiten": 0.10,
            "015now": 0.05,
        },
    ),
    "unable": (0.25, {"ipse-de-bruggen": 0.6, "philadelphia": 0.4}),
}
#: Share of each segment with a consent to propose them to providers and employers (WSP Delft).
MATCHING_SHARE: dict[str, float] = {
    "regular": 0.50,
    "focus": 0.40,
    "volunteer_parttime": 0.10,
    "unable": 0.0,
}
#: Share of long-term people in these segments whose case goes to the Zeg JA Team.
ZEG_JA_TEAM_SHARE: dict[str, float] = {"focus": 0.25, "volunteer_parttime": 0.10}
#: Consents: share with an end date, and share revoked.
CONSENT_EXPIRY_SHARE = 0.15
CONSENT_REVOKED_SHARE = 0.03


@dataclass(frozen=True, slots=True)
class DossierFacts:
    """What the dossier makers need to know about a person."""

    periods: tuple[BenefitPeriodRecord, ...]
    segment: str
    in_caseload: bool
    household: str
    children_under_12: int
    dutch_level: str
    preferred_offer_kinds: tuple[str, ...]
    lead_organisation: str
    today: date
    has_tree: bool = False

    @property
    def first_day(self) -> date:
        """First day on bijstand."""
        return self.periods[0].start

    @property
    def last_day(self) -> date:
        """Last day on bijstand, or ``today`` while still on it."""
        end = self.periods[-1].end
        return self.today if end is None else min(end, self.today)

    @property
    def left_to_work(self) -> bool:
        """True when the last period ended with work (with or without support)."""
        return self.periods[-1].end is not None and self.periods[-1].end_reason in WORK_END_REASONS

    @property
    def programme_first_day(self) -> date | None:
        """First day on bijstand on or after the programme start, None if never."""
        for period in self.periods:
            if period.end is None or period.end >= PROGRAMME_START:
                return max(period.start, PROGRAMME_START)
        return None

    def on_bijstand_near(self, day: date) -> date:
        """``day`` when on bijstand then; else the next period's first day, or the last end."""
        for period in self.periods:
            if period.covers(day) or period.start > day:
                return max(day, period.start)
        return self.last_day

    def period_start_on(self, day: date) -> date | None:
        """Start of the period covering ``day``, None if off bijstand that day."""
        for period in self.periods:
            if period.covers(day):
                return period.start
        return None


def _barrier_kind_weights(facts: DossierFacts) -> dict[str, float]:
    """Kind weights for this person: language by Dutch level, childcare only with young children."""
    factors = BARRIER_KIND_SEGMENT_FACTORS.get(facts.segment, {})
    weights = {kind: w * factors.get(kind, 1.0) for kind, w in BARRIER_KIND_WEIGHTS.items()}
    if facts.dutch_level == "B1":
        weights["language"] = 6.0
    if facts.children_under_12 > 0:
        weights["childcare"] = 70.0 if facts.household == "single_parent" else 35.0
        weights["care_duties"] *= 1.5
    return weights


def make_barriers(rng: random.Random, facts: DossierFacts) -> tuple[BarrierRecord, ...]:
    """One to four barriers for most people; the tree person has only the tree.

    People below B1 Dutch nearly always have a language barrier. Status fits the
    dates: a resolved barrier has a resolved_on after opened_on, the others none;
    someone who left for work has no unresolved barrier that blocks work.
    """
    if facts.has_tree:
        return (_tree_barrier(rng, facts),)
    count = weighted_choice(rng, BARRIER_COUNT_WEIGHTS[facts.segment])
    kinds: list[str] = []
    if count and facts.dutch_level in DUTCH_LEVELS_BELOW_B1 and rng.random() < 0.85:
        kinds.append("language")
    weights = _barrier_kind_weights(facts)
    while len(kinds) < count:
        kind = weighted_choice(rng, {k: w for k, w in weights.items() if k not in kinds})
        kinds.append(kind)
    return tuple(_barrier(rng, facts, kind) for kind in kinds)


def _barrier(rng: random.Random, facts: DossierFacts, kind: str) -> BarrierRecord:
    """One barrier of ``kind`` with owner, severity, dates and status fitting the history."""
    severity = weighted_choice(rng, SEVERITY_WEIGHTS)
    if facts.segment == "unable" and severity < 3 and rng.random() < 0.3:
        severity += 1
    blocks_work = rng.random() < {1: 0.1, 2: 0.45, 3: 0.85}[severity]
    owner = weighted_choice(rng, BARRIER_OWNERS[kind])
    if kind == "psychological" and severity == 1 and rng.random() < 0.7:
        owner = "ggz-doel-preventie"
    earliest = max(facts.first_day, EARLIEST_BARRIER)
    opened_on = facts.on_bijstand_near(random_day(rng, earliest, facts.last_day))
    status = _barrier_status(rng, facts)
    if kind == "language" and facts.dutch_level in DUTCH_LEVELS_BELOW_B1:
        # The Dutch level is today's, so a language barrier below B1 is not solved yet.
        status = "in_progress" if status == "resolved" else status
        blocks_work = blocks_work and not facts.left_to_work
    elif facts.left_to_work and blocks_work:
        status = "resolved"
    resolved_on: date | None = None
    if status == "resolved":
        latest = facts.last_day
        if not facts.left_to_work:
            latest = min(facts.today, facts.last_day + timedelta(days=90))
        if latest <= earliest:
            status, blocks_work = "in_progress", blocks_work and not facts.left_to_work
        else:
            if opened_on >= latest:
                opened_on = facts.on_bijstand_near(
                    random_day(rng, earliest, latest - timedelta(days=1))
                )
            resolved_on = random_day(rng, opened_on + timedelta(days=1), latest)
    return BarrierRecord(
        kind=kind,
        severity=severity,
        blocks_work=blocks_work,
        status=status,
        owner_organisation=owner,
        opened_on=opened_on,
        resolved_on=resolved_on,
        note=rng.choice(BARRIER_NOTES[kind]),
    )


def _barrier_status(rng: random.Random, facts: DossierFacts) -> str:
    """Status mix: mostly open while on bijstand, mostly resolved after leaving for work."""
    if facts.periods[-1].end is None:
        weights = {"open": 0.40, "in_progress": 0.35, "resolved": 0.25}
    elif facts.left_to_work:
        weights = {"open": 0.20, "in_progress": 0.10, "resolved": 0.70}
    else:
        weights = {"open": 0.45, "in_progress": 0.20, "resolved": 0.35}
    return weighted_choice(rng, weights)


def _tree_barrier(rng: random.Random, facts: DossierFacts) -> BarrierRecord:
    """The overgrown tree: opened before the caseload analysis, solved by the Zeg JA Team."""
    opened_on = random_day(rng, max(facts.first_day, date(2019, 3, 1)), date(2019, 6, 30))
    opened_on = min(opened_on, facts.last_day)
    solved_by = facts.last_day - timedelta(days=30) if facts.left_to_work else facts.today
    # Solved after the Zeg JA Team took it up (its consent comes within two weeks of the start).
    solved_from = max(opened_on + timedelta(days=60), ZEG_JA_TEAM_START + timedelta(days=30))
    resolved = solved_by >= solved_from
    return BarrierRecord(
        kind="other",
        severity=2,
        blocks_work=True,
        status="resolved" if resolved else "in_progress",
        owner_organisation="delft-voor-elkaar",
        opened_on=opened_on,
        # The Zeg JA Team found a way within months.
        resolved_on=random_day(rng, solved_from, min(solved_by, solved_from + timedelta(days=150)))
        if resolved
        else None,
        note=TREE_NOTE,
    )


def _ladder_step(rng: random.Random, segment: str) -> int:
    """The step a person of ``segment`` stands on during the programme."""
    return weighted_choice(rng, LADDER_STEP_WEIGHTS[segment])


def _ladder_score(
    rng: random.Random, segment: str, step: int, day: date, note: str | None = None
) -> LadderScoreRecord:
    """A score with a potential step at least ``step`` (at most 6)."""
    extras = LADDER_POTENTIAL_WEIGHTS["unable" if segment == "unable" else "other"]
    extra = weighted_choice(rng, extras)
    return LadderScoreRecord(
        step=step,
        potential_step=min(6, step + extra),
        assessed_on=day,
        note=note if note is not None else rng.choice(LADDER_NOTES[step]),
    )


def make_ladder_scores(rng: random.Random, facts: DossierFacts) -> tuple[LadderScoreRecord, ...]:
    """One to four dated scores, oldest first.

    People in the July 2019 stock have a caseload-analysis score (April–June
    2019) on their segment's step; people who left for work end with a score on
    their last day, 6 for work (sometimes 5) and 5 for work with support. Other
    scores lie one step lower before that and up to one higher after it.
    """
    step = _ladder_step(rng, facts.segment)
    anchors: dict[date, tuple[int, str | None]] = {}
    if facts.in_caseload:
        day = random_day(rng, max(facts.first_day, date(2019, 4, 1)), date(2019, 6, 30))
        day = facts.on_bijstand_near(day)
        anchors[day] = (step, CASELOAD_LADDER_NOTE)
    if facts.left_to_work:
        reason = facts.periods[-1].end_reason
        exit_step = 6 if reason == "work" and rng.random() < 0.8 else 5
        anchors[facts.last_day] = (exit_step, None)
    count = weighted_choice(rng, LADDER_SCORE_COUNT_WEIGHTS)
    first = max(facts.first_day, EARLIEST_LADDER_SCORE)
    days = set(anchors)
    for _ in range(max(0, count - len(anchors)) * 3):
        if len(days) >= count:
            break
        days.add(facts.on_bijstand_near(random_day(rng, first, facts.last_day)))
    scores = []
    middle = min(anchors) if anchors else facts.last_day
    for day in sorted(days):
        if day in anchors:
            anchor_step, note = anchors[day]
            scores.append(_ladder_score(rng, facts.segment, anchor_step, day, note))
            continue
        drift = -rng.choice((0, 0, 1)) if day < middle else rng.choice((0, 0, 1))
        other_step = min(6, max(1, step + drift))
        if facts.left_to_work:
            other_step = min(other_step, anchors[facts.last_day][0])
        scores.append(_ladder_score(rng, facts.segment, other_step, day))
    return tuple(scores)


def _consent(
    rng: random.Random, facts: DossierFacts, organisation: str, purpose: str, granted_on: date
) -> ConsentRecord:
    """A consent granted on ``granted_on``; some end after 2, 3 or 5 years, a few are revoked."""
    expires_on = None
    if rng.random() < CONSENT_EXPIRY_SHARE:
        expires_on = add_years(granted_on, rng.choice((2, 3, 5)))
    revoked_on = None
    if rng.random() < CONSENT_REVOKED_SHARE and granted_on < facts.today:
        revoked_on = random_day(
            rng, granted_on + timedelta(days=1), min(facts.today, expires_on or facts.today)
        )
    return ConsentRecord(
        organisation=organisation,
        purpose=purpose,
        granted_on=granted_on,
        expires_on=expires_on,
        revoked_on=revoked_on,
    )


def make_consents(
    rng: random.Random, facts: DossierFacts, barriers: tuple[BarrierRecord, ...]
) -> tuple[ConsentRecord, ...]:
    """Consents for partners during the programme (none for the municipality's own teams).

    A partner owning one of the person's barriers often gets the purpose that
    goes with it (BARRIER_CONSENTS: debts → debt_help, psychological → care for
    GGZ, ...); focus candidates mostly consent to work guidance by Werkse!
    or Stichting Perspektief; some consent to matching by WSP Delft; long-term
    focus and volunteer candidates sometimes to the Zeg JA Team (WSP Delft).
    """
    first = facts.programme_first_day
    if first is None or first > facts.last_day:
        return ()
    last = facts.last_day
    wanted: dict[tuple[str, str], date] = {}

    def want(organisation: str, purpose: str, earliest: date, spread_days: int) -> None:
        if organisation in MUNICIPAL_ORGANISATIONS:
            return
        from_day = max(first, earliest)
        granted = random_day(rng, from_day, from_day + timedelta(days=spread_days))
        granted = facts.on_bijstand_near(min(last, granted))
        key = (organisation, purpose)
        wanted[key] = min(granted, wanted.get(key, granted))

    for barrier in barriers:
        purpose_share = BARRIER_CONSENTS.get(barrier.kind)
        if purpose_share and rng.random() < purpose_share[1]:
            want(barrier.owner_organisation, purpose_share[0], barrier.opened_on, 60)
    share, partners = WORK_GUIDANCE_PARTNERS[facts.segment]
    if rng.random() < share:
        want(weighted_choice(rng, partners), "work_guidance", first, 180)
    if rng.random() < MATCHING_SHARE[facts.segment]:
        want("wsp-delft", "matching", first, 365)
    zeg_ja_first = max(first, ZEG_JA_TEAM_START)
    zeg_ja_last = min(last, PROGRAMME_END)
    if facts.has_tree:
        want("wsp-delft", "zeg_ja_team", zeg_ja_first, 14)
    elif zeg_ja_first <= zeg_ja_last and rng.random() < ZEG_JA_TEAM_SHARE.get(facts.segment, 0.0):
        day = random_day(rng, zeg_ja_first, zeg_ja_last)
        start = facts.period_start_on(day)
        if start is not None and years_between(start, day) >= 5:
            wanted[("wsp-delft", "zeg_ja_team")] = day
    consents = [
        _consent(rng, facts, org, purpose, granted) for (org, purpose), granted in wanted.items()
    ]
    return tuple(sorted(consents, key=lambda c: (c.granted_on, c.organisation, c.purpose)))


def make_plan_goals(
    rng: random.Random,
    facts: DossierFacts,
    barriers: tuple[BarrierRecord, ...],
    consents: tuple[ConsentRecord, ...],
) -> tuple[PlanGoalRecord, ...]:
    """A plan for people on bijstand during the programme: up to two barrier goals and a work goal.

    A step belongs to the barrier's owner or the partner named in the template
    when that partner has a consent; otherwise to the lead organisation (legal
    basis). Steps are due a month or so apart; steps due before the person left
    (or before today) are mostly done.
    """
    first = facts.programme_first_day
    if first is None or first > facts.last_day:
        return ()
    allowed = {c.organisation for c in consents} | {facts.lead_organisation}
    goals: list[PlanGoalRecord] = []
    if facts.has_tree:
        goals.append(_goal(rng, facts, TREE_GOAL, None, allowed, max(first, ZEG_JA_TEAM_START)))
    else:
        by_severity = sorted(barriers, key=lambda b: (-b.severity, b.opened_on))
        for barrier in by_severity[:2]:
            start = max(first, barrier.opened_on)
            if start <= facts.last_day:
                goals.append(
                    _goal(rng, facts, BARRIER_GOALS[barrier.kind], barrier, allowed, start)
                )
    kind = facts.preferred_offer_kinds[0]
    goals.append(
        _goal(
            rng,
            facts,
            WORK_GOALS[kind],
            None,
            allowed,
            random_day(rng, first, min(facts.last_day, first + timedelta(days=120))),
        )
    )
    return tuple(goals)


def _goal(
    rng: random.Random,
    facts: DossierFacts,
    template: tuple[str, tuple[tuple[str, str], ...]],
    barrier: BarrierRecord | None,
    allowed: set[str],
    start: date,
) -> PlanGoalRecord:
    """A goal from ``template``: steps due one after another from ``start``."""
    title, step_templates = template
    steps = []
    due_on = start
    for description, role in step_templates:
        owner = barrier.owner_organisation if role == "owner" and barrier else role
        if owner not in allowed and owner not in MUNICIPAL_ORGANISATIONS:
            owner = facts.lead_organisation
        due_on = due_on + timedelta(days=rng.randint(21, 60))
        finished_by = (
            facts.last_day
            if barrier is None or barrier.resolved_on is None
            else barrier.resolved_on
        )
        done = due_on <= finished_by and due_on <= facts.today and rng.random() < 0.85
        steps.append(
            PlanStepRecord(
                description=description, owner_organisation=owner, due_on=due_on, done=done
            )
        )
    return PlanGoalRecord(title=title, steps=tuple(steps))
