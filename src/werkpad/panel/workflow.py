"""The two workflows of the panel app as explicit transition tables (after Amsterdam/signals).

An idea of the candidate panel:

=================== ====================================== ==================================
from                to                                     what it needs
=================== ====================================== ==================================
received            considering                            —
received,           adopted, in_pilot, not_adopted         a public answer
considering
adopted             in_pilot, done                         a public answer
in_pilot            adopted, done, not_adopted             a public answer
=================== ====================================== ==================================

A candidate's correction request (a task for the lead organisation):

=================== ====================================== ==================================
from                to                                     what it needs
=================== ====================================== ==================================
open                in_progress                            —
open, in_progress   done, rejected                         an answer to the candidate
=================== ====================================== ==================================

Only the programme lead moves ideas; only professionals of the candidate's lead organisation
move correction requests (`werkpad.panel.services` checks who).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class IdeaStatus(models.TextChoices):
    RECEIVED = "received", _("Received")
    CONSIDERING = "considering", _("We are looking into it")
    ADOPTED = "adopted", _("We are going to do it")
    IN_PILOT = "in_pilot", _("We are trying it out in a pilot")
    NOT_ADOPTED = "not_adopted", _("We are not doing it")
    DONE = "done", _("Done")


class CorrectionStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    IN_PROGRESS = "in_progress", _("Being handled")
    DONE = "done", _("Corrected")
    REJECTED = "rejected", _("Not corrected")


@dataclass(frozen=True)
class Workflow:
    """Allowed (source, target) pairs; targets in `needs_answer` need a written answer."""

    statuses: type[models.TextChoices]
    pairs: frozenset[tuple[str, str]]
    needs_answer: frozenset[str]

    def targets_from(self, source: str) -> list[str]:
        """The statuses reachable from `source`, in the order of the status list."""
        return [s for s in self.statuses.values if (source, s) in self.pairs]

    def check(self, *, source: str, target: str, answer: str) -> None:
        """Refuse a step the table does not allow, or one without its answer, clearly."""
        labels = dict(self.statuses.choices)
        if (source, target) not in self.pairs:
            message = gettext("“%(source)s” cannot become “%(target)s”.") % {
                "source": labels.get(source, source),
                "target": labels.get(target, target),
            }
            possible = ", ".join(f"“{labels[t]}”" for t in self.targets_from(source))
            if possible:
                message += " " + gettext("It can become: %(possible)s.") % {"possible": possible}
            raise ValidationError({"status": message}, code="invalid_transition")
        if target in self.needs_answer and not answer.strip():
            raise ValidationError(
                {"answer": gettext("Write the answer: it is what the candidate reads.")},
                code="answer_needed",
            )

    def is_final(self, status: str) -> bool:
        return not self.targets_from(status)


_DECIDED = (IdeaStatus.ADOPTED, IdeaStatus.IN_PILOT, IdeaStatus.NOT_ADOPTED)

IDEA_WORKFLOW = Workflow(
    statuses=IdeaStatus,
    pairs=frozenset(
        {(IdeaStatus.RECEIVED, IdeaStatus.CONSIDERING)}
        | {
            (source, target)
            for source in (IdeaStatus.RECEIVED, IdeaStatus.CONSIDERING)
            for target in _DECIDED
        }
        | {(IdeaStatus.ADOPTED, IdeaStatus.IN_PILOT), (IdeaStatus.ADOPTED, IdeaStatus.DONE)}
        | {
            (IdeaStatus.IN_PILOT, IdeaStatus.ADOPTED),
            (IdeaStatus.IN_PILOT, IdeaStatus.DONE),
            (IdeaStatus.IN_PILOT, IdeaStatus.NOT_ADOPTED),
        }
    ),
    needs_answer=frozenset({*_DECIDED, IdeaStatus.DONE}),
)

CORRECTION_WORKFLOW = Workflow(
    statuses=CorrectionStatus,
    pairs=frozenset(
        {(CorrectionStatus.OPEN, CorrectionStatus.IN_PROGRESS)}
        | {
            (source, target)
            for source in (CorrectionStatus.OPEN, CorrectionStatus.IN_PROGRESS)
            for target in (CorrectionStatus.DONE, CorrectionStatus.REJECTED)
        }
    ),
    needs_answer=frozenset({CorrectionStatus.DONE, CorrectionStatus.REJECTED}),
)
