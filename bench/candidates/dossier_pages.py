"""The candidate list, search and dossier on about 100,000 candidates (PostgreSQL).

Requests go through Django's test Client as a signed-in professional of Team Inkomen, which
has the legal basis for its own clients (about 85% of everyone). Each request is timed and its
queries counted; the table gives p50/p95 per request and the queries per request.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkpad_bench \\
        .venv/bin/python -m bench.candidates.dossier_pages [--candidates 100000] [--write-readme]

The first run loads the population (the demo generator scaled up) and keeps it for the next.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable
from dataclasses import dataclass

from bench.candidates.common import (
    django_setup,
    machine,
    median,
    percentile,
    readme_update,
    today,
)

# Everyone since 2016 is about 2.43 times the people on bijstand on 2019-01-01.
PEOPLE_PER_CANDIDATE_ARGUMENT = 8512 / 3500


@dataclass
class Measurement:
    name: str
    seconds: list[float]
    queries: list[int]


def load_population(target: int) -> None:
    from django.core.management import call_command

    from werkpad.candidates.models import Candidate
    from werkpad.demo.loading import demo_case_managers_assign, population_load
    from werkpad.demo.population import generate_population
    from werkpad.demo.services import demo_partners_load, demo_users_load

    call_command("migrate", verbosity=0, skip_checks=True)
    demo_users_load(organisations=demo_partners_load())
    present = Candidate.objects.count()
    if present >= target * 0.9:
        print(f"Using the {present} candidates already in the database.")
        return
    if present:
        raise SystemExit(f"The database has {present} candidates; use an empty database.")
    started = time.perf_counter()
    population = generate_population(candidates=round(target / PEOPLE_PER_CANDIDATE_ARGUMENT))
    generated = time.perf_counter()
    counts = population_load(population=population)
    demo_case_managers_assign()
    print(
        f"Generated {len(population.people)} people in {generated - started:.0f} s and loaded "
        f"them in {time.perf_counter() - generated:.0f} s: {counts}"
    )


def measure(name: str, urls: list[str], get: Callable[[str], int]) -> Measurement:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    seconds: list[float] = []
    queries: list[int] = []
    for url in urls[:3]:  # warm up caches and the connection
        get(url)
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            status = get(url)
            seconds.append(time.perf_counter() - started)
        if status != 200:
            raise SystemExit(f"{name}: {url} answered {status}")
        queries.append(len(captured.captured_queries))
    return Measurement(name, seconds, queries)


def run(requests: int) -> tuple[list[Measurement], int, int]:
    from django.test import Client
    from django.urls import reverse

    from werkpad.accounts.models import User
    from werkpad.candidates.models import Candidate
    from werkpad.demo.partners import demo_email
    from werkpad.privacy.access import visible_candidates

    user = User.objects.get(email=demo_email(role="professional", organisation_slug="team-inkomen"))
    client = Client()
    client.force_login(user)

    def get(url: str) -> int:
        return client.get(url).status_code

    visible = visible_candidates(user)
    total, visible_count = Candidate.objects.count(), visible.count()
    rng = random.Random(1)  # noqa: S311 - picks test data, not secrets
    ids = list(visible.values_list("pk", flat=True)[: requests * 20])
    sample = [Candidate.objects.get(pk=pk) for pk in rng.sample(ids, requests)]
    pages = visible_count // 25
    list_url = reverse("candidates:list")
    scenarios = {
        "List, first page (25 rows)": [list_url] * requests,
        "List, a page deep in the list": [
            f"{list_url}?page={rng.randint(pages // 2, pages)}" for _ in range(requests)
        ],
        "List sorted by postcode": [f"{list_url}?sort=postcode"] * requests,
        "Search by name": [f"{list_url}?q={c.first_name}+{c.last_name}" for c in sample],
        "Search by exact BSN": [f"{list_url}?q={c.bsn}" for c in sample],
        "Search by postcode": [f"{list_url}?q={c.postcode.replace(' ', '+')}" for c in sample],
        "Filter: 5 years or more on bijstand": [f"{list_url}?long_term=on"] * requests,
        "Dossier (overview tab)": [reverse("candidates:detail", args=[c.pk]) for c in sample],
    }
    return [measure(name, urls, get) for name, urls in scenarios.items()], total, visible_count


def jit_off(**_kwargs: object) -> None:
    """PostgreSQL's JIT compiles the list's query plan anew for every request (seconds)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET jit = off")


def table(runs: dict[str, list[Measurement]]) -> str:
    names = list(runs)
    lines = [
        "| request | "
        + " | ".join(f"p50 (ms) {name} | p95 (ms) {name}" for name in names)
        + " | queries per request |",
        "|---|" + "---:|---:|" * len(names) + "---:|",
    ]
    for index, first in enumerate(runs[names[0]]):
        cells = []
        for name in names:
            m = runs[name][index]
            cells.append(
                f"{median(m.seconds) * 1000:.0f} | {percentile(m.seconds, 0.95) * 1000:.0f}"
            )
        low, high = min(first.queries), max(first.queries)
        queries = str(low) if low == high else f"{low}–{high}"
        lines.append(f"| {first.name} | {' | '.join(cells)} | {queries} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=50)
    parser.add_argument("--write-readme", action="store_true")
    parser.add_argument("--load-only", action="store_true", help="prepare the database only")
    options = parser.parse_args()
    django_setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        print("Note: this benchmark is meant for PostgreSQL (set DATABASE_URL).")
    load_population(options.candidates)
    if options.load_only:
        return
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    runs: dict[str, list[Measurement]] = {}
    measurements, total, visible = run(options.requests)
    runs["(JIT on)" if connection.vendor == "postgresql" else ""] = measurements
    if connection.vendor == "postgresql":
        from django.db.backends.signals import connection_created

        connection_created.connect(jit_off)
        jit_off()
        runs["(JIT off)"] = run(options.requests)[0]
    result = table(runs)
    print(result)
    if options.write_readme:
        readme_update(
            f"Candidate list, search and dossier ({connection.vendor}, {total:,} candidates)",
            f"{today()}, {machine()}. {options.requests} requests per row through Django's test "
            f"Client, signed in as a Team Inkomen professional who may see {visible:,} of them "
            "(legal basis); every list request also writes its 25 processing-log entries. "
            "PostgreSQL 15 with its default settings (JIT on), and again with `SET jit = off` "
            "on the connection.\n\n" + result,
        )


if __name__ == "__main__":
    main()
