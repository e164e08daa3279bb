"""Just enough of the complete-submission SGML header to index and re-stamp a filing.

The fake server needs a handful of header fields (accession, form type, dates, the parties)
to build indexes and submissions JSON, and must rewrite some of them consistently to turn
four real filings into months of real-format ones. The production SGML reader lives in
edgar_atm.edgar; this one is deliberately separate so the fake never shares a bug with the
code it tests.

The header is ASCII; it is handled as latin-1 text so every byte round-trips unchanged, and
only the header block (up to </SEC-HEADER>) plus the first document's <TYPE> line are ever
rewritten; the documents' bytes are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..errors import EdgarAtmError

_HEADER_END = b"</SEC-HEADER>"
# Role labels of the party blocks that put a filing under a CIK (docs/edgar-formats.md §2.2).
PARTY_ROLES = ("FILER", "SUBJECT COMPANY", "FILED BY", "ISSUER", "REPORTING-OWNER")
_PARTY_START = re.compile(r"^(" + "|".join(re.escape(r) for r in PARTY_ROLES) + r"):\s*$", re.M)
_KEY_VALUE = re.compile(r"^\t*([A-Z0-9 ()/-]+?):[ \t]*(.*)$")
ACCESSION_RE = re.compile(r"^\d{10}-\d{2}-\d{6}$")


class HeaderError(EdgarAtmError, ValueError):
    """The bytes are not a complete submission with a readable SGML header."""


@dataclass
class Party:
    """One FILER (or other role) block of the header."""

    role: str
    cik: int
    name: str
    sic: str = ""  # "PHARMACEUTICAL PREPARATIONS [2834]"
    organization: str = ""
    ein: str = ""
    state_of_incorporation: str = ""
    fiscal_year_end: str = ""
    form_type: str = ""
    act: str = ""  # "1933 Act"
    file_number: str = ""
    film_number: str = ""
    business_address: dict[str, str] = field(default_factory=dict)
    mail_address: dict[str, str] = field(default_factory=dict)
    former_names: list[tuple[str, str]] = field(default_factory=list)  # (name, YYYYMMDD)

    @property
    def sic_code(self) -> str:
        m = re.search(r"\[(\d{4})\]\s*$", self.sic)
        return m.group(1) if m else ""

    @property
    def sic_description(self) -> str:
        return re.sub(r"\s*\[\d{4}\]\s*$", "", self.sic)


@dataclass
class Header:
    accession: str
    form_type: str
    filed_date: date
    acceptance: datetime | None  # US Eastern wall time, as the header writes it
    document_count: int | None
    parties: list[Party]
    primary_document: str = ""  # FILENAME of the first <DOCUMENT>
    primary_description: str = ""


def split_header(txt: bytes) -> tuple[str, bytes]:
    """(header text up to and including </SEC-HEADER>, the bytes after it)."""
    if not txt.lstrip()[:14].upper().startswith(b"<SEC-DOCUMENT>"):
        raise HeaderError("not a complete submission: no <SEC-DOCUMENT> line")
    end = txt.find(_HEADER_END)
    if end < 0:
        raise HeaderError("no </SEC-HEADER> in the submission")
    end += len(_HEADER_END)
    return txt[:end].decode("latin-1"), txt[end:]


def _yyyymmdd(value: str) -> date:
    return datetime.strptime(value.strip()[:8], "%Y%m%d").date()


def read_header(txt: bytes) -> Header:
    head, rest = split_header(txt)
    top: dict[str, str] = {}
    first_party = _PARTY_START.search(head)
    for line in head[: first_party.start() if first_party else len(head)].splitlines():
        m = _KEY_VALUE.match(line)
        if m and not line.startswith("<"):
            top.setdefault(m.group(1), m.group(2).strip())
    accession = top.get("ACCESSION NUMBER", "")
    if not ACCESSION_RE.match(accession):
        raise HeaderError(f"bad or missing ACCESSION NUMBER {accession!r}")
    if "FILED AS OF DATE" not in top:
        raise HeaderError(f"{accession}: no FILED AS OF DATE")
    acceptance = None
    m = re.search(r"<ACCEPTANCE-DATETIME>(\d{14})", head)
    if m:
        acceptance = datetime.strptime(m.group(1), "%Y%m%d%H%M%S")
    count = top.get("PUBLIC DOCUMENT COUNT", "")
    header = Header(
        accession=accession,
        form_type=top.get("CONFORMED SUBMISSION TYPE", ""),
        filed_date=_yyyymmdd(top["FILED AS OF DATE"]),
        acceptance=acceptance,
        document_count=int(count) if count.isdigit() else None,
        parties=_read_parties(head),
    )
    if not header.parties:
        raise HeaderError(f"{accession}: no FILER / party block with a CENTRAL INDEX KEY")
    # Only the first document's envelope lines are needed; stop looking after a few KB.
    doc = rest[:4096].decode("latin-1")
    fm = re.search(r"<FILENAME>([^\r\n]*)", doc)
    dm = re.search(r"<DESCRIPTION>([^\r\n]*)", doc.split("<TEXT>", 1)[0])
    header.primary_document = fm.group(1).strip() if fm else ""
    header.primary_description = dm.group(1).strip() if dm else ""
    return header


def _read_parties(head: str) -> list[Party]:
    starts = list(_PARTY_START.finditer(head))
    parties = []
    for i, m in enumerate(starts):
        block = head[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(head)]
        party = _read_party(m.group(1), block)
        if party is not None:
            parties.append(party)
    return parties


def _read_party(role: str, block: str) -> Party | None:
    section = ""
    values: dict[str, str] = {}
    business: dict[str, str] = {}
    mail: dict[str, str] = {}
    former: list[tuple[str, str]] = []
    for line in block.splitlines():
        if line.startswith("</"):
            break
        m = _KEY_VALUE.match(line)
        if not m:
            continue
        key, value = m.group(1).strip(), m.group(2).strip()
        depth = len(line) - len(line.lstrip("\t"))
        if depth == 1:
            section = key
            if section == "FORMER COMPANY":
                former.append(("", ""))
            continue
        if section == "BUSINESS ADDRESS":
            business[key] = value
        elif section == "MAIL ADDRESS":
            mail[key] = value
        elif section == "FORMER COMPANY" and former:
            name, changed = former[-1]
            if key == "FORMER CONFORMED NAME":
                former[-1] = (value, changed)
            elif key == "DATE OF NAME CHANGE":
                former[-1] = (name, value)
        else:
            values.setdefault(key, value)
    cik = values.get("CENTRAL INDEX KEY", "")
    if not cik.isdigit():
        return None
    return Party(
        role=role,
        cik=int(cik),
        name=values.get("COMPANY CONFORMED NAME", ""),
        sic=values.get("STANDARD INDUSTRIAL CLASSIFICATION", ""),
        organization=values.get("ORGANIZATION NAME", ""),
        ein=values.get("EIN", values.get("IRS NUMBER", "")),
        state_of_incorporation=values.get("STATE OF INCORPORATION", ""),
        fiscal_year_end=values.get("FISCAL YEAR END", ""),
        form_type=values.get("FORM TYPE", ""),
        act=values.get("SEC ACT", ""),
        file_number=values.get("SEC FILE NUMBER", ""),
        film_number=values.get("FILM NUMBER", ""),
        business_address=business,
        mail_address=mail,
        former_names=[f for f in former if f[0]],
    )


def restamp(
    txt: bytes,
    *,
    accession: str | None = None,
    filed_date: date | None = None,
    cik: int | None = None,
    company: str | None = None,
    form_type: str | None = None,
) -> bytes:
    """Rewrite header fields consistently: every place the header states the accession,
    the filing date, the first party's CIK / name, or the form type.

    The acceptance time of day is kept; only its date changes. The documents are untouched
    except the first document's <TYPE>, which real filings keep equal to the form type.
    """
    head, rest = split_header(txt)
    old = read_header(txt)
    if accession is not None:
        if not ACCESSION_RE.match(accession):
            raise ValueError(f"accession must look like 0001234567-25-000001, got {accession!r}")
        head = head.replace(old.accession, accession)
    if filed_date is not None:
        new = filed_date.strftime("%Y%m%d")
        head = re.sub(r"(<SEC-DOCUMENT>[^\n]*? : )\d{8}", r"\g<1>" + new, head)
        head = re.sub(r"(<SEC-HEADER>[^\n]*? : )\d{8}", r"\g<1>" + new, head)
        head = re.sub(r"(<ACCEPTANCE-DATETIME>)\d{8}", r"\g<1>" + new, head)
        head = re.sub(r"^(FILED AS OF DATE:\s*)\d{8}", r"\g<1>" + new, head, flags=re.M)
        head = re.sub(r"^(DATE AS OF CHANGE:\s*)\d{8}", r"\g<1>" + new, head, flags=re.M)
    if cik is not None or company is not None:
        head = _restamp_first_party(head, cik, company)
    if form_type is not None:
        head = re.sub(r"^(CONFORMED SUBMISSION TYPE:\s*)\S[^\n]*", lambda m: m.group(1) + form_type,
                      head, flags=re.M)
        head = re.sub(r"^(\t\tFORM TYPE:\s*)\S[^\n]*", lambda m: m.group(1) + form_type, head, flags=re.M)
        rest = _retype_primary(rest, old.form_type, form_type)
    return head.encode("latin-1") + rest


def _restamp_first_party(head: str, cik: int | None, company: str | None) -> str:
    m = _PARTY_START.search(head)
    if not m:
        raise HeaderError("no party block to re-stamp")
    nxt = _PARTY_START.search(head, m.end())
    end = nxt.start() if nxt else len(head)
    block = head[m.end():end]
    if cik is not None:
        block = re.sub(r"^(\t\tCENTRAL INDEX KEY:\s*)\d+", lambda x: x.group(1) + f"{cik:010d}",
                       block, count=1, flags=re.M)
    if company is not None:
        block = re.sub(r"^(\t\tCOMPANY CONFORMED NAME:\s*)[^\n]*", lambda x: x.group(1) + company,
                       block, count=1, flags=re.M)
    return head[: m.end()] + block + head[end:]


def _retype_primary(rest: bytes, old: str, new: str) -> bytes:
    """Change the first document's <TYPE> (and a <DESCRIPTION> equal to the old form type)."""
    start = rest.find(b"<DOCUMENT>")
    text = rest.find(b"<TEXT>", start)
    if start < 0 or text < 0:
        return rest
    envelope = rest[start:text].decode("latin-1")
    envelope = re.sub(r"(<TYPE>)" + re.escape(old) + r"(\r?\n)", lambda m: m.group(1) + new + m.group(2),
                      envelope, count=1)
    envelope = re.sub(r"(<DESCRIPTION>)" + re.escape(old) + r"(\r?\n)",
                      lambda m: m.group(1) + new + m.group(2), envelope, count=1)
    return rest[:start] + envelope.encode("latin-1") + rest[text:]
