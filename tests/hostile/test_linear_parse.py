"""Parse time grows linearly with the input on every malformed shape that once made it grow
with the square (see edgar_atm.fakeedgar.hostile). Each shape is timed at 1x and 4x: the
4x time must stay under 8x the 1x time plus slack (quadratic growth gives 16x), and under
an absolute ceiling. At these sizes the old code took 3-50 s for the larger input."""

from __future__ import annotations

import pytest

from edgar_atm.edgar import sgml
from edgar_atm.extract import parse_filing
from edgar_atm.fakeedgar.hostile import SHAPES, documents_without_text, path_for, texts_without_end

from .conftest import best_time

BASE = 100_000  # bytes of malformed content at 1x
SLACK = 0.5     # seconds: start-up noise on a machine shared with other jobs
CEILING = 10.0  # seconds, for the 4x input (the old code: 52 s for padded_header alone)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_parse_time_is_linear(shape):
    generate, kind = SHAPES[shape]
    small, large = generate(BASE), generate(4 * BASE)
    assert 3.5 * len(small) < len(large) < 4.5 * len(small)
    path = path_for(kind)

    def parse(data: bytes) -> None:
        parse_filing(data, path=path)

    parse(small)  # warm up: imports, compiled patterns
    t1 = best_time(parse, small)
    t4 = best_time(parse, large)
    assert t4 < CEILING, f"{shape}: {t4:.2f} s for {len(large)} bytes"
    assert t4 < 8 * t1 + SLACK, f"{shape}: {t1:.3f} s at 1x, {t4:.3f} s at 4x"


@pytest.mark.parametrize("generate", [documents_without_text, texts_without_end])
def test_submission_reader_is_linear_without_the_document_cap(monkeypatch, generate):
    # The document cap alone would hide a quadratic search: lift it and read every one
    # (200,000 <DOCUMENT> tags without <TEXT> in 4.4 MB took about 5 minutes before).
    monkeypatch.setattr(sgml, "MAX_DOCUMENTS", 10**9)
    small, large = generate(1_100_000), generate(4_400_000)
    t1 = best_time(sgml.read_submission, small, repeat=1)
    t4 = best_time(sgml.read_submission, large, repeat=1)
    assert len(sgml.read_submission(large).documents) > 100_000
    assert t4 < 15.0 and t4 < 8 * t1 + SLACK, f"{t1:.2f} s at 1x, {t4:.2f} s at 4x"


def test_document_cap_keeps_the_primary_document():
    data = documents_without_text(4_400_000)
    sub = sgml.read_submission(data)
    assert len(sub.documents) == sgml.MAX_DOCUMENTS
    assert sub.accession_number is not None


def test_header_cap(monkeypatch):
    monkeypatch.setattr(sgml, "MAX_HEADER_BYTES", 4096)
    from edgar_atm.fakeedgar.hostile import padded_header

    sub = sgml.read_submission(padded_header(100_000))
    assert sub.accession_number == "0009999999-26-000001"  # from the header's first lines
    assert len(sub.documents) == 1


@pytest.mark.parametrize("newline", [b"\n", b""])
def test_document_bytes_cap_cuts_at_a_line_end_or_between_characters(monkeypatch, newline):
    import edgar_atm.extract as extract

    monkeypatch.setattr(extract, "MAX_DOCUMENT_BYTES", 2001)
    seen: list[bytes] = []
    to_text = extract.text.to_text
    monkeypatch.setattr(extract.text, "to_text", lambda body, kind=None: seen.append(body) or to_text(body, kind=kind))
    head = b"<html><body><p>We entered into an Equity Distribution Agreement.</p>" + newline
    body = head + b"<p>" + "\u00e9".encode() * 5000 + b"</p>\n"
    parse_filing(body, path="doc.htm")
    (read,) = seen
    assert len(read) <= 2001
    if newline:
        assert read == head[:-1]
    else:
        assert len(read) >= 1999 and read.decode("utf-8").endswith("\u00e9")  # no character split
