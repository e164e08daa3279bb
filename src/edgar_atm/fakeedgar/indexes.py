"""Render EDGAR index files (daily-index and full-index) from the site's filings.

Byte layout per docs/edgar-formats.md §1.4-1.6, checked against the real
form.20200318.idx, company.20221003.idx and master.20200103.idx: 23-wide header labels,
LF endings, " " spacer lines, 150-character fixed-width rows with trailing spaces, names cut
to 60 characters, one row per filer CIK (so co-registrants appear once per CIK).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Iterable

from .site import SiteFiling

FORM_WIDTHS = (12, 17)  # 17: the 2025+ layout with room for "SCHEDULE 13G/A"
_NAME_WIDTH = 62
_NAME_MAX = 60  # real rows never fill the 62-wide column; longer names are cut at 60
_CIK_WIDTH = 12
_DATE_WIDTH = 12
_FILE_WIDTH = 52


@dataclass(frozen=True)
class IndexRow:
    form_type: str
    company: str
    cik: int
    filed: date
    file_name: str


def index_rows(filings: Iterable[SiteFiling]) -> list[IndexRow]:
    """One row per (filing, filer CIK)."""
    return [IndexRow(f.form_type, name, cik, f.filed_date, f.file_name(cik))
            for f in filings for cik, name in f.filers]


def _header(description: str, last_data: str, spacer_lines: int) -> list[str]:
    return [
        f"{'Description:':<23}{description}",
        f"{'Last Data Received:':<23}{last_data}",
        f"{'Comments:':<23}webmaster@sec.gov",
        f"{'Anonymous FTP:':<23}ftp://ftp.sec.gov/edgar/",
    ] + [" "] * spacer_lines


def daily_date_label(day: date) -> str:
    return f"{day:%b} {day.day:2d}, {day.year}"  # "Mar 18, 2020", "Jan  3, 2020"


def full_date_label(day: date) -> str:
    return f"{day:%B} {day.day:2d}, {day.year}"  # "February  3, 2024"


def _date(day: date, daily: bool) -> str:
    return day.strftime("%Y%m%d") if daily else day.isoformat()


def _cell(value: str, width: int) -> str:
    # A value as wide as its column would run into the next one; real files never show
    # that for names (cut at 60), and the 17 layout exists because of long form types.
    return value.ljust(width) if len(value) < width else value + " "


def form_sort_key(row: IndexRow) -> tuple:
    # Form type, then company name in ASCII (case-sensitive) order, then date, CIK, file.
    return (row.form_type, row.company[:_NAME_MAX], row.filed, str(row.cik), row.file_name)


def render_form_idx(rows: list[IndexRow], *, daily: bool, last_data: date, form_width: int = 12) -> bytes:
    if form_width not in FORM_WIDTHS:
        raise ValueError(f"form_width must be one of {FORM_WIDTHS}, got {form_width}")
    title = ("Daily Index of EDGAR Dissemination Feed by Form Type" if daily
             else "Master Index of EDGAR Dissemination Feed by Form Type")
    label = daily_date_label(last_data) if daily else full_date_label(last_data)
    # The column header keeps the 12-wide spacing even in the 17-wide layout (docs §1.5).
    lines = _header(title, label, 4) + [
        f"{'Form Type':<12}{'Company Name':<62}{'CIK':<12}{'Date Filed':<12}File Name",
        "-" * 141,
    ]
    for r in sorted(rows, key=form_sort_key):
        lines.append(
            _cell(r.form_type, form_width) + _cell(r.company[:_NAME_MAX], _NAME_WIDTH)
            + _cell(str(r.cik), _CIK_WIDTH) + _cell(_date(r.filed, daily), _DATE_WIDTH)
            + r.file_name.ljust(_FILE_WIDTH))
    return ("\n".join(lines) + "\n").encode("latin-1", "replace")


def render_company_idx(rows: list[IndexRow], *, daily: bool, last_data: date, form_width: int = 12) -> bytes:
    title = ("Daily Index of EDGAR Dissemination Feed by Company Name" if daily
             else "Master Index of EDGAR Dissemination Feed by Company Name")
    label = daily_date_label(last_data) if daily else full_date_label(last_data)
    # The daily company file wraps its column header onto two lines, then 145 dashes.
    lines = _header(title, label, 4) + [
        f"{'Company Name':<62}{'Form Type':<12}CIK",
        "      Date Filed  File Name",
        "-" * 145,
    ]
    key = lambda r: (r.company[:_NAME_MAX], r.form_type, r.filed, str(r.cik), r.file_name)  # noqa: E731
    for r in sorted(rows, key=key):
        lines.append(
            _cell(r.company[:_NAME_MAX], _NAME_WIDTH) + _cell(r.form_type, form_width)
            + _cell(str(r.cik), _CIK_WIDTH) + _cell(_date(r.filed, daily), _DATE_WIDTH)
            + r.file_name.ljust(_FILE_WIDTH))
    return ("\n".join(lines) + "\n").encode("latin-1", "replace")


def render_master_idx(rows: list[IndexRow], *, daily: bool, last_data: date) -> bytes:
    """Pipe-delimited, sorted by CIK as a string (docs §1.6)."""
    if daily:
        lines = _header("Daily Index of EDGAR Dissemination Feed", daily_date_label(last_data), 1)
        lines.append("CIK|Company Name|Form Type|Date Filed|File Name")
    else:
        lines = _header("Master Index of EDGAR Dissemination Feed", full_date_label(last_data), 0)
        lines += ["Cloud HTTP:            https://www.sec.gov/Archives/", "", " ", " ", " "]
        lines.append("CIK|Company Name|Form Type|Date Filed|Filename")
    lines.append("-" * 80)
    key = lambda r: (str(r.cik), r.company, r.form_type, r.filed, r.file_name)  # noqa: E731
    for r in sorted(rows, key=key):
        lines.append(f"{r.cik}|{r.company}|{r.form_type}|{_date(r.filed, daily)}|{r.file_name}")
    return ("\n".join(lines) + "\n").encode("latin-1", "replace")
