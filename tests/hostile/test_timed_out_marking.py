"""A filing whose parse ran past the deadline is found by `timed_out` (what reparse skips)
for the parser version that timed out only; an ordinary parse failure is not."""

from __future__ import annotations

from datetime import date

from edgar_atm.pipeline.parsing import timed_out, timeout_error
from edgar_atm.records import FilingRef
from edgar_atm.store import repository as repo
from edgar_atm.store.db import session_factory


def test_timed_out_filings_by_parser_version(migrated_engine):
    refs = [FilingRef(accession_number=f"0000000001-26-00000{i}", cik=1, company="X", form_type="424B5",
                      filed_date=date(2026, 1, 5), path=f"/Archives/edgar/data/1/0000000001-26-00000{i}.txt")
            for i in (1, 2)]
    sessions = session_factory(migrated_engine)
    with sessions.begin() as session:
        repo.record_discovered(session, refs)
        for ref in refs:
            repo.mark_fetched(session, ref.accession_number, sha256="0" * 64, size=10)
        repo.mark_parse_failed(session, refs[0].accession_number, timeout_error(60), parser_version="9.9")
        repo.mark_parse_failed(session, refs[1].accession_number, "ParseError: empty document",
                               parser_version="9.9")
    with sessions() as session:
        assert timed_out(session, "9.9") == {refs[0].accession_number}
        assert timed_out(session, "10.0") == set()  # a new parser version tries again
