"""The structured-note skip rule, measured on the real daily indexes, and checked against
the labelled corpus and the known real ATM 424B2 filers."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from edgar_atm.edgar.indexes import parse_index, select
from edgar_atm.edgar.structured_notes import (
    DEFAULT_MIN_DAILY_COUNT,
    KNOWN_NOTE_ISSUERS,
    StructuredNoteFilter,
)
from edgar_atm.records import FilingRef

DATA = Path(__file__).resolve().parents[1] / "data"
DAILY = DATA / "edgar" / "index" / "daily"
CORPUS = DATA / "corpus"
DAYS = {
    "form.20200318.idx": date(2020, 3, 18),
    "company.20221003.idx": date(2022, 10, 3),
    "master.20200103.idx": date(2020, 1, 3),
}

# Real ATM programs filed as 424B2 (docs/atm-domain.md S6, S24; CIKs as in company_tickers.json
# and in the sec.gov URLs there), and Acer Therapeutics, whose ATM re-registration is a 424B2 in
# the real daily index of 2020-03-18.
KNOWN_ATM_424B2_FILERS = {
    354190: "Arthur J. Gallagher & Co.",
    765880: "HEALTHPEAK PROPERTIES, INC.",
    1069308: "Acer Therapeutics Inc.",
}
ACER_ATM_ACCESSION = "0001193125-20-077337"


@pytest.fixture(scope="module")
def days() -> dict[str, list[FilingRef]]:
    return {name: list(parse_index((DAILY / name).read_bytes())) for name in DAYS}


def _unique(refs, form=None):
    return {r.accession_number for r in refs if form is None or r.form_type == form}


def test_savings_on_real_daily_indexes(days):
    """The figures quoted in README "Skipping structured notes"."""
    measured = {}
    for name, rows in days.items():
        everything = select(rows, skip_structured_notes=False)
        found = select(rows)
        b2 = _unique(everything.refs, "424B2")
        skipped = _unique(found.skipped_refs)
        assert skipped <= b2  # only 424B2 is ever skipped
        assert _unique(found.refs) | skipped == _unique(everything.refs)
        measured[name] = (len(skipped), len(b2), len(everything.refs))
    assert measured == {
        "form.20200318.idx": (142, 149, 194),
        "company.20221003.idx": (386, 392, 478),
        "master.20200103.idx": (117, 117, 147),
    }
    total_skipped = sum(m[0] for m in measured.values())
    total_requests = sum(m[2] for m in measured.values())
    assert total_skipped / total_requests > 0.75  # 645 of 819 filing requests saved


def test_every_skip_is_explained_by_the_rule(days):
    """Re-derive each decision independently: a skipped accession has a co-registrant on the
    list or with >= K 424B2 accessions that day; a kept 424B2 has neither."""
    for rows in days.values():
        b2 = [r for r in rows if r.form_type == "424B2"]
        filers: dict[str, set[int]] = defaultdict(set)
        per_cik_day: dict[tuple[int, date], set[str]] = defaultdict(set)
        for r in b2:
            filers[r.accession_number].add(r.cik)
            per_cik_day[(r.cik, r.filed_date)].add(r.accession_number)
        dates = {r.accession_number: r.filed_date for r in b2}

        def is_note(acc):
            return any(c in KNOWN_NOTE_ISSUERS or
                       len(per_cik_day[(c, dates[acc])]) >= DEFAULT_MIN_DAILY_COUNT
                       for c in filers[acc])

        found = select(rows)
        assert all(is_note(d.ref.accession_number) for d in found.skipped)
        assert not any(is_note(r.accession_number) for r in found.refs if r.form_type == "424B2")
        assert all(d.reason for d in found.skipped)


def test_volume_rule_alone_generalises(days):
    """Without the list (which was read off these very days), the volume rule by itself
    still catches most note accessions: the list is a complement, not the whole rule."""
    volume_only = StructuredNoteFilter(known_ciks=frozenset())
    caught = {}
    for name, rows in days.items():
        b2 = _unique(select(rows, skip_structured_notes=False).refs, "424B2")
        caught[name] = len(_unique(select(rows, note_filter=volume_only).skipped_refs)) / len(b2)
    assert min(caught.values()) > 0.89, caught


def test_known_list_comes_from_the_real_indexes(days):
    """Every listed CIK files 424B2s under exactly that name in a real daily index."""
    seen = {(r.cik, r.company) for rows in days.values() for r in rows if r.form_type == "424B2"}
    for cik, name in KNOWN_NOTE_ISSUERS.items():
        assert (cik, name) in seen, (cik, name)


def test_real_atm_424b2_in_the_real_index_is_kept(days):
    found = select(days["form.20200318.idx"])
    acer = [r for r in found.refs if r.accession_number == ACER_ATM_ACCESSION]
    assert acer and acer[0].form_type == "424B2" and acer[0].cik == 1069308


@pytest.mark.parametrize("cik", sorted(KNOWN_ATM_424B2_FILERS))
def test_known_atm_424b2_filers_pass_on_the_busiest_day(days, cik):
    """Dropped into the real 2022-10-03 index (666 note rows), one 424B2 from a real ATM
    424B2 filer is still fetched."""
    assert cik not in KNOWN_NOTE_ISSUERS
    rows = days["company.20221003.idx"]
    ref = _extra_row(cik, KNOWN_ATM_424B2_FILERS[cik], "424B2", date(2022, 10, 3))
    found = select(rows + [ref])
    assert ref in found.refs


def test_two_atm_supplements_the_same_day_pass(days):
    """An issuer filing both a common and a preferred ATM supplement the same day."""
    rows = days["company.20221003.idx"]
    extra = [_extra_row(765880, "HEALTHPEAK PROPERTIES, INC.", "424B2", date(2022, 10, 3), n)
             for n in (1, 2)]
    found = select(rows + extra)
    assert all(r in found.refs for r in extra)


def test_other_forms_of_note_issuers_are_not_skipped(days):
    rows = days["form.20200318.idx"]
    found = select(rows)
    kept_forms = {(r.cik, r.form_type) for r in found.refs}
    assert (70858, "424B5") in kept_forms  # BANK OF AMERICA CORP /DE/ 424B5
    assert (831001, "424B3") in kept_forms or (200245, "424B3") in kept_forms


def test_guarantor_pairing_skips_the_pair(days):
    """Listing only the issuing subsidiary also skips the accessions its parent co-files."""
    rows = days["company.20221003.idx"]
    only_sub = StructuredNoteFilter(known_ciks=frozenset({1665650}), min_daily_count=None)
    found = select(rows, note_filter=only_sub)
    skipped = _unique(found.skipped_refs)
    jpm = {r.accession_number for r in rows if r.form_type == "424B2" and r.cik in (19617, 1665650)}
    assert skipped == jpm and len(jpm) == 115
    # Deduplication kept the parent's row (sorted first), yet the pair was skipped.
    assert {d.ref.cik for d in found.skipped} == {19617}


def test_rule_can_be_switched_off(days):
    rows = days["company.20221003.idx"]
    assert not select(rows, skip_structured_notes=False).skipped
    nothing = StructuredNoteFilter(known_ciks=frozenset(), min_daily_count=None)
    assert not select(rows, note_filter=nothing).skipped
    assert len(select(rows, note_filter=nothing).refs) == 478


def test_corpus_atm_filings_pass_the_filter(days):
    """Every filing of the labelled corpus that is about an ATM program must survive the
    rule, dropped into the busiest real note day."""
    labels = sorted(CORPUS.glob("**/*.labels.json")) if CORPUS.is_dir() else []
    if not labels:
        pytest.skip("labelled corpus (tests/data/corpus/*.labels.json) not present yet")
    note_names = {n.upper() for n in KNOWN_NOTE_ISSUERS.values()}
    rows = days["company.20221003.idx"]
    checked = 0
    for path in labels:
        label = json.loads(path.read_text())
        if not (label.get("atm_related") or label.get("events")):
            continue
        form = (label.get("form_type") or "").upper()
        name = label.get("issuer") or label.get("company") or ""
        assert name.upper() not in note_names, path.name
        if label.get("cik") is None:
            continue  # an excerpt without its CIK: only the name check applies
        ref = _extra_row(int(label["cik"]), name, form or "424B2", date(2022, 10, 3))
        found = select(rows + [ref], forms=(ref.form_type,))
        assert ref in found.refs, f"{path.name}: {found.skipped[-1].reason if found.skipped else ''}"
        checked += 1
    assert checked, "no ATM-labelled corpus filing with a CIK"


def _extra_row(cik: int, company: str, form: str, day: date, n: int = 0) -> FilingRef:
    acc = f"9999999999-{day:%y}-{900000 + cik % 1000 * 10 + n:06d}"
    return FilingRef(accession_number=acc, cik=cik, company=company, form_type=form,
                     filed_date=day, path=f"/Archives/edgar/data/{cik}/{acc}.txt")


def test_filter_decisions_on_quarterly_rows_group_by_date(days):
    """The same rule on a quarterly index: counts are per filed date, so two quiet days of
    one issuer never add up to a note-shelf day."""
    rows = days["form.20200318.idx"]
    acer = next(r for r in rows if r.accession_number == ACER_ATM_ACCESSION)
    spread = [replace(acer, accession_number=f"0001193125-20-0{77337 + i:05d}",
                      filed_date=date(2020, 3, 2 + i)) for i in range(DEFAULT_MIN_DAILY_COUNT)]
    assert len(select(spread).refs) == DEFAULT_MIN_DAILY_COUNT
    same_day = [replace(r, filed_date=date(2020, 3, 18)) for r in spread]
    assert not select(same_day).refs  # K on one day is a note-shelf volume


def test_corpus_bank_notes_are_skipped(days):
    """The other direction on the corpus: its labelled 424B2s from listed note issuers are
    all non-ATM, and the rule skips each of them."""
    labels = sorted(CORPUS.glob("**/*.labels.json")) if CORPUS.is_dir() else []
    if not labels:
        pytest.skip("labelled corpus (tests/data/corpus/*.labels.json) not present yet")
    rows = days["company.20221003.idx"]
    checked = 0
    for path in labels:
        label = json.loads(path.read_text())
        if label.get("cik") not in KNOWN_NOTE_ISSUERS or label.get("form_type") != "424B2":
            continue
        assert not label.get("atm_related") and not label.get("events"), path.name
        ref = _extra_row(int(label["cik"]), label.get("issuer") or "", "424B2", date(2022, 10, 3))
        assert ref in select(rows + [ref]).skipped_refs, path.name
        checked += 1
    if not checked:
        pytest.skip("no bank-note 424B2 in the corpus")
