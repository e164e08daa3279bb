"""The generated index files follow the real files' layout rules, checked against the real
daily samples (form.20200318.idx, company.20221003.idx, master.20200103.idx)."""

from datetime import date

import pytest

from edgar_atm.fakeedgar.indexes import (IndexRow, form_sort_key, index_rows, render_company_idx,
                                         render_form_idx, render_master_idx)

from .conftest import BOFA, NEXTERA


def layout(data: bytes) -> dict:
    """The layout facts of a fixed-width index file (everything but its rows' content)."""
    text = data.decode("latin-1")
    assert "\r" not in text and text.endswith("\n")
    lines = text.split("\n")[:-1]
    dash = next(i for i, line in enumerate(lines) if line.startswith("---"))
    header = lines[:dash]
    labels = [line[:23] for line in header if line.strip() and ":" in line[:23]]
    return {
        "labels": labels,
        "values_at_23": all(line[23] != " " for line in header[:4]),
        "spacers": [line for line in header if not line.strip()],
        "column_header": [line for line in header[4:] if line.strip()],
        "dashes": lines[dash],
        "row_widths": {len(line) for line in lines[dash + 1:]},
    }


def read_fixed(data: bytes, form_width: int = 12) -> list[tuple[str, str, int, str, str]]:
    """A simple fixed-width reader for form.idx (columns 0/12/74/86/98 in the 12 layout)."""
    lines = data.decode("latin-1").split("\n")
    dash = next(i for i, line in enumerate(lines) if line.startswith("---"))
    w = form_width
    return [(line[:w].strip(), line[w:w + 62].strip(), int(line[w + 62:w + 74]), line[w + 74:w + 86].strip(),
             line[w + 86:].strip()) for line in lines[dash + 1:] if line]


@pytest.fixture
def real_form(edgar_data) -> bytes:
    return (edgar_data / "index/daily/form.20200318.idx").read_bytes()


def test_daily_form_idx_has_the_real_layout(four_site, real_form):
    made = render_form_idx(index_rows(four_site.filings_on(date(2025, 12, 31))), daily=True,
                           last_data=date(2025, 12, 31))
    real, ours = layout(real_form), layout(made)
    assert ours == real
    assert ours["row_widths"] == {150} and len(ours["dashes"]) == 141 and len(ours["spacers"]) == 4
    assert made.decode().splitlines()[1] == "Last Data Received:    Dec 31, 2025"


def test_daily_form_idx_round_trips_through_a_fixed_width_reader(four_site):
    made = render_form_idx(index_rows(four_site.filings), daily=True, last_data=date(2025, 12, 31))
    rows = read_fixed(made)
    expected = sorted((f.form_type, name, cik, f.filed_date.strftime("%Y%m%d"), f"edgar/data/{cik}/{f.accession}.txt")
                      for f in four_site.filings for cik, name in f.filers)
    assert sorted(rows) == expected
    assert [r[0] for r in rows] == ["424B2", "424B2", "424B5", "424B5", "424B5"]


def test_co_registrants_appear_once_per_cik(four_site):
    made = render_form_idx(index_rows([four_site.get(BOFA)]), daily=True, last_data=date(2024, 12, 31))
    rows = read_fixed(made)
    assert [(r[1], r[2], r[4]) for r in rows] == [
        # ASCII order, case-sensitive: "BANK..." before "BofA..."
        ("BANK OF AMERICA CORP /DE/", 70858, f"edgar/data/70858/{BOFA}.txt"),
        ("BofA Finance LLC", 1682472, f"edgar/data/1682472/{BOFA}.txt"),
    ]


def test_our_sort_rule_is_the_one_the_real_file_follows(real_form):
    rows = read_fixed(real_form)
    as_rows = [IndexRow(r[0], r[1], r[2], date(int(r[3][:4]), int(r[3][4:6]), int(r[3][6:])), r[4]) for r in rows]
    assert len(as_rows) == 4084
    assert as_rows == sorted(as_rows, key=form_sort_key)


def test_long_names_are_cut_like_the_real_file():
    long_name = "J.P. Morgan Chase Commercial Mortgage Securities Trust 2014-C21"
    row = IndexRow("424B2", long_name, 1607484, date(2020, 3, 18), "edgar/data/1607484/0001056404-20-002466.txt")
    line = render_form_idx([row], daily=True, last_data=date(2020, 3, 18)).decode().splitlines()[-1]
    assert line[12:74] == long_name[:60] + "  " and len(line) == 150


def test_full_index_form_idx_uses_iso_dates_and_the_quarterly_title(four_site, edgar_data):
    made = render_form_idx(index_rows(four_site.filings), daily=False, last_data=date(2024, 2, 3))
    real = (edgar_data / "index/full/form.2024QTR1-asof-20240203.head.transcribed.idx").read_bytes()
    assert made.split(b"\n")[:10] == real.split(b"\n")[:10]  # header, spacers, columns, dashes
    assert {r[3] for r in read_fixed(made)} == {"2024-12-31", "2025-03-31", "2025-12-31"}


def test_the_17_wide_form_column(four_site):
    day = date(2025, 12, 31)
    made = render_form_idx(index_rows(four_site.filings), daily=True, last_data=day, form_width=17)
    facts = layout(made)
    assert facts["row_widths"] == {155}
    # The column header keeps the 12-wide spacing.
    assert facts["column_header"] == layout(render_form_idx([], daily=True, last_data=day))["column_header"]
    rows = read_fixed(made, form_width=17)
    assert {r[4] for r in rows} == {f"edgar/data/{c}/{f.accession}.txt" for f in four_site.filings for c in f.ciks}

    def right(data: bytes) -> list[tuple[str, ...]]:
        """A parser anchored on the right-hand fields (CIK, date, file name)."""
        return sorted(tuple(line.split()[-3:]) for line in data.decode().split("\n")[10:] if line)

    assert right(made) == right(render_form_idx(index_rows(four_site.filings), daily=True, last_data=day))


def test_company_idx_has_the_real_two_line_column_header(four_site, edgar_data):
    real = (edgar_data / "index/daily/company.20221003.idx").read_bytes()
    made = render_company_idx(index_rows(four_site.filings), daily=True, last_data=date(2022, 10, 3))
    assert layout(made) == layout(real)


def test_master_idx_has_the_real_layout_and_sorts_cik_as_text(four_site, edgar_data):
    real = (edgar_data / "index/daily/master.20200103.idx").read_bytes()
    made = render_master_idx(index_rows(four_site.filings), daily=True, last_data=date(2020, 1, 3))
    real_lines, our_lines = real.decode().split("\n"), made.decode().split("\n")
    assert [line[:23] for line in our_lines[:7]] == [line[:23] for line in real_lines[:7]]
    assert our_lines[4:7] == real_lines[4:7]  # " ", column names, 80 dashes
    ciks = [line.split("|")[0] for line in our_lines[7:] if line]
    assert ciks == sorted(ciks) and "1682472" in ciks and "70858" in ciks
    assert ciks.index("1682472") < ciks.index("70858")  # as strings, "16..." < "70..."


def test_a_site_built_from_real_filings_indexes_every_clone(four_site):
    four_site.populate(date(2026, 1, 5), date(2026, 1, 9), per_day=3)
    day = date(2026, 1, 7)
    made = render_form_idx(index_rows(four_site.filings_on(day)), daily=True, last_data=day)
    rows = read_fixed(made)
    accessions = {r[4].rsplit("/", 1)[1][:-4] for r in rows}
    assert len(accessions) == 3
    assert all(r[3] == "20260107" for r in rows)
    nextera_clones = [f for f in four_site.filings_for_cik(753308) if f.accession != NEXTERA]
    assert nextera_clones and all(f.txt.count(f.accession.encode()) >= 3 for f in nextera_clones)
