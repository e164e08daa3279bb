"""Origin-relative EDGAR paths and accession-number handling.

Every path here starts with "/" and carries no host: the client joins it to the real hosts
(www.sec.gov for /Archives and /files, data.sec.gov for /submissions) or to EDGAR_BASE_URL,
which serves every path from one origin.
"""

from __future__ import annotations

import re
from datetime import date

# "0001193125-25-338333": filer-agent CIK (10), year (2), sequence (6).
_ACCESSION_DASHED = re.compile(r"^(\d{10})-(\d{2})-(\d{6})$")
_ACCESSION_BARE = re.compile(r"^(\d{10})(\d{2})(\d{6})$")
# Names listed in a submissions JSON's filings.files[]; nothing else may be fetched through
# submissions_page_path, so a hostile JSON cannot steer a request elsewhere.
_SUBMISSIONS_PAGE = re.compile(r"^CIK\d{10}-submissions-\d{3,}\.json$")

COMPANY_TICKERS_PATH = "/files/company_tickers.json"
ARCHIVES_DATA_PREFIX = "/Archives/edgar/data/"

INDEX_KINDS = ("form", "company", "master")


def normalize_accession(value: str) -> str:
    """"0001193125-25-338333" from that or its 18-digit bare form (surrounding blanks ignored).

    Raises ValueError for anything else, so a malformed number never becomes a path."""
    text = str(value).strip()
    match = _ACCESSION_DASHED.match(text) or _ACCESSION_BARE.match(text)
    if not match:
        raise ValueError(f"not an EDGAR accession number: {value!r}")
    return "-".join(match.groups())


def is_accession(value: str) -> bool:
    try:
        normalize_accession(value)
    except ValueError:
        return False
    return True


def accession_nodash(accession: str) -> str:
    """The 18-digit form used for accession folders: 000119312525338333."""
    return normalize_accession(accession).replace("-", "")


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def daily_index_path(day: date, kind: str = "form") -> str:
    if kind not in INDEX_KINDS:
        raise ValueError(f"unknown index kind {kind!r}, expected one of {INDEX_KINDS}")
    return (
        f"/Archives/edgar/daily-index/{day.year}/QTR{quarter_of(day)}/"
        f"{kind}.{day:%Y%m%d}.idx"
    )


def daily_form_index_path(day: date) -> str:
    """/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"""
    return daily_index_path(day, "form")


def quarterly_index_path(year: int, quarter: int, kind: str = "form", gz: bool = True) -> str:
    if kind not in INDEX_KINDS:
        raise ValueError(f"unknown index kind {kind!r}, expected one of {INDEX_KINDS}")
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1-4, got {quarter!r}")
    if year < 1993:
        raise ValueError(f"EDGAR indexes start in 1993, got {year!r}")
    return f"/Archives/edgar/full-index/{year}/QTR{quarter}/{kind}.{'gz' if gz else 'idx'}"


def quarterly_form_index_path(year: int, quarter: int, gz: bool = True) -> str:
    """/Archives/edgar/full-index/2024/QTR1/form.gz (gzip bytes, about a tenth of form.idx)."""
    return quarterly_index_path(year, quarter, "form", gz)


def submission_txt_path(cik: int, accession: str) -> str:
    """/Archives/edgar/data/{cik}/{accession}.txt: the complete submission, CIK unpadded."""
    return f"{ARCHIVES_DATA_PREFIX}{_cik(cik)}/{normalize_accession(accession)}.txt"


def submissions_json_path(cik: int) -> str:
    """/submissions/CIK0000749647.json (data.sec.gov): the CIK zero-padded to 10 digits."""
    return f"/submissions/CIK{_cik(cik):010d}.json"


def submissions_page_path(name: str) -> str:
    """/submissions/{name} for a name from filings.files[] ("CIK0000749647-submissions-001.json")."""
    if not _SUBMISSIONS_PAGE.match(name or ""):
        raise ValueError(f"not a submissions page name: {name!r}")
    return f"/submissions/{name}"


def parse_archive_path(path: str) -> tuple[int, str]:
    """(cik, accession) from "edgar/data/1806014/0001140361-20-006155.txt", with or without
    the leading "/Archives/". Raises ValueError when the path is not of that shape."""
    match = re.fullmatch(r"(?:/?Archives/)?edgar/data/(\d+)/([\d-]+)\.txt", path.strip())
    if not match:
        raise ValueError(f"not a complete-submission path: {path!r}")
    return int(match.group(1)), normalize_accession(match.group(2))


def _cik(cik: int) -> int:
    value = int(cik)
    if not 0 < value < 10**10:
        raise ValueError(f"CIK out of range: {cik!r}")
    return value
