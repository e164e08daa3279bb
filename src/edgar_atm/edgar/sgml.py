"""Reader for EDGAR complete-submission text files (`{accession}.txt`).

The file is an SGML envelope: a `<SEC-HEADER>` with "KEY:<TAB>value" lines and party
blocks (FILER:, SUBJECT COMPANY:, FILED BY:, ...), then one `<DOCUMENT>` per file with
`<TYPE>`, `<SEQUENCE>`, `<FILENAME>`, optional `<DESCRIPTION>` and the body in `<TEXT>`.

Everything works on bytes with `bytes.find`, line splits and patterns that cannot
backtrack, so the time is linear in the size of the file whatever it holds: every search
for a tag remembers where it found the next one (or that there is none), so a file with
200,000 `<DOCUMENT>` tags and no `<TEXT>` is not scanned to its end 200,000 times, and
header lines are split with bytes methods rather than a regex whose lazy value and
trailing blanks backtrack on a value padded with kilobytes of blanks. Uuencoded bodies
(GRAPHIC, ZIP, PDF, ...) are never copied or decoded: only their metadata is kept. The
tag form of the header (`<ACCESSION-NUMBER>`, as in `.hdr.sgml`) is understood as well.

Limits on what is read of a pathological file (real submissions stay far below them):
MAX_HEADER_BYTES of the header, MAX_DOCUMENTS documents, MAX_META_BYTES of each
document's metadata before its `<TEXT>`. Beyond them the rest is ignored, with a warning.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from ..errors import ParseError
from ..records import Filer

logger = logging.getLogger(__name__)

# Document types whose bodies are binary (uuencoded) in the .txt.
_BINARY_TYPES = frozenset({"GRAPHIC", "ZIP", "PDF", "EXCEL", "JPG", "GIF", "PNG", "XLSX"})
_BINARY_EXTENSIONS = (".jpg", ".jpeg", ".gif", ".png", ".pdf", ".zip", ".xls", ".xlsx", ".bmp")

# The role labels that open a party block in the text form of the header (and the tag form).
_PARTY_RE = re.compile(rb"^(FILER|SUBJECT COMPANY|FILED BY|REPORTING-OWNER|ISSUER|SERIAL COMPANY):[ \t]*\r?$", re.M)
_TAG_PARTY_RE = re.compile(rb"<(FILER|SUBJECT-COMPANY|FILED-BY|REPORTING-OWNER|ISSUER|SERIAL-COMPANY)>", re.I)
_KEY_RE = re.compile(rb"[A-Z][A-Z0-9 &/()\-]*")
_TAG_NAME_RE = re.compile(rb"[A-Z][A-Z0-9\-]*", re.I)
_SIC_RE = re.compile(r"\[(\d{3,4})\]|^(\d{3,4})$")
_DOC_TAG_RE = re.compile(rb"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\r\n<]*)", re.I)

# Tag-form header keys mapped onto the text-form keys.
_TAG_KEYS = {
    b"ACCESSION-NUMBER": b"ACCESSION NUMBER",
    b"TYPE": b"CONFORMED SUBMISSION TYPE",
    b"FILING-DATE": b"FILED AS OF DATE",
    b"CONFORMED-NAME": b"COMPANY CONFORMED NAME",
    b"CIK": b"CENTRAL INDEX KEY",
    b"ASSIGNED-SIC": b"STANDARD INDUSTRIAL CLASSIFICATION",
    b"FILE-NUMBER": b"SEC FILE NUMBER",
    b"FORM-TYPE": b"FORM TYPE",
    b"IRS-NUMBER": b"IRS NUMBER",
}


# The largest real headers (hundreds of co-registrants) are a few hundred KB.
MAX_HEADER_BYTES = 4 * 1024 * 1024
# Real submissions have a few documents, exhibit-heavy ones some hundreds.
MAX_DOCUMENTS = 5_000
# <TYPE>, <SEQUENCE>, <FILENAME> and <DESCRIPTION> come in the first few lines.
MAX_META_BYTES = 64 * 1024


@dataclass(frozen=True)
class Party:
    """One party block of the header: its role label and the company it names."""

    role: str
    filer: Filer
    ein: str | None = None


@dataclass(frozen=True)
class Document:
    """One `<DOCUMENT>` of a submission. `text` is the raw body (bytes) for text
    documents and None for binary (uuencoded) ones, which are skipped without copying."""

    type: str
    sequence: int | None
    filename: str | None
    description: str | None
    text: bytes | None
    size: int = 0

    @property
    def is_binary(self) -> bool:
        return self.text is None


@dataclass(frozen=True)
class Submission:
    accession_number: str | None
    form_type: str | None
    filed_date: date | None
    acceptance_datetime: datetime | None
    parties: tuple[Party, ...] = ()
    documents: tuple[Document, ...] = field(default=())

    @property
    def filers(self) -> list[Filer]:
        """Every company named in the header, in order (FILER, SUBJECT COMPANY, FILED BY ...)."""
        return [p.filer for p in self.parties]

    @property
    def primary_filer(self) -> Filer | None:
        # The subject company is the issuer when present; otherwise the first filer.
        for p in self.parties:
            if p.role == "SUBJECT COMPANY":
                return p.filer
        return self.parties[0].filer if self.parties else None


def is_submission(data: bytes) -> bool:
    """True when the bytes look like a complete-submission .txt (or a bare .hdr.sgml)."""
    head = data[:2048].lstrip()
    return head.startswith((b"<SEC-DOCUMENT>", b"<SEC-HEADER>", b"<IMS-DOCUMENT>", b"<IMS-HEADER>")) or (
        b"<SEC-HEADER>" in head or b"ACCESSION NUMBER:" in head
    )


def read_submission(data: bytes) -> Submission:
    """Parse a complete submission .txt. Raises ParseError when no header is found."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("read_submission expects bytes")
    data = bytes(data)
    start = data.find(b"<SEC-HEADER>")
    if start < 0:
        start = data.find(b"<IMS-HEADER>")
    end = data.find(b"</SEC-HEADER>", start) if start >= 0 else -1
    if end < 0 and start >= 0:
        end = data.find(b"</IMS-HEADER>", start)
    if start < 0 or end < 0:
        # Some old files lack the closing tag: the header runs to the first document.
        first_doc = data.find(b"<DOCUMENT>")
        if start >= 0 and first_doc > start:
            logger.debug("no </SEC-HEADER>: the header runs to the first <DOCUMENT>")
            end = first_doc
        elif b"ACCESSION NUMBER:" in data[:4096]:
            start, end = 0, first_doc if first_doc > 0 else min(len(data), 65536)
        else:
            raise ParseError("not an EDGAR submission: no <SEC-HEADER> found")
    if end - start > MAX_HEADER_BYTES:
        logger.warning("header of %d bytes; only the first %d are read", end - start, MAX_HEADER_BYTES)
    header = data[start:min(end, start + MAX_HEADER_BYTES)]
    fields, parties = _read_header(header)

    accession = _clean(fields.get(b"ACCESSION NUMBER"))
    if accession is None:
        m = re.search(rb"<SEC-DOCUMENT>\s*(\d{10}-\d{2}-\d{6})", data[:512])
        accession = m.group(1).decode("ascii") if m else None
    form_type = _clean(fields.get(b"CONFORMED SUBMISSION TYPE"))
    filed = _parse_date(fields.get(b"FILED AS OF DATE"))
    acceptance = _parse_acceptance(header)
    documents = tuple(_read_documents(data, end))
    return Submission(
        accession_number=accession,
        form_type=form_type,
        filed_date=filed,
        acceptance_datetime=acceptance,
        parties=tuple(parties),
        documents=documents,
    )


def primary_document(sub: Submission) -> Document | None:
    """The document whose TYPE equals the form type, else the one with sequence 1, else
    the first text document."""
    if not sub.documents:
        return None
    form = (sub.form_type or "").upper()
    for doc in sub.documents:
        if form and doc.type.upper() == form and not doc.is_binary:
            return doc
    for doc in sub.documents:
        if doc.sequence == 1:
            return doc
    for doc in sub.documents:
        if not doc.is_binary:
            return doc
    return sub.documents[0]


# --------------------------------------------------------------------------- header


def _read_header(header: bytes) -> tuple[dict[bytes, bytes], list[Party]]:
    tag_form = b"<ACCESSION-NUMBER>" in header
    party_re = _TAG_PARTY_RE if tag_form else _PARTY_RE
    line_re = _tag_line if tag_form else _key_line
    marks = list(party_re.finditer(header))
    top_end = marks[0].start() if marks else len(header)
    fields = _key_values(header[:top_end], line_re, tag_form)
    parties: list[Party] = []
    for i, m in enumerate(marks):
        block_end = marks[i + 1].start() if i + 1 < len(marks) else len(header)
        role = m.group(1).decode("ascii").upper().replace("-", " ")
        if role == "REPORTING OWNER":
            role = "REPORTING-OWNER"
        kv = _key_values(header[m.end():block_end], line_re, tag_form)
        party = _party(role, kv)
        if party is not None:
            parties.append(party)
    return fields, parties


def _key_line(line: bytes) -> tuple[bytes, bytes] | None:
    """"KEY:<TAB>value" -> (KEY, value); None for any other line."""
    line = line.lstrip(b" \t")
    colon = line.find(b":")
    if colon <= 0 or not _KEY_RE.fullmatch(line, 0, colon):
        return None
    return line[:colon], _value(line[colon + 1:])


def _tag_line(line: bytes) -> tuple[bytes, bytes] | None:
    """"<KEY>value" -> (KEY, value); None for any other line (or a value holding "<")."""
    line = line.lstrip(b" \t")
    close = line.find(b">")
    if not line.startswith(b"<") or close < 2 or not _TAG_NAME_RE.fullmatch(line, 1, close):
        return None
    value = _value(line[close + 1:])
    if b"<" in value or b"\r" in value:
        return None
    return line[1:close], value


def _value(raw: bytes) -> bytes:
    raw = raw.lstrip(b" \t")
    if raw.endswith(b"\r"):
        raw = raw[:-1]
    return raw.rstrip(b" \t")


def _key_values(chunk: bytes, line_re, tag_form: bool) -> dict[bytes, bytes]:
    out: dict[bytes, bytes] = {}
    for line in chunk.split(b"\n"):
        kv = line_re(line)
        if kv is None:
            continue
        key, value = kv[0].upper(), kv[1]
        if tag_form:
            key = _TAG_KEYS.get(key, key.replace(b"-", b" "))
        # First occurrence wins: FORMER COMPANY blocks come after the current name.
        if value and key not in out:
            out[key] = value
    return out


def _party(role: str, kv: dict[bytes, bytes]) -> Party | None:
    cik_raw = _clean(kv.get(b"CENTRAL INDEX KEY"))
    if not cik_raw or not cik_raw.isdigit():
        return None
    name = _clean(kv.get(b"COMPANY CONFORMED NAME")) or ""
    sic = None
    sic_raw = _clean(kv.get(b"STANDARD INDUSTRIAL CLASSIFICATION"))
    if sic_raw:
        m = _SIC_RE.search(sic_raw)
        if m:
            sic = int(m.group(1) or m.group(2))
    file_number = _clean(kv.get(b"SEC FILE NUMBER"))
    ein = _clean(kv.get(b"EIN") or kv.get(b"IRS NUMBER"))
    return Party(role=role, filer=Filer(cik=int(cik_raw), name=name, sic=sic, file_number=file_number), ein=ein)


def _parse_acceptance(header: bytes) -> datetime | None:
    m = re.search(rb"<ACCEPTANCE-DATETIME>\s*(\d{14})", header)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1).decode("ascii"), "%Y%m%d%H%M%S")
    except ValueError:
        return None


def _parse_date(raw: bytes | None) -> date | None:
    value = _clean(raw)
    if not value or len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _clean(raw: bytes | None) -> str | None:
    if raw is None:
        return None
    # Header values are ASCII by the EDGAR spec, yet names arrive in UTF-8 (e.g. "Société");
    # bytes that are not UTF-8 are windows-1252/latin-1.
    try:
        value = raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        value = raw.decode("latin-1").strip()
    return value or None


# ------------------------------------------------------------------------- documents


class _Finder:
    """`data.find(needle, start)` for a few needles, remembering each needle's last answer:
    the reader's searches only move forward, so the answer is reused until `start` passes
    it, and a needle found nowhere after some point is never searched for again there.
    Without this a file of many documents lacking <TEXT> (or </TEXT>) is scanned to its
    end once per document: quadratic."""

    def __init__(self, data: bytes):
        self.data = data
        self._last: dict[bytes, tuple[int, int]] = {}  # needle -> (searched from, found at)

    def find(self, needle: bytes, start: int) -> int:
        known = self._last.get(needle)
        if known is not None:
            since, found = known
            if since <= start and (found < 0 or found >= start):
                return found
        found = self.data.find(needle, start)
        self._last[needle] = (start, found)
        return found


def _read_documents(data: bytes, pos: int):
    """Yield every <DOCUMENT> after `pos` (at most MAX_DOCUMENTS). Linear: each search
    starts where the last stopped, and no search is repeated over the same bytes."""
    n = len(data)
    finder = _Finder(data)
    find = finder.find
    count = 0
    while pos < n:
        start = find(b"<DOCUMENT>", pos)
        if start < 0:
            return
        if count >= MAX_DOCUMENTS:
            logger.warning("more than %d documents in the submission; the rest are not read", MAX_DOCUMENTS)
            return
        count += 1
        text_tag = find(b"<TEXT>", start)
        next_doc = find(b"<DOCUMENT>", start + 10)
        if text_tag < 0 or (0 <= next_doc < text_tag):
            # A document without a body (or a truncated file): keep its metadata only.
            meta_end = next_doc if next_doc >= 0 else n
            meta = _doc_meta(data[start:min(meta_end, start + MAX_META_BYTES)])
            yield Document(type=meta[0], sequence=meta[1], filename=meta[2], description=meta[3], text=None)
            if next_doc < 0:
                return
            pos = next_doc
            continue
        doc_type, sequence, filename, description = _doc_meta(data[start:min(text_tag, start + MAX_META_BYTES)])
        body_start = text_tag + 6
        body_end = find(b"</TEXT>", body_start)
        if body_end < 0:
            # Truncated file: the body runs to the end (or to the next document).
            body_end = next_doc if next_doc >= 0 else n
            after = body_end
        else:
            doc_end = find(b"</DOCUMENT>", body_end)
            after = doc_end + 11 if doc_end >= 0 else body_end + 7
        size = body_end - body_start
        if _is_binary(data, body_start, body_end, doc_type, filename):
            text = None
        else:
            text = data[body_start:body_end]
        yield Document(type=doc_type, sequence=sequence, filename=filename, description=description,
                       text=text, size=size)
        pos = after


def _doc_meta(chunk: bytes) -> tuple[str, int | None, str | None, str | None]:
    found: dict[bytes, str] = {}
    for m in _DOC_TAG_RE.finditer(chunk):
        key = m.group(1).upper()
        if key not in found:
            found[key] = m.group(2).decode("latin-1").strip()
    seq_raw = found.get(b"SEQUENCE")
    sequence = int(seq_raw) if seq_raw and seq_raw.isdigit() else None
    return (found.get(b"TYPE") or "", sequence, found.get(b"FILENAME") or None, found.get(b"DESCRIPTION") or None)


def _is_binary(data: bytes, start: int, end: int, doc_type: str, filename: str | None) -> bool:
    # Look only at the first bytes of the body: a uuencoded body starts with "begin 644".
    probe = data[start:min(end, start + 64)].lstrip()
    if probe.startswith((b"begin ", b"<PDF>", b"<ZIP>")):
        return True
    if doc_type.upper() in _BINARY_TYPES:
        return True
    return bool(filename and filename.lower().endswith(_BINARY_EXTENSIONS))
