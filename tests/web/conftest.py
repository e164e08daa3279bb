from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sqlalchemy import text

from edgar_atm.extract import PARSER_VERSION, parse_filing
from edgar_atm.store import db as store_db
from edgar_atm.store.repository import save_parsed_filing

CORPUS = Path(__file__).parents[1] / "data" / "corpus"

# Real filings of two issuers, parsed by the real parser: Watsco's ATM established in 2021 and
# amended (an agent added, sales to date) in 2022; Cellectar's suspension with sales to date.
HISTORY = [
    ("watsco-424b5-2021-08-06.txt", 105016, "Watsco, Inc.", "0001193125-21-320145", date(2021, 8, 6)),
    ("watsco-424b5-2022-02-25-ar.txt", 105016, "Watsco, Inc.", "0001193125-22-054431", date(2022, 2, 25)),
    # advfn's copy gives no accession number: a stand-in one, marked by the 9000xx sequence.
    ("watsco-424b5-2024-05-03-third-ar.txt", 105016, "Watsco, Inc.", "0001193125-24-900001", date(2024, 5, 3)),
    ("cellectar-424b3-2022-10-20.md", 1279704, "Cellectar Biosciences, Inc.", "0001279704-22-000001", date(2022, 10, 20)),
]


def _save_history(url: str) -> None:
    store_db.upgrade(url)
    engine = store_db.make_engine(url)
    try:
        with store_db.session_factory(engine)() as session:
            for name, cik, company, accession, filed in HISTORY:
                path = CORPUS / name
                parsed = parse_filing(path.read_bytes(), path=str(path))
                assert parsed.events, f"{name}: the parser found no event"
                parsed.accession_number, parsed.cik, parsed.company, parsed.filed_date = accession, cik, company, filed
                parsed.form_type = "424B3" if "424b3" in name else "424B5"
                url_ = f"https://www.sec.gov/Archives/edgar/data/{cik}/{accession}.txt"
                save_parsed_filing(session, parsed, source_url=url_, raw_sha256=None, parser_version=PARSER_VERSION)
            session.execute(text("INSERT INTO issuer_tickers (ticker, cik) VALUES ('WSO', 105016)"))
            session.commit()
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def history_db(tmp_path_factory) -> Path:
    """An SQLite database holding two issuers' real histories."""
    path = tmp_path_factory.mktemp("web") / "atm.sqlite"
    _save_history(f"sqlite:///{path}")
    return path
