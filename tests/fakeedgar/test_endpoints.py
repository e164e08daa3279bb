"""Each endpoint answers in EDGAR's real format, with the real headers and error bodies."""

import gzip
import hashlib
import json
from datetime import date

import httpx

from edgar_atm.fakeedgar import Site

from .conftest import BOFA, ESS, IMUNON, NEXTERA
from .test_indexes import layout, read_fixed


def test_a_filing_is_served_byte_exact_under_every_filer_cik_and_folder(four_site, serve, client_for, real_txt):
    server = serve(four_site)
    c = client_for(server)
    for cik in (70858, 1682472):
        for path in (f"/Archives/edgar/data/{cik}/{BOFA}.txt",
                     f"/Archives/edgar/data/{cik}/{BOFA.replace('-', '')}/{BOFA}.txt"):
            r = c.get(path)
            assert r.status_code == 200, path
            assert r.content == real_txt[BOFA]
            assert r.headers["content-type"] == "text/plain"
    # The dissemination time: NextEra was accepted 16:25:48 ET = 21:25:48 GMT, out ~30 s later.
    r = c.get(f"/Archives/edgar/data/753308/{NEXTERA}.txt")
    assert r.headers["last-modified"] == "Wed, 31 Dec 2025 21:26:18 GMT"


def test_gzip_when_asked_with_the_apache_etag(four_site, serve, client_for, real_txt):
    server = serve(four_site)
    path = f"/Archives/edgar/data/1819438/{ESS}.txt"
    with httpx.stream("GET", server.url + path, headers={"User-Agent": "t ops@example.com",
                                                         "Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
    assert r.headers["content-encoding"] == "gzip" and r.headers["vary"] == "Accept-Encoding"
    assert gzip.decompress(raw) == real_txt[ESS] and len(raw) < len(real_txt[ESS]) / 2
    md5 = hashlib.md5(real_txt[ESS]).hexdigest()
    assert r.headers["etag"] == f'"{md5}-gzip"'
    plain = client_for(server, headers={"User-Agent": "t ops@example.com", "Accept-Encoding": "identity"}).get(path)
    assert "content-encoding" not in plain.headers and plain.headers["etag"] == f'"{md5}"'
    assert plain.content == real_txt[ESS]


def test_missing_archives_keys_answer_the_real_403_access_denied(four_site, serve, client_for, edgar_data):
    server = serve(four_site)
    c = client_for(server)
    real = (edgar_data / "errors/full-index-2099-QTR1-form.gz-403-AccessDenied.xml").read_bytes()
    for path in (f"/Archives/edgar/data/999/{BOFA}.txt",  # not a filer of it
                 "/Archives/edgar/data/70858/0000000000-24-000001.txt",
                 f"/Archives/edgar/data/70858/000000000024000001/{BOFA}.txt",  # wrong folder
                 "/Archives/edgar/full-index/2099/QTR1/form.gz",
                 "/Archives/edgar/daily-index/2025/QTR4/form.20251230.idx",  # a day without filings
                 "/Archives/edgar/daily-index/2025/QTR4/form.20260102.idx",  # date not in that quarter
                 "/Archives/edgar/nonsense"):
        r = c.get(path)
        assert (r.status_code, r.content) == (403, real), path
        assert r.headers["content-type"] == "application/xml"


def test_daily_index_served_and_gated_by_publication(four_site, serve, client_for, edgar_data):
    server = serve(four_site)
    c = client_for(server)
    path = "/Archives/edgar/daily-index/2025/QTR4/form.20251231.idx"
    r = c.get(path)
    assert r.status_code == 200 and r.headers["content-type"] == "text/plain"
    assert layout(r.content) == layout((edgar_data / "index/daily/form.20200318.idx").read_bytes())
    assert {row[1] for row in read_fixed(r.content)} == {"NEXTERA ENERGY INC", "Imunon, Inc."}
    master = c.get("/Archives/edgar/daily-index/2025/QTR4/master.20251231.idx")
    assert master.status_code == 200 and "749647|Imunon, Inc.|424B5|20251231|" in master.text
    four_site.publish_until(date(2025, 12, 30))  # not yet published: 403 like a missing key
    assert c.get(path).status_code == 403
    four_site.publish_until(None)
    assert c.get(path).status_code == 200


def test_marked_business_days_have_an_empty_index(four_site, serve, client_for):
    four_site.mark_business_days(date(2025, 12, 29), date(2026, 1, 2), holidays=[date(2026, 1, 1)])
    c = client_for(serve(four_site))
    r = c.get("/Archives/edgar/daily-index/2025/QTR4/form.20251230.idx")
    assert r.status_code == 200 and read_fixed(r.content) == []
    assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260101.idx").status_code == 403  # holiday
    assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260103.idx").status_code == 403  # Saturday
    assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260102.idx").status_code == 200


def test_full_index_gz_is_opaque_gzip_with_304(four_site, serve, client_for):
    server = serve(four_site)
    c = client_for(server)
    idx = c.get("/Archives/edgar/full-index/2025/QTR4/form.idx")
    assert idx.status_code == 200
    assert [r[3] for r in read_fixed(idx.content)] == ["2025-12-31", "2025-12-31"]
    # Stamped with the morning it was built, after its last day of data.
    assert idx.text.splitlines()[1] == "Last Data Received:    January  1, 2026"
    with httpx.stream("GET", server.url + "/Archives/edgar/full-index/2025/QTR4/form.gz",
                      headers={"User-Agent": "t ops@example.com", "Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
    assert r.headers["content-type"] == "binary/octet-stream" and "content-encoding" not in r.headers
    assert gzip.decompress(raw) == idx.content
    assert r.headers["etag"] == f'"{hashlib.md5(raw).hexdigest()}"'
    again = c.get("/Archives/edgar/full-index/2025/QTR4/form.gz",
                  headers={"If-Modified-Since": r.headers["last-modified"]})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == r.headers["etag"]
    assert c.get("/Archives/edgar/full-index/2025/QTR2/form.gz").status_code == 403  # nothing that quarter


def test_submissions_json_has_the_real_shape(four_site, serve, client_for, edgar_data):
    c = client_for(serve(four_site))
    r = c.get("/submissions/CIK0000749647.json")
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert "last-modified" not in r.headers and "etag" not in r.headers
    assert r.headers["cache-control"] == "max-age=0, no-cache, no-store"
    assert not r.content.endswith(b"\n") and b": " not in r.content[:200]  # compact
    ours = r.json()
    real = json.loads((edgar_data / "data.sec.gov/CIK0000749647.json").read_bytes())
    assert list(ours) == list(real)
    assert list(ours["addresses"]["business"]) == list(real["addresses"]["business"])
    assert list(ours["filings"]["recent"]) == list(real["filings"]["recent"])
    # The real row for this filing (docs §3.1), column by column.
    i = real["filings"]["recent"]["accessionNumber"].index(IMUNON)
    real_row = {k: v[i] for k, v in real["filings"]["recent"].items()}
    our_row = {k: v[0] for k, v in ours["filings"]["recent"].items()}
    assert our_row == real_row
    for key in ("cik", "sic", "sicDescription", "ownerOrg", "name", "ein", "fiscalYearEnd", "stateOfIncorporation",
                "phone"):
        assert ours[key] == real[key], key
    assert ours["addresses"]["mailing"] == real["addresses"]["mailing"]


def test_submissions_pages_when_a_cik_has_many_filings(real_txt, serve, client_for):
    site = Site(submissions_page_size=3)
    site.add_filing(real_txt[NEXTERA])
    for day in (date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7), date(2026, 1, 8),
                date(2026, 1, 9), date(2026, 1, 12), date(2026, 1, 13)):
        site.clone(NEXTERA, filed_date=day)
    c = client_for(serve(site))
    main = c.get("/submissions/CIK0000753308.json").json()
    recent = main["filings"]["recent"]
    assert recent["filingDate"] == ["2026-01-13", "2026-01-12", "2026-01-09"]  # newest first
    assert main["filings"]["files"] == [
        {"name": "CIK0000753308-submissions-001.json", "filingCount": 3,
         "filingFrom": "2026-01-06", "filingTo": "2026-01-08"},
        {"name": "CIK0000753308-submissions-002.json", "filingCount": 2,
         "filingFrom": "2025-12-31", "filingTo": "2026-01-05"},
    ]
    seen = list(recent["accessionNumber"])
    for f in main["filings"]["files"]:
        page = c.get("/submissions/" + f["name"])
        assert page.status_code == 200
        body = page.json()
        assert list(body) == list(recent) and len(body["accessionNumber"]) == f["filingCount"]
        seen += body["accessionNumber"]
    assert sorted(seen) == sorted(x.accession for x in site.filings) and len(set(seen)) == 8
    assert c.get("/submissions/CIK0000753308-submissions-003.json").status_code == 404


def test_unknown_cik_gets_the_real_no_such_key_404(four_site, serve, client_for, edgar_data):
    c = client_for(serve(four_site))
    r = c.get("/submissions/CIK0000000001.json")
    assert r.status_code == 404 and r.headers["content-type"] == "application/xml"
    real = (edgar_data / "errors/data.sec.gov-submissions-404-NoSuchKey.xml").read_bytes()
    assert r.content == real.replace(b"submissions/CIK-000000001.json", b"submissions/CIK0000000001.json")


def test_the_real_imunon_json_and_page_are_servable_as_is(four_site, serve, client_for, edgar_data):
    for name in ("CIK0000749647.json", "CIK0000749647-submissions-001.json"):
        four_site.add_file("/submissions/" + name, (edgar_data / "data.sec.gov" / name).read_bytes())
    c = client_for(serve(four_site))
    for name in ("CIK0000749647.json", "CIK0000749647-submissions-001.json"):
        r = c.get("/submissions/" + name)
        assert r.content == (edgar_data / "data.sec.gov" / name).read_bytes()
        assert r.headers["content-type"] == "application/json"


def test_company_tickers_is_the_real_file_plus_the_site_tickers(four_site, serve, client_for, edgar_data):
    real = (edgar_data / "files/company_tickers.json").read_bytes()
    four_site.add_file("/files/company_tickers.json", real)
    four_site.set_ticker(1819438, "GWH")
    four_site.set_ticker(9000001, "ZZZQ")  # not on the site's filings: no name, still listed
    c = client_for(serve(four_site))
    table = c.get("/files/company_tickers.json").json()
    real_table = json.loads(real)
    assert len(table) >= len(real_table) + 1
    assert all(table[k] == v for k, v in real_table.items())
    assert {"cik_str": 9000001, "ticker": "ZZZQ", "title": ""} in table.values()
    assert all(isinstance(e["cik_str"], int) for e in table.values())


def test_company_tickers_generated_without_the_real_file(four_site, serve, client_for):
    four_site.set_ticker(749647, "IMNN")
    table = client_for(serve(four_site)).get("/files/company_tickers.json").json()
    assert table == {"0": {"cik_str": 749647, "ticker": "IMNN", "title": "Imunon, Inc."}}


def test_full_index_of_the_current_quarter_runs_through_the_published_day(four_site, serve, client_for):
    four_site.populate(date(2026, 1, 5), date(2026, 1, 16), per_day=2)
    four_site.publish_until(date(2026, 1, 13))
    c = client_for(serve(four_site))
    idx = c.get("/Archives/edgar/full-index/2026/QTR1/form.idx")
    dates = sorted({r[3] for r in read_fixed(idx.content)})
    assert dates == ["2026-01-05", "2026-01-06", "2026-01-07", "2026-01-08", "2026-01-09", "2026-01-12",
                     "2026-01-13"]
    assert idx.text.splitlines()[1] == "Last Data Received:    January 14, 2026"
    assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260114.idx").status_code == 403
    four_site.publish_until(date(2025, 12, 31))
    assert c.get("/Archives/edgar/full-index/2026/QTR1/form.gz").status_code == 403  # not started yet


def test_submissions_list_the_tickers_of_the_real_tickers_file(four_site, serve, client_for, edgar_data):
    four_site.add_file("/files/company_tickers.json", (edgar_data / "files/company_tickers.json").read_bytes())
    four_site.set_ticker(1819438, "GWH")
    c = client_for(serve(four_site))
    assert c.get("/submissions/CIK0000753308.json").json()["tickers"] == ["NEE", "NEE-PN", "NEE-PR"]
    assert c.get("/submissions/CIK0001819438.json").json()["tickers"] == ["GWH"]  # set on the site
    assert c.get("/submissions/CIK0001682472.json").json()["tickers"] == []  # BofA Finance has none
