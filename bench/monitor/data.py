"""A large synthetic city for the monitor's benchmark, written straight into PostgreSQL.

100,000 candidates with about 600,000 benefit periods (a return within 30 days now and then)
and 470,000 placements: over a million benefit and placement rows. Also ladder scores, barriers,
Zeg JA cases, employers with BHAG Deals, and a few pilots. Everything is made by
`INSERT ... SELECT generate_series(...)` with `setseed`, so it is the same every time and loads
in under a minute. The monitor reads only codes and dates, so names and texts are placeholders.
"""

from __future__ import annotations

from django.db import connection

CANDIDATES = 100_000
PLACEMENTS = 470_000
LADDER_SCORES = 250_000
BARRIERS = 200_000
CASES = 3_000
EMPLOYERS = 200
OFFERS = 1_000

STATEMENTS = (
    "SELECT setseed(0.42)",
    """
    CREATE TEMP TABLE bench_org AS
    SELECT id, (row_number() OVER (ORDER BY slug) - 1)::int AS n FROM organisations_organisation
    """,
    """
    INSERT INTO candidates_candidate (
        id, created_at, updated_at, version, bsn_encrypted, bsn_hash, first_name, last_name,
        search_name, birth_date, email, phone, postcode, house_number, household,
        children_under_12, languages, dutch_level, education, work_experience, skills,
        hours_available, preferred_offer_kinds, max_travel_km, lead_organisation_id
    )
    SELECT gen_random_uuid(), now(), now(), 1, '', 'bench-' || i, 'Bench', 'Kandidaat ' || i,
        'bench kandidaat ' || i, DATE '1958-01-01' + (random() * 16000)::int, '', '', '2611',
        '1', (ARRAY['single', 'single', 'single_parent', 'couple'])[1 + i %% 4], 0, '[]',
        'none', 'none', '', '[]', 16, '[]', 10,
        (SELECT id FROM bench_org WHERE n = CASE WHEN i %% 10 < 7 THEN 0 ELSE i %% 18 END)
    FROM generate_series(1, %(candidates)s) AS i
    """,
    """
    CREATE TEMP TABLE bench_candidate AS
    SELECT id, (row_number() OVER (ORDER BY bsn_hash))::int AS n FROM candidates_candidate
    WHERE bsn_hash LIKE 'bench-%%'
    """,
    "CREATE INDEX ON bench_candidate (n)",
    # Periods j = 0..k-1 every `p` days from `base`; one gap in ten is a return within 15 days.
    """
    INSERT INTO candidates_benefitperiod (
        id, created_at, updated_at, version, candidate_id, start, "end", end_reason
    )
    SELECT gen_random_uuid(), now(), now(), 1, c.id, s.start,
        CASE WHEN s.last_one AND s.start > DATE '2021-01-01' THEN NULL
             WHEN s.start + s.length > DATE '2026-10-31' THEN NULL
             ELSE s.start + s.length END,
        CASE WHEN (s.last_one AND s.start > DATE '2021-01-01')
                  OR s.start + s.length > DATE '2026-10-31' THEN ''
             ELSE (ARRAY['work', 'work', 'work_with_support', 'other_income', 'moved', 'other'])
                  [1 + (c.n * 7 + s.j * 3) %% 6] END
    FROM bench_candidate c
    CROSS JOIN LATERAL (
        SELECT j, DATE '2004-01-01' + (c.n * 37) %% 3000 + j * (700 + (c.n %% 600)) AS start,
            CASE WHEN (c.n + j) %% 10 = 3 THEN 700 + (c.n %% 600) - 15
                 ELSE 30 + ((c.n * 13 + j * 101) %% 560) END AS length,
            j = 1 + c.n %% 9 AS last_one
        FROM generate_series(0, 1 + c.n %% 9) AS j
    ) s
    WHERE s.start <= DATE '2026-10-31'
    """,
    """
    INSERT INTO offers_employer (
        id, created_at, updated_at, version, name, kvk_number, sector, size, street, postcode,
        city, contact_name, contact_email, contact_phone
    )
    SELECT gen_random_uuid(), now(), now(), 1, 'Werkgever ' || i,
        lpad((90000000 + i)::text, 8, '0'), 'catering', 'small', '', '2611 AB', 'Delft', '', '', ''
    FROM generate_series(1, %(employers)s) AS i
    """,
    """
    CREATE TEMP TABLE bench_employer AS
    SELECT id, (row_number() OVER (ORDER BY kvk_number))::int AS n FROM offers_employer
    WHERE name LIKE 'Werkgever %%'
    """,
    """
    INSERT INTO offers_offer (
        id, created_at, updated_at, version, kind, title, description, sector, postcode,
        hours_min, hours_max, schedule, capacity, is_group, group_min, skills_required,
        skills_desired, min_dutch_level, physical_demand, certificates, job_coach,
        adjusted_hours, childcare_friendly, ladder_min, ladder_max, open_from, status, pilot,
        employer_id, organisation_id
    )
    SELECT gen_random_uuid(), now(), now(), 1,
        (ARRAY['paid_job', 'supported_job', 'volunteer', 'day_activity', 'learning',
               'work_experience'])[1 + i %% 6],
        'Aanbod ' || i, '', 'catering', '2611', 4, 32, 'daytime', 5, false, 0, '[]', '[]',
        'none', 'low', '', false, false, false, 1, 6, DATE '2019-01-01', 'open',
        CASE WHEN i %% 50 = 0 THEN 'Lekker Bezig' ELSE '' END,
        CASE WHEN i %% 6 < 2 THEN (SELECT id FROM bench_employer WHERE n = 1 + i %% %(employers)s)
        END,
        CASE WHEN i %% 6 >= 2 THEN (SELECT id FROM bench_org WHERE n = i %% 18) END
    FROM generate_series(1, %(offers)s) AS i
    """,
    """
    CREATE TEMP TABLE bench_offer AS
    SELECT id, kind, (row_number() OVER (ORDER BY title))::int AS n FROM offers_offer
    WHERE title LIKE 'Aanbod %%'
    """,
    "CREATE INDEX ON bench_offer (n)",
    """
    INSERT INTO offers_placement (
        id, created_at, updated_at, version, kind, start, hours, job_coach, adjusted_hours,
        "end", outcome, candidate_id, offer_id
    )
    SELECT gen_random_uuid(), now(), now(), 1, o.kind, p.start, 16, false, false,
        CASE WHEN i %% 3 = 0 THEN p.start + 120 END,
        CASE WHEN i %% 3 = 0 THEN (ARRAY['completed', 'paid_work', 'next_step',
                                         'stopped_health', 'stopped_other'])[1 + i %% 5]
             ELSE '' END,
        c.id, o.id
    FROM generate_series(1, %(placements)s) AS i
    CROSS JOIN LATERAL (SELECT DATE '2019-01-01' + ((i::bigint * 7919) %% 2850)::int AS start) p
    JOIN bench_candidate c ON c.n = 1 + (i::bigint * 104729) %% %(candidates)s
    JOIN bench_offer o ON o.n = 1 + i %% %(offers)s
    """,
    """
    INSERT INTO candidates_ladderscore (
        id, created_at, updated_at, version, step, potential_step, assessed_on, note, candidate_id
    )
    SELECT gen_random_uuid(), now(), now(), 1, 1 + i %% 6, 6,
        DATE '2015-01-01' + (i * 31) %% 4300, '', c.id
    FROM generate_series(1, %(ladder_scores)s) AS i
    JOIN bench_candidate c ON c.n = 1 + (i * 7) %% %(candidates)s
    """,
    """
    INSERT INTO candidates_barrier (
        id, created_at, updated_at, version, category, kind_encrypted, severity, blocks_work,
        status, opened_on, resolved_on, note, owner_organisation_id, candidate_id
    )
    SELECT gen_random_uuid(), now(), now(), 1,
        (ARRAY['health', 'health', 'debts', 'care_duties', 'housing', 'language', 'childcare',
               'transport', 'digital_skills', 'other'])[1 + i %% 10],
        '', 2, false, CASE WHEN i %% 3 = 0 THEN 'resolved' ELSE 'open' END,
        DATE '2014-01-01' + (i * 13) %% 4000,
        CASE WHEN i %% 3 = 0 THEN DATE '2014-01-01' + (i * 13) %% 4000 + 300 END,
        '', (SELECT id FROM bench_org WHERE n = i %% 18), c.id
    FROM generate_series(1, %(barriers)s) AS i
    JOIN bench_candidate c ON c.n = 1 + (i * 11) %% %(candidates)s
    """,
    """
    INSERT INTO cases_case (
        id, created_at, updated_at, version, number, knelpunt_kinds, barrier_description, tried,
        question, urgency, status, submitted_on, decided_on, solved_on, candidate_id,
        submitting_organisation_id
    )
    SELECT gen_random_uuid(), now(), now(), 1, 100000 + i,
        jsonb_build_array(
            (ARRAY['health', 'debts', 'housing', 'care_duties', 'other'])[1 + i %% 5]
        ),
        '', '', '', 'normal',
        CASE WHEN i %% 3 = 0 THEN 'solved' WHEN i %% 3 = 1 THEN 'decided' ELSE 'submitted' END,
        DATE '2019-09-01' + (i * 3) %% 2600,
        CASE WHEN i %% 3 < 2 THEN DATE '2019-09-01' + (i * 3) %% 2600 + 7 + i %% 40 END,
        CASE WHEN i %% 3 = 0 THEN DATE '2019-09-01' + (i * 3) %% 2600 + 60 + i %% 90 END,
        c.id, (SELECT id FROM bench_org WHERE n = i %% 18)
    FROM generate_series(1, %(cases)s) AS i
    JOIN bench_candidate c ON c.n = 1 + (i * 17) %% %(candidates)s
    """,
    """
    INSERT INTO offers_deal (id, created_at, updated_at, version, signed_on, starts_on, ends_on,
                             note, employer_id)
    SELECT gen_random_uuid(), now(), now(), 1, DATE '2019-06-01', DATE '2019-07-01',
        DATE '2023-12-31', '', id
    FROM bench_employer WHERE n %% 2 = 0
    """,
    """
    INSERT INTO offers_dealpromise (id, created_at, updated_at, version, offer_kind, places,
                                    deal_id)
    SELECT gen_random_uuid(), now(), now(), 1, kind, 3 + (row_number() OVER ()) %% 20, d.id
    FROM offers_deal d CROSS JOIN (VALUES ('paid_job'), ('supported_job')) AS k(kind)
    """,
    """
    INSERT INTO monitor_pilot (id, created_at, updated_at, version, name, aim, starts_on, status,
                               lessons, every_zeg_ja_case)
    VALUES (gen_random_uuid(), now(), now(), 1, 'Lekker Bezig', 'Begeleid vrijwilligerswerk.',
            DATE '2020-01-01', 'running', '', false)
    ON CONFLICT (name) DO NOTHING
    """,
)


def city_load() -> dict[str, int]:
    """Write the city into an empty database (PostgreSQL) and return how many rows it holds."""
    if connection.vendor != "postgresql":
        raise SystemExit("The monitor's benchmark runs on PostgreSQL (set DATABASE_URL).")
    sizes = {
        "candidates": CANDIDATES,
        "placements": PLACEMENTS,
        "ladder_scores": LADDER_SCORES,
        "barriers": BARRIERS,
        "cases": CASES,
        "employers": EMPLOYERS,
        "offers": OFFERS,
    }
    with connection.cursor() as cursor:
        for statement in STATEMENTS:
            cursor.execute(statement, sizes)
        # As autovacuum would after a while: fresh planner statistics, and the visibility map
        # that lets PostgreSQL answer from an index alone.
        cursor.execute("VACUUM ANALYZE")
    return city_size()


def city_size() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for name, table in (
            ("candidates", "candidates_candidate"),
            ("benefit periods", "candidates_benefitperiod"),
            ("placements", "offers_placement"),
            ("ladder scores", "candidates_ladderscore"),
            ("barriers", "candidates_barrier"),
            ("Zeg JA cases", "cases_case"),
        ):
            cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 - fixed table names
            counts[name] = cursor.fetchone()[0]
    return counts
