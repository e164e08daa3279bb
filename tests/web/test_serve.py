"""The web view in-process (Datasette's own test client): pages, facets, canned queries."""

from __future__ import annotations

import asyncio

import pytest
from click.testing import CliRunner

from edgar_atm.cli import cli_group
from edgar_atm.cli.serve import build_datasette


@pytest.fixture(scope="module")
def get(history_db):
    ds = build_datasette(history_db)

    def fetch(path: str):
        return asyncio.run(ds.client.get(path))

    return fetch


def test_issuer_page_charts_each_program_and_lists_the_timeline(get):
    page = get("/-/issuer/105016")
    assert page.status_code == 200
    html = page.text
    assert "Watsco" in html
    assert html.count('<svg') >= 1 and 'class="series-cap"' in html
    assert 'class="series-sales"' in html  # the amendment reported sales to date
    assert "program_established" in html and "program_amended" in html and "sales_reported" in html
    assert "Goldman Sachs &amp; Co. LLC" in html  # the agent the amendment added


def test_issuer_page_by_ticker(get):
    assert "Watsco" in get("/-/issuer/WSO").text


def test_unknown_issuer_is_a_404_page(get):
    page = get("/-/issuer/NOSUCH")
    assert page.status_code == 404 and "No ATM program found" in page.text


def test_issuers_index_links_every_issuer(get):
    html = get("/-/issuers").text
    assert 'href="/-/issuer/105016"' in html and 'href="/-/issuer/1279704"' in html


def test_program_view_has_the_status_facet(get, history_db):
    data = get(f"/{history_db.stem}/atm_programs.json?_extra=facet_results").json()
    facets = data["facet_results"]
    facets = facets.get("results", facets)
    assert "status" in facets
    statuses = {v["value"] for v in facets["status"]["results"]}
    assert "suspended" in statuses  # Cellectar


def test_cookbook_is_offered_as_canned_queries(get, history_db):
    data = get(f"/{history_db.stem}/agents-by-programs.json?_shape=array").json()
    assert any(row["agent"] == "Oppenheimer & Co. Inc." for row in data)


def test_serve_refuses_postgres_in_one_line():
    result = CliRunner().invoke(cli_group, ["serve"], env={"DATABASE_URL": "postgresql+psycopg://u@127.0.0.1/x"})
    assert result.exit_code == 3
    assert "SQLite files only" in result.output and "Traceback" not in result.output


def test_serve_refuses_a_missing_file(tmp_path):
    result = CliRunner().invoke(cli_group, ["serve"], env={"DATABASE_URL": f"sqlite:///{tmp_path}/none.sqlite"})
    assert result.exit_code == 3 and "no database at" in result.output
