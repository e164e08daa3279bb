#!/usr/bin/env python3
"""Rebuild the re-enveloped filings of the bundled fake-EDGAR site (run once, by hand).

    PYTHONPATH=src python tests/data/edgar/make_site.py SOURCE_DIR

SOURCE_DIR holds the real primary documents (whole/*.html, from dgunning/edgartools, see
site/README.md) and the Cellectar supplement (.md). Each document is wrapped, unchanged, in
the complete-submission envelope (edgar_atm.fakeedgar.envelope) with the header values we
know; the four byte-exact .txt submissions are copied separately and not touched here.
"""

from __future__ import annotations

import html
import re
import sys
from datetime import date, datetime
from pathlib import Path

from edgar_atm.fakeedgar.envelope import EnvelopeFiler, envelope

OUT = Path(__file__).resolve().parent / "site" / "filings"
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
    build(Path(sys.argv[1]))
