"""Factories for the Zeg JA Team: meetings, attendees, cases on an agenda, actions."""

from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.candidates.factories import CandidateFactory
from tests.factories import OrganisationFactory, UserFactory
from werkpad.cases.models import Action, AgendaItem, Attendance, Case, Meeting, Principle
from werkpad.cases.workflow import CaseStatus
from werkpad.organisations.roles import Role


class PrincipleFactory(DjangoModelFactory[Principle]):
    class Meta:
        model = Principle
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"T{n}")
    title = factory.Sequence(lambda n: f"Beginsel {n}")
    explanation = "Wat het beginsel vraagt."


class MeetingFactory(DjangoModelFactory[Meeting]):
    class Meta:
        model = Meeting

    held_on = factory.LazyFunction(timezone.localdate)
    starts_at = dt.time(9, 30)
    location = "Stadskantoor Delft"


class AttendanceFactory(DjangoModelFactory[Attendance]):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Role.ZEG_JA_MEMBER


class CaseFactory(DjangoModelFactory[Case]):
    class Meta:
        model = Case

    number = factory.Sequence(lambda n: 500 + n)  # clear of the numbers case_submit gives
    candidate = factory.SubFactory(CandidateFactory)
    submitting_organisation = factory.SubFactory(OrganisationFactory)
    tried = "Gesprekken met de woningcorporatie, zonder resultaat."
    question = "Kan de tuin worden opgeknapt zodat hij weer aan werk kan denken?"
    status = CaseStatus.SUBMITTED
    submitted_on = factory.LazyFunction(lambda: timezone.localdate() - dt.timedelta(days=14))
    knelpunt_kinds = factory.LazyFunction(lambda: ["other"])


class AgendaItemFactory(DjangoModelFactory[AgendaItem]):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    case = factory.SubFactory(CaseFactory, status=CaseStatus.SCHEDULED)
    position = factory.Sequence(lambda n: n + 1)
    time_box_minutes = 15


class ActionFactory(DjangoModelFactory[Action]):
    class Meta:
        model = Action

    case = factory.SubFactory(CaseFactory, status=CaseStatus.DECIDED)
    description = "Tuin snoeien met vrijwilligers"
    owner_organisation = factory.SubFactory(OrganisationFactory)
    due_on = factory.LazyFunction(lambda: timezone.localdate() + dt.timedelta(days=14))
