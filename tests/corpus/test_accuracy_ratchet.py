"""The accuracy ratchet: re-measure the parser on the DEV split of the labelled corpus and fail if
any figure committed in benchmarks/accuracy.json dropped. Figures may only stay equal or rise; after
a real improvement (or after adding documents), re-run `python benchmarks/accuracy.py --write` and
commit the new ACCURACY.md and accuracy.json together with the change. The test split is frozen
text no rule is written against: it is reported in ACCURACY.md and never held here, so nothing
pushes rules towards fitting it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.accuracy import is_filing_text, ratchet_figures, score, split_of

COMMITTED = Path(__file__).parents[2] / "benchmarks" / "accuracy.json"
REMEASURE = "re-run `python benchmarks/accuracy.py --write` and commit ACCURACY.md and accuracy.json"


@pytest.fixture(scope="module")
def committed():
    return json.loads(COMMITTED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def measured(corpus):
    return score([d for d in corpus if split_of(d) == "dev" and is_filing_text(d)], parse_filing)


def test_ratchet_holds_the_dev_split(committed):
    assert committed.get("split") == "dev", f"accuracy.json must hold the dev split: {REMEASURE}"


def test_committed_figures_belong_to_this_corpus(committed, measured):
    # A corpus change without a re-measurement would make the comparison meaningless.
    for key in ("documents", "negative_documents", "labelled_events"):
        assert committed[key] == measured[key], f"corpus changed ({key}): {REMEASURE}"


def test_no_figure_drops(committed, measured):
    before, now = ratchet_figures(committed), ratchet_figures(measured)
    drops = {name: (before[name], now[name]) for name in before if name in now and now[name] < before[name]}
    assert not drops, f"accuracy dropped (committed, measured): {drops}"


def test_documents_right_stay_right(committed, measured):
    lost = set(committed["documents_exact"]["ids"]) - set(measured["documents_exact"]["ids"])
    assert not lost, f"documents the parser got entirely right before and no longer does: {sorted(lost)}"


def test_no_new_false_events_on_negatives(committed, measured):
    assert measured["negatives"]["false_events"] <= committed["negatives"]["false_events"]
    new = set(measured["negatives"]["which"]) - set(committed["negatives"]["which"])
    assert not new, f"negatives that now produce events: {sorted(new)}"


def test_no_parse_errors(measured):
    assert not measured["parse_errors"], measured["parse_errors"]
