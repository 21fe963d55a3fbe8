"""The BHAG monitor on 100,000 candidates and a million benefit and placement events.

Times the dashboard and every export through Django's test Client, as the programme lead (exact
figures, everyone) and as the board (suppressed), and writes the `## Monitor` section of
bench/README.md:

    createdb -h 127.0.0.1 -U postgres werkpad_bench_monitor
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkpad_bench_monitor \\
        .venv/bin/python -m bench.monitor.run [--repeat 5] [--write-readme]

The first run writes the city (bench/monitor/data.py) and keeps it for the next runs.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from bench.candidates.common import django_setup, machine, median, percentile, today

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = "## Monitor"
INTRO = """The BHAG monitor: the dashboard and every export on 100,000 candidates with over a
million benefit-period and placement rows (PostgreSQL). Run with:

```
createdb -h 127.0.0.1 -U postgres werkpad_bench_monitor
DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkpad_bench_monitor \\
  .venv/bin/python -m bench.monitor.run --write-readme
```

The first run writes the synthetic city straight into PostgreSQL (`bench/monitor/data.py`).
"First" is the first request after the data changed: every figure computed from the raw rows.
"Next" are the requests after it, which read the figures the monitor keeps until the data
changes (`werkpad.monitor.cache`). Wall-clock times through Django's test Client (view,
queries, template or file). Budgets: dashboard < 500 ms, each export < 5 s."""


@dataclass
class Measurement:
    name: str
    seconds: list[float]
    queries: int


def _prepare() -> dict[str, int]:
    from django.core.management import call_command

    from bench.monitor.data import city_load, city_size
    from werkpad.candidates.models import Candidate
    from werkpad.demo.services import demo_partners_load, demo_users_load

    call_command("migrate", verbosity=0, skip_checks=True)
    demo_users_load(organisations=demo_partners_load())
    if Candidate.objects.filter(bsn_hash__startswith="bench-").exists():
        return city_size()
    started = time.perf_counter()
    sizes = city_load()
    print(f"Wrote the city in {time.perf_counter() - started:.0f} s: {sizes}")
    return sizes


def _measure(name: str, client: object, url: str, repeat: int) -> Measurement:
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # the first request computes everything, as after a change of the data
    seconds, queries = [], 0
    for _ in range(repeat + 1):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)  # type: ignore[attr-defined]
            seconds.append(time.perf_counter() - started)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        queries = len(captured.captured_queries)
    print(f"{name}: first {seconds[0] * 1000:.0f} ms, next {median(seconds[1:]) * 1000:.0f} ms")
    return Measurement(name, seconds, queries)


def run(repeat: int) -> tuple[dict[str, int], list[Measurement]]:
    from django.conf import settings
    from django.test import Client

    from werkpad.accounts.models import User
    from werkpad.demo.partners import demo_email
    from werkpad.monitor.selectors import INDICATOR_CODES

    settings.ALLOWED_HOSTS = ["*"]
    sizes = _prepare()
    lead, board = Client(), Client()
    for client, role in ((lead, "programme_lead"), (board, "board")):
        email = demo_email(role=role, organisation_slug="wsp-delft")
        client.force_login(User.objects.get(email=email))
    pages = [
        ("Dashboard, programme lead (2019 to now, per quarter)", lead, "/monitor/"),
        ("Dashboard, board", board, "/monitor/"),
        ("Dashboard, per month", lead, "/monitor/?granularity=month"),
        ("Dashboard, one organisation", lead, "/monitor/?organisation=werkse"),
        ("All indicators as XLSX", lead, "/monitor/export/monitor.xlsx"),
        ("Open-data CSV", board, "/monitor/open-data.csv"),
        ("Quarterly report (PDF)", board, "/monitor/rapportage.pdf?kwartaal=2023-4"),
        ("API: goals", lead, "/api/v1/monitor/goals/"),
    ]
    pages += [(f"CSV: {code}", lead, f"/monitor/export/{code}.csv") for code in INDICATOR_CODES]
    return sizes, [_measure(name, client, url, repeat) for name, client, url in pages]


def report(sizes: dict[str, int], measurements: list[Measurement]) -> str:
    lines = [
        f"Measured on {today()}: {machine()}; PostgreSQL. "
        + ", ".join(f"{count:,} {name}" for name, count in sizes.items())
        + ".",
        "",
        "| request | first (computed) | next, median (kept) | next, p95 | queries (next) |",
        "|---|---:|---:|---:|---:|",
    ]
    for m in measurements:
        warm = m.seconds[1:]
        lines.append(
            f"| {m.name} | {m.seconds[0] * 1000:.0f} ms | {median(warm) * 1000:.0f} ms "
            f"| {percentile(warm, 0.95) * 1000:.0f} ms | {m.queries} |"
        )
    return "\n".join(lines)


NOTES = """Where the time goes: a request that finds the kept figures only reads them and renders.
The first request after a change computes everything from the raw rows, and most of that is
three queries: the benefit periods in person order with their neighbours (LAG/LEAD for the CBS
30-day rule) grouped by month, household and age band; the ladder steps while on bijstand; and
the placements by the barriers open on their first day. So after a bulk change (the nightly
import of the benefit administration) run `werkpad monitor_refresh`: it computes the city-wide
figures per quarter and per month before the first visitor comes. Figures are kept under a
data version taken from PostgreSQL's own row counters for the tables the monitor counts, so any
write to them (bulk loads included) makes the next request compute afresh, seconds later at
most."""


def readme_write(body: str) -> None:
    """Replace the `## Monitor` section of bench/README.md; other sections stay as they are."""
    text = README.read_text() if README.exists() else "# Benchmarks\n"
    block = f"{SECTION}\n\n{INTRO}\n\n{body.strip()}\n\n{NOTES}\n"
    if SECTION in text:
        head, rest = text.split(SECTION, 1)
        following = rest.find("\n## ")
        tail = "" if following < 0 else rest[following:]
        text = f"{head}{block}{tail}"
    else:
        text = text.rstrip("\n") + f"\n\n{block}"
    README.write_text(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5, help="warm requests after the first")
    parser.add_argument("--write-readme", action="store_true")
    arguments = parser.parse_args()
    django_setup()
    sizes, measurements = run(arguments.repeat)
    body = report(sizes, measurements)
    print(body)
    if arguments.write_readme:
        readme_write(body)


if __name__ == "__main__":
    main()
