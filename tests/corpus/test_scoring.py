"""The scorer, checked with hand-built predictions over the real corpus: the labels fed back
score perfectly, and each kind of mistake lands in the figure it should."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from edgar_atm.extract.accuracy import field_equal, match_events, ratchet_figures, score


@dataclass
class _Parsed:
    events: list[dict[str, Any]] = field(default_factory=list)
    atm_related: bool = False


def _oracle(corpus, edit=None):
    by_path = {str(d.path): d for d in corpus}

    def parse(data: bytes, *, path: str):
        doc = by_path[path]
        assert data == doc.path.read_bytes()
        events = copy.deepcopy(doc.events)
        parsed = _Parsed(events=events, atm_related=doc.label["atm_related"])
        if edit:
            edit(doc, parsed)
        return parsed

    return parse


def test_labels_fed_back_score_perfectly(corpus):
    report = score(corpus, _oracle(corpus))
    assert report["events_overall"]["f1"] == 1.0
    assert report["fields_overall"] == {"accuracy": 1.0, "accuracy_where_stated": 1.0}
    assert report["negatives"]["with_events"] == 0
    assert report["atm_related"]["accuracy"] == 1.0
    assert report["documents_exact"]["count"] == len(corpus)
    assert report["worst_misses"] == []


def test_each_mistake_is_counted_where_it_belongs(corpus):
    def edit(doc, parsed):
        if doc.id == "cellectar-424b3-2022-10-20":
            parsed.events[0]["shares_sold"] = 4170  # a wrong field
            parsed.events.pop()  # the suspension missed
        if doc.id == "calidi-424b5-0001641172-25-001350":
            parsed.events.append({"type": "sales_reported", "shares_sold": 1})  # a false event on a negative
        if doc.id == "bofa-finance-424b2-0001918704-24-002559":
            parsed.atm_related = True

    report = score(corpus, _oracle(corpus, edit))
    assert report["events_by_type"]["suspended"]["fn"] == 1
    suspended = report["events_by_type"]["suspended"]
    assert suspended["recall"] == round(suspended["tp"] / (suspended["tp"] + suspended["fn"]), 4) < 1.0
    assert report["events_by_type"]["sales_reported"]["fp"] == 1
    assert report["fields"]["shares_sold"]["correct"] == report["fields"]["shares_sold"]["matched"] - 1
    assert report["negatives"]["which"] == {"calidi-424b5-0001641172-25-001350": 1}
    assert report["atm_related"]["correct"] == len(corpus) - 1
    assert "cellectar-424b3-2022-10-20" not in report["documents_exact"]["ids"]
    kinds = {(m["document"], m["kind"]) for m in report["worst_misses"]}
    assert ("cellectar-424b3-2022-10-20", "missed event") in kinds
    assert ("calidi-424b5-0001641172-25-001350", "false event") in kinds
    rows = {d["id"]: d for d in report["per_document"]}
    assert rows["cellectar-424b3-2022-10-20"]["predicted"] == ["sales_reported"]
    assert rows["cellectar-424b3-2022-10-20"]["exact"] is False
    assert rows["nextera-424b5-0001193125-25-338333"]["exact"] is True
    held = ratchet_figures(report)
    assert held["events_by_type.suspended.recall"] < 1.0
    assert held["negatives.clean_rate"] < 1.0


def test_a_crash_is_a_measured_failure(corpus):
    def parse(data, *, path):
        raise ValueError("boom")

    report = score(corpus[:3], parse)
    assert len(report["parse_errors"]) == 3
    assert report["events_overall"]["tp"] == 0


def test_normalisation():
    assert field_equal("max_amount", 14500000, 14500000.0)
    assert field_equal("max_amount", 4246131, "4246131.00")
    assert not field_equal("max_amount", 14500000, 1450000)
    assert field_equal("agents", ["Oppenheimer & Co. Inc."], ["oppenheimer & co inc"])
    assert not field_equal("agents", ["A", "B"], ["A"])
    assert field_equal("agents", [], None)
    assert field_equal("agreement_type", "At Market Issuance Sales Agreement", "At-Market Issuance Sales Agreement")
    assert field_equal("agreement_type", "Sales Agreement", "Amended and Restated Sales Agreement")
    assert field_equal("agreement_type", "Open Market Sale Agreement", "Open Market Sale Agreement℠")
    # A superscript mark glued to its word when the page was copied as text.
    assert field_equal("agreement_type", "Controlled Equity OfferingSM Sales Agreement",
                       "Controlled Equity Offering Sales Agreement")
    assert field_equal("agreement_type", "Capital on Demand TM Sales Agreement", "Capital on Demand Sales Agreement")
    assert not field_equal("agreement_type", "ATM Sales Agreement", "Sales Agreement")
    assert field_equal("agreement_type", "equity distribution agreements", "Equity Distribution Agreement")
    assert field_equal("security", "common stock", "Common Stock")
    assert field_equal("security", "common shares", "Common Shares of Beneficial Interest")
    assert not field_equal("security", "common stock", "Series A Preferred Stock")
    # several classes compare as a set: order and conjunction carry nothing, a missing class is a miss
    assert field_equal("security", "common stock and 8.50% Series A Preferred Stock",
                       "8.50% Series A Preferred Stock and/or Common Stock")
    assert field_equal("security", "Series D Preferred Stock, Series E Preferred Stock and Series F Preferred Stock",
                       "Series F Preferred Stock, Series D Preferred Stock, and Series E Preferred Stock")
    assert not field_equal("security", "common stock and 8.50% Series A Preferred Stock", "common stock")
    assert field_equal("security", "common units representing limited partner interests", "common units")
    assert field_equal("security", "American Depositary Shares representing A Ordinary Shares", "American Depositary Shares")
    assert field_equal("security", "American Depositary Shares, each representing ten ordinary shares",
                       "American Depositary Shares")
    assert not field_equal("security", "American Depositary Shares representing Series A Preferred Shares",
                           "American Depositary Shares")
    assert field_equal("security", "depositary shares, each representing 1/1000th of a share of 8.375% Series B Preferred "
                       "Stock", "Depositary Shares representing 8.375% Series B Preferred Stock")
    # a comma inside one class's name does not split it
    assert not field_equal("security", "depositary shares, each representing 1/1000th of a share of Series B Preferred "
                           "Stock", "depositary shares")
    assert field_equal("commission_rate", 3.0, 0.03)
    assert not field_equal("commission_rate", 3.0, 2.0)
    assert field_equal("as_of", "2022-10-20", "2022-10-20")
    assert not field_equal("as_of", "2022-10-20", None)


def test_matching_pairs_same_type_by_best_agreement():
    labelled = [
        {"type": "sales_reported", "shares_sold": 1, **{}},
        {"type": "sales_reported", "shares_sold": 2},
    ]
    for e in labelled:
        for k in ("agreement_type", "agreement_date", "amendment_date", "security", "max_amount", "offered_amount",
                  "max_shares", "gross_proceeds", "net_proceeds", "as_of", "remaining_amount", "effective_date",
                  "commission_rate"):
            e.setdefault(k, None)
        e.setdefault("agents", [])
    predicted = [{"type": "sales_reported", "shares_sold": 2}, {"type": "suspended"}, {"type": "sales_reported", "shares_sold": 1}]
    pairs, extra, missed = match_events(labelled, predicted)
    assert sorted((lab["shares_sold"], pred["shares_sold"]) for lab, pred in pairs) == [(1, 1), (2, 2)]
    assert extra == [{"type": "suspended"}]
    assert missed == []
