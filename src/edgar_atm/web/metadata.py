"""Datasette metadata the project generates: titles, column descriptions, facets and the SQL
cookbook as canned queries. Generated rather than shipped as a file so it always names the
database being served and follows the cookbook."""

from __future__ import annotations

from typing import Any

from .cookbook import COOKBOOK

TIMELINE_COLUMNS = {
    "cik": "SEC Central Index Key of the issuer",
    "company": "Issuer name (latest from EDGAR)",
    "accession_number": "EDGAR accession number of the filing the event came from",
    "form_type": "424B form type of that filing",
    "filed_date": "Date the filing was filed with the SEC",
    "event_type": "program_established, program_amended, sales_reported, suspended, terminated or resumed",
    "event_date": "When the event happened: effective date, as-of date of a sales report, else the filing date",
    "agreement_type": "The sales agreement's name as the filing writes it (Equity Distribution Agreement, ...)",
    "agreement_date": "Date of the ORIGINAL agreement (amendments keep it)",
    "amendment_date": "Date of the amendment (program_amended only)",
    "agents": "Sales agents named by the filing, full legal names, '; '-separated",
    "security": "Class of security the program sells",
    "max_amount": "The program's dollar cap as the filing states it",
    "offered_amount": "A smaller amount this prospectus registers (I.B.6 slice, unsold remainder)",
    "max_shares": "The program's cap in shares, where stated in shares",
    "shares_sold": "Cumulative shares sold to as_of",
    "gross_proceeds": "Cumulative gross sales in dollars to as_of",
    "net_proceeds": "Cumulative net proceeds in dollars to as_of",
    "as_of": "Date the sales figures are stated as of",
    "remaining_amount": "Remaining capacity the filing states",
    "effective_date": "Date a suspension, termination or resumption takes effect",
    "commission_rate": "Agents' commission, percent of gross sales price",
    "excerpt": "The sentence(s) of the filing the event came from",
    "program_id": "The program (atm_programs.program_id) the event belongs to",
    "source_url": "The filing on sec.gov",
    "recorded_at": "When this event row was written",
    "scope": "this: the program this filing registers, amends or reports on; prior: an earlier agreement it ends or reports on",
    "max_amount_increase": "A cap raised by this increment with no new total stated",
    "agents_added": "Agents an amendment adds",
    "agents_removed": "Agents an amendment removes",
    "evidence": "JSON: per field, the text and character span of the filing it came from",
    "confidence": "How sure the parser is of the event (0..1)",
    **{f"{name}_cents": f"{name} in integer cents (exact sums on every database)"
       for name in ("max_amount", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_amount",
                    "max_amount_increase")},
    "run_id": "The ingestion run that wrote it",
}
PROGRAM_COLUMNS = {
    "program_id": "Program identifier (one issuer's sales agreement for one class of security)",
    "status": "active, suspended or terminated, as of the newest filing",
    "status_date": "When the status took effect",
    "current_cap": "The program's current dollar cap (amendments and increases applied)",
    "gross_proceeds": "Latest reported cumulative gross sales",
    "shares_sold": "Latest reported cumulative shares sold",
    "sales_as_of": "Date of that sales report",
    "remaining_capacity": "Capacity left: stated by the newest filing, else cap minus cumulative sales",
    "agents": "Current sales agents, '; '-separated",
    "first_accession_number": "The filing that first registered the program",
    "last_accession_number": "The newest filing about the program",
    "updated_at": "When the program row last changed",
    "last_run_id": "The ingestion run that last changed it",
    **{k: TIMELINE_COLUMNS[k] for k in ("cik", "company", "agreement_type", "agreement_date", "security")},
}


def build_metadata(database: str) -> dict[str, Any]:
    """Metadata for `datasette` serving the edgar-atm SQLite file whose name (stem) is `database`."""
    queries = {
        name: {"title": title, "sql": sql, "description": "From the README's SQL cookbook."}
        for name, (title, sql) in COOKBOOK.items()
    }
    return {
        "title": "edgar-atm: at-the-market equity programs from SEC 424B filings",
        "description_html": (
            "ATM programs and their events, parsed from 424B prospectus supplements. "
            '<a href="/-/issuers">Charts per issuer</a> show each program\'s cap, cumulative sales and '
            "remaining capacity over time."
        ),
        "source": "SEC EDGAR 424B filings",
        "source_url": "https://www.sec.gov/cgi-bin/browse-edgar?action=getcurrent&type=424B",
        "databases": {
            database: {
                "tables": {
                    "atm_timeline": {
                        "title": "ATM events, one row per event",
                        "description": "Every ATM-program event parsed from a 424B filing, with the sentence it came from.",
                        "columns": TIMELINE_COLUMNS,
                        "facets": ["event_type", "form_type", "agreement_type"],
                        "sort_desc": "filed_date",
                    },
                    "atm_programs": {
                        "title": "ATM programs, one row per program",
                        "description": "Each issuer's sales agreements with status, cap, sales to date and capacity left.",
                        "columns": PROGRAM_COLUMNS,
                        "facets": ["status", "agreement_type", "security"],
                    },
                    "atm_program_agents": {
                        "title": "Sales agents per program",
                        "description": "One row per program and agent: who sells for whom.",
                        "columns": {"agent": "Sales agent, full legal name", "position": "Order in the agreement",
                                    "status": "The program's status"},
                        "facets": ["agent", "status"],
                    },
                },
                "queries": queries,
            }
        },
    }
