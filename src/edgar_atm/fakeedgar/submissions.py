"""data.sec.gov/submissions JSON and company_tickers.json, generated from the site.

Shape per docs/edgar-formats.md §3 and the real CIK0000749647.json: compact JSON with no
trailing newline, company fields in the real key order, `filings.recent` columnar and
newest first, older filings moved to `CIK##########-submissions-NNN.json` pages listed in
`filings.files`. Values the headers do not carry (tickers unless set, website, LEI...) are
the empty values the real file uses for "unknown".
"""

from __future__ import annotations

import functools
import json
from datetime import datetime, timezone

from .header import Party
from .site import EASTERN, Site, SiteFiling

TICKERS_PATH = "/files/company_tickers.json"

COLUMNS = ("accessionNumber", "filingDate", "reportDate", "acceptanceDateTime", "act", "form",
           "fileNumber", "filmNumber", "items", "core_type", "size", "isXBRL", "isInlineXBRL",
           "primaryDocument", "primaryDocDescription")


def dumps(value) -> bytes:
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def _party(filing: SiteFiling, cik: int) -> Party:
    for party in filing.header.parties:
        if party.cik == cik:
            return party
    return filing.header.parties[0]


def _act(text: str) -> str:
    return {"1933 Act": "33", "1934 Act": "34", "1940 Act": "40"}.get(text, "")


def _row(filing: SiteFiling, cik: int) -> dict:
    party = _party(filing, cik)
    return {
        "accessionNumber": filing.accession,
        "filingDate": filing.filed_date.isoformat(),
        "reportDate": "",
        "acceptanceDateTime": filing.accepted_utc.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
        "act": _act(party.act),
        "form": filing.form_type,
        "fileNumber": party.file_number,
        "filmNumber": party.film_number,
        "items": "",
        "core_type": filing.form_type,
        "size": len(filing.txt),
        "isXBRL": 0,
        "isInlineXBRL": 0,
        "primaryDocument": filing.header.primary_document,
        "primaryDocDescription": filing.header.primary_description,
    }


def _columnar(rows: list[dict]) -> dict:
    return {col: [r[col] for r in rows] for col in COLUMNS}


def _address(fields: dict[str, str]) -> dict:
    state = fields.get("STATE", "") or None
    return {
        "street1": fields.get("STREET 1") or None,
        "street2": fields.get("STREET 2") or None,
        "city": fields.get("CITY") or None,
        "stateOrCountry": state,
        "zipCode": fields.get("ZIP") or None,
        "stateOrCountryDescription": state,
        "isForeignLocation": 0 if state else None,
        "foreignStateTerritory": None,
        "country": None,
        "countryCode": None,
    }


def _eastern_midnight(yyyymmdd: str) -> str | None:
    if len(yyyymmdd) != 8 or not yyyymmdd.isdigit():
        return None
    local = datetime.strptime(yyyymmdd, "%Y%m%d").replace(tzinfo=EASTERN)
    return local.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def page_name(cik: int, number: int) -> str:
    return f"CIK{cik:010d}-submissions-{number:03d}.json"


def build_submissions(site: Site, cik: int) -> tuple[bytes, dict[str, bytes]] | None:
    """(CIK##########.json bytes, {page file name: bytes}) or None for an unknown CIK."""
    filings = site.filings_for_cik(cik)
    if not filings:
        return None
    size = max(1, site.submissions_page_size)
    rows = [_row(f, cik) for f in filings]
    recent, older = rows[:size], rows[size:]
    pages: dict[str, bytes] = {}
    files = []
    for n, start in enumerate(range(0, len(older), size), start=1):
        chunk = older[start:start + size]
        name = page_name(cik, n)
        pages[name] = dumps(_columnar(chunk))
        files.append({"name": name, "filingCount": len(chunk),
                      "filingFrom": chunk[-1]["filingDate"], "filingTo": chunk[0]["filingDate"]})
    newest = _party(filings[0], cik)
    # The header gives each former name's date of change; the JSON's from/to are instants
    # (midnight US Eastern in UTC, as the real file writes them). A name ran from the
    # previous change up to its own.
    former = []
    changes = [(name, _eastern_midnight(changed)) for name, changed in newest.former_names]
    for i, (name, until) in enumerate(changes):
        since = changes[i + 1][1] if i + 1 < len(changes) else None
        former.append({"name": name, "from": since or until, "to": until})
    body = {
        "cik": f"{cik:010d}",
        "entityType": "operating",
        "sic": newest.sic_code,
        "sicDescription": newest.sic_description.title(),
        "ownerOrg": newest.organization,
        "insiderTransactionForOwnerExists": 0,
        "insiderTransactionForIssuerExists": 0,
        "name": newest.name,
        "tickers": tickers_for(site, cik),
        "exchanges": [],
        "ein": newest.ein or None,
        "lei": None,
        "description": "",
        "website": "",
        "investorWebsite": "",
        "category": "",
        "fiscalYearEnd": newest.fiscal_year_end or None,
        "stateOfIncorporation": newest.state_of_incorporation,
        "stateOfIncorporationDescription": newest.state_of_incorporation,
        "addresses": {"mailing": _address(newest.mail_address), "business": _address(newest.business_address)},
        "phone": newest.business_address.get("BUSINESS PHONE") or None,
        "flags": "",
        "formerNames": former,
        "filings": {"recent": _columnar(recent), "files": files},
    }
    return dumps(body), pages


@functools.lru_cache(maxsize=4)
def _tickers_by_cik(table: bytes) -> dict[int, list[str]]:
    by_cik: dict[int, list[str]] = {}
    for entry in json.loads(table).values():
        by_cik.setdefault(entry["cik_str"], []).append(entry["ticker"])
    return by_cik


def tickers_for(site: Site, cik: int) -> list[str]:
    """The CIK's tickers: those set on the site, else those of the site's real
    company_tickers.json (so the bundled issuers' JSON lists NEE, IMNN, ...)."""
    if cik in site.tickers:
        return list(site.tickers[cik])
    static = site.file(TICKERS_PATH)
    return list(_tickers_by_cik(static.body).get(cik, [])) if static else []


def build_company_tickers(site: Site, base: bytes | None) -> bytes:
    """The real company_tickers.json (when the site has one) plus an entry for every site
    ticker it lacks, in the same {"0": {"cik_str": int, "ticker", "title"}} shape."""
    table: dict = json.loads(base) if base else {}
    seen = {(e["cik_str"], e["ticker"]) for e in table.values()}
    n = len(table)
    for cik in sorted(site.tickers):
        for ticker in site.tickers[cik]:
            if (cik, ticker) not in seen:
                table[str(n)] = {"cik_str": cik, "ticker": ticker, "title": site.company_name(cik)}
                n += 1
    return dumps(table)
