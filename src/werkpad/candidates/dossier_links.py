"""What the dossier's overview shows of the other apps: the links the user may follow, and the
candidate's cases, placements and correction requests the user may open.

Each part asks the rule of the page it links to, so no link on the dossier leads to a 403 or
a 404:

- "Gegevens exporteren" and "Gegevens wissen": `privacy.avg.avg_rights_access`, the rule of the
  export and erasure pages;
- "Inbrengen bij het Zeg JA Team": the candidate is visible for purpose `zeg_ja_team`, which is
  `cases.services.has_zeg_ja_basis` for one of the user's organisations (the new-case page
  offers exactly those organisations);
- the cases: `cases.selectors.visible_cases`, the rule of the case page;
- "Passend aanbod" and the placements: `matching.selectors.matching_candidates` and
  `placements_visible`, the rules of the suggestions and placement pages;
- "Uitnodigen voor het portaal": the invitation page opens for whoever sees the candidate; it is
  offered while the candidate has no portal account;
- the correction requests: those addressed to one of the user's organisations (the lead
  organisation when the candidate asked), the rule of the panel's task list.

None of these reads writes a processing-log entry: the overview's own `view` entry covers what it
shows (a case's number, status and dates, a placement's offer and dates, a request's subject and
status — no free text). Opening a case, a placement, a request or the "Passend aanbod" panel is
logged by that page. Lists are read only when there is something in them, so an overview costs
two queries more when the candidate has none of these, and at most six whatever their number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, QuerySet

from werkpad.candidates.models import Candidate
from werkpad.candidates.selectors import CandidateView
from werkpad.cases.models import Case
from werkpad.cases.selectors import visible_cases
from werkpad.matching.selectors import matching_candidates, placements_visible
from werkpad.offers.models import Placement
from werkpad.organisations.models import Membership
from werkpad.panel.models import CandidateAccount, CorrectionRequest
from werkpad.privacy.access import CASEWORK_ROLES, visible_candidates
from werkpad.privacy.avg import avg_rights_access
from werkpad.privacy.codes import Purpose


@dataclass(frozen=True)
class DossierLinks:
    """What the overview offers `user` for one candidate."""

    may_use_avg_rights: bool
    may_submit_case: bool
    may_match: bool
    has_portal_account: bool
    cases: list[Case]
    placements: list[Placement]
    correction_requests: list[CorrectionRequest]


def _correction_requests_to_user(user: Any) -> QuerySet[CorrectionRequest]:
    return CorrectionRequest.objects.filter(
        organisation_id__in=Membership.objects.filter(
            user_id=user.pk, role__in=CASEWORK_ROLES
        ).values("organisation_id")
    )


def dossier_links(*, user: Any, view: CandidateView) -> DossierLinks:
    """The links and lists of the overview for a candidate `user` sees (see the module)."""
    candidate = view.candidate
    this = OuterRef("pk")
    flags = (
        Candidate.objects.filter(pk=candidate.pk)
        .annotate(
            may_submit_case=Exists(
                visible_candidates(user, purpose=Purpose.ZEG_JA_TEAM).filter(pk=this)
            ),
            may_match=Exists(matching_candidates(user).filter(pk=this)),
            has_portal_account=Exists(CandidateAccount.objects.filter(candidate_id=this)),
            has_cases=Exists(visible_cases(user).filter(candidate_id=this)),
            has_placements=Exists(Placement.objects.filter(candidate_id=this)),
            has_correction_requests=Exists(
                _correction_requests_to_user(user).filter(candidate_id=this)
            ),
        )
        .values(
            "may_submit_case",
            "may_match",
            "has_portal_account",
            "has_cases",
            "has_placements",
            "has_correction_requests",
        )
        .get()
    )
    cases: list[Case] = []
    if flags["has_cases"]:
        cases = list(visible_cases(user).filter(candidate=candidate).order_by("-submitted_on"))
    placements: list[Placement] = []
    if flags["may_match"] and flags["has_placements"]:
        placements = list(
            placements_visible(user)
            .filter(candidate=candidate)
            .select_related("offer__employer", "offer__organisation")
            .order_by("-start")
        )
    requests: list[CorrectionRequest] = []
    if flags["has_correction_requests"]:
        requests = list(
            _correction_requests_to_user(user).filter(candidate=candidate).order_by("-created_at")
        )
    return DossierLinks(
        may_use_avg_rights=avg_rights_access(user=user, candidate=candidate) is not None,
        may_submit_case=flags["may_submit_case"],
        may_match=flags["may_match"],
        has_portal_account=flags["has_portal_account"],
        cases=cases,
        placements=placements,
        correction_requests=requests,
    )
