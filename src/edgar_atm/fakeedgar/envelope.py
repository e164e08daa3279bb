"""Wrap a bare primary document in the complete-submission SGML envelope.

Used to turn the real 424B documents we have only as .htm into real-format .txt
submissions. The layout (tabs, blank lines, key order, the trailing TAB after
"COMPANY DATA:") is the one of the real samples, docs/edgar-formats.md §2.2. Keys whose
value is unknown are left out rather than invented.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime


@dataclass(frozen=True)
class EnvelopeFiler:
    cik: int
    name: str
    sic: str = ""  # "PHARMACEUTICAL PREPARATIONS [2834]"
    state_of_incorporation: str = ""
    file_number: str = ""  # "333-278184"
    film_number: str = ""


def envelope(
    document: bytes,
    *,
    accession: str,
    form_type: str,
    filed_date: date,
    filers: list[EnvelopeFiler],
    filename: str,
    acceptance: datetime | None = None,
    description: str | None = None,
) -> bytes:
    """The complete submission .txt holding `document` as its only (primary) document."""
    day = filed_date.strftime("%Y%m%d")
    accepted = acceptance or datetime.combine(filed_date, datetime.min.time())
    lines = [
        f"<SEC-DOCUMENT>{accession}.txt : {day}",
        f"<SEC-HEADER>{accession}.hdr.sgml : {day}",
        f"<ACCEPTANCE-DATETIME>{accepted:%Y%m%d%H%M%S}",
        f"ACCESSION NUMBER:\t\t{accession}",
        f"CONFORMED SUBMISSION TYPE:\t{form_type}",
        "PUBLIC DOCUMENT COUNT:\t\t1",
        f"FILED AS OF DATE:\t\t{day}",
        f"DATE AS OF CHANGE:\t\t{day}",
    ]
    for filer in filers:
        lines += ["", "FILER:", "", "\tCOMPANY DATA:\t",
                  f"\t\tCOMPANY CONFORMED NAME:\t\t\t{filer.name}",
                  f"\t\tCENTRAL INDEX KEY:\t\t\t{filer.cik:010d}"]
        if filer.sic:
            lines.append(f"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t{filer.sic}")
        if filer.state_of_incorporation:
            lines.append(f"\t\tSTATE OF INCORPORATION:\t\t\t{filer.state_of_incorporation}")
        lines += ["", "\tFILING VALUES:", f"\t\tFORM TYPE:\t\t{form_type}", "\t\tSEC ACT:\t\t1933 Act"]
        if filer.file_number:
            lines.append(f"\t\tSEC FILE NUMBER:\t{filer.file_number}")
        if filer.film_number:
            lines.append(f"\t\tFILM NUMBER:\t\t{filer.film_number}")
    lines += [
        "</SEC-HEADER>",
        "<DOCUMENT>",
        f"<TYPE>{form_type}",
        "<SEQUENCE>1",
        f"<FILENAME>{filename}",
        f"<DESCRIPTION>{description or form_type}",
        "<TEXT>",
    ]
    head = ("\n".join(lines) + "\n").encode("latin-1")
    body = document.replace(b"\r\n", b"\n")
    if not body.endswith(b"\n"):
        body += b"\n"
    return head + body + b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
