"""The README's SQL cookbook as data, so the web view can offer it as canned queries.

tests/web/test_metadata.py checks that every query here is, character for character, the one the
README shows (and tests/store/test_cookbook.py runs the README's on both databases), so the two
never drift apart.
"""

from __future__ import annotations

# name -> (title, SQL), in the README's order.
COOKBOOK: dict[str, tuple[str, str]] = {
    "issuer-timeline": (
        "One issuer's timeline, by ticker",
        """\
SELECT event_date, event_type, form_type, accession_number, agents,
       max_amount, shares_sold, gross_proceeds, effective_date
FROM atm_timeline
WHERE cik = (SELECT cik FROM issuer_tickers WHERE ticker = 'CLRB')
ORDER BY event_date, filed_date, accession_number, event_seq;
""",
    ),
    "active-capacity": (
        "Issuers with an active program and more than $100 million of remaining capacity",
        """\
SELECT cik, company, agreement_type, agreement_date, agents, current_cap, remaining_capacity
FROM atm_programs
WHERE status = 'active' AND remaining_capacity > 100000000
ORDER BY remaining_capacity DESC;
""",
    ),
    "suspensions-in-a-year": (
        "Every suspension in 2022",
        """\
SELECT event_date, cik, company, accession_number, agreement_type, agreement_date, agents
FROM atm_timeline
WHERE event_type = 'suspended'
  AND event_date >= '2022-01-01' AND event_date < '2023-01-01'
ORDER BY event_date, company;
""",
    ),
    "capacity-per-quarter": (
        "filing's date when no filing states it), with their current caps summed exactly (in cents)",
        """\
SELECT substr(CAST(coalesce(agreement_date, first_filed_date) AS VARCHAR(10)), 1, 4) AS year,
       (CAST(substr(CAST(coalesce(agreement_date, first_filed_date) AS VARCHAR(10)), 6, 2) AS INTEGER) + 2) / 3
           AS quarter,
       count(*) AS programs_established,
       round(sum(current_cap_cents) / 100.0, 2) AS capacity
FROM atm_programs
GROUP BY 1, 2
ORDER BY 1, 2;
""",
    ),
    "agents-by-programs": (
        "Sales agents ranked by number of programs",
        """\
SELECT agent, count(DISTINCT program_id) AS programs, count(DISTINCT cik) AS issuers
FROM atm_program_agents
GROUP BY agent
ORDER BY programs DESC, agent;
""",
    ),
    "cap-used": (
        "How much of each program's cap is used (latest cumulative sales)",
        """\
SELECT company, agreement_date, current_cap, gross_proceeds, sales_as_of,
       round(100.0 * gross_proceeds / current_cap, 2) AS percent_used
FROM atm_programs
WHERE gross_proceeds IS NOT NULL AND current_cap > 0
ORDER BY percent_used DESC, company;
""",
    ),
    "failed-filings": (
        "Filings the pipeline could not fetch or parse, with the reason",
        """\
SELECT accession_number, cik, company, form_type, filed_date,
       fetch_status, parse_status, attempts, error
FROM filings
WHERE fetch_status IN ('failed', 'not_found') OR parse_status = 'failed'
ORDER BY filed_date, accession_number;
""",
    ),
    "recent-runs": (
        "The last ten ingestion runs",
        """\
SELECT id, kind, status, started_at, finished_at
FROM ingestion_runs
ORDER BY started_at DESC, id DESC
LIMIT 10;
""",
    ),
}
