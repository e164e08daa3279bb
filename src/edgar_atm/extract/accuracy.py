"""Parser accuracy against the labelled corpus of real filings (tests/data/corpus).

Pure scoring: `load_corpus` reads the documents and their labels, `score` runs a parse function
over every document, matches predicted events to labelled ones per document and returns every
figure as a plain dict (JSON-ready). `benchmarks/accuracy.py` is the command that prints it and
writes benchmarks/ACCURACY.md and benchmarks/accuracy.json; the ratchet test recomputes it.

Matching: within a document, predicted and labelled events pair up only when their types agree;
among those, pairs with the most agreeing fields are taken first (greedy on a complete score
table, ties broken by order), so a filing with two sales reports pairs each with its nearest
label. Unpaired predictions are false positives, unpaired labels false negatives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from edgar_atm.errors import EdgarAtmError
from edgar_atm.records import EVENT_TYPES

# Every field of the EVENT contract except "type" (the match key) and "excerpt" (free text).
EVENT_FIELDS = (
    "agreement_type",
    "agreement_date",
    "amendment_date",
    "agents",
    "security",
    "max_amount",
    "offered_amount",
    "max_shares",
    "shares_sold",
    "gross_proceeds",
    "net_proceeds",
    "as_of",
    "remaining_amount",
    "effective_date",
    "commission_rate",
)
DATE_FIELDS = frozenset({"agreement_date", "amendment_date", "as_of", "effective_date"})
AMOUNT_FIELDS = frozenset(
    {"max_amount", "offered_amount", "gross_proceeds", "net_proceeds", "remaining_amount", "commission_rate"}
)
COUNT_FIELDS = frozenset({"max_shares", "shares_sold"})
TEXT_FIELDS = frozenset({"agreement_type", "security"})
LABEL_KEYS = frozenset(
    {"id", "document", "source_url", "form_type", "issuer", "cik", "kind", "atm_related", "excerpt", "notes", "events"}
)
# Optional: the batch a document arrived in (its first-seen score is kept per batch, see
# benchmarks/batches.json) and its split; "test" documents are frozen: no rule is written
# against them. Documents without them are the original development corpus (batches 1-8).
OPTIONAL_LABEL_KEYS = frozenset({"batch", "split", "language"})
SPLITS = ("dev", "test")
# Optional event keys (the program identity the fold needs); scored when the label states them.
OPTIONAL_EVENT_FIELDS = ("scope", "max_amount_increase", "agents_added", "agents_removed")
KINDS = ("atm", "negative")


class CorpusError(EdgarAtmError, ValueError):
    """A label file that does not follow the corpus format (see tests/data/corpus/README.md)."""


@dataclass(frozen=True)
class LabelledDocument:
    id: str
    path: Path
    label: dict[str, Any]

    @property
    def kind(self) -> str:
        return self.label["kind"]

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.label["events"]


def load_corpus(directory: Path) -> list[LabelledDocument]:
    """Every `<id>.labels.json` in `directory`, validated, in id order."""
    docs = []
    for label_path in sorted(directory.glob("*.labels.json")):
        label = json.loads(label_path.read_text(encoding="utf-8"))
        validate_label(label, label_path.name)
        doc_path = directory / label["document"]
        docs.append(LabelledDocument(id=label["id"], path=doc_path, label=label))
    return docs


def validate_label(label: dict[str, Any], where: str) -> None:
    """Raise CorpusError unless `label` has exactly the corpus keys with valid values."""
    keys = set(label) - OPTIONAL_LABEL_KEYS
    if keys != LABEL_KEYS:
        raise CorpusError(f"{where}: keys {sorted(keys ^ LABEL_KEYS)} missing or unexpected")
    if "split" in label and label["split"] not in SPLITS:
        raise CorpusError(f"{where}: split {label['split']!r} is not one of {SPLITS}")
    if "batch" in label and not (isinstance(label["batch"], str) and label["batch"]):
        raise CorpusError(f"{where}: batch must be a name")
    if "language" in label and not re.fullmatch(r"[a-z]{2}", str(label["language"])):
        raise CorpusError(f"{where}: language must be a two-letter ISO 639-1 code")
    if not where.startswith(label["id"] + "."):
        raise CorpusError(f"{where}: id {label['id']!r} does not match the file name")
    if label["kind"] not in KINDS:
        raise CorpusError(f"{where}: kind {label['kind']!r}")
    if not isinstance(label["atm_related"], bool) or not isinstance(label["excerpt"], bool):
        raise CorpusError(f"{where}: atm_related and excerpt must be booleans")
    if not label["source_url"] or not label["notes"]:
        raise CorpusError(f"{where}: source_url and notes are required")
    if label["kind"] == "negative" and label["events"]:
        raise CorpusError(f"{where}: a negative document has no events")
    if label["kind"] == "atm" and not (label["events"] and label["atm_related"]):
        raise CorpusError(f"{where}: an ATM document has events and is atm_related")
    for i, event in enumerate(label["events"]):
        _validate_event(event, f"{where} event {i}")


def _validate_event(event: dict[str, Any], where: str) -> None:
    expected = {"type", *EVENT_FIELDS}
    keys = set(event) - set(OPTIONAL_EVENT_FIELDS)
    if keys != expected:
        raise CorpusError(f"{where}: keys {sorted(keys ^ expected)} missing or unexpected")
    if event.get("scope", "this") not in ("this", "prior"):
        raise CorpusError(f"{where}: scope {event['scope']!r} is not 'this' or 'prior'")
    for name in ("agents_added", "agents_removed"):
        if not isinstance(event.get(name, []), list):
            raise CorpusError(f"{where}: {name} must be a list of names")
    increase = event.get("max_amount_increase")
    if increase is not None and (not isinstance(increase, (int, float)) or isinstance(increase, bool) or increase <= 0):
        raise CorpusError(f"{where}: max_amount_increase {increase!r} is not an amount")
    if event["type"] not in EVENT_TYPES:
        raise CorpusError(f"{where}: type {event['type']!r}")
    if not isinstance(event["agents"], list) or not all(isinstance(a, str) and a for a in event["agents"]):
        raise CorpusError(f"{where}: agents must be a list of names")
    for name in EVENT_FIELDS:
        value = event[name]
        if value is None or name == "agents":
            continue
        if name in DATE_FIELDS:
            if not isinstance(value, str) or not _is_iso_date(value):
                raise CorpusError(f"{where}: {name} {value!r} is not an ISO date")
        elif name in COUNT_FIELDS:
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise CorpusError(f"{where}: {name} {value!r} is not a share count")
        elif name in AMOUNT_FIELDS:
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise CorpusError(f"{where}: {name} {value!r} is not an amount")
        elif not isinstance(value, str) or not value.strip():
            raise CorpusError(f"{where}: {name} {value!r} is not text")
    if event["amendment_date"] is not None and event["type"] != "program_amended":
        raise CorpusError(f"{where}: amendment_date belongs to program_amended events only")


def _is_iso_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


# ---------------------------------------------------------------------------------------------
# Normalisation: two values are equal when their normal forms are.

_MARKS = re.compile(r"\s*(?:\(sm\)|\(tm\)|℠|™|®)\s*", re.I)
# A superscript mark that lost its formatting in a copied text: "OfferingSM", "Demand TM".
_GLUED_MARK = re.compile(r"(?<=[a-z])(?:SM|TM)\b|\s(?:SM|TM)\b")
_AR_PREFIX = re.compile(r"^(?:(?:first|second|third|fourth|fifth)\s+)?amended\s+and\s+restated\s+", re.I)


def normalise(name: str, value: Any) -> Any:
    """The comparable form of one EVENT field value (None stays None)."""
    if value is None:
        return None
    if name in ("agents", "agents_added", "agents_removed"):
        return frozenset(_agent_key(a) for a in value) or None
    if name in DATE_FIELDS:
        return value.isoformat() if isinstance(value, date) else str(value)[:10]
    if name in AMOUNT_FIELDS or name in COUNT_FIELDS or name == "max_amount_increase":
        try:
            return Decimal(str(value)).normalize()
        except InvalidOperation:
            return str(value)
    if name == "agreement_type":
        text = _MARKS.sub(" ", _GLUED_MARK.sub(" ", str(value))).replace("-", " ")
        text = _AR_PREFIX.sub("", " ".join(text.split()))
        # "separate equity distribution agreements" name the same kind of agreement as the singular.
        return re.sub(r"agreements$", "agreement", text.lower())
    if name == "security":
        # One agreement for several classes names them all; the order and the conjunction ("and",
        # "and/or", a serial comma) carry nothing, so the classes compare as a set.
        parts = _CLASS_LIST_SEP.split(" ".join(str(value).replace("-", " ").split()))
        return frozenset(_one_class(part) for part in parts if part.strip())
    return value


_CLASS_LIST_SEP = re.compile(
    r"(?:,\s*(?:and/or\s+|and\s+|or\s+)?|\s+and/or\s+|\s+and\s+)"
    r"(?=(?:our\s+)?(?:\d+(?:\.\d+)?%|series\b|class\b|common\b|depositary\b|american\b|ordinary\b|preferred\b|senior\b))", re.I)


_DEPOSITARY_RE = re.compile(r"^depositary shares\b.*?\brepresent(?:s|ing)\b.*?(?P<series>(?:\d+(?:\.\d+)?%\s+)?series\b.*)$")


_ADS_OF_SHARES_RE = re.compile(r"^american depositary shares\b,?\s+(?:each\s+)?represent(?:s|ing)\b.*\b(?:ordinary|common)\s+shares?$")


def _one_class(text: str) -> str:
    text = re.sub(r"^(?:shares of )?(?:our |the company's )?", "", text.strip().lower())
    # "depositary shares, each representing 1/1000th of a share of 8.375% Series B ... Preferred Stock" and
    # "Depositary Shares representing 8.375% Series B ..." name the same security.
    text = _DEPOSITARY_RE.sub(lambda m: "depositary shares representing " + m.group("series"), text)
    # "common shares of beneficial interest" (REIT trusts) names the same class as "common shares",
    # "common units representing limited partner interests" (partnerships) the same as "common units", and
    # "American Depositary Shares representing A Ordinary Shares" the same as "American Depositary Shares".
    text = _ADS_OF_SHARES_RE.sub("american depositary shares", text)
    return re.sub(r" (?:of beneficial interest|representing limited partner(?:ship)? interests)$", "", text)


def _agent_key(name: str) -> str:
    return re.sub(r"[^a-z0-9&]+", " ", name.lower()).strip()


def field_equal(name: str, label_value: Any, predicted_value: Any) -> bool:
    expected, got = normalise(name, label_value), normalise(name, predicted_value)
    if name == "commission_rate" and expected is not None and got is not None and expected != got:
        # Accept a fraction (0.03) for a labelled percentage (3.0): both conventions are common.
        return isinstance(got, Decimal) and (got * 100).normalize() == expected
    return expected == got


# ---------------------------------------------------------------------------------------------
# Scoring


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def figures(self) -> dict[str, Any]:
        # A rate with nothing to count is n/a (None), never 1.0: a set with no labelled and no
        # predicted events says nothing about the parser. Precision with predictions but no
        # labels is 0.0 (every prediction is false), recall with labels but no predictions 0.0.
        precision = _rate(self.tp, self.tp + self.fp)
        recall = _rate(self.tp, self.tp + self.fn)
        if precision is None and recall is None:
            f1 = None
        elif not precision or not recall:
            f1 = 0.0
        else:
            f1 = round(2 * precision * recall / (precision + recall), 4)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": precision, "recall": recall, "f1": f1}


def _rate(numerator: int, denominator: int) -> float | None:
    return round(numerator / denominator, 4) if denominator else None


@dataclass
class _FieldCounts:
    matched: int = 0
    correct: int = 0
    stated: int = 0
    stated_correct: int = 0

    def figures(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "correct": self.correct,
            "accuracy": _rate(self.correct, self.matched),
            "stated": self.stated,
            "stated_correct": self.stated_correct,
            "accuracy_where_stated": _rate(self.stated_correct, self.stated),
        }


@dataclass
class _Miss:
    document: str
    kind: str
    detail: str
    weight: int

    def as_dict(self) -> dict[str, Any]:
        return {"document": self.document, "kind": self.kind, "detail": self.detail}


@dataclass
class _Tally:
    by_type: dict[str, _Counts] = field(default_factory=lambda: {t: _Counts() for t in EVENT_TYPES})
    by_field: dict[str, _FieldCounts] = field(
        default_factory=lambda: {f: _FieldCounts() for f in (*EVENT_FIELDS, *OPTIONAL_EVENT_FIELDS)}
    )
    negatives_with_events: dict[str, int] = field(default_factory=dict)
    atm_related_correct: int = 0
    documents_exact: list[str] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    misses: list[_Miss] = field(default_factory=list)
    per_document: list[dict[str, Any]] = field(default_factory=list)


def score(
    documents: Iterable[LabelledDocument],
    parse: Callable[..., Any],
) -> dict[str, Any]:
    """Run `parse(data, path=...)` (a ParsedFiling-returning function) over every document and
    return the figures: per event type, overall (micro), per field, negatives, atm_related."""
    documents = list(documents)
    tally = _Tally()
    for doc in documents:
        try:
            parsed = parse(doc.path.read_bytes(), path=str(doc.path))
            predicted = [_event_dict(e) for e in parsed.events]
            atm_related = bool(parsed.atm_related)
        except Exception as exc:  # a crash on one document is a measured failure, not an abort
            tally.errors[doc.id] = f"{type(exc).__name__}: {exc}"
            predicted, atm_related = [], None
        _score_document(doc, predicted, atm_related, tally)
    return _figures(documents, tally)


def _event_dict(event: Any) -> dict[str, Any]:
    return event.to_json() if hasattr(event, "to_json") else dict(event)


def _score_document(
    doc: LabelledDocument, predicted: list[dict[str, Any]], atm_related: bool | None, tally: _Tally
) -> None:
    if atm_related == doc.label["atm_related"]:
        tally.atm_related_correct += 1
    else:
        tally.misses.append(
            _Miss(doc.id, "atm_related", f"labelled {doc.label['atm_related']}, predicted {atm_related}", 1)
        )
    if doc.kind == "negative" and predicted:
        tally.negatives_with_events[doc.id] = len(predicted)
    pairs, unmatched_pred, unmatched_label = match_events(doc.events, predicted)
    exact = not unmatched_pred and not unmatched_label
    for label_event, pred_event in pairs:
        tally.by_type[label_event["type"]].tp += 1
        # The optional identity keys are scored only where the label writes them (older labels
        # predate them); "scope" defaults to "this" on both sides.
        optional = [n for n in OPTIONAL_EVENT_FIELDS if n in label_event]
        for name in (*EVENT_FIELDS, *optional):
            counts = tally.by_field[name]
            predicted_value = pred_event.get(name)
            if name == "scope":
                predicted_value = predicted_value or "this"
            ok = field_equal(name, label_event[name], predicted_value)
            counts.matched += 1
            counts.correct += ok
            if normalise(name, label_event[name]) is not None:
                counts.stated += 1
                counts.stated_correct += ok
            if not ok:
                exact = False
                tally.misses.append(
                    _Miss(
                        doc.id,
                        "field",
                        f"{label_event['type']}.{name}: labelled {label_event[name]!r}, "
                        f"predicted {pred_event.get(name)!r}",
                        1,
                    )
                )
    for event in unmatched_pred:
        if event.get("type") in tally.by_type:
            tally.by_type[event["type"]].fp += 1
        tally.misses.append(_Miss(doc.id, "false event", f"predicted {event.get('type')} not in the labels", 3))
    for event in unmatched_label:
        tally.by_type[event["type"]].fn += 1
        tally.misses.append(_Miss(doc.id, "missed event", f"labelled {event['type']} not predicted", 3))
    if exact and atm_related == doc.label["atm_related"]:
        tally.documents_exact.append(doc.id)
    tally.per_document.append(
        {
            "id": doc.id,
            "kind": doc.kind,
            "labelled": sorted(e["type"] for e in doc.events),
            "predicted": sorted(str(e.get("type")) for e in predicted),
            "exact": bool(exact and atm_related == doc.label["atm_related"]),
        }
    )


def match_events(
    labelled: list[dict[str, Any]], predicted: list[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Pair labelled with predicted events of the same type, best field agreement first.
    Returns (pairs, unmatched predicted, unmatched labelled)."""
    candidates = []
    for i, lab in enumerate(labelled):
        for j, pred in enumerate(predicted):
            if pred.get("type") == lab["type"]:
                agreement = sum(field_equal(n, lab[n], pred.get(n)) for n in EVENT_FIELDS)
                candidates.append((-agreement, i, j))
    candidates.sort()
    used_label, used_pred, pairs = set(), set(), []
    for _, i, j in candidates:
        if i not in used_label and j not in used_pred:
            used_label.add(i)
            used_pred.add(j)
            pairs.append((labelled[i], predicted[j]))
    unmatched_pred = [p for j, p in enumerate(predicted) if j not in used_pred]
    unmatched_label = [lab for i, lab in enumerate(labelled) if i not in used_label]
    return pairs, unmatched_pred, unmatched_label


def _figures(documents: list[LabelledDocument], tally: _Tally) -> dict[str, Any]:
    overall = _Counts(
        tp=sum(c.tp for c in tally.by_type.values()),
        fp=sum(c.fp for c in tally.by_type.values()),
        fn=sum(c.fn for c in tally.by_type.values()),
    )
    stated = sum(c.stated for c in tally.by_field.values())
    stated_correct = sum(c.stated_correct for c in tally.by_field.values())
    matched = sum(c.matched for c in tally.by_field.values())
    correct = sum(c.correct for c in tally.by_field.values())
    negatives = [d for d in documents if d.kind == "negative"]
    tally.misses.sort(key=lambda m: (-m.weight, m.document, m.detail))
    return {
        "documents": len(documents),
        "atm_documents": len(documents) - len(negatives),
        "negative_documents": len(negatives),
        "labelled_events": sum(len(d.events) for d in documents),
        "events_overall": overall.figures(),
        "events_by_type": {t: c.figures() for t, c in tally.by_type.items()},
        "fields_overall": {"accuracy": _rate(correct, matched), "accuracy_where_stated": _rate(stated_correct, stated)},
        "fields": {name: c.figures() for name, c in tally.by_field.items()},
        "negatives": {
            "documents": len(negatives),
            "with_events": len(tally.negatives_with_events),
            "false_events": sum(tally.negatives_with_events.values()),
            "clean_rate": _rate(len(negatives) - len(tally.negatives_with_events), len(negatives)),
            "which": dict(sorted(tally.negatives_with_events.items())),
        },
        "atm_related": {
            "correct": tally.atm_related_correct,
            "accuracy": _rate(tally.atm_related_correct, len(documents)),
        },
        "documents_exact": {
            "count": len(tally.documents_exact),
            "rate": _rate(len(tally.documents_exact), len(documents)),
            "ids": sorted(tally.documents_exact),
        },
        "parse_errors": dict(sorted(tally.errors.items())),
        "per_document": sorted(tally.per_document, key=lambda d: d["id"]),
        "worst_misses": [m.as_dict() for m in tally.misses],
    }


# The figures the ratchet holds: each may only stay equal or rise. Counts of documents and
# events are not held (adding documents is always allowed); rates are.
def ratchet_figures(report: dict[str, Any]) -> dict[str, float]:
    """Flatten a report into {"name": value} for the figures that may only go up."""
    held: dict[str, float] = {}
    for key in ("precision", "recall", "f1"):
        held[f"events_overall.{key}"] = report["events_overall"][key]
    for event_type, figures in report["events_by_type"].items():
        for key in ("precision", "recall", "f1"):
            held[f"events_by_type.{event_type}.{key}"] = figures[key]
    for key in ("accuracy", "accuracy_where_stated"):
        held[f"fields_overall.{key}"] = report["fields_overall"][key]
    for name, figures in report["fields"].items():
        for key in ("accuracy", "accuracy_where_stated"):
            held[f"fields.{name}.{key}"] = figures[key]
    held["negatives.clean_rate"] = report["negatives"]["clean_rate"]
    held["atm_related.accuracy"] = report["atm_related"]["accuracy"]
    held["documents_exact.rate"] = report["documents_exact"]["rate"]
    # n/a figures (nothing to count) are not held: there is nothing to fall from.
    return {name: value for name, value in held.items() if value is not None}


def split_of(doc: LabelledDocument) -> str:
    """"test" documents are frozen (no rule is written against them); the rest is development."""
    return doc.label.get("split", "dev")


def batch_of(doc: LabelledDocument) -> str:
    """The batch a document arrived in; documents from before batches were recorded are "b1-b8"."""
    return doc.label.get("batch", "b1-b8")


def is_filing_text(doc: LabelledDocument) -> bool:
    """Whether a document is scored. A machine translation of a filing (a mirror site's Chinese or
    German page, labelled with its "language") is not what EDGAR serves: its label still records
    the facts (issuer histories cite some), but an English parser is not measured on it."""
    return doc.label.get("language", "en") == "en"
