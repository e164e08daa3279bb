"""Filing bytes -> ATM events. Pure: no network, no database.

    parse_filing(data, path=None) -> ParsedFiling

accepts a complete submission `.txt` (SGML envelope; the primary document is parsed) or a
bare `.htm`/`.html`/`.txt`/`.md` document. Steps: envelope -> primary document -> cheap
byte gate (gate.py) -> text (text.py) -> role, programs and event detectors
(role.py, programs.py, identity.py, events/) -> Event records with evidence (assemble.py).
"""

from __future__ import annotations

import logging

from ..edgar.sgml import is_submission, primary_document, read_submission
from ..errors import ParseError
from ..records import ParsedFiling
from . import assemble, gate, text

PARSER_VERSION = "2.99.19"

# Text beyond this many characters is not searched for events. A real 424B's text is well
# under 1 MB (the ATM cover and plan of distribution come first); the cap bounds the work
# on pathological inputs such as a 50 MB document.
MAX_TEXT_CHARS = 3_000_000
# What is read of one document: the byte gate and the HTML parser see at most this many
# bytes (cut at a line end). Real 424B documents are a few MB at most; the cap bounds the
# work on a pathological one whatever its shape (every step is linear in what it reads).
MAX_DOCUMENT_BYTES = 32 * 1024 * 1024

__all__ = ["PARSER_VERSION", "document_text", "parse_filing"]

logger = logging.getLogger(__name__)

_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xff\xd8\xff", b"\x89PNG", b"GIF8", b"\x1f\x8b", b"BZh", b"\xfd7zXZ")


def parse_filing(data: bytes, *, path: str | None = None) -> ParsedFiling:
    """Parse one filing. Raises ParseError for input that is not a readable document."""
    result, plain = _read(data, path)
    if plain is None:
        return result
    extraction = assemble.extract(plain, filed_date=result.filed_date, form_type=result.form_type)
    result.atm_related = extraction.atm_related
    result.events = extraction.events
    return result


def document_text(data: bytes, *, path: str | None = None) -> str | None:
    """The plain text the rules run on (what every evidence span indexes into), or None when
    the filing has no document or fails the byte gate."""
    return _read(data, path)[1]


def _read(data: bytes, path: str | None) -> tuple[ParsedFiling, str | None]:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise ParseError(f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise ParseError("empty document")
    _reject_binary(data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 (rare, but seen in hand-saved copies): the byte gate and the SGML reader want UTF-8.
        data = text.decode(data).encode("utf-8")

    result = ParsedFiling(path=path)
    body = data
    kind = _kind_from_name(path)
    if is_submission(data):
        sub = read_submission(data)
        result.accession_number = sub.accession_number
        result.form_type = sub.form_type
        result.filed_date = sub.filed_date
        result.filers = sub.filers
        issuer = sub.primary_filer
        if issuer is not None:
            result.cik, result.company = issuer.cik, issuer.name
        doc = primary_document(sub)
        if doc is not None and doc.text is not None:
            body = doc.text
            kind = _kind_from_name(doc.filename)
            try:
                _reject_binary(body, what=f"primary document {doc.filename!r}")
            except ParseError as exc:
                raise ParseError(f"{sub.accession_number}: {exc}", accession_number=sub.accession_number) from None
        elif b"<document>" in data[:1_000_000].lower():
            logger.info("submission %s has no text document to parse", sub.accession_number)
            return result, None
        # else: a copy whose header kept its fields but lost its <DOCUMENT> tags (filing viewers
        # flatten the header to one line before the text): the bytes themselves are the document.

    if len(body) > MAX_DOCUMENT_BYTES:
        logger.warning("document is %d bytes; only the first %d are read", len(body), MAX_DOCUMENT_BYTES)
        # A line end near the cap, else between two characters.
        cut = body.rfind(b"\n", max(0, MAX_DOCUMENT_BYTES - 65536), MAX_DOCUMENT_BYTES)
        if cut <= 0:
            cut = MAX_DOCUMENT_BYTES
            while cut > 0 and 0x80 <= body[cut] < 0xC0:  # not inside a UTF-8 character
                cut -= 1
        body = body[:cut]
    if not gate.may_be_atm(body):
        return result, None
    try:
        plain = text.to_text(body, kind=kind)
    except ParseError:
        raise
    except (ValueError, UnicodeError, RecursionError, MemoryError) as exc:  # pragma: no cover - defensive
        raise ParseError(f"could not read the document: {exc.__class__.__name__}: {exc}",
                         accession_number=result.accession_number) from exc
    if len(plain) > MAX_TEXT_CHARS:
        logger.warning("document text is %d characters; only the first %d are searched", len(plain), MAX_TEXT_CHARS)
        plain = plain[:MAX_TEXT_CHARS]
    return result, plain


def _kind_from_name(name: str | None) -> str | None:
    if not name:
        return None
    low = name.lower()
    if low.endswith((".htm", ".html", ".xhtml")):
        return "html"
    if low.endswith((".md", ".markdown")):
        return "markdown"
    return None  # .txt may be plain text or HTML inside: sniff


def _reject_binary(data: bytes, *, what: str = "input") -> None:
    head = data[:8192].lstrip()
    if head.startswith(_BINARY_MAGIC):
        raise ParseError(f"{what} is a binary file (PDF, image or archive), not a filing document")
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return  # UTF-16 text: NULs are expected
    sample = data[:65536]
    if b"\x00" in sample:
        raise ParseError(f"{what} looks binary (NUL bytes), not a filing document")
    controls = sum(sample.count(bytes([c])) for c in (1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31))
    if controls > len(sample) // 20:
        raise ParseError(f"{what} looks binary (control bytes), not a filing document")
