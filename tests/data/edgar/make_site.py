#!/usr/bin/env python3
"""Rebuild the re-enveloped filings of the bundled fake-EDGAR site (run once, by hand).

    PYTHONPATH=src python tests/data/edgar/make_site.py [SOURCE_DIR]

SOURCE_DIR holds the real primary documents (whole/*.html, from dgunning/edgartools, see
site/README.md) and the Cellectar supplement (.md). Each document is wrapped, unchanged, in
the complete-submission envelope (edgar_atm.fakeedgar.envelope) with the header values we
know; the four byte-exact .txt submissions are copied separately and not touched here.

The issuer histories (site/filings/histories/) are always rebuilt, from the real filing
texts of the labelled corpus in this repository (tests/data/corpus), so an issuer's
successive 424B filings tell its ATM story in the demo.
"""

from __future__ import annotations

import html
import json
import re
import sys
from datetime import date, datetime
from pathlib import Path

from edgar_atm.fakeedgar.envelope import EnvelopeFiler, envelope

HERE = Path(__file__).resolve().parent
OUT = HERE / "site" / "filings"
CORPUS = HERE.parent / "corpus"
BANKS = "NATIONAL COMMERCIAL BANKS [6021]"

# (source file, form, accession, filed date, filers). The accession and CIK come from the
# document's sec.gov URL in the source README; the date from the document's own date line
# (a Sunday date moves to the Monday it was filed); the Registration No. from its cover.
DOCUMENTS = [
    ("whole/424B4-Traws-Pharma-Inc-0001104659-24-132924.html", "424B4", "0001104659-24-132924",
     date(2024, 12, 30), [EnvelopeFiler(1130598, "Traws Pharma, Inc.", file_number="333-273081")]),
    ("whole/424B5-Curis-Inc-0001108205-25-000026.html", "424B5", "0001108205-25-000026",
     date(2025, 3, 28), [EnvelopeFiler(1108205, "Curis, Inc.", file_number="333-276950")]),
    ("whole/424B5-Calidi-Biotherapeutics-Inc-0001641172-25-001350.html", "424B5", "0001641172-25-001350",
     date(2025, 3, 28), [EnvelopeFiler(1855485, "Calidi Biotherapeutics, Inc.", file_number="333-284229")]),
    ("whole/424B5-Ensysce-Biosciences-Inc-0001641172-25-001566.html", "424B5", "0001641172-25-001566",
     date(2025, 3, 31), [EnvelopeFiler(1716947, "Ensysce Biosciences, Inc.", file_number="333-269157")]),
    ("whole/424B5-Excelerate-Energy-Inc-0001193125-25-068732.html", "424B5", "0001193125-25-068732",
     date(2025, 3, 31), [EnvelopeFiler(1888447, "Excelerate Energy, Inc.", file_number="333-271850")]),
    ("whole/424B2-BofA-Finance-LLC-0001918704-25-005479.html", "424B2", "0001918704-25-005479",
     date(2025, 3, 27), [EnvelopeFiler(1682472, "BofA Finance LLC", sic=BANKS, state_of_incorporation="DE",
                                       file_number="333-268718-01"),
                         EnvelopeFiler(70858, "BANK OF AMERICA CORP /DE/", sic=BANKS,
                                       state_of_incorporation="DE", file_number="333-268718")]),
    ("whole/424B5-Alzamend-Neuro-Inc-0001214659-26-002941.html", "424B5", "0001214659-26-002941",
     date(2026, 3, 6), [EnvelopeFiler(1677077, "Alzamend Neuro, Inc.", file_number="333-273610")]),
]

# The Cellectar supplement's accession number is not known: this one is synthetic (the
# issuer-filed shape, serial 9xxxxx so it cannot be mistaken for a real one).
CELLECTAR = ("cellectar-424b3-2022-10-20-supplement.md", "424B3", "0001279704-22-900001",
             date(2022, 10, 20), [EnvelopeFiler(1279704, "CELLECTAR BIOSCIENCES, INC.")])

# Acceptance time of day is not known for these; 17:00:00 ET is a stand-in.
ACCEPTED_AT = (17, 0, 0)


def markdown_to_html(text: str) -> bytes:
    """The supplement's simple markdown (paragraphs, **bold**, ---, \\$) as plain HTML."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    out = ["<HTML>", "<HEAD><TITLE>424B3</TITLE></HEAD>", "<BODY>"]
    for block in blocks:
        if block == "---":
            out.append("<HR>")
            continue
        escaped = html.escape(block.replace("\\$", "$"), quote=False)
        escaped = re.sub(r"\*\*(.+?)\*\*", r"<B>\1</B>", escaped, flags=re.S)
        out.append(f"<P>{escaped}</P>")
    out += ["</BODY>", "</HTML>"]
    return ("\n".join(out) + "\n").encode("ascii", "xmlcharrefreplace")


# Issuer histories. tests/data/histories/<issuer>.json (the program-level golden data) lists
# each issuer's 424B filings in order: corpus document, accession number, form, filing date,
# with its sources in `notes`. Every listed filing whose corpus text is in this repository and
# whose filing date is known is put on the site; the texts are verbatim (whole documents or
# excerpts of stored public copies, each with its source URL in its .labels.json) and the
# envelope carries only what we know:
# - accession number: the history's (from the filing's address on sec.gov or a filing viewer);
#   where it has none, a synthetic one in the issuer-filed shape with serial 9xxxxx;
# - filer name: EDGAR's conformed name from company_tickers.json, else the history's;
# - SEC FILE NUMBER: the "Registration No." a copy of the cover shows, where we have one.
HISTORIES_DIR = HERE.parent / "histories"
TICKERS_FILE = HERE / "files" / "company_tickers.json"
FILE_NUMBERS = {105016: "333-260758", 1559053: "333-254622"}
# Healthpeak has no history file; its two amendments (corpus, with their sources) are added
# by hand: (corpus document, form, accession, filed date).
EXTRA = {
    (765880, "HEALTHPEAK PROPERTIES, INC."): [
        ("peak-424b2-2021-05-13-amended.txt", "424B2", "0001104659-21-065387", date(2021, 5, 13)),
        ("peak-424b2-2024-03-11-amendment.txt", "424B2", "0001104659-24-032987", date(2024, 3, 11)),
    ],
}


def _conformed_names() -> dict[int, str]:
    names: dict[int, str] = {}
    for entry in json.loads(TICKERS_FILE.read_bytes()).values():
        names.setdefault(int(entry["cik_str"]), entry["title"])
    return names


def history_filings(corpus: Path = CORPUS) -> list[tuple[str, str, str, date, EnvelopeFiler, str]]:
    """(corpus document, form, accession, filed date, filer, note) for every history filing
    that can go on the site, in filing order per issuer."""
    names = _conformed_names()
    out = []
    for path in sorted(HISTORIES_DIR.glob("*.json")):
        history = json.loads(path.read_text(encoding="utf-8"))
        cik = int(history["cik"])
        filer = EnvelopeFiler(cik, names.get(cik) or history["issuer"], file_number=FILE_NUMBERS.get(cik, ""))
        serial = 900001
        for f in history["filings"]:
            docs = sorted(corpus.glob(f"{f['corpus_id']}.*"))
            docs = [d for d in docs if not d.name.endswith(".labels.json")]
            if not docs or not f.get("filed_date"):
                continue  # text on another branch, or no filing date known: left out
            filed = date.fromisoformat(f["filed_date"])
            accession, note = f.get("accession_number"), f"{path.name}"
            if not accession:
                accession, note = f"{cik:010d}-{filed.year % 100:02d}-{serial:06d}", f"{path.name}; synthetic accession"
                serial += 1
            out.append((docs[0].name, f["form_type"], accession, filed, filer, note))
    for (cik, name), filings in EXTRA.items():
        filer = EnvelopeFiler(cik, names.get(cik) or name)
        out += [(doc, form, acc, filed, filer, "make_site.py EXTRA") for doc, form, acc, filed in filings]
    return out


def build_histories(corpus: Path = CORPUS) -> None:
    out = OUT / "histories"
    if out.is_dir():
        for old in out.glob("*.txt"):
            old.unlink()
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for name, form, accession, filed, filer, note in history_filings(corpus):
        document = (corpus / name).read_bytes()  # as stored: the parser reads text or HTML as is
        ext = "htm" if name.endswith((".htm", ".html")) else "txt"
        txt = envelope(document, accession=accession, form_type=form, filed_date=filed, filers=[filer],
                       filename=f"{form.lower()}.{ext}",
                       acceptance=datetime(filed.year, filed.month, filed.day, *ACCEPTED_AT))
        (out / f"{accession}.txt").write_bytes(txt)
        rows.append(f"| `{accession}.txt` | {form} | {filer.name} ({filer.cik}) | {filed} | `{name}` | {note} |")
        print(f"histories/{accession}.txt  {form}  {filer.name}  {filed}  {len(txt):,} bytes")
    (out / "INDEX.md").write_text(
        "# Issuer histories on the fake-EDGAR site (generated by ../../make_site.py)\n\n"
        "| file | form | filer (CIK) | filed | corpus document | from |\n|---|---|---|---|---|---|\n"
        + "\n".join(rows) + "\n", encoding="utf-8")


def build(source: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, form, accession, filed, filers in DOCUMENTS + [CELLECTAR]:
        raw = (source / name).read_bytes()
        document = markdown_to_html(raw.decode("utf-8")) if name.endswith(".md") else raw
        txt = envelope(document, accession=accession, form_type=form, filed_date=filed, filers=filers,
                       filename=f"{form.lower()}.htm",
                       acceptance=datetime(filed.year, filed.month, filed.day, *ACCEPTED_AT))
        (OUT / f"{accession}.txt").write_bytes(txt)
        print(f"{accession}.txt  {form}  {filers[0].name}  {filed}  {len(txt):,} bytes")


if __name__ == "__main__":
    if len(sys.argv) > 1:
        build(Path(sys.argv[1]))
    build_histories()
