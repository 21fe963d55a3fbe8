"""Explanations: for any (candidate, offer) pair, which hard constraints it passes or fails, with
the values compared, and its score components. The Django side shows them as "waarom (niet)"."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .arrays import CandidateArrays, Edges, OfferArrays
from .codes import SCORE_COMPONENTS
from .rules import PAIR_CONSTRAINTS, ConstraintValue, Pairs, barrier_checks
from .scoring import ScoreWeights, score_pairs

__all__ = ["ConstraintCheck", "Explanation", "explain_pair"]


@dataclass(frozen=True)
class ConstraintCheck:
    """One hard constraint applied to one pair.

    Attributes:
        code: stable constraint code (see :mod:`.rules`), e.g. ``hours`` or ``barrier:childcare``.
        passed: whether the pair meets it.
        values: what was compared, as JSON-ready scalars (``{"hours_available": 16.0, ...}``).
    """

    code: str
    passed: bool
    values: dict[str, ConstraintValue] = field(default_factory=dict)


@dataclass(frozen=True)
class Explanation:
    """Why a candidate may or may not be proposed for an offer, and how well they fit.

    Attributes:
        candidate, offer: the rows explained.
        checks: every hard constraint that applies, in a fixed order (pair constraints, then the
            rules of the candidate's blocking barriers).
        components: score components in [0, 1] by name (``skills``, ``preferences``, ``support``,
            ``travel``); given for ineligible pairs too, to show what the pair would score.
        score: weighted total in [0, 1]; points: the same as integer points.
    """

    candidate: int
    offer: int
    checks: tuple[ConstraintCheck, ...]
    components: dict[str, float]
    score: float
    points: int

    @property
    def eligible(self) -> bool:
        """The pair passes every hard constraint, so the engine may propose it."""
        return all(check.passed for check in self.checks)

    @property
    def passed(self) -> tuple[str, ...]:
        """Codes of the constraints the pair passes."""
        return tuple(check.code for check in self.checks if check.passed)

    @property
    def failed(self) -> tuple[ConstraintCheck, ...]:
        """The constraints the pair fails, with their values: the "waarom niet"."""
        return tuple(check for check in self.checks if not check.passed)

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready form for the API's ``explanation`` field."""
        return {
            "eligible": self.eligible,
            "score": self.score,
            "components": dict(self.components),
            "passed": list(self.passed),
            "failed": [{"code": c.code, "values": dict(c.values)} for c in self.failed],
            "checks": [
                {"code": c.code, "passed": c.passed, "values": dict(c.values)} for c in self.checks
            ],
        }


def explain_pair(
    *,
    candidates: CandidateArrays,
    offers: OfferArrays,
    candidate: int,
    offer: int,
    weights: ScoreWeights | None = None,
) -> Explanation:
    """Explain one pair with the same rules :func:`.eligible_pairs` applies to all pairs and the
    same scoring as :func:`.score_pairs`, so an explanation never contradicts the graph."""
    if not (0 <= candidate < candidates.n and 0 <= offer < offers.m):
        raise IndexError(f"no pair ({candidate}, {offer}) in {candidates.n} x {offers.m}")
    pair = Pairs(
        candidates, offers, np.array([candidate], dtype=np.int64), np.array([offer], dtype=np.int64)
    )
    checks = [
        ConstraintCheck(c.code, bool(c.passes(pair)[0]), c.values(pair)) for c in PAIR_CONSTRAINTS
    ]
    checks += [
        ConstraintCheck(code, passed, values) for code, passed, values in barrier_checks(pair)
    ]
    scored = score_pairs(
        candidates=candidates,
        offers=offers,
        edges=Edges(cand=pair.cand, offer=pair.offer, distance_km=pair.distance_km),
        weights=weights,
    )
    return Explanation(
        candidate=candidate,
        offer=offer,
        checks=tuple(checks),
        components={name: float(getattr(scored, name)[0]) for name in SCORE_COMPONENTS},
        score=float(scored.total[0]),
        points=int(scored.points[0]),
    )
