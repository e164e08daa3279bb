"""Evidence and confidence over every real filing in tests/data: each span indexes the plain
text the rules ran on (text[start:end] == evidence text), every field an event sets has
evidence, the trigger sentence is there as "type", and confidence lies in [0, 1]."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgar_atm.extract import document_text, parse_filing
from edgar_atm.extract.assemble import VALUE_FIELDS

DATA = Path(__file__).resolve().parents[1] / "data"
# corpus-pending holds read and labelled documents of a batch not yet scored: the parser first sees them when the
# batch is merged and scored (docs/corpus-workflow.md).
FILES = sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix in (".txt", ".htm", ".html", ".md")
               and p.name != "README.md" and "corpus-pending" not in p.relative_to(DATA).parts)


def test_there_are_filings_to_check():
    assert len(FILES) > 50


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(DATA)))
def test_every_set_field_has_a_span_into_the_plain_text(path):
    data = path.read_bytes()
    parsed = parse_filing(data, path=path.name)
    if not parsed.events:
        return
    plain = document_text(data, path=path.name)
    assert plain is not None
    for ev in parsed.events:
        assert 0.0 <= ev.confidence <= 1.0
        assert "type" in ev.evidence, ev.type
        for name, item in ev.evidence.items():
            assert set(item) == {"text", "start", "end"}
            assert 0 <= item["start"] <= item["end"] <= len(plain)
            assert plain[item["start"]:item["end"]] == item["text"], (ev.type, name)
            assert item["text"].strip(), (ev.type, name)
        for name in VALUE_FIELDS:
            value = getattr(ev, name)
            if value is not None and value != []:
                assert name in ev.evidence, (ev.type, name, value)
        json.dumps(ev.to_json())  # serialisable as parse --json prints it
