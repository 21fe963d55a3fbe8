"""The flow of a match as an explicit transition table (after Amsterdam/signals).

proposed → candidate agreed → provider accepted → placed → ended, with the side exits
candidate declined, provider declined and withdrawn:

================== ================== ======================= =================================
from               to                 who                     what it needs
================== ================== ======================= =================================
proposed           candidate_agreed   caseworker              —
proposed           candidate_declined caseworker              a reason
candidate_agreed   provider_accepted  provider                a free place on the offer
candidate_agreed   provider_declined  provider                a reason
provider_accepted  placed             provider or caseworker  start, hours, kind, support
placed             ended              provider or caseworker  end date and outcome
proposed, agreed,  withdrawn          caseworker (and the     a reason
accepted                              provider once accepted)
================== ================== ======================= =================================

A caseworker is who works with the candidate: sees them under consent purpose `matching` (or
the municipality's legal basis). The provider is who speaks for the offer: a member of the
partner organisation that offers it, or an employer adviser or the programme lead for an
employer's offer. Both must see the candidate; `werkpad.matching.services.match_transition`
checks that, records every step (who, when) and writes the processing log.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkpad.offers.codes import MatchStatus


class Actor(StrEnum):
    CASEWORKER = "caseworker"
    PROVIDER = "provider"


ACTOR_LABELS: dict[Actor, Promise] = {
    Actor.CASEWORKER: _("who guides the candidate"),
    Actor.PROVIDER: _("who speaks for the provider of the offer"),
}

BOTH = frozenset({Actor.CASEWORKER, Actor.PROVIDER})


@dataclass(frozen=True)
class Transition:
    source: MatchStatus
    target: MatchStatus
    actors: frozenset[Actor]
    label: Promise
    needs_reason: bool = False
    # Placing and ending need more than a button: they have their own form.
    has_form: bool = False


TRANSITIONS: tuple[Transition, ...] = (
    Transition(
        MatchStatus.PROPOSED,
        MatchStatus.CANDIDATE_AGREED,
        frozenset({Actor.CASEWORKER}),
        _("The candidate agrees"),
    ),
    Transition(
        MatchStatus.PROPOSED,
        MatchStatus.CANDIDATE_DECLINED,
        frozenset({Actor.CASEWORKER}),
        _("The candidate declines"),
        needs_reason=True,
    ),
    Transition(
        MatchStatus.CANDIDATE_AGREED,
        MatchStatus.PROVIDER_ACCEPTED,
        frozenset({Actor.PROVIDER}),
        _("The provider accepts"),
    ),
    Transition(
        MatchStatus.CANDIDATE_AGREED,
        MatchStatus.PROVIDER_DECLINED,
        frozenset({Actor.PROVIDER}),
        _("The provider declines"),
        needs_reason=True,
    ),
    Transition(
        MatchStatus.PROVIDER_ACCEPTED,
        MatchStatus.PLACED,
        BOTH,
        _("Start the placement"),
        has_form=True,
    ),
    Transition(MatchStatus.PLACED, MatchStatus.ENDED, BOTH, _("End the placement"), has_form=True),
    Transition(
        MatchStatus.PROPOSED,
        MatchStatus.WITHDRAWN,
        frozenset({Actor.CASEWORKER}),
        _("Withdraw the proposal"),
        needs_reason=True,
    ),
    Transition(
        MatchStatus.CANDIDATE_AGREED,
        MatchStatus.WITHDRAWN,
        frozenset({Actor.CASEWORKER}),
        _("Withdraw the proposal"),
        needs_reason=True,
    ),
    Transition(
        MatchStatus.PROVIDER_ACCEPTED,
        MatchStatus.WITHDRAWN,
        BOTH,
        _("Withdraw the proposal"),
        needs_reason=True,
    ),
)

_BY_PAIR: dict[tuple[str, str], Transition] = {(t.source, t.target): t for t in TRANSITIONS}

# A match in one of these statuses still counts: no second proposal of the same offer.
OPEN_STATUSES = frozenset(
    {
        MatchStatus.PROPOSED,
        MatchStatus.CANDIDATE_AGREED,
        MatchStatus.PROVIDER_ACCEPTED,
        MatchStatus.PLACED,
    }
)


class TransitionError(ValidationError):
    """A step the table does not allow, or not for this user."""


def transitions_from(source: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == source]


def check_transition(*, source: str, target: str, actors: frozenset[Actor]) -> Transition:
    """The transition from `source` to `target`, or a TransitionError saying why not."""
    transition = _BY_PAIR.get((source, target))
    if transition is None:
        message = gettext("A match that is “%(source)s” cannot become “%(target)s”.") % {
            "source": MatchStatus(source).label,
            "target": MatchStatus(target).label,
        }
        possible = ", ".join(f"“{MatchStatus(t.target).label}”" for t in transitions_from(source))
        if possible:
            message += " " + gettext("It can become: %(possible)s.") % {"possible": possible}
        else:
            message += " " + gettext("This match is finished.")
        raise TransitionError(message, code="invalid_transition")
    if not transition.actors & actors:
        who = gettext(" or ").join(str(ACTOR_LABELS[a]) for a in sorted(transition.actors))
        raise TransitionError(
            gettext("Only %(who)s may change a match from “%(source)s” to “%(target)s”.")
            % {
                "who": who,
                "source": MatchStatus(source).label,
                "target": MatchStatus(target).label,
            },
            code="not_allowed",
        )
    return transition


def allowed_transitions(*, source: str, actors: frozenset[Actor]) -> list[Transition]:
    """The steps a user can take from here, for the buttons and forms on the match page."""
    return [t for t in transitions_from(source) if t.actors & actors]
