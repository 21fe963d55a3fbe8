"""Shared parts of the dossier benchmarks: Django set-up, percentiles, the README section."""

from __future__ import annotations

import os
import platform
import statistics
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
SECTION = "## Dossier"
INTRO = """Candidate dossier: the pages professionals use most, the import of the benefit
administration's export and loading the demo population. Run them with:

```
# PostgreSQL, about 100,000 candidates (loaded once into the database given, then reused)
createdb -h 127.0.0.1 -U postgres werkpad_bench
DATABASE_URL=postgres://postgres@127.0.0.1:5432/werkpad_bench \\
  .venv/bin/python -m bench.candidates.dossier_pages --write-readme
# import of 10,000 rows and loading the demo population, in a fresh database (SQLite by default)
.venv/bin/python -m bench.candidates.loading_speed --write-readme
```

The numbers are wall-clock times on a shared machine; the load average at the time is given
with each table. They are measurements, never assertions in the test suite."""


def django_setup() -> None:
    """Test settings (fast hashing, the test client's host) on the DATABASE_URL given."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.config.settings.test")
    import django

    django.setup()


@contextmanager
def fresh_database() -> Iterator[str]:
    """A new, migrated database beside the configured one, removed afterwards.

    On SQLite it is a file, so the numbers include writing to disk.
    """
    from django.db import connection
    from django.test.utils import setup_test_environment, teardown_test_environment

    if connection.vendor == "sqlite":
        connection.settings_dict["TEST"]["NAME"] = "/tmp/werkpad-bench.sqlite3"  # noqa: S108
    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        yield name
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.5 is the median)."""
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))
    return ordered[index]


def median(values: list[float]) -> float:
    return statistics.median(values)


def machine() -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return (
        f"{os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, load average {load:.1f} when measured"
    )


def readme_update(subsection: str, body: str) -> None:
    """Put `body` under `### subsection` inside the `## Dossier` section of bench/README.md.

    Other sections (another engineer's `## Matching`) and other subsections stay as they are.
    """
    text = README.read_text() if README.exists() else "# Benchmarks\n"
    if SECTION not in text:
        text = text.rstrip("\n") + f"\n\n{SECTION}\n\n{INTRO}\n"
    head, rest = text.split(SECTION, 1)
    next_section = rest.find("\n## ")
    section, tail = (rest, "") if next_section < 0 else (rest[:next_section], rest[next_section:])
    title = f"### {subsection}"
    block = f"{title}\n\n{body.strip()}\n"
    if title in section:
        before, after = section.split(title, 1)
        following = after.find("\n### ")
        after = "" if following < 0 else after[following + 1 :]
        section = f"{before}{block}\n{after}"
    else:
        section = section.rstrip("\n") + f"\n\n{block}"
    README.write_text(f"{head}{SECTION}{section.rstrip()}\n{tail}")


def today() -> str:
    return date.today().isoformat()  # noqa: DTZ011 - the date a benchmark ran, for people
