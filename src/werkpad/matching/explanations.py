"""An explanation in words: "waarom deze match" and "waarom niet", from the engine's checks.

The engine names each hard constraint by a code and gives the values it compared
(`werkpad.matching.engine.rules`); this module turns them into short sentences at B1 level.
A health barrier is only ever named generically here: the exact kind never reaches these
sentences unless the caller passed an explanation with it (special access).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.codes import BarrierKind, OfferKind

CEFR_NAMES = {0: _("none"), 1: "A1", 2: "A2", 3: "B1", 4: "B2", 5: "C1", 6: "C2"}

COMPONENT_LABELS: dict[str, Promise] = {
    "skills": _("Skills"),
    "preferences": _("Preferences"),
    "support": _("Support"),
    "travel": _("Travel distance"),
}

# (passed, failed) for each barrier rule of the engine, by barrier kind.
_JOB_COACH = (
    _("a job coach is there, or it is not a job with an employer"),
    _("this is a job without a job coach"),
)
_WORK_FIRST = (
    _("it is not a job yet: taking part comes first"),
    _("this is a job, and this barrier comes first"),
)
BARRIER_REASONS: dict[str, tuple[Promise, Promise]] = {
    "physical": (_("no heavy physical work"), _("this is heavy physical work")),
    "psychological": _JOB_COACH,
    "addiction": _JOB_COACH,
    "care_duties": (
        _("at most 16 hours a week, or the hours can be adjusted"),
        _("more than 16 hours a week, and the hours cannot be adjusted"),
    ),
    "childcare": (
        _("the hours fall within school hours"),
        _("the hours are outside school hours"),
    ),
    "language": (_("no Dutch is needed"), _("Dutch is needed")),
    "debts": _WORK_FIRST,
    "housing": _WORK_FIRST,
    "transport": (_("it is within 5 km"), _("it is more than 5 km away")),
    "digital_skills": _JOB_COACH,
    "other": _WORK_FIRST,
}


def _number(value: Any) -> str:
    number = float(value)
    return f"{number:.0f}" if number == int(number) else f"{number:.1f}".replace(".", ",")


def _cefr(value: Any) -> str:
    return str(CEFR_NAMES.get(int(value), value))


def check_sentence(code: str, passed: bool, values: dict[str, Any]) -> str:
    """One constraint in words, passed or failed."""
    if code == "capacity":
        return (
            gettext("There is a free place.") if passed else gettext("There is no free place left.")
        )
    if code == "kind":
        kind = OfferKind(values["kind"]).label if values.get("kind") in OfferKind.values else ""
        if passed:
            return gettext("The candidate is open to this kind of offer.")
        return gettext("The candidate does not want this kind of offer (%(kind)s).") % {
            "kind": kind
        }
    if code == "hours":
        numbers = {
            "available": _number(values["hours_available"]),
            "minimum": _number(values["hours_min"]),
        }
        if passed:
            return (
                gettext(
                    "The hours fit: the candidate can work %(available)s hours a week; the offer "
                    "asks at least %(minimum)s."
                )
                % numbers
            )
        return (
            gettext(
                "Not enough hours: the candidate can work %(available)s hours a week; the offer "
                "asks at least %(minimum)s."
            )
            % numbers
        )
    if code == "dutch_level":
        levels = {"level": _cefr(values["dutch_level"]), "needed": _cefr(values["min_dutch_level"])}
        if passed:
            return (
                gettext(
                    "Dutch is enough: the candidate's level is %(level)s; "
                    "the offer asks %(needed)s."
                )
                % levels
            )
        return (
            gettext(
                "Not enough Dutch yet: the candidate's level is %(level)s; "
                "the offer asks %(needed)s."
            )
            % levels
        )
    if code == "ladder_step":
        steps = {
            "step": values["ladder_step"],
            "minimum": values["ladder_min"],
            "maximum": values["ladder_max"],
        }
        if passed:
            return (
                gettext(
                    "The offer suits step %(step)s of the participatieladder (steps %(minimum)s to "
                    "%(maximum)s)."
                )
                % steps
            )
        return (
            gettext(
                "The offer suits steps %(minimum)s to %(maximum)s of the participatieladder; the "
                "candidate is on step %(step)s."
            )
            % steps
        )
    if code == "distance":
        km = {
            "distance": _number(values["distance_km"]),
            "maximum": _number(values["max_travel_km"]),
        }
        if passed:
            return (
                gettext(
                    "Within reach: %(distance)s km; the candidate travels up to %(maximum)s km."
                )
                % km
            )
        return gettext("Too far: %(distance)s km; the candidate travels up to %(maximum)s km.") % km
    return _barrier_sentence(code.removeprefix("barrier:"), passed)


def _barrier_sentence(kind: str, passed: bool) -> str:
    if kind not in BARRIER_REASONS:  # "health": the kind is not shown
        if passed:
            return gettext("A health barrier is taken into account: this offer fits it.")
        return gettext("A health barrier that blocks work for now rules this offer out.")
    reason = BARRIER_REASONS[kind][0 if passed else 1]
    return gettext("%(barrier)s (open, blocks work for now): %(reason)s.") % {
        "barrier": BarrierKind(kind).label,
        "reason": reason,
    }


@dataclass(frozen=True)
class ExplanationText:
    eligible: bool
    score_percent: int
    components: list[tuple[str, int]]
    passed: list[str]
    failed: list[str]


def explanation_text(explanation: dict[str, Any]) -> ExplanationText:
    """An explanation (the engine's `as_dict`, possibly made generic) in sentences."""
    checks = explanation.get("checks", [])
    return ExplanationText(
        eligible=bool(explanation.get("eligible", True)),
        score_percent=round(100 * float(explanation.get("score", 0))),
        components=[
            (str(COMPONENT_LABELS[name]), round(100 * float(value)))
            for name, value in explanation.get("components", {}).items()
            if name in COMPONENT_LABELS
        ],
        passed=[check_sentence(c["code"], True, c["values"]) for c in checks if c["passed"]],
        failed=[check_sentence(c["code"], False, c["values"]) for c in checks if not c["passed"]],
    )
