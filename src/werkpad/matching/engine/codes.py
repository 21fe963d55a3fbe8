"""Codes shared with the Django side (DESIGN.md section 4) and the bit masks built on them.

The tuples are in DESIGN.md's order; a code's position is its bit in every mask of that kind
(``1 << BARRIER_KINDS.index("childcare")``) and, for offer kinds, the integer in
``OfferArrays.kind``. Extend at the end; never reorder, or stored masks change meaning.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "BARRIER_KINDS",
    "OFFER_KINDS",
    "PHYSICAL_DEMAND_LEVELS",
    "SCORE_COMPONENTS",
    "SCORE_SCALE",
    "SUPPORT_KINDS",
    "WORK_KINDS",
    "mask_of",
    "names_in",
]

BARRIER_KINDS: tuple[str, ...] = (
    "physical",
    "psychological",
    "addiction",
    "care_duties",
    "childcare",
    "language",
    "debts",
    "housing",
    "transport",
    "digital_skills",
    "other",
)
OFFER_KINDS: tuple[str, ...] = (
    "paid_job",
    "supported_job",
    "volunteer",
    "day_activity",
    "learning",
    "work_experience",
)
SUPPORT_KINDS: tuple[str, ...] = ("job_coach", "adjusted_hours", "childcare_friendly")
#: ``OfferArrays.physical_demand`` holds the index into this tuple.
PHYSICAL_DEMAND_LEVELS: tuple[str, ...] = ("low", "medium", "high")
#: Offer kinds that are work with an employer's expectations, as opposed to participation
#: (volunteering, day activities, learning); several barrier rules keep candidates out of these.
WORK_KINDS: tuple[str, ...] = ("paid_job", "supported_job", "work_experience")
#: Named parts of a match score, in the order explanations list them.
SCORE_COMPONENTS: tuple[str, ...] = ("skills", "preferences", "support", "travel")
#: A score of 1.0 is worth this many integer points. Min-cost flow needs integer costs; 1e4
#: keeps four decimals while a national total (4e5 candidates x 1e4) stays far from int64 limits.
SCORE_SCALE = 10_000


def mask_of(codes: Iterable[str], vocabulary: tuple[str, ...]) -> int:
    """Bit mask of ``codes`` over ``vocabulary``; an unknown code raises ``ValueError``."""
    mask = 0
    for code in codes:
        mask |= 1 << vocabulary.index(code)
    return mask


def names_in(mask: int, vocabulary: tuple[str, ...]) -> list[str]:
    """Codes of ``vocabulary`` whose bit is set in ``mask``, in vocabulary order."""
    return [code for bit, code in enumerate(vocabulary) if mask >> bit & 1]
