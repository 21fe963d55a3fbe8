"""Offers and employers for the demo: invented Delft companies, BHAG Deals, round tables
(ondernemerstafels), interested employers, about 1,000 offers with about 2,000 places across
Delft (PC4 2611–2629) and its neighbours, some group offers, and a few placements.

Employers and offers are invented and hold no personal data, so they are written in bulk. The
placements are replayed through the matching services by the employer adviser of WSP Delft, so
each step is in the match's history and the processing log, as on the pages. Deterministic per
seed, and loaded once (nothing happens when offers exist).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from faker import Faker

from werkpad.accounts.models import User
from werkpad.candidates.codes import OfferKind
from werkpad.demo.partners import demo_email
from werkpad.matching.selectors import (
    engine_input,
    matching_candidates,
    suggestions_for,
    top_offers,
)
from werkpad.matching.services import (
    match_propose,
    match_transition,
    placement_end,
    placement_start,
)
from werkpad.offers.codes import (
    EmployerSize,
    LeadStatus,
    MatchStatus,
    PhysicalDemand,
    PlacementOutcome,
    Schedule,
)
from werkpad.offers.models import (
    Deal,
    DealPromise,
    Employer,
    EmployerLead,
    EmployerMeeting,
    FollowUp,
    Match,
    Offer,
)
from werkpad.offers.selectors import open_offers
from werkpad.organisations.models import Organisation
from werkpad.organisations.roles import Role

SEED = 2019
EMPLOYERS = 160
OFFERS = 1000
PLACES = 2000
GROUP_OFFERS = 40
DEALS = 36
PLACEMENTS = 24
ROUND_TABLES = 8
LEADS = 12

DELFT_PC4 = (
    "2611",
    "2612",
    "2613",
    "2614",
    "2616",
    "2622",
    "2623",
    "2624",
    "2625",
    "2626",
    "2627",
    "2628",
    "2629",
)
NEIGHBOUR_PC4 = ("2284", "2285", "2288", "2631", "2635", "2641", "2645")
LETTERS = "ABCDEGHJKLMNPRSTVWXZ"


@dataclass(frozen=True)
class Trade:
    """A kind of company: its name, sector, the jobs it offers and the skills they ask."""

    name: str
    sector: str
    jobs: tuple[str, ...]
    skills: tuple[str, ...]
    demand: str


TRADES: tuple[Trade, ...] = (
    Trade(
        "Bakkerij",
        "catering",
        ("Medewerker bakkerij", "Verkoper broodwinkel"),
        ("cooking", "retail", "customer_service"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Zorgcentrum",
        "care",
        ("Helpende in de zorg", "Medewerker huiskamer", "Gastvrouw/gastheer"),
        ("care", "hospitality", "cleaning"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Fietsenmakerij",
        "technical",
        ("Fietsenmaker in opleiding", "Medewerker werkplaats"),
        ("bicycle_repair", "technical"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Hoveniersbedrijf",
        "green",
        ("Medewerker groenonderhoud", "Hovenier"),
        ("green_maintenance", "horticulture", "driving_licence_b"),
        PhysicalDemand.HIGH,
    ),
    Trade(
        "Schoonmaakbedrijf",
        "cleaning",
        ("Schoonmaker kantoren", "Medewerker glasbewassing"),
        ("cleaning",),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Supermarkt",
        "retail",
        ("Vakkenvuller", "Kassamedewerker", "Medewerker versafdeling"),
        ("retail", "customer_service"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Distributiecentrum",
        "logistics",
        ("Orderpicker", "Heftruckchauffeur", "Inpakker"),
        ("logistics", "forklift", "production"),
        PhysicalDemand.HIGH,
    ),
    Trade(
        "Installatiebedrijf",
        "technical",
        ("Hulpmonteur", "Magazijnmedewerker techniek"),
        ("technical", "driving_licence_b"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Bouwbedrijf",
        "construction",
        ("Opperman", "Medewerker afbouw", "Schilder"),
        ("construction", "painting"),
        PhysicalDemand.HIGH,
    ),
    Trade(
        "Restaurant",
        "catering",
        ("Keukenhulp", "Medewerker bediening", "Afwasser"),
        ("cooking", "catering", "hospitality"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Hotel",
        "catering",
        ("Medewerker housekeeping", "Receptionist", "Ontbijtmedewerker"),
        ("hospitality", "cleaning", "customer_service"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Kinderopvang",
        "education",
        ("Groepshulp kinderopvang", "Medewerker overblijf"),
        ("childcare", "care"),
        PhysicalDemand.LOW,
    ),
    Trade(
        "Administratiekantoor",
        "administration",
        ("Administratief medewerker", "Medewerker postkamer"),
        ("administration", "ict"),
        PhysicalDemand.LOW,
    ),
    Trade(
        "Garage",
        "technical",
        ("Autopoetser", "Hulpmonteur"),
        ("technical", "driving_licence_b"),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Drukkerij",
        "industry",
        ("Productiemedewerker", "Medewerker afwerking"),
        ("production",),
        PhysicalDemand.MEDIUM,
    ),
    Trade(
        "Kwekerij",
        "green",
        ("Medewerker kas", "Oogstmedewerker"),
        ("horticulture", "production"),
        PhysicalDemand.HIGH,
    ),
    Trade(
        "Beveiligingsbedrijf",
        "other",
        ("Beveiliger in opleiding", "Medewerker toegangscontrole"),
        ("security", "customer_service"),
        PhysicalDemand.LOW,
    ),
    Trade(
        "Kapsalon",
        "other",
        ("Kapper in opleiding", "Salonassistent"),
        ("hairdressing", "customer_service"),
        PhysicalDemand.LOW,
    ),
    Trade(
        "Klantcontactcentrum",
        "administration",
        ("Klantenservicemedewerker",),
        ("customer_service", "ict"),
        PhysicalDemand.LOW,
    ),
    Trade(
        "Naaiatelier",
        "industry",
        ("Naaister", "Medewerker reparatie kleding"),
        ("sewing", "production"),
        PhysicalDemand.LOW,
    ),
)

# Partner offers: (organisation slug, kind, titles, skills, demand).
PARTNER_OFFERS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        "delft-voor-elkaar",
        OfferKind.VOLUNTEER,
        (
            "Maatje voor een oudere buurtbewoner",
            "Vrijwilliger bij de voedselbank",
            "Chauffeur buurtbus",
            "Gastvrouw in het buurthuis",
            "Klussenhulp in de wijk",
        ),
        ("customer_service", "logistics", "driving_licence_b", "hospitality", "technical"),
        PhysicalDemand.LOW,
    ),
    (
        "lekker-bezig",
        OfferKind.VOLUNTEER,
        (
            "Koken in de buurtkeuken",
            "Moestuin onderhouden",
            "Kringloopwinkel: sorteren en verkopen",
            "Repair Café: repareren met anderen",
        ),
        ("cooking", "green_maintenance", "retail", "technical"),
        PhysicalDemand.LOW,
    ),
    (
        "ipse-de-bruggen",
        OfferKind.DAY_ACTIVITY,
        (
            "Dagbesteding houtwerkplaats",
            "Dagbesteding creatief atelier",
            "Dagbesteding tuin en dieren",
        ),
        ("technical", "green_maintenance"),
        PhysicalDemand.LOW,
    ),
    (
        "philadelphia",
        OfferKind.DAY_ACTIVITY,
        ("Dagbesteding lunchroom", "Dagbesteding wasserij"),
        ("catering", "cleaning"),
        PhysicalDemand.LOW,
    ),
    (
        "fonteynenburg",
        OfferKind.DAY_ACTIVITY,
        ("Dagbesteding fietsenwerkplaats", "Dagbesteding kringloop"),
        ("bicycle_repair", "retail"),
        PhysicalDemand.LOW,
    ),
    (
        "de-firma-van-buiten",
        OfferKind.DAY_ACTIVITY,
        ("Buitenwerk in de stadsparken", "Dagbesteding stadsboerderij"),
        ("green_maintenance", "horticulture"),
        PhysicalDemand.MEDIUM,
    ),
    (
        "leerwerkmakelaar",
        OfferKind.LEARNING,
        (
            "Leerwerktraject logistiek (mbo 1)",
            "Leerwerktraject zorg en welzijn",
            "Taal op de werkvloer",
            "Leerwerktraject schoonmaak",
            "Digitale vaardigheden voor werk",
        ),
        ("logistics", "care", "customer_service", "cleaning", "ict"),
        PhysicalDemand.LOW,
    ),
    (
        "werkse",
        OfferKind.WORK_EXPERIENCE,
        (
            "Werkervaringsplek groenploeg",
            "Werkervaringsplek facilitair",
            "Werkervaringsplek schoonmaak",
            "Werkervaringsplek magazijn",
        ),
        ("green_maintenance", "cleaning", "logistics"),
        PhysicalDemand.MEDIUM,
    ),
    (
        "stichting-perspektief",
        OfferKind.WORK_EXPERIENCE,
        ("Werkfit-traject met stage", "Sollicitatietraining met werkplek"),
        ("customer_service", "administration"),
        PhysicalDemand.LOW,
    ),
    (
        "impegno",
        OfferKind.LEARNING,
        ("Vakopleiding horeca met werkervaring", "Training klantcontact"),
        ("catering", "customer_service"),
        PhysicalDemand.LOW,
    ),
    (
        "015now",
        OfferKind.VOLUNTEER,
        ("Vrijwilliger jongerenwerk", "Sportmaatje in de wijk"),
        ("childcare", "care"),
        PhysicalDemand.MEDIUM,
    ),
)

# Ladder steps each kind suits (low, high) and hours a week (least, most).
LADDER: dict[str, tuple[int, int]] = {
    OfferKind.PAID_JOB: (5, 6),
    OfferKind.SUPPORTED_JOB: (4, 6),
    OfferKind.WORK_EXPERIENCE: (3, 5),
    OfferKind.VOLUNTEER: (2, 5),
    OfferKind.DAY_ACTIVITY: (1, 4),
    OfferKind.LEARNING: (2, 6),
}
HOURS: dict[str, tuple[tuple[int, int], tuple[int, int]]] = {
    OfferKind.PAID_JOB: ((12, 24), (24, 38)),
    OfferKind.SUPPORTED_JOB: ((8, 16), (16, 32)),
    OfferKind.WORK_EXPERIENCE: ((8, 16), (16, 24)),
    OfferKind.VOLUNTEER: ((2, 4), (4, 12)),
    OfferKind.DAY_ACTIVITY: ((4, 8), (8, 20)),
    OfferKind.LEARNING: ((4, 12), (12, 24)),
}
DUTCH: dict[str, tuple[str, ...]] = {
    OfferKind.PAID_JOB: ("A2", "A2", "B1", "B1", "B2"),
    OfferKind.SUPPORTED_JOB: ("none", "A1", "A2"),
    OfferKind.WORK_EXPERIENCE: ("none", "A1", "A2"),
    OfferKind.VOLUNTEER: ("none", "A1", "A2"),
    OfferKind.DAY_ACTIVITY: ("none",),
    OfferKind.LEARNING: ("none", "A1", "A2"),
}
SCHEDULES = {
    Schedule.DAYTIME: 0.45,
    Schedule.SCHOOL_HOURS: 0.25,
    Schedule.FLEXIBLE: 0.12,
    Schedule.SHIFTS: 0.1,
    Schedule.EVENINGS: 0.08,
}
SEASONS = ("voorjaar", "najaar")
MEETING_NOTES = (
    "Werkgevers vertelden over moeilijk vervulbare vacatures. Afgesproken om per bedrijf te "
    "kijken welke taken passen bij mensen met een afstand tot werk.",
    "Gesprek over jobcoaching en proefplaatsingen. Meerdere werkgevers willen een BHAG Deal "
    "tekenen als de begeleiding geregeld is.",
    "Ervaringen met de eerste plaatsingen gedeeld. Vraag om minder papierwerk bij loonkosten"
    "subsidie.",
)
FOLLOW_UPS = (
    "Bellen over werkervaringsplekken",
    "Voorstel voor een groepsstart sturen",
    "Jobcoach regelen voor nieuwe medewerker",
    "BHAG Deal ter ondertekening aanbieden",
    "Rondleiding voor kandidaten plannen",
)


def demo_offers_load(*, seed: int = SEED, today: date | None = None) -> int:
    """Load the demo's employers, deals, round tables, leads, offers and placements.

    Needs the partners and their demo users, and the population for the placements. Returns
    the number of offers created; 0 when offers were there already.
    """
    if Offer.objects.exists():
        return 0
    day = today or timezone.localdate()
    rng = random.Random(seed)  # noqa: S311 - demo data, not a secret
    faker = Faker("nl_NL")
    faker.seed_instance(seed)
    organisations = {o.slug: o for o in Organisation.objects.all()}
    adviser = User.objects.filter(
        email=demo_email(role=Role.EMPLOYER_ADVISER.value, organisation_slug="wsp-delft")
    ).first()
    with transaction.atomic():
        employers = _employers(rng, faker, adviser)
        offers = _offers(rng, employers, organisations, day)
        deal_employers = _deals(rng, employers, day)
        _round_tables(rng, employers, deal_employers, adviser, day)
        _leads(rng, faker, adviser, day)
    if adviser is not None:
        _placements(rng, adviser, deal_employers, day)
    return len(offers)


def _postcode(rng: random.Random) -> str:
    area = rng.choice(DELFT_PC4) if rng.random() < 0.85 else rng.choice(NEIGHBOUR_PC4)
    return f"{area} {rng.choice(LETTERS)}{rng.choice(LETTERS)}"


def _employers(rng: random.Random, faker: Faker, adviser: User | None) -> list[Employer]:
    used: set[str] = set()
    employers = []
    for index in range(EMPLOYERS):
        trade = TRADES[index % len(TRADES)]
        name = f"{trade.name} {faker.last_name()}"
        while name in used:
            name = f"{trade.name} {faker.last_name()}"
        used.add(name)
        postcode = _postcode(rng)
        employers.append(
            Employer(
                name=name,
                kvk_number=f"{rng.randint(27_000_000, 79_999_999):08d}",
                sector=trade.sector,
                size=rng.choice(EmployerSize.values),
                street=f"{faker.street_name()} {rng.randint(1, 180)}",
                postcode=postcode,
                city="Delft" if postcode[:4] in DELFT_PC4 else faker.city(),
                contact_name=faker.name(),
                contact_email=f"info{index}@{faker.domain_word()}.example",
                contact_phone=f"015 {rng.randint(200, 399)} {rng.randint(1000, 9999)}",
                account_manager=adviser if rng.random() < 0.7 else None,
            )
        )
    kvk = set()
    for employer in employers:  # KvK numbers are unique
        while employer.kvk_number in kvk:
            employer.kvk_number = f"{rng.randint(27_000_000, 79_999_999):08d}"
        kvk.add(employer.kvk_number)
    return Employer.objects.bulk_create(employers)


def _capacities(rng: random.Random) -> list[int]:
    """Places per offer: mostly one or two, some more, adding up to PLACES."""
    places = [rng.choice((1, 1, 1, 1, 2, 2, 2, 3, 4)) for _ in range(OFFERS)]
    group_rows = rng.sample(range(OFFERS), GROUP_OFFERS)
    for row in group_rows:
        places[row] = rng.randint(6, 12)
    while sum(places) < PLACES:
        row = rng.randrange(OFFERS)
        if row not in group_rows:
            places[row] += 1
    while sum(places) > PLACES:
        row = rng.randrange(OFFERS)
        if places[row] > 1 and row not in group_rows:
            places[row] -= 1
    return places


def _offers(
    rng: random.Random,
    employers: list[Employer],
    organisations: dict[str, Organisation],
    day: date,
) -> list[Offer]:
    capacities = _capacities(rng)
    offers = []
    for row, capacity in enumerate(capacities):
        is_group = capacity >= 6
        if rng.random() < 0.55 and not is_group:
            employer = rng.choice(employers)
            trade = next(t for t in TRADES if employer.name.startswith(t.name))
            kind: str = rng.choices(
                (OfferKind.PAID_JOB, OfferKind.SUPPORTED_JOB, OfferKind.WORK_EXPERIENCE),
                weights=(0.5, 0.3, 0.2),
            )[0]
            title, skills, demand, sector = (
                rng.choice(trade.jobs),
                trade.skills,
                trade.demand,
                trade.sector,
            )
            provider: dict[str, object] = {"employer": employer, "postcode": employer.postcode}
        else:
            slug, kind, titles, skills, demand = rng.choice(PARTNER_OFFERS)
            title, sector = rng.choice(titles), ""
            provider = {"organisation": organisations[slug], "postcode": _postcode(rng)[:4]}
        low, high = LADDER[kind]
        (least_min, least_max), (most_min, most_max) = HOURS[kind]
        hours_min = rng.randrange(least_min, least_max + 1, 2)
        schedule = rng.choices(list(SCHEDULES), weights=list(SCHEDULES.values()))[0]
        status = rng.choices(("open", "closed", "draft"), weights=(0.9, 0.05, 0.05))[0]
        offers.append(
            Offer(
                kind=kind,
                title=title if not is_group else f"{title} (groepsstart)",
                description=_description(kind, is_group),
                sector=sector,
                hours_min=hours_min,
                hours_max=max(hours_min, rng.randrange(most_min, most_max + 1, 2)),
                schedule=schedule,
                capacity=capacity,
                is_group=is_group,
                group_min=rng.randint(3, 5) if is_group else 0,
                skills_required=list(rng.sample(skills, 1)) if rng.random() < 0.4 else [],
                skills_desired=list(rng.sample(skills, min(2, len(skills)))),
                min_dutch_level=rng.choice(DUTCH[kind]),
                physical_demand=demand,
                job_coach=kind == OfferKind.SUPPORTED_JOB or rng.random() < 0.2,
                adjusted_hours=rng.random() < 0.35,
                childcare_friendly=schedule == Schedule.SCHOOL_HOURS or rng.random() < 0.1,
                ladder_min=low,
                ladder_max=high,
                open_from=day - timedelta(days=rng.randint(7, 900)),
                open_until=day + timedelta(days=rng.randint(60, 400))
                if rng.random() < 0.3
                else None,
                status=status,
                pilot="Zeg JA Team" if row % 97 == 0 else "",
                **provider,
            )
        )
    return Offer.objects.bulk_create(offers)


def _description(kind: str, is_group: bool) -> str:
    text = {
        OfferKind.PAID_JOB: "Een betaalde baan met een contract, met inwerken op de werkvloer.",
        OfferKind.SUPPORTED_JOB: "Een baan met begeleiding van een jobcoach en aangepast tempo.",
        OfferKind.WORK_EXPERIENCE: (
            "Werkervaring opdoen met een vaste begeleider, met behoud van uitkering."
        ),
        OfferKind.VOLUNTEER: "Vrijwilligerswerk in de buurt, samen met anderen.",
        OfferKind.DAY_ACTIVITY: "Dagbesteding met structuur en begeleiding, in een kleine groep.",
        OfferKind.LEARNING: "Leren en werken tegelijk, met een erkend certificaat aan het eind.",
    }[OfferKind(kind)]
    return text + (" Start samen met een groep." if is_group else "")


def _deals(rng: random.Random, employers: list[Employer], day: date) -> list[Employer]:
    """BHAG Deals signed at the round tables of 2019–2023, for the employers with most offers."""
    with_offers: list[Employer] = list(
        Employer.objects.filter(pk__in=[e.pk for e in employers])
        .annotate(open_offers=Count("offers", filter=Q(offers__status="open")))
        .order_by("-open_offers", "name")[:DEALS]
    )
    promises = []
    for employer in with_offers:
        signed = date(rng.randint(2019, 2023), rng.randint(1, 12), rng.randint(1, 28))
        deal = Deal.objects.create(
            employer=employer,
            signed_on=signed,
            starts_on=signed,
            ends_on=max(day + timedelta(days=180), date(2025, 12, 31)),
            note="Getekend aan de ondernemerstafel.",
        )
        kinds = rng.sample(
            [OfferKind.PAID_JOB, OfferKind.SUPPORTED_JOB, OfferKind.WORK_EXPERIENCE],
            rng.randint(1, 3),
        )
        promises += [DealPromise(deal=deal, offer_kind=k, places=rng.randint(1, 5)) for k in kinds]
    DealPromise.objects.bulk_create(promises)
    return with_offers


def _round_tables(
    rng: random.Random,
    employers: list[Employer],
    deal_employers: list[Employer],
    adviser: User | None,
    day: date,
) -> None:
    for number in range(ROUND_TABLES):
        year = 2019 + number // 2
        held_on = date(year, 4 if number % 2 == 0 else 10, rng.randint(5, 25))
        meeting = EmployerMeeting.objects.create(
            held_on=held_on,
            title=f"Ondernemerstafel {SEASONS[number % 2]} {year}",
            location=rng.choice(
                ("Stadskantoor Delft", "TU Delft Science Centre", "Bibliotheek DOK")
            ),
            notes=rng.choice(MEETING_NOTES),
        )
        present = rng.sample(deal_employers, 6) + rng.sample(employers, rng.randint(4, 12))
        meeting.employers.set(set(present))
        FollowUp.objects.bulk_create(
            FollowUp(
                meeting=meeting,
                employer=rng.choice(present),
                description=rng.choice(FOLLOW_UPS),
                owner=adviser,
                due_on=held_on + timedelta(days=rng.randint(14, 60)),
                done_on=held_on + timedelta(days=rng.randint(7, 50))
                if number < ROUND_TABLES - 1 or rng.random() < 0.3
                else None,
            )
            for _ in range(rng.randint(3, 5))
        )


def _leads(rng: random.Random, faker: Faker, adviser: User | None, day: date) -> None:
    statuses = [LeadStatus.NEW] * 5 + [LeadStatus.CONTACTED] * 4 + [LeadStatus.DROPPED] * 3
    for index, status in enumerate(statuses[:LEADS]):
        trade = rng.choice(TRADES)
        EmployerLead.objects.create(
            company_name=f"{trade.name} {faker.last_name()}",
            contact_name=faker.name(),
            email=f"contact{index}@{faker.domain_word()}.example",
            phone=f"06 {rng.randint(10_000_000, 99_999_999)}",
            sector=trade.sector,
            message="Wij willen graag iemand een kans geven. Wat zijn de mogelijkheden?",
            status=status,
            handled_by=adviser if status != LeadStatus.NEW else None,
        )


def _placements(
    rng: random.Random, adviser: User, deal_employers: list[Employer], day: date
) -> None:
    """Replay a few flows through the services: placements on deal employers' offers (some
    ended), and matches left at each step before, as the adviser of WSP Delft."""
    roles = {Role.EMPLOYER_ADVISER}
    offers = list(
        open_offers(today=day)
        .filter(employer__in=deal_employers)
        .select_related("employer", "organisation")
    )
    candidates = matching_candidates(adviser).order_by("last_name", "first_name", "id")[:400]
    inputs = engine_input(candidates=candidates, offers=offers)
    proposals = top_offers(inputs, k=3)
    chosen: list[tuple[int, int]] = []
    taken: dict[int, int] = {}
    for row in rng.sample(range(inputs.candidates.n), inputs.candidates.n):
        for suggestion in suggestions_for(inputs, proposals, row=row, special=False):
            column = inputs.offer_list.index(suggestion.offer)
            if taken.get(column, 0) < int(inputs.offers.capacity[column]):
                taken[column] = taken.get(column, 0) + 1
                chosen.append((row, column))
                break
        if len(chosen) >= PLACEMENTS + 12:
            break
    stages = [MatchStatus.PLACED] * PLACEMENTS + [
        MatchStatus.PROPOSED,
        MatchStatus.CANDIDATE_AGREED,
        MatchStatus.PROVIDER_ACCEPTED,
    ] * 4
    for (row, column), stage in zip(chosen, stages, strict=False):
        _replay(
            rng, adviser, roles, inputs.candidate_ids[row], inputs.offer_list[column], stage, day
        )


def _replay(
    rng: random.Random,
    adviser: User,
    roles: set[Role],
    candidate_id: object,
    offer: Offer,
    stage: str,
    day: date,
) -> None:
    match = match_propose(acting_user=adviser, candidate_id=candidate_id, offer_id=offer.pk)  # type: ignore[arg-type]
    for target in (MatchStatus.CANDIDATE_AGREED, MatchStatus.PROVIDER_ACCEPTED):
        if stage == MatchStatus.PROPOSED or (
            stage == MatchStatus.CANDIDATE_AGREED and target == MatchStatus.PROVIDER_ACCEPTED
        ):
            return
        match = match_transition(
            acting_user=adviser,
            roles=roles,
            match_id=match.pk,
            target=target,
            expected_version=match.version,
        )
    if stage != MatchStatus.PLACED:
        return
    start = day - timedelta(days=rng.randint(30, 600))
    placement = placement_start(
        acting_user=adviser,
        roles=roles,
        match_id=match.pk,
        expected_version=Match.objects.get(pk=match.pk).version,
        start=start,
        hours=offer.hours_max,
        kind=offer.kind,
        job_coach=offer.job_coach,
        adjusted_hours=offer.adjusted_hours,
    )
    if rng.random() < 0.3:
        placement_end(
            acting_user=adviser,
            roles=roles,
            placement_id=placement.pk,
            expected_version=placement.version,
            end=min(day, start + timedelta(days=rng.randint(90, 365))),
            outcome=rng.choice(
                (PlacementOutcome.COMPLETED, PlacementOutcome.NEXT_STEP, PlacementOutcome.PAID_WORK)
            ),
        )
