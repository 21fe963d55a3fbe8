"""Matching's part of the candidate's AVG rights: their matches (with "waarom deze match" and
their answers) and placements in the export (art. 15 and 20), and its part of the erasure
(art. 17). Registered with the privacy app when this module is imported, from
`OffersConfig.ready()`.

Erasure keeps every match and placement with its status, dates, kind, hours, support and outcome
(the monitor counts placements, Deals their fulfilment), and the score with its named parts. It
blanks the reasons given and cuts each explanation down to that score: the checks hold the
candidate's own facts (hours, Dutch level, ladder step, travel distance, barriers). The plan
runs' proposals are cut down the same way.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.candidates.models import Candidate
from werkpad.matching.explanations import explanation_text
from werkpad.matching.models import PlanProposal
from werkpad.offers.codes import MatchStatus
from werkpad.offers.models import Match, Placement
from werkpad.privacy.avg import ExportSection, Row, register_erasure_step, register_export_section

CANDIDATE_ANSWERS = frozenset({MatchStatus.CANDIDATE_AGREED, MatchStatus.CANDIDATE_DECLINED})
SCORE_KEYS = ("eligible", "score", "components")


def _why(explanation: dict[str, Any]) -> list[str]:
    text = explanation_text(explanation)
    return [*text.passed, *text.failed]


def _match_rows(candidate: Candidate) -> list[Row]:
    matches = (
        Match.objects.filter(candidate=candidate)
        .select_related("offer__employer", "offer__organisation")
        .prefetch_related("transitions__organisation")
        .order_by("created_at")
    )
    rows = []
    for match in matches:
        steps = list(match.transitions.all())
        answer = next((step for step in steps if step.target in CANDIDATE_ANSWERS), None)
        rows.append(
            {
                "id": str(match.pk),
                "offer": match.offer.title,
                "provider": match.offer.provider_name,
                "offer_kind": match.offer.kind,
                "offer_kind_label": match.offer.get_kind_display(),
                "proposed_at": timezone.localtime(match.created_at),
                "score": match.score,
                "explanation": match.explanation,
                "why": _why(match.explanation),
                "answer": answer.target if answer else "",
                "answer_label": answer.get_target_display() if answer else "",
                "answered_at": timezone.localtime(answer.created_at) if answer else None,
                "reason": match.decline_reason,
                "status": match.status,
                "status_label": match.get_status_display(),
                "steps": [
                    {
                        "at": timezone.localtime(step.created_at),
                        "from": step.source,
                        "to": step.target,
                        "organisation": step.organisation.name if step.organisation else "",
                    }
                    for step in steps
                ],
            }
        )
    return rows


def _placement_rows(candidate: Candidate) -> list[Row]:
    return [
        {
            "offer": placement.offer.title,
            "provider": placement.offer.provider_name,
            "kind": placement.kind,
            "kind_label": placement.get_kind_display(),
            "start": placement.start,
            "hours": placement.hours,
            "job_coach": placement.job_coach,
            "adjusted_hours": placement.adjusted_hours,
            "end": placement.end,
            "outcome": placement.outcome,
            "outcome_label": placement.get_outcome_display(),
        }
        for placement in Placement.objects.filter(candidate=candidate)
        .select_related("offer__employer", "offer__organisation")
        .order_by("start", "created_at")
    ]


OFFER_EXPORT_SECTIONS = (
    ExportSection(
        key="matches",
        title=_("Offers proposed to you"),
        rows=_match_rows,
        columns=(
            ("offer", _("offer")),
            ("provider", _("provider")),
            ("offer_kind_label", _("kind")),
            ("proposed_at", _("proposed on")),
            ("why", _("why this match")),
            ("answer_label", _("your answer")),
            ("reason", _("reason")),
            ("status_label", _("status")),
        ),
    ),
    ExportSection(
        key="placements",
        title=_("Your placements"),
        rows=_placement_rows,
        columns=(
            ("offer", _("offer")),
            ("provider", _("provider")),
            ("kind_label", _("kind")),
            ("start", _("start")),
            ("hours", _("hours per week")),
            ("job_coach", _("job coach")),
            ("adjusted_hours", _("adjusted hours")),
            ("end", _("end")),
            ("outcome_label", _("outcome")),
        ),
    ),
)


def _score_only(explanation: dict[str, Any]) -> dict[str, Any]:
    return {key: explanation[key] for key in SCORE_KEYS if key in explanation}


def erase_match_texts(candidate: Candidate) -> None:
    """Blank the reasons and cut the explanations down to the score (module docstring)."""
    now = timezone.now()
    matches = list(Match.objects.filter(candidate=candidate).only("id", "explanation", "version"))
    for match in matches:
        match.explanation = _score_only(match.explanation)
        match.decline_reason = ""
        match.version += 1
        match.updated_at = now
    proposals = list(
        PlanProposal.objects.filter(candidate=candidate).only("id", "explanation", "version")
    )
    for proposal in proposals:
        proposal.explanation = _score_only(proposal.explanation)
        proposal.version += 1
        proposal.updated_at = now
    Match.objects.bulk_update(matches, ["explanation", "decline_reason", "version", "updated_at"])
    PlanProposal.objects.bulk_update(proposals, ["explanation", "version", "updated_at"])


for _section in OFFER_EXPORT_SECTIONS:
    register_export_section(_section)
register_erasure_step(erase_match_texts)
