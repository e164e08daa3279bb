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


# Issuer histories: (corpus document, form, accession, filed date, filer). The texts are
# verbatim (whole documents or excerpts of stored public copies, as the corpus README lists
# them, each with its source URL in its .labels.json); the envelope carries what we know:
# - accession number: from the filing's address on sec.gov or capedge.com (the corpus
#   source, or for Watsco's Supplement No. 3 capedge.com/filing/105016/0001193125-24-130674);
#   where no address gives it, a synthetic one in the issuer-filed shape with serial 9xxxxx;
# - filing date: the date the filing states for itself (its "dated" line or the agreement
#   or amendment it reports that day), as listed in site/README.md;
# - SEC FILE NUMBER: the "Registration No." a copy of the filing's cover shows, else none.
WATSCO = EnvelopeFiler(105016, "WATSCO INC", file_number="333-260758")
PROTHENA = EnvelopeFiler(1559053, "PROTHENA CORP PUBLIC LTD CO", file_number="333-254622")
HEALTHPEAK = EnvelopeFiler(765880, "HEALTHPEAK PROPERTIES, INC.")
HISTORIES = [
    ("watsco-424b5-2021-08-06.txt", "424B5", "0001193125-21-320145", date(2021, 11, 4), WATSCO),
    ("watsco-424b5-2022-02-25-ar.txt", "424B5", "0001193125-22-054431", date(2022, 2, 25), WATSCO),
    ("watsco-424b5-2024-05-03-third-ar.txt", "424B5", "0001193125-24-130674", date(2024, 5, 3), WATSCO),
    ("prta-424b5-2021-05-28-cover.txt", "424B5", "0001559053-21-900001", date(2021, 5, 28), PROTHENA),
    ("prta-424b5-2021-12-new-eda-prior-terminated.txt", "424B5", "0001193125-21-366352", date(2021, 12, 23), PROTHENA),
    ("peak-424b2-2021-05-13-amended.txt", "424B2", "0001104659-21-065387", date(2021, 5, 13), HEALTHPEAK),
    ("peak-424b2-2024-03-11-amendment.txt", "424B2", "0001104659-24-032987", date(2024, 3, 11), HEALTHPEAK),
]


def build_histories(corpus: Path = CORPUS) -> None:
    out = OUT / "histories"
    out.mkdir(parents=True, exist_ok=True)
    for name, form, accession, filed, filer in HISTORIES:
        document = (corpus / name).read_bytes()  # plain text, as stored: the parser reads it as is
        txt = envelope(document, accession=accession, form_type=form, filed_date=filed, filers=[filer],
                       filename=f"{form.lower()}.txt",
                       acceptance=datetime(filed.year, filed.month, filed.day, *ACCEPTED_AT))
        (out / f"{accession}.txt").write_bytes(txt)
        print(f"histories/{accession}.txt  {form}  {filer.name}  {filed}  {len(txt):,} bytes")


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
