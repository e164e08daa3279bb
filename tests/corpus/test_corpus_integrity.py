"""The labelled corpus itself: every label parses and follows the format, every document is
there and is real text, and the corpus is as broad as the accuracy targets need."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from edgar_atm.extract.accuracy import CorpusError, load_corpus, validate_label
from edgar_atm.records import EVENT_TYPES

from .conftest import CORPUS


def test_every_label_is_valid_and_its_document_exists(corpus):
    assert corpus, "no label files found"
    for doc in corpus:
        assert doc.path.is_file(), doc.path
        data = doc.path.read_bytes()
        assert len(data) > 200, f"{doc.id}: document is empty or trivially short"
        assert b"\x00" not in data, f"{doc.id}: document is binary"


def test_every_document_has_a_label_and_a_readme_row(corpus):
    labelled = {doc.path.name for doc in corpus}
    documents = {p.name for p in CORPUS.iterdir()
                 if p.is_file() and not p.name.endswith(".labels.json") and p.name != "README.md"}
    assert documents == labelled, f"unlabelled: {sorted(documents - labelled)}"
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    for doc in corpus:
        assert f"`{doc.id}`" in readme, f"{doc.id} is not listed in README.md"
        assert doc.label["source_url"] in readme, f"{doc.id}: source URL missing from README.md"


# No stored public copy of a 424B announcing a resumption was found (atm-domain.md 3.9 found none
# either; searches for "reinstate", "resume sales", "recommence" returned only 10-Q text). The
# type stays in the contract; this set shrinks as soon as a real example is added.
TYPES_WITHOUT_A_REAL_EXAMPLE: set[str] = set()


def test_corpus_is_large_and_broad_enough(corpus):
    negatives = [d for d in corpus if d.kind == "negative"]
    assert len(corpus) >= 60, len(corpus)
    assert len(negatives) >= 20, len(negatives)
    types = Counter(e["type"] for d in corpus for e in d.events)
    missing = [t for t in EVENT_TYPES if not types[t] and t not in TYPES_WITHOUT_A_REAL_EXAMPLE]
    assert not missing, f"event types without a labelled example: {missing}"
    stale = [t for t in TYPES_WITHOUT_A_REAL_EXAMPLE if types[t]]
    assert not stale, f"{stale} now has an example: drop it from TYPES_WITHOUT_A_REAL_EXAMPLE"


def test_ids_are_unique_and_file_safe(corpus):
    ids = [d.id for d in corpus]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.-]*", i) for i in ids), ids


def test_canonical_cellectar_labels(corpus):
    cellectar = next(d for d in corpus if d.id == "cellectar-424b3-2022-10-20")
    by_type = {e["type"]: e for e in cellectar.events}
    assert set(by_type) == {"sales_reported", "suspended"}
    sales, suspended = by_type["sales_reported"], by_type["suspended"]
    assert (sales["shares_sold"], sales["gross_proceeds"], sales["as_of"]) == (4169, 69000, "2022-10-20")
    assert suspended["effective_date"] == "2022-10-20"
    for event in (sales, suspended):
        assert event["agreement_type"] == "Equity Distribution Agreement"
        assert event["agreement_date"] == "2020-08-11"
        assert event["agents"] == ["Oppenheimer & Co. Inc."]
        assert event["max_amount"] == 14500000
        assert event["security"] == "common stock"


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda lab: lab.pop("notes"), "missing"),
        (lambda lab: lab.update(kind="maybe"), "kind"),
        (lambda lab: lab["events"][0].update(type="paused"), "type"),
        (lambda lab: lab["events"][0].update(as_of="20 Oct 2022"), "ISO date"),
        (lambda lab: lab["events"][0].update(shares_sold="4,169"), "share count"),
        (lambda lab: lab["events"][0].update(max_amount="$14.5 million"), "amount"),
        (lambda lab: lab["events"][0].update(amendment_date="2022-10-20"), "program_amended"),
        (lambda lab: lab["events"][0].pop("agents"), "missing"),
        (lambda lab: lab.update(kind="negative"), "negative"),
    ],
)
def test_validation_rejects_malformed_labels(mutate, message):
    label = json.loads((CORPUS / "cellectar-424b3-2022-10-20.labels.json").read_text(encoding="utf-8"))
    mutate(label)
    with pytest.raises(CorpusError, match=message):
        validate_label(label, "cellectar-424b3-2022-10-20.labels.json")


def test_load_corpus_reports_the_bad_file(tmp_path):
    label = json.loads((CORPUS / "cellectar-424b3-2022-10-20.labels.json").read_text(encoding="utf-8"))
    label["events"][0]["type"] = "paused"
    (tmp_path / "cellectar-424b3-2022-10-20.labels.json").write_text(json.dumps(label), encoding="utf-8")
    with pytest.raises(CorpusError, match="cellectar"):
        load_corpus(tmp_path)


def test_batches_name_corpus_documents_and_keep_their_first_seen_figures(corpus):
    batches = json.loads((CORPUS.parents[2] / "benchmarks" / "batches.json").read_text(encoding="utf-8"))
    ids = {d.id for d in corpus}
    names = [b["batch"] for b in batches["batches"]]
    assert len(names) == len(set(names)), "a batch is recorded twice"
    for batch in batches["batches"]:
        assert batch["ids"] and set(batch["ids"]) <= ids, sorted(set(batch["ids"]) - ids)
        first = batch["first_seen"]
        assert first["parser"] and first["documents"] == len(batch["ids"])
        events = first["events"]
        if events["tp"] + events["fp"] + events["fn"] == 0:
            assert events["f1"] is None, f"{batch['batch']}: a batch without events reports n/a, not a rate"


def test_labels_of_a_recorded_batch_name_it(corpus):
    # A document that arrived in a batch says so, so --first-seen finds every member.
    batches = json.loads((CORPUS.parents[2] / "benchmarks" / "batches.json").read_text(encoding="utf-8"))
    by_id = {d.id: d for d in corpus}
    for batch in batches["batches"]:
        if batch["batch"].startswith("late-"):
            continue  # recorded before labels carried a batch name
        wrong = [i for i in batch["ids"] if by_id[i].label.get("batch") != batch["batch"]]
        assert not wrong, f"{batch['batch']}: labels naming another batch: {wrong}"


def _looks_translated(text: str) -> str | None:
    # A filing on EDGAR is English; a mirror's machine translation is mostly CJK characters or
    # full of German function words. Rough, but the two kinds seen are far from the thresholds.
    cjk = sum("\u3000" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text)
    if cjk > 0.2 * max(1, len(text)):
        return "zh"
    words = text.split()
    german = sum(w in {"und", "der", "die", "wir", "unsere", "von", "zu", "mit"} for w in words)
    return "de" if german > 0.05 * max(1, len(words)) else None


def test_translations_are_marked_and_left_out_of_the_scores(corpus):
    from edgar_atm.extract.accuracy import is_filing_text

    for doc in corpus:
        text = doc.path.read_text(encoding="utf-8", errors="replace")
        found = _looks_translated(text)
        assert (found or "en") == doc.label.get("language", "en"), (
            f"{doc.id}: text looks {found or 'English'}, label says {doc.label.get('language', 'en')}"
        )
        assert is_filing_text(doc) == (found is None)


def test_looks_translated_tells_the_kinds_apart():
    assert _looks_translated("We have entered into an equity distribution agreement with BofA.") is None
    assert _looks_translated("我们已与代理签订了股权分配协议，根据该协议我们可以不时出售普通股。") == "zh"
    assert _looks_translated("Wir haben mit der Bank und den Agenten einen Vertrag von 2024 zu den Aktien") == "de"
