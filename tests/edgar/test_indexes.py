"""Index readers on the real daily and quarterly samples (tests/data/edgar/index)."""

from __future__ import annotations

import gzip
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from edgar_atm.edgar import paths
from edgar_atm.edgar.indexes import (
    DailyIndex,
    QuarterlyIndex,
    dedupe_by_accession,
    discover_day,
    discover_day_detailed,
    discover_quarter,
    discover_quarter_detailed,
    discover_range,
    gunzip_index,
    only_424b,
    parse_company_index,
    parse_form_index,
    parse_index,
    parse_master_index,
    plan_index_requests,
    read_index_header,
)
from edgar_atm.errors import NotFound, ParseError
from edgar_atm.records import FORM_TYPES_424B, FilingRef

INDEX = Path(__file__).resolve().parents[1] / "data" / "edgar" / "index"
FORM_DAY = INDEX / "daily" / "form.20200318.idx"
COMPANY_DAY = INDEX / "daily" / "company.20221003.idx"
MASTER_DAY = INDEX / "daily" / "master.20200103.idx"
MASTER_EXCERPT = INDEX / "daily" / "master.20181231.excerpt.idx"
Q_HEAD = INDEX / "full" / "form.2024QTR1-asof-20240203.head.transcribed.idx"
Q_BOUNDARY = INDEX / "full" / "form.2024QTR1-asof-20240203.424B1-424B2-boundary.transcribed.idx"


def text(path: Path) -> str:
    return path.read_text(encoding="ascii")


def grep_count(path: Path, pattern: str) -> int:
    """An independent count, the way one would with grep -c."""
    return sum(1 for line in text(path).splitlines() if re.search(pattern, line))


class FakeFetch:
    """fetch(path) -> bytes over a dict; records every request; NotFound for the rest."""

    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.calls: list[str] = []

    def __call__(self, path: str) -> bytes:
        self.calls.append(path)
        if path not in self.files:
            raise NotFound("403 AccessDenied", url=path, status=403)
        return self.files[path]


# --- paths ------------------------------------------------------------------------------


def test_paths():
    assert paths.daily_form_index_path(date(2020, 3, 18)) == \
        "/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"
    assert paths.daily_form_index_path(date(2022, 10, 3)) == \
        "/Archives/edgar/daily-index/2022/QTR4/form.20221003.idx"
    assert paths.daily_index_path(date(2020, 1, 3), "master") == \
        "/Archives/edgar/daily-index/2020/QTR1/master.20200103.idx"
    assert paths.quarterly_form_index_path(2024, 1) == "/Archives/edgar/full-index/2024/QTR1/form.gz"
    assert paths.quarterly_form_index_path(2024, 3, gz=False) == \
        "/Archives/edgar/full-index/2024/QTR3/form.idx"
    assert paths.submission_txt_path(753308, "000119312525338333") == \
        "/Archives/edgar/data/753308/0001193125-25-338333.txt"
    assert paths.submissions_json_path(749647) == "/submissions/CIK0000749647.json"
    assert paths.submissions_page_path("CIK0000749647-submissions-001.json") == \
        "/submissions/CIK0000749647-submissions-001.json"
    assert paths.COMPANY_TICKERS_PATH == "/files/company_tickers.json"
    assert paths.parse_archive_path("edgar/data/1806014/0001140361-20-006155.txt") == \
        (1806014, "0001140361-20-006155")
    assert paths.accession_nodash("0001193125-25-338333") == "000119312525338333"


@pytest.mark.parametrize("bad", ["", "0001193125-25-33833", "0001193125_25_338333",
                                 "00011931252533833x", "0001193125-25-338333.txt"])
def test_bad_accessions_are_refused(bad):
    assert not paths.is_accession(bad)
    with pytest.raises(ValueError):
        paths.normalize_accession(bad)


@pytest.mark.parametrize("call", [
    lambda: paths.submissions_page_path("../../Archives/edgar/x.json"),
    lambda: paths.submissions_page_path("CIK0000749647.json?x=1"),
    lambda: paths.quarterly_form_index_path(2024, 5),
    lambda: paths.submissions_json_path(0),
    lambda: paths.daily_index_path(date(2020, 1, 3), "crawler/../form"),
])
def test_bad_path_inputs(call):
    with pytest.raises(ValueError):
        call()


# --- daily form.idx ----------------------------------------------------------------------


def test_daily_form_index_counts_match_grep():
    refs = list(parse_form_index(FORM_DAY.read_bytes()))
    assert len(refs) == grep_count(FORM_DAY, r"edgar/data/\d+/[\d-]+\.txt\s*$") == 4084
    counts = Counter(r.form_type for r in refs if r.form_type.startswith("424"))
    for form in ("424B1", "424B2", "424B3", "424B4", "424B5", "424B7", "424B8"):
        assert counts.get(form, 0) == grep_count(FORM_DAY, rf"^{form}\s"), form
    assert dict(counts) == {"424B2": 222, "424B3": 66, "424B5": 7, "424B8": 4}


def test_daily_form_index_row_fields():
    refs = list(parse_form_index(text(FORM_DAY)))
    first = refs[0]
    assert first == FilingRef(
        accession_number="0001140361-20-006155",
        cik=1806014,
        company="DLP Positive Note Fund LLC",
        form_type="1-A",
        filed_date=date(2020, 3, 18),
        path="/Archives/edgar/data/1806014/0001140361-20-006155.txt",
    )
    assert first.url == "https://www.sec.gov/Archives/edgar/data/1806014/0001140361-20-006155.txt"
    # Form types with spaces stay whole; company never swallows part of them.
    assert any(r.form_type == "1-A POS" and r.company == "Belpointe REIT, Inc." for r in refs)
    assert all(r.path == f"/Archives/edgar/data/{r.cik}/{r.accession_number}.txt" for r in refs)
    for r in refs:  # the form column never holds a double space nor leaks into the name
        assert r.form_type and "  " not in r.form_type and r.company == r.company.strip()


def test_forms_filter_matches_post_filter():
    everything = list(parse_form_index(text(FORM_DAY)))
    filtered = list(parse_form_index(text(FORM_DAY), forms=FORM_TYPES_424B))
    assert filtered == [r for r in everything if r.form_type in FORM_TYPES_424B]
    assert filtered == list(only_424b(everything))
    assert list(parse_form_index(text(FORM_DAY), forms=["424B5"])) == \
        [r for r in everything if r.form_type == "424B5"]


def _repad_form_column(src: str, width: int) -> str:
    """The 2025- layout (docs 1.5): the form column padded to 17, the header labels keeping
    their 12-column spacing. Derived from the real file by re-padding each data row."""
    out, in_rows = [], False
    for line in src.splitlines(keepends=True):
        if in_rows and line.strip():
            out.append(line[:12].rstrip().ljust(width) + line[12:])
        else:
            out.append(line)
        if line.startswith("-----"):
            in_rows = True
    return "".join(out)


def test_seventeen_wide_form_column():
    real = text(FORM_DAY)
    wide = _repad_form_column(real, 17)
    assert wide != real and len(wide.splitlines()[10]) == 155
    assert list(parse_form_index(wide)) == list(parse_form_index(real))


def test_seventeen_wide_with_long_2025_form_names():
    """2025- form names such as SCHEDULE 13D/A (14 characters) are why the column grew; a
    company name starting with digits follows (docs 1.5). Real SC 13D/A rows, renamed."""
    wide = _repad_form_column(text(FORM_DAY), 17)
    renamed = re.sub(r"(?m)^SC 13D/A {9}", "SCHEDULE 13D/A   ", wide)
    assert renamed != wide
    before = [r for r in parse_form_index(wide) if r.form_type == "SC 13D/A"]
    after = [r for r in parse_form_index(renamed) if r.form_type == "SCHEDULE 13D/A"]
    assert before and [(r.company, r.cik, r.accession_number) for r in after] == \
        [(r.company, r.cik, r.accession_number) for r in before]


def test_two_line_column_header_variant():
    real = text(FORM_DAY)
    one_line = "Form Type   Company Name" + " " * 50 + "CIK         Date Filed  File Name\n"
    assert one_line in real
    two_lines = real.replace(one_line, "Form Type   Company Name" + " " * 50 + "CIK\n"
                             "      Date Filed  File Name\n")
    wide_two = _repad_form_column(two_lines, 17)
    assert list(parse_form_index(wide_two)) == list(parse_form_index(real))


def test_name_filling_its_column_runs_into_the_cik():
    """Names longer than 62 characters are cut to fill the column (docs 1.5), leaving no
    blank before the CIK. A real row with its name widened to the full column."""
    line = next(l for l in text(FORM_DAY).splitlines() if "0001493152-20-004281" in l)
    name = "Investment Grade R.E. Income Fund, L.P. 2020 Series 1234567890"[:62]
    assert len(name) == 62 and name[-1].isdigit()
    full = line[:12] + name + line[74:]
    assert full[73:75] == "01"  # name digit, then CIK 1798925 with nothing between
    (ref,) = parse_form_index(text(FORM_DAY).split("-" * 141 + "\n")[0] + "-" * 141 + "\n" + full)
    assert (ref.company, ref.cik, ref.accession_number) == (name, 1798925, "0001493152-20-004281")


def test_trailing_spaces_stripped_and_crlf():
    real = text(FORM_DAY)
    stripped = "\n".join(line.rstrip() for line in real.splitlines())
    crlf = real.replace("\n", "\r\n")
    expected = list(parse_form_index(real))
    assert list(parse_form_index(stripped)) == expected
    assert list(parse_form_index(crlf)) == expected


def test_bad_rows_are_skipped_not_fatal(caplog):
    lines = text(FORM_DAY).splitlines(keepends=True)
    damaged = lines[:12] + ["424B2       TRUNCATED ROW WITHOUT PATH     12345\n",
                            "\x00\x01binary junk\n"] + lines[12:]
    refs = list(parse_form_index("".join(damaged)))
    assert len(refs) == 4084
    assert "unreadable index row" in caplog.text


def test_not_an_index_is_a_parse_error():
    html = "<html><head><title>SEC.gov | Request Rate Threshold Exceeded</title></head></html>"
    with pytest.raises(ParseError):
        list(parse_form_index(html))
    with pytest.raises(ParseError):
        list(parse_form_index(text(COMPANY_DAY)))  # a company.idx handed to the form reader


# --- company.idx ---------------------------------------------------------------------------


def test_company_index_two_line_header_and_dedupe():
    refs = list(parse_company_index(COMPANY_DAY.read_bytes()))
    assert len(refs) == grep_count(COMPANY_DAY, r"edgar/data/\d+/[\d-]+\.txt\s*$") == 4925
    b2 = [r for r in refs if r.form_type == "424B2"]
    assert len(b2) == grep_count(COMPANY_DAY, r"^.{62}424B2\s") == 666
    deduped = dedupe_by_accession(b2)
    assert len(deduped.refs) == len({r.accession_number for r in b2}) == 392
    # Issuer/guarantor pairs: every JPMorgan Chase Financial note also lists its parent.
    jpm_fin = [r for r in b2 if r.cik == 1665650]
    assert jpm_fin and all(set(deduped.ciks[r.accession_number]) == {1665650, 19617}
                           for r in jpm_fin)
    # The first row listed is kept (input order preserved).
    assert deduped.refs[0] == b2[0]


def test_company_index_odd_names():
    refs = {r.accession_number: r for r in parse_index(text(COMPANY_DAY))}
    devils = refs["0001949340-22-000001"]  # a name starting with digits
    assert (devils.company, devils.form_type, devils.cik) == \
        ("3456 Devils Lake Investment, LLC", "D", 1949340)
    assert refs["0001104659-22-104841"].form_type == "SC 13D/A"


def test_company_index_seventeen_wide():
    real = text(COMPANY_DAY)
    out, in_rows = [], False
    for line in real.splitlines(keepends=True):
        if in_rows and line.strip():
            line = line[:62] + line[62:74].rstrip().ljust(17) + line[74:]
        out.append(line)
        in_rows = in_rows or line.startswith("-----")
    assert list(parse_company_index("".join(out))) == list(parse_company_index(real))


# --- master.idx ------------------------------------------------------------------------------


def test_master_index():
    refs = list(parse_master_index(MASTER_DAY.read_bytes()))
    assert len(refs) == grep_count(MASTER_DAY, r"^\d+\|.*\|edgar/data/") == 7989
    # The daily index lists what was disseminated that day, including older filings.
    marathon = [r for r in refs if r.cik == 101778 and r.form_type == "CORRESP"]
    assert marathon and marathon[0].filed_date == date(2019, 10, 7)
    assert Counter(r.form_type for r in refs if r.form_type.startswith("424B")) == \
        Counter({"424B2": 145, "424B3": 24, "424B5": 7})
    assert list(parse_index(MASTER_DAY.read_bytes())) == refs


def test_master_excerpt_without_trailing_newline():
    refs = list(parse_master_index(text(MASTER_EXCERPT)))
    assert len(refs) == 10
    assert refs[1].company == "ROYAL BANK OF CANADA" and refs[1].form_type == "424B2"
    assert refs[-1].accession_number == "0000899681-18-000091"  # the unterminated last line


# --- quarterly form.idx ----------------------------------------------------------------------


def test_quarterly_head_iso_dates():
    refs = list(parse_form_index(text(Q_HEAD)))
    assert len(refs) == 25
    assert refs[0].filed_date == date(2024, 1, 30)
    assert refs[0].company == "AC Partners, Inc." and refs[0].form_type == "1-A"


def test_quarterly_boundary_excerpt_without_header():
    refs = list(parse_form_index(text(Q_BOUNDARY)))
    assert len(refs) == 26
    assert Counter(r.form_type for r in refs) == {"40-F": 3, "424B1": 8, "424B2": 15}
    deduped = dedupe_by_accession(only_424b(refs))
    assert deduped.ciks["0001104659-24-005608"] == (32689, 1994341)  # Empire District + Bondco
    assert len(deduped.ciks["0001104659-24-008330"]) == 5  # the APT co-registrants
    assert len(deduped.refs) == 23 - 1 - 4


def test_read_index_header():
    assert read_index_header(FORM_DAY.read_bytes()) == (
        "Daily Index of EDGAR Dissemination Feed by Form Type", date(2020, 3, 18))
    assert read_index_header(text(COMPANY_DAY)).last_data_received == date(2022, 10, 3)
    assert read_index_header(text(MASTER_DAY)).last_data_received == date(2020, 1, 3)
    head = read_index_header(gzip.compress(Q_HEAD.read_bytes()))
    assert head == ("Master Index of EDGAR Dissemination Feed by Form Type", date(2024, 2, 3))
    master_q = INDEX / "full" / "master.1993QTR4.excerpt.idx"
    assert read_index_header(text(master_q)).last_data_received == date(1993, 12, 31)
    assert read_index_header(text(Q_BOUNDARY)) == (None, None)


def test_gunzip_index():
    raw = text(Q_HEAD).encode()
    assert gunzip_index(gzip.compress(raw)) == raw.decode()
    assert gunzip_index(raw) == raw.decode()
    with pytest.raises(ParseError):
        gunzip_index(gzip.compress(raw)[:100])


# --- discovery over fetch ------------------------------------------------------------------


def test_discover_day_and_missing_day():
    fetch = FakeFetch({paths.daily_form_index_path(date(2020, 3, 18)): FORM_DAY.read_bytes()})
    refs = discover_day(fetch, date(2020, 3, 18), skip_structured_notes=False)
    assert fetch.calls == ["/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx"]
    assert len(refs) == 194  # 299 424B rows, 194 accessions
    assert len({r.accession_number for r in refs}) == len(refs)
    assert discover_day(fetch, date(2020, 3, 21)) is None  # a Saturday: no index, no error


def test_discover_day_skips_notes_by_default():
    fetch = FakeFetch({paths.daily_form_index_path(date(2020, 3, 18)): FORM_DAY.read_bytes()})
    found = discover_day_detailed(fetch, date(2020, 3, 18))
    assert found.rows == 299
    assert len(found.refs) + len(found.skipped) == 194
    assert found.skipped and all(d.ref.form_type == "424B2" for d in found.skipped)
    assert "0001193125-20-077337" in {r.accession_number for r in found.refs}  # Acer's ATM


def _quarter_file() -> bytes:
    """A 2024Q1 form.gz from the two real transcribed excerpts (head + 424B boundary)."""
    return gzip.compress((text(Q_HEAD) + text(Q_BOUNDARY)).encode())


def test_discover_quarter_with_date_window():
    fetch = FakeFetch({"/Archives/edgar/full-index/2024/QTR1/form.gz": _quarter_file()})
    everything = discover_quarter(fetch, 2024, 1, skip_structured_notes=False)
    assert len(everything) == 18
    window = discover_quarter(fetch, 2024, 1, start=date(2024, 1, 18), end=date(2024, 1, 22),
                              skip_structured_notes=False)
    assert {r.filed_date for r in window} == {date(2024, 1, 18), date(2024, 1, 19), date(2024, 1, 22)}
    assert {r.accession_number for r in window} == {
        "0001193125-24-010250", "0001193125-24-011308", "0001104659-24-005608",
        "0001213900-24-004584"}
    assert discover_quarter(fetch, 2099, 1) is None


def test_quarter_tail_after_last_data_received_comes_from_daily_indexes():
    """The 2024Q1 full-index "as of" Saturday 2024-02-03 holds filings through Friday
    02-02; a window to 02-06 reads Monday and Tuesday from their daily indexes."""
    feb5 = paths.daily_form_index_path(date(2024, 2, 5))
    fetch = FakeFetch({
        "/Archives/edgar/full-index/2024/QTR1/form.gz": _quarter_file(),
        # Any real daily file will do here: the reader takes the rows it is given.
        feb5: FORM_DAY.read_bytes(),
    })
    found = discover_quarter(fetch, 2024, 1, start=date(2024, 1, 29), end=date(2024, 2, 6),
                             skip_structured_notes=False)
    assert fetch.calls == ["/Archives/edgar/full-index/2024/QTR1/form.gz", feb5,
                           paths.daily_form_index_path(date(2024, 2, 6))]
    from_quarter = {r for r in found if r.filed_date.year == 2024}
    assert {r.accession_number for r in from_quarter} == {"0001104659-24-008330"}  # APT, 01-30
    assert len(found) - len(from_quarter) == 194  # the daily file's 424B filings
    fetch.calls.clear()
    strict = discover_quarter_detailed(fetch, 2024, 1, start=date(2024, 1, 29),
                                       end=date(2024, 2, 6), skip_structured_notes=False,
                                       daily_fallback=False)
    assert fetch.calls == ["/Archives/edgar/full-index/2024/QTR1/form.gz"]
    assert set(strict.refs) == from_quarter


def test_quarter_not_published_yet_falls_back_to_daily():
    day = date(2020, 3, 18)
    fetch = FakeFetch({paths.daily_form_index_path(day): FORM_DAY.read_bytes()})
    found = discover_quarter(fetch, 2020, 1, start=date(2020, 3, 16), end=date(2020, 3, 18))
    assert fetch.calls == ["/Archives/edgar/full-index/2020/QTR1/form.gz"] + [
        paths.daily_form_index_path(date(2020, 3, d)) for d in (16, 17, 18)]
    assert len(found) == 52
    fetch.calls.clear()
    assert discover_quarter(fetch, 2020, 1) is None  # no window: nothing to fall back on
    assert fetch.calls == ["/Archives/edgar/full-index/2020/QTR1/form.gz"]


def test_plan_uses_quarters_inside_and_days_at_the_edges():
    plan = plan_index_requests(date(2023, 12, 29), date(2024, 7, 1), today=date(2025, 1, 1))
    assert plan == [
        DailyIndex(date(2023, 12, 29)),  # one weekday left in 2023Q4 (30, 31 are a weekend)
        QuarterlyIndex(2024, 1, date(2024, 1, 1), date(2024, 3, 31)),
        QuarterlyIndex(2024, 2, date(2024, 4, 1), date(2024, 6, 30)),
        DailyIndex(date(2024, 7, 1)),
    ]


def test_plan_small_ranges_and_weekends():
    assert plan_index_requests(date(2024, 1, 5), date(2024, 1, 8), today=date(2025, 1, 1)) == [
        QuarterlyIndex(2024, 1, date(2024, 1, 5), date(2024, 1, 8))]
    assert plan_index_requests(date(2024, 1, 6), date(2024, 1, 7), today=date(2025, 1, 1)) == []
    assert plan_index_requests(date(2024, 1, 5), date(2024, 1, 8), today=date(2025, 1, 1),
                               min_days_for_quarterly=5) == [
        DailyIndex(date(2024, 1, 5)), DailyIndex(date(2024, 1, 8))]
    assert plan_index_requests(date(2024, 2, 1), date(2024, 1, 1)) == []


def test_plan_current_quarter_tail_comes_from_daily_indexes():
    # Today is Thursday 2024-05-16: the full-index runs to Wednesday; trust it to Tuesday.
    plan = plan_index_requests(date(2024, 4, 1), date(2024, 5, 31), today=date(2024, 5, 16))
    assert plan == [
        QuarterlyIndex(2024, 2, date(2024, 4, 1), date(2024, 5, 14)),
        DailyIndex(date(2024, 5, 15)),
        DailyIndex(date(2024, 5, 16)),
    ]


def test_discover_range_walks_the_plan():
    day = date(2020, 3, 18)
    fetch = FakeFetch({
        paths.daily_form_index_path(day): FORM_DAY.read_bytes(),
        "/Archives/edgar/full-index/2024/QTR1/form.gz": _quarter_file(),
    })
    steps = list(discover_range(fetch, date(2020, 3, 18), date(2020, 3, 18), today=date(2025, 1, 1)))
    assert [s for s, _ in steps] == [DailyIndex(day)]
    assert len(steps[0][1].refs) == 52
    steps = list(discover_range(fetch, date(2024, 1, 2), date(2024, 1, 31), today=date(2025, 1, 1),
                                skip_structured_notes=False))
    assert [s for s, _ in steps] == [QuarterlyIndex(2024, 1, date(2024, 1, 2), date(2024, 1, 31))]
    assert len(steps[0][1].refs) == 18
    assert fetch.calls[-1] == "/Archives/edgar/full-index/2024/QTR1/form.gz"


# --- property: any name, either form width, either index kind ------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_REAL_FORMS = sorted({r.form_type for r in parse_form_index(FORM_DAY.read_text())})
_names = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1,
                 max_size=80).map(lambda s: s.strip()[:62].strip()).filter(bool)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=_names, form=st.sampled_from(_REAL_FORMS + ["SCHEDULE 13G/A", "SCHEDULE 13D/A"]),
       cik=st.integers(1, 9_999_999_999), width=st.sampled_from([12, 17]),
       company_first=st.booleans())
def test_fixed_width_rows_round_trip(name, form, cik, width, company_first):
    """Rows laid out as docs 1.5 describes (name cut to 62 columns, form column 12 or 17,
    dates and paths as in the real files) read back to the same fields."""
    if width == 12 and len(form) > 11:
        width = 17  # such names only exist in the 17-wide layout
    acc = "0001140361-20-006155"
    right = f"{cik:<12d}{'20200318':<12s}{f'edgar/data/{cik}/{acc}.txt':<52s}"
    if company_first:
        header = "Company Name" + " " * 50 + "Form Type   CIK\n      Date Filed  File Name\n"
        row = f"{name:<62s}{form:<{width}s}" + right
    else:
        header = "Form Type   Company Name" + " " * 50 + "CIK         Date Filed  File Name\n"
        row = f"{form:<{width}s}{name:<62s}" + right
    (ref,) = parse_index(header + "-" * 141 + "\n" + row + "\n")
    assert (ref.form_type, ref.company, ref.cik, ref.accession_number) == (form, name, cik, acc)


# --- the fake EDGAR's indexes read back with this reader -------------------------------------


@pytest.mark.parametrize("kind,width", [("form", 12), ("form", 17), ("company", 12),
                                        ("company", 17), ("master", None)])
@pytest.mark.parametrize("daily", [True, False])
def test_fake_edgar_indexes_read_back(kind, width, daily):
    """What the fake EDGAR serves (edgar_atm.fakeedgar) is what this reader reads: the real
    day's rows rendered in every layout it emits come back unchanged."""
    fake = pytest.importorskip("edgar_atm.fakeedgar.indexes")
    real = list(parse_form_index(text(FORM_DAY)))
    rows = [fake.IndexRow(r.form_type, r.company, r.cik, r.filed_date, r.path[len("/Archives/"):])
            for r in real]
    render = {"form": fake.render_form_idx, "company": fake.render_company_idx,
              "master": fake.render_master_idx}[kind]
    kwargs = {"form_width": width} if width else {}
    # A full-index is stamped with the day it was built, the morning after its last data
    # (the real 2024Q1 file "as of" Saturday February 3 holds filings through Friday).
    stamp = date(2020, 3, 18) if daily else date(2020, 3, 19)
    data = render(rows, daily=daily, last_data=stamp, **kwargs)
    back = list(parse_index(data))
    assert sorted(back, key=_key) == sorted(real, key=_key)
    assert read_index_header(data).last_data_received == stamp
    if not daily:
        fetch = FakeFetch({"/Archives/edgar/full-index/2020/QTR1/form.gz": gzip.compress(data)})
        if kind == "form":
            assert len(discover_quarter(fetch, 2020, 1, start=date(2020, 3, 18),
                                        end=date(2020, 3, 18), skip_structured_notes=False)) == 194


def _key(ref: FilingRef) -> tuple:
    return (ref.accession_number, ref.cik, ref.form_type)
