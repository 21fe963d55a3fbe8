"""Werkpad's matching engine: pure Python/NumPy/SciPy/OR-Tools, arrays in and arrays out.

The Django side (``matching/services.py``) turns candidates and offers into
:class:`CandidateArrays` and :class:`OfferArrays`, then::

    edges = eligible_pairs(candidates=c, offers=o)            # hard constraints cut the graph
    scored = score_pairs(candidates=c, offers=o, edges=edges)  # named score components
    city = plan(candidates=c, offers=o, scored=scored)         # min-cost-flow plan, capacities
    shortlist = top_k(candidates=c, offers=o, scored=scored, k=5, first=city.offer)
    why = explain_pair(candidates=c, offers=o, candidate=i, offer=j)  # "waarom (niet)"

``eligible_pairs`` and ``plan`` take ``workers=N`` to use N forked processes (POSIX); the
default, 1, stays in the calling process, which is what a web request or a test wants.
Rules, codes and the reasons behind them live in the submodules' docstrings: :mod:`.rules`
(hard constraints, barrier table), :mod:`.scoring`, :mod:`.ranking`, :mod:`.planning`.
This package never imports Django.
"""

from .arrays import CandidateArrays, Edges, OfferArrays, ScoredEdges
from .codes import (
    BARRIER_KINDS,
    OFFER_KINDS,
    PHYSICAL_DEMAND_LEVELS,
    SCORE_COMPONENTS,
    SCORE_SCALE,
    SUPPORT_KINDS,
    WORK_KINDS,
    mask_of,
    names_in,
)
from .eligibility import eligible_pairs
from .explain import ConstraintCheck, Explanation, explain_pair
from .planning import GroupMinimums, Plan, RegionStats, plan
from .ranking import PROVIDER_REPEAT_PENALTY, Proposals, top_k
from .rules import BARRIER_RULES, CARE_DUTIES_MAX_HOURS, CONSTRAINT_CODES, TRANSPORT_MAX_KM
from .scoring import REQUIRED_SKILL_WEIGHT, ScoreWeights, score_pairs

__all__ = [
    "BARRIER_KINDS",
    "BARRIER_RULES",
    "CARE_DUTIES_MAX_HOURS",
    "CONSTRAINT_CODES",
    "OFFER_KINDS",
    "PHYSICAL_DEMAND_LEVELS",
    "PROVIDER_REPEAT_PENALTY",
    "REQUIRED_SKILL_WEIGHT",
    "SCORE_COMPONENTS",
    "SCORE_SCALE",
    "SUPPORT_KINDS",
    "TRANSPORT_MAX_KM",
    "WORK_KINDS",
    "CandidateArrays",
    "ConstraintCheck",
    "Edges",
    "Explanation",
    "GroupMinimums",
    "OfferArrays",
    "Plan",
    "Proposals",
    "RegionStats",
    "ScoreWeights",
    "ScoredEdges",
    "eligible_pairs",
    "explain_pair",
    "mask_of",
    "names_in",
    "plan",
    "score_pairs",
    "top_k",
]
