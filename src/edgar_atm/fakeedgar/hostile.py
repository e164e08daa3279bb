"""Malformed filings that once made the parser's time grow with the square of their size.

Each generator takes a size parameter `n` and returns bytes whose length grows linearly
with n; the hostile-input tests and benchmarks/hostile time the parser at n, 2n and 4n.
Every document mentions an at-the-market offering, so the byte gate lets it through to
the expensive steps. The fake EDGAR can serve them as ordinary filings (Site.add_filing).

    SHAPES: {name: (generator, kind)}   kind "submission" (a complete .txt) or "html"
"""

from __future__ import annotations

from typing import Callable

_ATM = (b"<p>We have entered into an Equity Distribution Agreement with Acme Securities LLC "
        b"relating to shares of our common stock offered by this prospectus supplement in an "
        b"at-the-market offering having an aggregate offering price of up to $50,000,000.</p>\n")

ACCESSION = "0009999999-26-000001"
CIK = 9999999


def _header(padding: bytes = b"", tag_form: bool = False) -> bytes:
    if tag_form:
        return (b"<SEC-HEADER>\n<ACCESSION-NUMBER>" + ACCESSION.encode() + b"\n<TYPE>424B5\n"
                b"<FILING-DATE>20260105\n<FILER>\n<COMPANY-DATA>\n<CONFORMED-NAME>"
                + padding + b"HOSTILE INPUT INC\n<CIK>0009999999\n</COMPANY-DATA>\n</FILER>\n"
                b"</SEC-HEADER>\n")
    return (b"<SEC-DOCUMENT>" + ACCESSION.encode() + b".txt : 20260105\n<SEC-HEADER>"
            + ACCESSION.encode() + b".hdr.sgml : 20260105\n"
            b"ACCESSION NUMBER:\t\t" + ACCESSION.encode() + b"\n"
            b"CONFORMED SUBMISSION TYPE:\t424B5\nPUBLIC DOCUMENT COUNT:\t\t1\n"
            b"FILED AS OF DATE:\t\t20260105\n\nFILER:\n\n\tCOMPANY DATA:\t\n"
            b"\t\tCOMPANY CONFORMED NAME:\t\t\tHOSTILE" + padding + b"INPUT INC\n"
            b"\t\tCENTRAL INDEX KEY:\t\t\t0009999999\n"
            b"\t\tSTANDARD INDUSTRIAL CLASSIFICATION:\t" + padding + b"\n"
            b"\t\tSEC FILE NUMBER:" + padding + b"333-000000" + padding + b"\n"
            + padding + b"\n"
            b"</SEC-HEADER>\n")


def _submission(header: bytes, documents: bytes) -> bytes:
    return header + documents + b"</SEC-DOCUMENT>\n"


def _document(body: bytes, filename: str = "hostile.htm") -> bytes:
    return (b"<DOCUMENT>\n<TYPE>424B5\n<SEQUENCE>1\n<FILENAME>" + filename.encode()
            + b"\n<TEXT>\n" + body + b"\n</TEXT>\n</DOCUMENT>\n")


def _html(middle: bytes) -> bytes:
    return b"<html><body>" + _ATM + middle + _ATM + b"</body></html>\n"


def padded_header(n: int) -> bytes:
    """Header values padded with n blanks (spaces and tabs), in the text-form header."""
    pad = (b" \t" * (n // 2 + 1))[:n]
    return _submission(_header(pad), _document(_html(b"")))


def padded_tag_header(n: int) -> bytes:
    """The tag form of the header (<CONFORMED-NAME>) with a value padded with n blanks."""
    pad = (b" " * n)
    return _submission(_header(pad, tag_form=True), _document(_html(b"")))


def documents_without_text(n: int) -> bytes:
    """About n/22 <DOCUMENT> tags with metadata and no <TEXT> (200,000 of them is 4.4 MB)."""
    count = max(1, n // 22)
    return _submission(_header(), b"<DOCUMENT>\n<TYPE>EX-99\n" * count)


def texts_without_end(n: int) -> bytes:
    """About n/30 documents that open <TEXT> and never close it or their <DOCUMENT>."""
    count = max(1, n // 30)
    return _submission(_header(), _document(_html(b"")) + b"<DOCUMENT>\n<TYPE>EX-99\n<TEXT>\nx\n" * count)


def _deep(depth: int = 3000) -> bytes:
    # Deeper than libxml2's 2048-element limit: the parser reads such markup without a tree.
    return b"<div>" * depth


def deep_then_unclosed_script(n: int) -> bytes:
    """Over-deep markup, then about n/8 `<script` openers that are never closed."""
    return _html(_deep() + b"<script " * max(1, n // 8))


def deep_then_unclosed_comment(n: int) -> bytes:
    """Over-deep markup, then about n/5 `<!--` openers that are never closed."""
    return _html(_deep() + b"<!-- " * max(1, n // 5))


def deep_then_unclosed_tags(n: int) -> bytes:
    """Over-deep markup, then about n/3 `<p ` openers (no `>` anywhere after them)."""
    return _deep() + _ATM + b"<p " * max(1, n // 3)


def unclosed_comment(n: int) -> bytes:
    """Ordinary-depth markup with about n/5 `<!--` openers never closed."""
    return _html(b"<!-- " * max(1, n // 5))


def market_words(n: int) -> bytes:
    """About n/7 occurrences of "market" and "agreement" with separators before each, none
    of them preceded by "at the" (so the byte gate must look at every one)."""
    unit = b"at - - market sales <b> agreement "
    return unit * max(1, n // len(unit))


Generator = Callable[[int], bytes]

SHAPES: dict[str, tuple[Generator, str]] = {
    "padded_header": (padded_header, "submission"),
    "padded_tag_header": (padded_tag_header, "submission"),
    "documents_without_text": (documents_without_text, "submission"),
    "texts_without_end": (texts_without_end, "submission"),
    "deep_then_unclosed_script": (deep_then_unclosed_script, "html"),
    "deep_then_unclosed_comment": (deep_then_unclosed_comment, "html"),
    "deep_then_unclosed_tags": (deep_then_unclosed_tags, "html"),
    "unclosed_comment": (unclosed_comment, "html"),
    "market_words": (market_words, "html"),
}


def path_for(kind: str) -> str:
    return f"{ACCESSION}.txt" if kind == "submission" else "hostile.htm"


def gzip_bomb(inflated: int, fill: bytes = b"\0", *, prefix: bytes = b"") -> bytes:
    """gzip bytes that inflate to `prefix` + `inflated` bytes of `fill` repeated (built
    in 1 MiB steps, so making a 1 GiB bomb never holds 1 GiB)."""
    import zlib

    z = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    out = [z.compress(prefix)]
    step = (fill * (1024 * 1024 // len(fill) + 1))[:1024 * 1024]
    left = inflated
    while left > 0:
        out.append(z.compress(step[:min(left, len(step))]))
        left -= len(step)
    out.append(z.flush())
    return b"".join(out)


INDEX_HEADER = (b"Description:           Master Index of EDGAR Dissemination Feed by Form Type\n"
                b"Last Data Received:    January 5, 2026\n"
                b"Comments:              webmaster@sec.gov\n"
                b"Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n\n\n\n"
                b"Form Type   Company Name                                                  CIK         Date Filed  File Name\n"
                b"---------------------------------------------------------------------------------------------------------------------------------------------\n")
