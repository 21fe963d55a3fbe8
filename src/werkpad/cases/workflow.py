"""The workflow of a case as an explicit transition table (after Amsterdam/signals).

submitted → scheduled → discussed → decided → in execution → solved, or
discussed → escalated → decided again, or closed.

Each transition names who may make it. Some happen only as part of other work: a case is
scheduled by putting it on an agenda, decided or escalated by recording a decision; those are
not offered as buttons (`manual=False`). Solving needs every action done and a confirmation,
which `werkpad.cases.services.case_transition` checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class CaseStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SCHEDULED = "scheduled", _("On the agenda")
    DISCUSSED = "discussed", _("Being discussed")
    DECIDED = "decided", _("Decided")
    IN_EXECUTION = "in_execution", _("In execution")
    SOLVED = "solved", _("Solved")
    ESCALATED = "escalated", _("Escalated")
    CLOSED = "closed", _("Closed")


class Actor(StrEnum):
    """Who someone is for one case; a user can be several at once."""

    SUBMITTER = "submitter"  # works for the submitting organisation
    CHAIR = "chair"  # chairs the Zeg JA Team
    PROGRAMME_LEAD = "programme_lead"
    ACTION_OWNER = "action_owner"  # owns an action of the case (personally or organisation)


ACTOR_LABELS: dict[Actor, Promise] = {
    Actor.SUBMITTER: _("the submitting organisation"),
    Actor.CHAIR: _("the chair"),
    Actor.PROGRAMME_LEAD: _("the programme lead"),
    Actor.ACTION_OWNER: _("the owner of an action"),
}

TEAM_LEADS = frozenset({Actor.CHAIR, Actor.PROGRAMME_LEAD})


@dataclass(frozen=True)
class Transition:
    source: CaseStatus
    target: CaseStatus
    actors: frozenset[Actor]
    label: Promise
    manual: bool = False  # offered as a button on the case page


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        CaseStatus.SUBMITTED,
        CaseStatus.SCHEDULED,
        TEAM_LEADS | {Actor.SUBMITTER},
        _("Put on the agenda"),
    ),
    Transition(
        CaseStatus.SCHEDULED,
        CaseStatus.SUBMITTED,
        TEAM_LEADS | {Actor.SUBMITTER},
        _("Take off the agenda"),
    ),
    Transition(
        CaseStatus.SCHEDULED, CaseStatus.DISCUSSED, TEAM_LEADS, _("Start the discussion"), True
    ),
    Transition(CaseStatus.DISCUSSED, CaseStatus.DECIDED, TEAM_LEADS, _("Record the decision")),
    Transition(CaseStatus.DISCUSSED, CaseStatus.ESCALATED, TEAM_LEADS, _("Escalate")),
    Transition(CaseStatus.ESCALATED, CaseStatus.DECIDED, TEAM_LEADS, _("Record the new decision")),
    Transition(CaseStatus.ESCALATED, CaseStatus.CLOSED, TEAM_LEADS, _("Close the case"), True),
    Transition(
        CaseStatus.DECIDED,
        CaseStatus.IN_EXECUTION,
        TEAM_LEADS | {Actor.SUBMITTER, Actor.ACTION_OWNER},
        _("Start carrying out the actions"),
        True,
    ),
    Transition(
        CaseStatus.IN_EXECUTION,
        CaseStatus.SOLVED,
        TEAM_LEADS | {Actor.SUBMITTER},
        _("Mark as solved"),
        True,
    ),
)

_BY_PAIR: dict[tuple[str, str], Transition] = {(t.source, t.target): t for t in TRANSITIONS}

# A decision can be recorded from these statuses; from `scheduled` the case passes `discussed`.
DECIDABLE = frozenset({CaseStatus.SCHEDULED, CaseStatus.DISCUSSED, CaseStatus.ESCALATED})
# Still waiting for the team: the agenda may take these.
SCHEDULABLE = frozenset({CaseStatus.SUBMITTED, CaseStatus.SCHEDULED, CaseStatus.ESCALATED})
FINISHED = frozenset({CaseStatus.SOLVED, CaseStatus.CLOSED})


class TransitionError(ValidationError):
    """A transition the table does not allow, or not for this user."""


def transitions_from(source: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]


def check_transition(*, source: str, target: str, actors: frozenset[Actor]) -> Transition:
    """The transition from `source` to `target`, or a TransitionError saying why not."""
    transition = _BY_PAIR.get((source, target))
    if transition is None:
        possible = ", ".join(f"“{CaseStatus(t.target).label}”" for t in transitions_from(source))
        message = gettext("A case that is “%(source)s” cannot become “%(target)s”.") % {
            "source": CaseStatus(source).label,
            "target": CaseStatus(target).label,
        }
        if possible:
            message += " " + gettext("It can become: %(possible)s.") % {"possible": possible}
        else:
            message += " " + gettext("This case is finished.")
        raise TransitionError(message, code="invalid_transition")
    if not transition.actors & actors:
        who = gettext(" or ").join(str(ACTOR_LABELS[a]) for a in sorted(transition.actors))
        raise TransitionError(
            gettext("Only %(who)s may change a case from “%(source)s” to “%(target)s”.")
            % {
                "who": who,
                "source": CaseStatus(source).label,
                "target": CaseStatus(target).label,
            },
            code="not_allowed",
        )
    return transition


def allowed_manual_transitions(*, source: str, actors: frozenset[Actor]) -> list[Transition]:
    """The buttons a user sees on the case page."""
    return [t for t in transitions_from(source) if t.manual and t.actors & actors]
