"""The Zeg JA Team's first twenty cases, for the demo.

Eight meetings three weeks apart, the last one today, replayed through the same services the
pages use (so every step is in the timeline and the processing log): cases submitted by the
partners, decided at the table, actions carried out, cases solved. Every action state is
there (open, in progress, done, some overdue), and one escalation waits for an answer.
Today's meeting still has a case to decide in the chair's view, and one case waits for a
meeting.

Candidates come from the loaded population: people on bijstand now, long-term first, picked by
their mix of open barriers. Each gets the consent for the Zeg JA Team of the partner that
brings them in, recorded by their lead organisation.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from werkpad.accounts.models import User
from werkpad.candidates.codes import HEALTH_CATEGORY
from werkpad.candidates.models import Barrier, BenefitPeriod, Candidate
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.cases.models import Action, ActionStatus, Case, Meeting, Outcome
from werkpad.cases.selectors import case_get_unlogged
from werkpad.cases.services import (
    ActionInput,
    action_set_status,
    case_submit,
    case_transition,
    decision_record,
    has_zeg_ja_basis,
    meeting_plan,
)
from werkpad.cases.workflow import CaseStatus
from werkpad.demo.partners import demo_email
from werkpad.organisations.models import Membership, Organisation
from werkpad.organisations.roles import Role
from werkpad.privacy.access import Access
from werkpad.privacy.codes import LEGAL_BASIS_PURPOSE, Purpose
from werkpad.privacy.services import consent_grant

MEETINGS = 8  # the last one is today
CHAIR_ORGANISATION = "wsp-delft"
MEETING_START = time(9, 30)
LOCATION = "Stadskantoor Delft, Phoenixstraat 16"

OPEN, IN_PROGRESS, DONE = ActionStatus.OPEN, ActionStatus.IN_PROGRESS, ActionStatus.DONE


@dataclass(frozen=True)
class DemoAction:
    description: str
    organisation: str
    due_days: int  # after the meeting
    status: ActionStatus


@dataclass(frozen=True)
class DemoCase:
    meeting: int | None  # index of the meeting; None: still waiting for one
    kinds: tuple[str, ...]
    submitter: str
    description: str
    tried: str
    question: str
    urgency: str = "normal"
    outcome: str = ""  # "" while not decided
    solution: str = ""
    condition: str = ""
    escalated_to: str = ""
    escalation_reason: str = ""
    rationale: str = ""
    principles: tuple[str, ...] = ("P2",)
    deviation: tuple[str, str] = ("", "")
    committed: tuple[str, ...] = ()
    actions: tuple[DemoAction, ...] = ()
    solved: bool = False


A = DemoAction
CASES: tuple[DemoCase, ...] = (
    DemoCase(
        meeting=0,
        kinds=("other",),
        submitter="werkse",
        description=(
            "De tuin achter de huurwoning is helemaal overwoekerd; een boom staat tegen de gevel "
            "en neemt al het licht weg. De verhuurder dreigt met een boete. Zolang dit speelt, "
            "durft de kandidaat niet aan werk te beginnen."
        ),
        tried=(
            "Verhuurder aangeschreven, zonder antwoord. Zelf begonnen met snoeien, maar er is "
            "geen gereedschap en geen auto voor het groenafval."
        ),
        question=(
            "Wie helpt de tuin op te knappen, zodat de kandidaat kan starten bij De Firma van "
            "Buiten?"
        ),
        urgency="high",
        outcome=Outcome.JA,
        solution=(
            "Een tuinploeg van Delft voor Elkaar knapt de tuin op; het Sociaal Team regelt dat het "
            "groenafval gratis wordt opgehaald. Daarna volgt de start bij De Firma van Buiten."
        ),
        rationale=(
            "De tuin is het enige dat tussen de kandidaat en werk staat. Een kleine inzet nu "
            "voorkomt jaren bijstand."
        ),
        principles=("P2", "P3"),
        deviation=(
            "Tuinonderhoud is volgens het huurcontract de taak van de huurder",
            "Alleen lukt het niet; de achterstand is ontstaan door ziekte in de familie.",
        ),
        committed=("delft-voor-elkaar", "sociaal-team", "de-firma-van-buiten"),
        actions=(
            A("Tuinploeg van vier vrijwilligers inplannen", "delft-voor-elkaar", 14, DONE),
            A("Gratis ophalen van groenafval regelen", "sociaal-team", 10, DONE),
            A("Proefplaatsing in de groenploeg starten", "de-firma-van-buiten", 28, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=0,
        kinds=("debts", "childcare"),
        submitter="stichting-perspektief",
        description=(
            "Alleenstaande ouder met schulden bij vijf schuldeisers. Er is een baan in de zorg "
            "krijgen, maar de kinderopvangtoeslag komt pas na twee maanden."
        ),
        tried="Aanmelding schuldhulp loopt; toeslag aangevraagd; eigen netwerk kan niet oppassen.",
        question="Kan de opvang starten voordat de toeslag binnen is?",
        urgency="high",
        outcome=Outcome.JA_MITS,
        solution="De gemeente schiet de eigen bijdrage voor de opvang drie maanden voor.",
        condition="De kandidaat start binnen een maand met budgetcoaching bij Delft Support.",
        rationale="Zonder opvang geen baan, en zonder baan geen uitweg uit de schulden.",
        principles=("P1", "P3"),
        committed=("team-inkomen", "delft-support"),
        actions=(
            A("Voorschot eigen bijdrage kinderopvang toekennen", "team-inkomen", 7, DONE),
            A("Budgetcoaching starten", "delft-support", 21, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=0,
        kinds=("language", "care_duties"),
        submitter="015now",
        description=(
            "Spreekt nog weinig Nederlands en zorgt overdag voor een ziek familielid. De "
            "taalles is alleen overdag."
        ),
        tried="Taalles geprobeerd, gestopt door de zorg. Geen mantelzorgondersteuning aangevraagd.",
        question="Kunnen zorg en taalles zo worden geregeld dat leren en werken lukt?",
        outcome=Outcome.JA,
        solution="Respijtzorg twee dagdelen per week en taalles in de avond via Leerwerkmakelaar.",
        rationale="Mantelzorg mag geen reden zijn om iemand uit te sluiten van werk.",
        principles=("P1",),
        committed=("sociaal-team", "leerwerkmakelaar"),
        actions=(
            A("Respijtzorg aanvragen", "sociaal-team", 14, DONE),
            A("Avondtaalles in de buurt regelen", "leerwerkmakelaar", 21, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=1,
        kinds=("housing",),
        submitter="sociaal-team",
        description=(
            "Woont tijdelijk bij een vriend en moet over een maand weg. Zonder adres geen werk."
        ),
        tried="Ingeschreven bij Woonnet Haaglanden; urgentie afgewezen.",
        question="Kan er een tijdelijke woning komen, zodat de baan kan worden aangenomen?",
        urgency="urgent",
        outcome=Outcome.JA,
        solution="Een tijdelijke kamer via een partner en een postadres bij de gemeente.",
        rationale="Een adres is de voorwaarde voor al het andere.",
        principles=("P2",),
        deviation=(
            "Urgentieverordening: geen urgentie bij dreigende dakloosheid door eigen keuze",
            "Het onderdak valt niet weg door eigen keuze; de regel mist hier haar doel.",
        ),
        committed=("sociaal-team", "team-inkomen"),
        actions=(
            A("Postadres inschrijven", "team-inkomen", 7, DONE),
            A("Tijdelijke kamer regelen", "sociaal-team", 21, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=1,
        kinds=("debts", "housing"),
        submitter="werkse",
        description="Huurachterstand van vier maanden; ontruiming dreigt. Heeft een baan in zicht.",
        tried="Betalingsregeling met de verhuurder mislukt.",
        question="Kan de ontruiming worden voorkomen, zodat werken mogelijk wordt?",
        urgency="urgent",
        outcome=Outcome.JA,
        solution="Stichting Stunt neemt de schuld over in een saneringskrediet.",
        rationale="Ontruiming kost de stad meer dan de schuld.",
        principles=("P2", "P3"),
        committed=("stichting-stunt", "team-inkomen"),
        actions=(
            A("Saneringskrediet aanvragen", "stichting-stunt", 14, DONE),
            A("Huur rechtstreeks inhouden op de uitkering", "team-inkomen", 7, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=1,
        kinds=("health", "debts"),
        submitter="ggz-delfland",
        description="Somberheidsklachten en schulden versterken elkaar; in behandeling bij de ggz.",
        tried="Behandeling loopt; schuldhulp stopte na een gemiste afspraak.",
        question="Kan de schuldhulp opnieuw starten, aangepast aan de behandeling?",
        outcome=Outcome.JA_MITS,
        solution="Schuldhulp start opnieuw met afspraken bij de ggz zelf.",
        condition="De behandelaar is bij het eerste gesprek.",
        rationale="Een gemiste afspraak is geen reden om hulp te stoppen.",
        principles=("P3",),
        committed=("delft-support", "ggz-delfland"),
        actions=(
            A("Schuldhulp heropenen", "delft-support", 14, DONE),
            A("Gezamenlijk eerste gesprek plannen", "ggz-delfland", 10, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=2,
        kinds=("transport",),
        submitter="leerwerkmakelaar",
        description="Kan werk krijgen in het Westland, maar er rijdt geen bus op tijd.",
        tried="Fietsen geprobeerd; de afstand is te groot.",
        question="Is er vervoer mogelijk de eerste maanden?",
        outcome=Outcome.JA,
        solution="Een e-bike in bruikleen en een reiskostenvergoeding de eerste zes maanden.",
        rationale="Vervoer is een kleine kostenpost tegenover een uitkering.",
        principles=("P2",),
        committed=("team-inkomen", "leerwerkmakelaar"),
        actions=(
            A("E-bike in bruikleen geven", "leerwerkmakelaar", 14, DONE),
            A("Reiskostenvergoeding toekennen", "team-inkomen", 10, DONE),
        ),
        solved=True,
    ),
    DemoCase(
        meeting=2,
        kinds=("digital_skills", "language"),
        submitter="015now",
        description=(
            "Kan niet inloggen met DigiD en leest weinig Nederlands; mist daardoor vacatures."
        ),
        tried="Hulp van de bibliotheek, één keer.",
        question="Wie helpt met digitaal solliciteren?",
        outcome=Outcome.JA,
        solution="Een digimaatje van Delft voor Elkaar, wekelijks, drie maanden.",
        rationale="Digitale vaardigheden openen de weg naar werk.",
        principles=("P1",),
        committed=("delft-voor-elkaar",),
        actions=(A("Digimaatje koppelen", "delft-voor-elkaar", 14, DONE),),
        solved=True,
    ),
    DemoCase(
        meeting=2,
        kinds=("childcare",),
        submitter="werkse",
        description=(
            "Kan in de schoonmaak werken, maar de diensten zijn vroeg en de opvang gaat om "
            "7.30 open."
        ),
        tried="Werkgever gevraagd om later te beginnen; kan niet.",
        question="Is er vroege opvang mogelijk?",
        outcome=Outcome.JA,
        solution=(
            "Gastouderopvang vanaf 6.00 uur en een werkgever met latere diensten als terugval."
        ),
        rationale="De opvangtijden mogen niet bepalen of iemand kan werken.",
        principles=("P3",),
        committed=("sociaal-team", "wsp-delft"),
        actions=(
            A("Gastouder zoeken", "sociaal-team", 21, DONE),
            A("Tweede werkgever met latere diensten zoeken", "wsp-delft", 28, IN_PROGRESS),
        ),
    ),
    DemoCase(
        meeting=3,
        kinds=("care_duties",),
        submitter="sociaal-team",
        description="Zorgt voor een broer met een beperking; wil graag twintig uur werken.",
        tried="Dagbesteding voor de broer aangevraagd; wachtlijst.",
        question="Kan de dagbesteding eerder starten?",
        outcome=Outcome.JA,
        solution="Ipse de Bruggen biedt een plek drie dagen per week, met voorrang.",
        rationale="Zo kunnen twee mensen verder.",
        principles=("P3",),
        committed=("ipse-de-bruggen", "sociaal-team"),
        actions=(
            A("Dagbestedingsplek met voorrang regelen", "ipse-de-bruggen", 21, DONE),
            A("Werkplek voor twintig uur zoeken", "sociaal-team", 42, IN_PROGRESS),
        ),
    ),
    DemoCase(
        meeting=3,
        kinds=("debts",),
        submitter="stichting-stunt",
        description="Loonbeslag maakt dat werken minder oplevert dan de bijstand.",
        tried="Beslagvrije voet laten herberekenen.",
        question="Kan werken gaan lonen?",
        outcome=Outcome.JA_MITS,
        solution="Schuldeisers akkoord gevraagd voor een minnelijke regeling; werkbonus erbovenop.",
        condition="De budgetafspraken worden drie maanden nagekomen.",
        rationale="Werk moet lonen, ook met schulden.",
        principles=("P2",),
        committed=("stichting-stunt", "team-inkomen"),
        actions=(
            A("Minnelijke regeling voorleggen aan schuldeisers", "stichting-stunt", 21, OPEN),
            A("Werkbonus toekennen", "team-inkomen", 14, DONE),
        ),
    ),
    DemoCase(
        meeting=3,
        kinds=("housing",),
        submitter="delft-support",
        description="Dakloos sinds een half jaar; slaapt in de nachtopvang.",
        tried="Inschrijving nachtopvang en een aanvraag beschermd wonen.",
        question="Is een kamer mogelijk, samen met werk?",
        urgency="urgent",
        outcome=Outcome.JA,
        solution="Een kamer in een Skaeve Huse-project en werk in de groenvoorziening.",
        rationale="Wonen en werken samen houden elkaar overeind.",
        principles=("P1", "P3"),
        committed=("sociaal-team", "de-firma-van-buiten"),
        actions=(
            A("Kamer toewijzen", "sociaal-team", 14, DONE),
            A("Start in de groenploeg", "de-firma-van-buiten", 28, IN_PROGRESS),
        ),
    ),
    DemoCase(
        meeting=4,
        kinds=("language",),
        submitter="leerwerkmakelaar",
        description="Statushouder, in Syrië verpleegkundige. Diploma niet erkend.",
        tried="Diplomawaardering aangevraagd bij IDW.",
        question="Kan de kandidaat in de zorg beginnen terwijl de erkenning loopt?",
        outcome=Outcome.JA,
        solution="Leerwerkplek als helpende in de zorg en taalles op B1-niveau.",
        rationale="Talent niet laten wachten op papier.",
        principles=("P2",),
        committed=("leerwerkmakelaar", "philadelphia"),
        actions=(
            A("Leerwerkplek als helpende regelen", "philadelphia", 21, IN_PROGRESS),
            A("B1-taaltraject starten", "leerwerkmakelaar", 42, OPEN),
        ),
    ),
    DemoCase(
        meeting=4,
        kinds=("health",),
        submitter="werkse",
        description="Rugklachten; kan niet lang staan. Wil graag in de logistiek werken.",
        tried="Fysiotherapie; werkgever zonder aangepaste werkplek.",
        question="Kan er een aangepaste werkplek komen?",
        outcome=Outcome.JA,
        solution="Werkplekaanpassing via de gemeente en een werkgever met zittend werk.",
        rationale="Een aanpassing kost weinig en maakt werk mogelijk.",
        principles=("P3",),
        committed=("wsp-delft", "team-inkomen"),
        actions=(
            A("Werkplekaanpassing aanvragen", "team-inkomen", 21, OPEN),
            A("Werkgever met zittend werk zoeken", "wsp-delft", 28, OPEN),
        ),
    ),
    DemoCase(
        meeting=4,
        kinds=("health", "housing"),
        submitter="ggz-doel-preventie",
        description="Herstellend van een verslaving; woont in een omgeving die terugval uitlokt.",
        tried="Ambulante begeleiding; verhuizing afgewezen.",
        question="Is een verhuizing naar een rustiger buurt mogelijk?",
        outcome=Outcome.JA_MITS,
        solution="Woningruil met voorrang via het Sociaal Team.",
        condition="De ambulante begeleiding loopt minstens zes maanden door.",
        rationale="Herstel vraagt een veilige omgeving.",
        principles=("P3",),
        committed=("sociaal-team", "ggz-doel-preventie"),
        actions=(
            A("Woningruil met voorrang regelen", "sociaal-team", 28, OPEN),
            A("Begeleiding zes maanden verlengen", "ggz-doel-preventie", 14, OPEN),
        ),
    ),
    DemoCase(
        meeting=5,
        kinds=("debts", "transport"),
        submitter="delft-support",
        description=(
            "Een gemeentelijke vordering van 4.000 euro blokkeert de schuldregeling. Zonder "
            "regeling geen auto voor het werk als bezorger."
        ),
        tried="Kwijtschelding aangevraagd en afgewezen volgens de beleidsregels.",
        question="Kan de gemeente haar vordering laten vallen?",
        outcome=Outcome.ESCALATED,
        escalated_to="Wethouder Werk en Inkomen",
        escalation_reason=(
            "Kwijtschelding valt buiten de beleidsregels; alleen het college kan een uitzondering "
            "maken."
        ),
        rationale="De tafel kan dit niet besluiten, maar vindt dat de vordering moet vervallen.",
        principles=("P2",),
        committed=("delft-support",),
    ),
    DemoCase(
        meeting=5,
        kinds=("childcare", "language"),
        submitter="015now",
        description="Ouder van drie kinderen, net in Delft; taalles en opvang ontbreken.",
        tried="Aangemeld voor taalles; wachtlijst opvang.",
        question="Kunnen opvang en taalles tegelijk starten?",
        outcome=Outcome.JA,
        solution="Voorrang bij de peuteropvang en taalles op dezelfde locatie.",
        rationale="Alles op één plek maakt het haalbaar.",
        principles=("P1",),
        committed=("sociaal-team", "leerwerkmakelaar"),
        actions=(
            A("Voorrang peuteropvang regelen", "sociaal-team", 28, OPEN),
            A("Taalles op de opvanglocatie", "leerwerkmakelaar", 42, OPEN),
        ),
    ),
    DemoCase(
        meeting=6,
        kinds=("housing", "care_duties"),
        submitter="sociaal-team",
        description=(
            "Zorgt voor een ouder aan de andere kant van de stad; de reistijd maakt werk "
            "onmogelijk."
        ),
        tried="Thuiszorg voor de ouder aangevraagd.",
        question="Is wonen dichter bij de ouder mogelijk?",
        outcome=Outcome.JA,
        solution="Woningruil naar de wijk van de ouder en thuiszorg op werkdagen.",
        rationale="Korte lijnen maken zorg en werk samen mogelijk.",
        principles=("P3",),
        committed=("sociaal-team", "fonteynenburg"),
        actions=(
            A("Woningruil starten", "sociaal-team", 28, OPEN),
            A("Thuiszorg op werkdagen inzetten", "fonteynenburg", 21, OPEN),
        ),
    ),
    DemoCase(
        meeting=7,
        kinds=("other",),
        submitter="werkse",
        description=(
            "Rijbewijs ingevorderd door een CJIB-boete; heeft een baan als chauffeur in zicht."
        ),
        tried="Betalingsregeling aangevraagd bij het CJIB.",
        question="Kan de boete worden geregeld, zodat het rijbewijs terugkomt?",
        urgency="high",
    ),
    DemoCase(
        meeting=None,
        kinds=("digital_skills",),
        submitter="stichting-perspektief",
        description="Heeft geen computer en geen internet thuis; solliciteren lukt niet.",
        tried="Bibliotheekcomputer, maar de openingstijden passen niet.",
        question="Kan er een laptop met internet komen?",
    ),
)


# --- picking candidates ----------------------------------------------------------------------


def _open_kinds(candidate: Candidate) -> set[str]:
    return {b.category for b in candidate.open_barriers}  # type: ignore[attr-defined]


def candidates_for(plans: Sequence[DemoCase], *, today: date) -> list[Candidate]:
    """One candidate per case, on bijstand now, long-term first, with the case's barriers."""
    five_years_ago = today - timedelta(days=5 * 365)
    on_bijstand = BenefitPeriod.objects.filter(start__lte=today).filter(
        Q(end__isnull=True) | Q(end__gte=today)
    )
    pool = list(
        Candidate.objects.filter(erased_at__isnull=True, benefit_periods__in=on_bijstand)
        .distinct()
        .select_related("lead_organisation")
        .prefetch_related(
            Prefetch(
                "barriers",
                queryset=Barrier.objects.exclude(status="resolved"),
                to_attr="open_barriers",
            ),
            Prefetch(
                "benefit_periods",
                queryset=on_bijstand.filter(start__lte=five_years_ago),
                to_attr="long_term",
            ),
        )
        .order_by("last_name", "first_name", "birth_date", "postcode")
    )
    # A fixed shuffle, so the demo is the same every time but not everyone is called Aarab.
    random.Random("zeg-ja-team").shuffle(pool)  # noqa: S311 - demo data, not a secret
    pool.sort(key=lambda c: not c.long_term)
    chosen: list[Candidate] = []
    for plan in plans:
        wanted = set(plan.kinds) - {"other"}
        unused = [c for c in pool if c not in chosen]
        fitting = [c for c in unused if wanted <= _open_kinds(c)] if wanted else []
        if not wanted:  # the garden, the fine: someone with little else in the way
            fitting = sorted(unused, key=lambda c: len(_open_kinds(c)))
        if fitting or unused:
            chosen.append((fitting or unused)[0])
    return chosen


# --- replaying history -----------------------------------------------------------------------


def _user(role: Role, slug: str) -> User:
    return User.objects.get(email=demo_email(role=role.value, organisation_slug=slug))


def _at(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _ensure_consent(candidate: Candidate, organisation: Organisation, on: date) -> None:
    """The candidate's consent for the Zeg JA Team, recorded by their lead organisation."""
    if has_zeg_ja_basis(candidate=candidate, organisation=organisation, on=on):
        return
    lead = candidate.lead_organisation
    recorder = User.objects.filter(
        memberships__organisation=lead, memberships__role=Role.PROFESSIONAL
    ).first()
    consent_grant(
        acting_user=recorder,
        access=Access(lead, LEGAL_BASIS_PURPOSE, True) if lead.has_legal_basis else None,
        candidate=candidate,
        organisation=organisation,
        purpose=Purpose.ZEG_JA_TEAM,
        granted_on=on,
        evidence_note="Toestemming gegeven in het gesprek over de aanmelding bij het Zeg JA Team.",
    )


def _meetings(today: date) -> list[Meeting]:
    chair = _user(Role.CHAIR, CHAIR_ORGANISATION)
    slugs = sorted({slug for plan in CASES for slug in plan.committed} - {CHAIR_ORGANISATION})
    members = [demo_email(role=Role.ZEG_JA_MEMBER.value, organisation_slug=s) for s in slugs]
    seats = [
        *Membership.objects.filter(
            user=chair, role=Role.CHAIR, organisation__slug=CHAIR_ORGANISATION
        ),
        *Membership.objects.filter(
            role=Role.ZEG_JA_MEMBER, organisation__slug__in=slugs, user__email__in=members
        ),
    ]
    return meeting_plan(
        acting_user=chair,
        first_on=today - timedelta(weeks=3 * (MEETINGS - 1)),
        count=MEETINGS + 1,  # and the next one, still empty
        starts_at=MEETING_START,
        location=LOCATION,
        chair=chair,
        memberships=seats,
    )


def _replay(plan: DemoCase, candidate: Candidate, meetings: list[Meeting], today: date) -> Case:
    organisation = Organisation.objects.get(slug=plan.submitter)
    submitter = _user(Role.PROFESSIONAL, plan.submitter)
    meeting = meetings[plan.meeting] if plan.meeting is not None else None
    submitted_on = meeting.held_on - timedelta(days=12) if meeting else today - timedelta(days=3)
    _ensure_consent(candidate, organisation, submitted_on - timedelta(days=5))
    candidate_view = candidate_get_unlogged(user=submitter, candidate_id=candidate.pk)
    linkable = [
        b
        for b in candidate.open_barriers  # type: ignore[attr-defined]
        if b.category in plan.kinds
        and (b.category != HEALTH_CATEGORY or candidate_view.may_see_special_category)
    ]
    case = case_submit(
        acting_user=submitter,
        candidate_view=candidate_view,
        organisation=organisation,
        barriers=linkable,
        knelpunt_kinds=plan.kinds,
        barrier_description=plan.description,
        tried=plan.tried,
        question=plan.question,
        urgency=plan.urgency,
        meeting=meeting,
        at=_at(submitted_on),
    )
    if meeting is None or not plan.outcome:
        return case
    chair = _user(Role.CHAIR, CHAIR_ORGANISATION)
    decision = decision_record(
        acting_user=chair,
        view=case_get_unlogged(user=chair, case_id=case.pk),
        meeting=meeting,
        outcome=plan.outcome,
        solution=plan.solution,
        condition=plan.condition,
        escalated_to=plan.escalated_to,
        escalation_reason=plan.escalation_reason,
        rationale=plan.rationale,
        principle_codes=plan.principles,
        deviation_rule=plan.deviation[0],
        deviation_reason=plan.deviation[1],
        committed_organisations=list(Organisation.objects.filter(slug__in=plan.committed)),
        actions=[
            ActionInput(
                description=a.description,
                owner_organisation=Organisation.objects.get(slug=a.organisation),
                owner_person=_user(Role.ZEG_JA_MEMBER, a.organisation),
                due_on=meeting.held_on + timedelta(days=a.due_days),
            )
            for a in plan.actions
        ],
        at=_at(meeting.held_on, 11),
    )
    recorded = {action.description: action for action in decision.actions.all()}
    last_done = meeting.held_on
    for demo_action in plan.actions:
        action = recorded[demo_action.description]
        last_done = max(last_done, _carry_out(action, demo_action, meeting.held_on, today))
    if plan.solved:
        case.refresh_from_db()
        solved_on = min(today, last_done + timedelta(days=7))
        case_transition(
            acting_user=submitter,
            view=case_get_unlogged(user=submitter, case_id=case.pk),
            target=CaseStatus.SOLVED,
            expected_version=case.version,
            confirmed=True,
            note="Iedereen aan tafel bevestigt: opgelost.",
            at=_at(solved_on, 15),
        )
    return case


def _carry_out(action: Action, plan: DemoAction, meeting_day: date, today: date) -> date:
    """Move the action to its demo status on plausible days; returns the last day touched."""
    owner = action.owner_person
    started = min(today, meeting_day + timedelta(days=3))
    if plan.status == OPEN:
        return meeting_day
    action = action_set_status(
        acting_user=owner,
        action=action,
        status=IN_PROGRESS,
        expected_version=action.version,
        at=_at(started),
    )
    if plan.status == IN_PROGRESS:
        return started
    done = min(today, max(started, action.due_on - timedelta(days=2)))
    action_set_status(
        acting_user=owner,
        action=action,
        status=DONE,
        expected_version=action.version,
        at=_at(done, 14),
    )
    return done


@transaction.atomic
def demo_cases_load(*, today: date | None = None) -> int:
    """The first twenty cases, once: nothing happens when there are cases already.

    Needs the partners, the demo users and the population; returns how many cases it made.
    """
    if Case.objects.exists():
        return 0
    day = today or timezone.localdate()
    candidates = candidates_for(CASES, today=day)
    if not candidates:
        return 0
    meetings = _meetings(day)
    for plan, candidate in zip(CASES, candidates, strict=False):
        _replay(plan, candidate, meetings, day)
    return min(len(CASES), len(candidates))
