"""How fast the import and the demo population load, in a fresh database.

    .venv/bin/python -m bench.candidates.loading_speed [--rows 10000] [--write-readme]

Import: 10,000 rows of the benefit administration's export with one bad row (checked and
refused), the fixed file (all added), the same file again (all unchanged) and a file in which
every tenth person moved (changed). Seed: the demo population (`werkpad seed`'s default, about
8,500 people with their benefit periods, barriers, ladder scores, consents and plans), with
the time spent in Fernet encryption. SQLite by default; set DATABASE_URL for PostgreSQL.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from bench.candidates.common import django_setup, fresh_database, machine, readme_update, today


@contextmanager
def encryption_timer() -> Iterator[list[float]]:
    """Add up the time spent in `werkpad.privacy.encryption.encrypt` while inside."""
    from werkpad.privacy import encryption

    spent = [0.0, 0.0]  # seconds, calls
    original = encryption.encrypt

    def timed(plain: str) -> str:
        started = time.perf_counter()
        try:
            return original(plain)
        finally:
            spent[0] += time.perf_counter() - started
            spent[1] += 1

    encryption.encrypt = timed
    try:
        yield spent
    finally:
        encryption.encrypt = original


def timed(work: Callable[[], Any]) -> tuple[Any, float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def bench_import(rows: int) -> str:
    from tests.candidates.import_files import export_csv, export_rows, run_import

    data = export_rows(rows)
    good = export_csv(data)
    bad_rows = [dict(row) for row in data]
    bad_rows[rows // 2]["geboortedatum"] = "31-02-1980"
    moved = [dict(row) for row in data]
    for row in moved[::10]:
        row["huisnummer"] = f"{row['huisnummer']}b"
    lines = [
        "| import of the file | result | wall (s) | CPU (s) |",
        "|---|---|---:|---:|",
    ]
    for name, content in (
        (f"{rows:,} rows, one bad row", export_csv(bad_rows)),
        (f"{rows:,} rows, fixed", good),
        ("the same file again", good),
        ("every tenth person moved", export_csv(moved)),
    ):
        job, wall, cpu = timed(lambda content=content: run_import(content))
        result = (
            f"{job.created_count:,} added, {job.updated_count:,} changed, "
            f"{job.unchanged_count:,} unchanged"
            if job.status == "done"
            else f"refused, {job.error_count} error"
        )
        lines.append(f"| {name} | {result} | {wall:.1f} | {cpu:.1f} |")
    return "\n".join(lines)


def bench_seed(candidates: int) -> str:
    from werkpad.demo.loading import population_load
    from werkpad.demo.population import generate_population
    from werkpad.demo.services import demo_partners_load

    demo_partners_load()
    population, gen_wall, gen_cpu = timed(lambda: generate_population(candidates=candidates))
    with encryption_timer() as spent:
        counts, load_wall, load_cpu = timed(lambda: population_load(population=population))
    rows = sum(vars(counts).values())
    return "\n".join(
        [
            "| step | wall (s) | CPU (s) |",
            "|---|---:|---:|",
            f"| generate {len(population.people):,} people (pure Python, Faker) | "
            f"{gen_wall:.1f} | {gen_cpu:.1f} |",
            f"| load them: {rows:,} rows | {load_wall:.1f} | {load_cpu:.1f} |",
            f"| of which Fernet encryption ({int(spent[1]):,} values) | {spent[0]:.1f} | |",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument(
        "--candidates", type=int, default=3500, help="size argument of the demo population"
    )
    parser.add_argument("--write-readme", action="store_true")
    options = parser.parse_args()
    django_setup()
    from django.db import connection

    with fresh_database():
        imported = bench_import(options.rows)
    print(imported)
    with fresh_database():
        seeded = bench_seed(options.candidates)
    print(seeded)
    if options.write_readme:
        readme_update(
            f"Import of {options.rows:,} rows ({connection.vendor})",
            f"{today()}, {machine()}. `werkpad import-candidates` without the process start; "
            "every row is checked first, then all rows are saved in one transaction with their "
            "benefit period, corrections and processing-log entries.\n\n" + imported,
        )
        readme_update(
            f"Loading the demo population ({connection.vendor})",
            f"{today()}, {machine()}. `werkpad seed --candidates {options.candidates}` "
            "(3,500 is the default).\n\n" + seeded,
        )


if __name__ == "__main__":
    main()
