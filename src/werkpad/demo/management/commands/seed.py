"""`werkpad seed`: load the synthetic Delft population into an empty candidate table."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from werkpad.candidates.models import Candidate
from werkpad.demo.population import REFERENCE_CANDIDATES
from werkpad.demo.services import (
    demo_partners_load,
    demo_population_is_loaded,
    demo_population_load,
)


class Command(BaseCommand):
    help = (
        "Load the synthetic Delft population (invented people with valid synthetic BSNs) into "
        "an empty database: the same people for the same --seed and --today."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--candidates",
            type=int,
            default=REFERENCE_CANDIDATES,
            help="people on bijstand on 2019-01-01; everyone since 2016 is about 2.4 times "
            f"as many (default {REFERENCE_CANDIDATES})",
        )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument(
            "--today",
            type=date.fromisoformat,
            default=None,
            help="the day the population ends on, YYYY-MM-DD (default: today)",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="demo mode only: first remove every candidate in the database",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["candidates"] < 0:
            raise CommandError("--candidates must be zero or more.")
        if demo_population_is_loaded():
            if not options["replace"]:
                raise CommandError(
                    f"There are already {Candidate.objects.count()} candidates. "
                    "`werkpad seed` only fills an empty database; in demo mode, "
                    "`werkpad seed --replace` removes them first."
                )
            self._remove_candidates()
        started = time.perf_counter()
        demo_partners_load()
        counts = demo_population_load(
            candidates=options["candidates"],
            seed=options["seed"],
            today=options["today"] or timezone.localdate(),
        )
        self.stdout.write(
            f"Loaded {counts.candidates} candidates with {counts.benefit_periods} benefit "
            f"periods, {counts.barriers} barriers, {counts.ladder_scores} ladder scores, "
            f"{counts.consents} consents, {counts.plan_goals} plan goals and "
            f"{counts.plan_steps} plan steps in {time.perf_counter() - started:.1f} s."
        )

    def _remove_candidates(self) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "--replace removes every candidate, so it works only in demo mode "
                "(WERKPAD_DEMO=true)."
            )
        try:
            with transaction.atomic():
                removed, _by_model = Candidate.objects.all().delete()
        except (ProtectedError, RestrictedError) as error:
            raise CommandError(
                "The candidates cannot be removed: other records (such as cases) refer to "
                "them. Start with an empty database instead."
            ) from error
        self.stdout.write(f"Removed {removed} rows of the earlier candidates.")
