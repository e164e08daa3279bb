import re
from pathlib import Path

from sqlalchemy import create_engine, inspect

from edgar_atm.web.cookbook import COOKBOOK
from edgar_atm.web.metadata import PROGRAM_COLUMNS, TIMELINE_COLUMNS, build_metadata

README = Path(__file__).parents[2] / "README.md"
_BLOCK = re.compile(r"```sql\n-- cookbook: ([\w-]+)\n(.*?)```", re.S)


def test_canned_queries_are_the_readme_cookbook_exactly():
    readme = dict(_BLOCK.findall(README.read_text(encoding="utf-8")))
    assert readme, "the README has no cookbook"
    assert {name: sql for name, (_, sql) in COOKBOOK.items()} == readme


def test_metadata_names_the_served_database_with_titles_facets_and_queries():
    meta = build_metadata("demo")
    tables = meta["databases"]["demo"]["tables"]
    assert tables["atm_programs"]["facets"][0] == "status"
    assert "event_type" in tables["atm_timeline"]["facets"]
    assert "agent" in tables["atm_program_agents"]["facets"]
    assert all(t["title"] and t["description"] for t in tables.values())
    assert set(meta["databases"]["demo"]["queries"]) == set(COOKBOOK)


def test_every_view_column_has_a_description(history_db):
    engine = create_engine(f"sqlite:///{history_db}")
    try:
        inspector = inspect(engine)
        timeline = {c["name"] for c in inspector.get_columns("atm_timeline")}
        programs = {c["name"] for c in inspector.get_columns("atm_programs")}
    finally:
        engine.dispose()
    internal = {"event_id", "event_seq"}
    assert {c for c in timeline - internal - set(TIMELINE_COLUMNS) if not c.endswith("_cents")} == set()
    undocumented = {c for c in programs - set(PROGRAM_COLUMNS) if not c.endswith("_cents")}
    assert not undocumented - {"max_shares", "offered_amount", "net_proceeds", "event_count",
                               "first_filed_date", "last_filed_date"}, undocumented
