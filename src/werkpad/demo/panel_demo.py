"""The candidate portal and the candidate panel in the demo.

Three invented candidates get a portal account with a known login (demo mode only):
`kandidaat1@demo.werkpad.nl`, `kandidaat2@…`, `kandidaat3@…`, password `werkpad-demo`, without
a second factor (optional in demo mode). They are chosen among the candidates the employer
adviser of WSP Delft may match (consent for `matching`), with a plan, barriers and a ladder
step, so every portal page has something to show; the first two get proposals, made through
the matching services by that adviser. The first two are panel members (with some more
candidates without an account); the panel has sessions and ideas, most with a public answer.

Loaded once: nothing happens when a candidate account exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.candidates.models import Barrier, Candidate, LadderScore, PlanGoal
from werkpad.demo.partners import DEMO_PASSWORD, demo_email
from werkpad.matching.selectors import engine_input, matching_candidates, top_offers
from werkpad.matching.services import match_propose
from werkpad.offers.models import Match, Offer
from werkpad.offers.selectors import open_offers
from werkpad.organisations.roles import Role
from werkpad.panel.codes import AccountOrigin, CorrectionSubject, IdeaSource
from werkpad.panel.models import (
    CandidateAccount,
    CorrectionRequest,
    Idea,
    PanelMember,
    PanelSession,
)
from werkpad.panel.services import candidate_account_create
from werkpad.panel.workflow import CorrectionStatus, IdeaStatus

ACCOUNTS = 3
PANEL_MEMBERS_WITHOUT_ACCOUNT = 9
PROPOSALS_EACH = 2


def demo_candidate_email(number: int) -> str:
    return f"kandidaat{number}@demo.werkpad.nl"


@dataclass(frozen=True)
class DemoSession:
    days_ago: int  # negative: still to come
    topic: str
    location: str
    notes: str


SESSIONS = (
    DemoSession(
        210,
        "De eerste werkdag: wat helpt?",
        "Stadskantoor Delft",
        "Acht panelleden. Veel herkenning: spanning over de eerste dag, onduidelijkheid over "
        "wie je kunt bellen.",
    ),
    DemoSession(
        120,
        "Reizen naar werk en vrijwilligerswerk",
        "Bibliotheek DOK",
        "Reiskosten en de eerste maand zonder salaris kwamen steeds terug.",
    ),
    DemoSession(
        45,
        "Schulden en werk",
        "Buurthuis Buitenhof",
        "Zorgen dat meer verdienen de regelingen kost. Uitleg gewenst vóór de start.",
    ),
    DemoSession(-14, "Wat vindt u van Mijn Werkpad?", "Stadskantoor Delft", ""),
)


@dataclass(frozen=True)
class DemoIdea:
    session: int | None  # index in SESSIONS, or None: sent through the portal
    author: int | None  # index of the demo account, or None (anonymous or from a session)
    anonymous: bool
    days_ago: int
    text: str
    status: IdeaStatus
    answer: str = ""
    answer_days: int = 0  # days from received to the first answer
    pilot: str = ""
    signal: str = ""
    link_offer: bool = False


IDEAS = (
    DemoIdea(
        0,
        None,
        False,
        210,
        "Een buddy die al werkt, voor de eerste weken op een nieuwe plek.",
        IdeaStatus.IN_PILOT,
        "We proberen dit uit bij twee werkgevers met een BHAG Deal: elke starter krijgt een "
        "collega als buddy voor de eerste zes weken.",
        21,
        pilot="Buddy in de eerste weken",
        link_offer=True,
    ),
    DemoIdea(
        0,
        None,
        False,
        210,
        "Eén telefoonnummer waar je terecht kunt als het op je werk niet lukt.",
        IdeaStatus.ADOPTED,
        "Vanaf nu staat op elk plan van aanpak de naam en het nummer van uw vaste contactpersoon.",
        35,
    ),
    DemoIdea(
        1,
        None,
        False,
        120,
        "Reiskosten vooruit betalen in de eerste maand, dan hoef je niet te lenen.",
        IdeaStatus.ADOPTED,
        "Team Inkomen betaalt de reiskosten van de eerste maand nu vooraf, als u daarom vraagt.",
        14,
        signal="transport",
    ),
    DemoIdea(
        1,
        None,
        False,
        120,
        "Vrijwilligerswerk dichter bij huis, in de eigen wijk.",
        IdeaStatus.CONSIDERING,
    ),
    DemoIdea(
        2,
        None,
        False,
        45,
        "Vóór je begint uitleg over wat er met je toeslagen en schulden gebeurt als je meer "
        "gaat verdienen.",
        IdeaStatus.ADOPTED,
        "Bij elke start met betaald werk maakt Delft Support nu samen met u een berekening "
        "vooraf. Dit kwam ook in het Zeg JA Team steeds terug.",
        10,
        signal="debts",
    ),
    DemoIdea(
        None,
        0,
        False,
        90,
        "Laat in de brief over een voorstel ook zien waarom het bij mij past.",
        IdeaStatus.DONE,
        "Elk voorstel in Mijn Werkpad laat nu zien waarom het bij u kan passen.",
        30,
    ),
    DemoIdea(
        None,
        None,
        True,
        60,
        "Ik durf niet te zeggen dat ik niet goed kan lezen. Kan dat anoniem ergens gemeld worden?",
        IdeaStatus.ADOPTED,
        "U kunt dit nu zonder uw naam laten weten aan uw contactpersoon via dit panel; "
        "de Leerwerkmakelaar zoekt dan taalhulp, zonder vragen.",
        7,
        signal="language",
    ),
    DemoIdea(
        None,
        1,
        False,
        20,
        "Kinderopvang die past bij werktijden in de zorg (vroeg en in het weekend).",
        IdeaStatus.RECEIVED,
    ),
    DemoIdea(
        None,
        None,
        True,
        5,
        "Meer werkervaringsplaatsen in de groenvoorziening.",
        IdeaStatus.RECEIVED,
    ),
)


def _demo_candidates(adviser: User | None) -> list[Candidate]:
    """Candidates with a plan, barriers and a ladder step whom the adviser may match."""
    if adviser is None:
        return []
    with_all = (
        matching_candidates(adviser)
        .filter(Exists(PlanGoal.objects.filter(candidate=OuterRef("pk"))))
        .filter(Exists(Barrier.objects.filter(candidate=OuterRef("pk"))))
        .filter(Exists(LadderScore.objects.filter(candidate=OuterRef("pk"))))
        .exclude(Exists(Match.objects.filter(candidate=OuterRef("pk"))))
        .exclude(Exists(CandidateAccount.objects.filter(candidate=OuterRef("pk"))))
        .order_by("last_name", "first_name", "id")
    )
    return list(with_all[:ACCOUNTS])


def _proposals(adviser: User, candidates: list[Candidate], day: date) -> None:
    """The best fitting offers for each candidate, proposed through the matching service."""
    offers = list(open_offers(today=day).select_related("employer", "organisation")[:400])
    if not offers:
        return
    inputs = engine_input(
        candidates=Candidate.objects.filter(pk__in=[c.pk for c in candidates]), offers=offers
    )
    best = top_offers(inputs, k=PROPOSALS_EACH)
    for row, candidate_id in enumerate(inputs.candidate_ids):
        for offer_row in best.offer[row]:
            if offer_row < 0:
                break
            try:
                match_propose(
                    acting_user=adviser,
                    candidate_id=candidate_id,
                    offer_id=inputs.offer_list[int(offer_row)].pk,
                )
            except (ValidationError, Http404):
                continue


def _members(accounts: list[CandidateAccount], day: date) -> list[PanelMember]:
    others = (
        Candidate.objects.filter(erased_at__isnull=True)
        .exclude(pk__in=[a.candidate_id for a in accounts])
        .order_by("birth_date", "id")[:PANEL_MEMBERS_WITHOUT_ACCOUNT]
    )
    joining = [a.candidate for a in accounts[:2]] + list(others)
    return [
        PanelMember.objects.create(candidate=c, joined_on=day - timedelta(days=240 - 10 * i))
        for i, c in enumerate(joining)
    ]


def _sessions(members: list[PanelMember], lead: User | None, day: date) -> list[PanelSession]:
    sessions = []
    for index, plan in enumerate(SESSIONS):
        session = PanelSession.objects.create(
            held_on=day - timedelta(days=plan.days_ago),
            topic=plan.topic,
            location=plan.location,
            notes=plan.notes,
            created_by=lead,
        )
        session.invitees.set(members[index % 2 :: 2] + members[:2])
        sessions.append(session)
    return sessions


def _ideas(
    sessions: list[PanelSession], accounts: list[CandidateAccount], lead: User | None, day: date
) -> None:
    offer = Offer.objects.order_by("title").first()
    for plan in IDEAS:
        received = (
            sessions[plan.session].held_on
            if plan.session is not None
            else day - timedelta(days=plan.days_ago)
        )
        Idea.objects.create(
            text=plan.text,
            source=IdeaSource.PORTAL if plan.session is None else IdeaSource.SESSION,
            session=sessions[plan.session] if plan.session is not None else None,
            author=accounts[plan.author].candidate
            if plan.author is not None and plan.author < len(accounts)
            else None,
            anonymous=plan.anonymous,
            received_on=received,
            status=plan.status,
            public_answer=plan.answer,
            answered_on=received + timedelta(days=plan.answer_days) if plan.answer else None,
            answered_by=lead if plan.answer else None,
            pilot_name=plan.pilot,
            zeg_ja_signal=plan.signal,
            offer=offer if plan.link_offer else None,
        )


def _corrections(accounts: list[CandidateAccount], day: date) -> None:
    if len(accounts) < 2:
        return
    first, second = accounts[0].candidate, accounts[1].candidate
    CorrectionRequest.objects.create(
        candidate=first,
        organisation=first.lead_organisation,
        subject=CorrectionSubject.PERSONAL,
        description="Mijn telefoonnummer is veranderd. Het nieuwe nummer geef ik graag door.",
        status=CorrectionStatus.DONE,
        answer="Dank u. Wij hebben uw nieuwe nummer in uw dossier gezet.",
        handled_on=day - timedelta(days=3),
    )
    CorrectionRequest.objects.create(
        candidate=second,
        organisation=second.lead_organisation,
        subject=CorrectionSubject.BARRIERS,
        description="De belemmering over vervoer is opgelost: ik heb nu een fiets.",
    )


def demo_panel_load(*, today: date | None = None) -> int:
    """Load the demo's candidate accounts, panel members, sessions, ideas and correction
    requests; returns the number of candidate accounts made (0 when there were some)."""
    if CandidateAccount.objects.exists():
        return 0
    day = today or timezone.localdate()
    adviser = User.objects.filter(
        email=demo_email(role=Role.EMPLOYER_ADVISER.value, organisation_slug="wsp-delft")
    ).first()
    lead = User.objects.filter(
        email=demo_email(role=Role.PROGRAMME_LEAD.value, organisation_slug="wsp-delft")
    ).first()
    candidates = _demo_candidates(adviser)
    password_hash = make_password(DEMO_PASSWORD)
    with transaction.atomic():
        accounts = []
        for number, candidate in enumerate(candidates, start=1):
            user = User.objects.create(
                email=demo_candidate_email(number),
                full_name=candidate.full_name,
                password=password_hash,
            )
            accounts.append(
                candidate_account_create(user=user, candidate=candidate, origin=AccountOrigin.DEMO)
            )
        members = _members(accounts, day)
        sessions = _sessions(members, lead, day)
        _ideas(sessions, accounts, lead, day)
        _corrections(accounts, day)
    if adviser is not None:
        _proposals(adviser, candidates[:2], day)
    return len(accounts)
