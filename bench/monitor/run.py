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
Each request is measured three ways, through Django's test Client (view, queries, template or
file; wall-clock). "First ever": nothing kept (after a deploy, or filters nobody chose before);
the dashboard answers at once that the figures are being computed and shows them by itself when
the background thread has kept them ("figures after"); a file answers 202 with a page that
offers the download once it can be made; the API computes them in the request. "Next": the
requests that read the figures kept (`werkpad.monitor.cache`). "Right after a change": a write
to a counted table, then the request, which is served the figures kept from before (the
dashboard says they are being computed anew) while the background thread computes the new ones;
the last column is when they are kept, counted from that request. A request to the home page
first loads the templates and translation catalogues (about 2 s, once per process), so that it
is not counted in the first row.
Budgets: dashboard < 500 ms, each export < 5 s."""


@dataclass
class Measurement:
    name: str
    first: float
    first_ready_after: float
    next: list[float]
    queries: int
    after_change: float
    new_figures_after: float


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


def _data_change() -> None:
    """A write to a counted table, published to PostgreSQL's statistics at once: every kept
    figure is now of an older data version."""
    from django.db import connection

    from werkpad.monitor.cache import data_version

    before = data_version()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE candidates_benefitperiod SET version = version"
            " WHERE id = (SELECT id FROM candidates_benefitperiod LIMIT 1)"
        )
        cursor.execute("SELECT pg_stat_force_next_flush()")
    deadline = time.monotonic() + 15
    while data_version() == before:
        if time.monotonic() > deadline:
            raise SystemExit("PostgreSQL did not publish the write to its statistics")
        time.sleep(0.05)


def _get(client: object, url: str) -> tuple[float, int]:
    """Seconds and queries of one request (which must succeed)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        seconds = time.perf_counter() - started
    if response.status_code not in (200, 202):  # 202: a file being made
        raise SystemExit(f"{url} answered {response.status_code}")
    return seconds, len(captured.captured_queries)


def _measure(name: str, client: object, url: str, repeat: int) -> Measurement:
    from django.core.cache import cache

    from werkpad.monitor.cache import refreshes_wait

    cache.clear()  # nothing kept: the figures are computed from the raw rows
    started = time.perf_counter()
    first, _queries = _get(client, url)  # the dashboard: "being computed"; a file: computed
    refreshes_wait()
    first_ready_after = time.perf_counter() - started
    warm = [_get(client, url) for _ in range(repeat)]
    _data_change()
    started = time.perf_counter()
    after_change, _queries = _get(client, url)  # the kept figures, while new ones are computed
    refreshes_wait()
    new_figures_after = time.perf_counter() - started
    print(
        f"{name}: first {first * 1000:.0f} ms (ready after {first_ready_after:.1f} s),"
        f" next {median([s for s, _q in warm]) * 1000:.0f} ms,"
        f" after a change {after_change * 1000:.0f} ms (new after {new_figures_after:.1f} s)"
    )
    return Measurement(
        name=name,
        first=first,
        first_ready_after=first_ready_after,
        next=[seconds for seconds, _queries in warm],
        queries=warm[-1][1],
        after_change=after_change,
        new_figures_after=new_figures_after,
    )


def run(repeat: int) -> tuple[dict[str, int], list[Measurement]]:
    from django.conf import settings
    from django.test import Client

    from werkpad.accounts.models import User
    from werkpad.demo.partners import demo_email
    from werkpad.monitor.selectors import INDICATOR_CODES

    settings.ALLOWED_HOSTS = ["*"]
    settings.MONITOR_REFRESH_IN_BACKGROUND = True  # as in production (the tests compute at once)
    sizes = _prepare()
    lead, board = Client(), Client()
    for client, role in ((lead, "programme_lead"), (board, "board")):
        email = demo_email(role=role, organisation_slug="wsp-delft")
        client.force_login(User.objects.get(email=email))
    _get(lead, "/")  # the process's first request loads templates and catalogues: not measured
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
        "| request | first ever: answer | first ever: figures after | next, median (kept) "
        "| next, p95 | queries (next) | right after a change (kept, stale) "
        "| new figures kept after |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for m in measurements:
        lines.append(
            f"| {m.name} | {m.first * 1000:.0f} ms | {m.first_ready_after:.1f} s "
            f"| {median(m.next) * 1000:.0f} ms "
            f"| {percentile(m.next, 0.95) * 1000:.0f} ms | {m.queries} "
            f"| {m.after_change * 1000:.0f} ms | {m.new_figures_after:.1f} s |"
        )
    return "\n".join(lines)


NOTES = """Where the time goes: a request that finds kept figures only reads them and renders.
Computing from the raw rows is mostly three queries: the benefit periods in person order with
their neighbours (LAG/LEAD for the CBS 30-day rule) grouped by month, household and age band
(about 3 s); the ladder steps while on bijstand; and the placements by the barriers open on
their first day (about 1 s each). These three do not depend on the filters and are kept once per
scope; the tables for a period are built from them. Nobody waits for them on the dashboard:
figures never computed are prepared in the background while the page says so, and after a change
of the data the figures kept from before are served, marked with the time they were computed,
until the new ones follow; a download of figures never computed is prepared the same way. Only
the API computes figures never computed in the request. `werkpad monitor_refresh` after the
nightly import or a deploy computes the city-wide figures before the first visitor. The data
version comes from PostgreSQL's own row counters for the tables the monitor counts, so bulk
loads count as changes too."""


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
