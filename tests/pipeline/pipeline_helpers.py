"""Helpers of the pipeline tests: a week of real-format EDGAR on the fake server, pipelines
wired to it, and a dump of the database for before/after comparisons."""

from __future__ import annotations

import os
from datetime import date
from decimal import Decimal
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
FILINGS = Path(__file__).resolve().parents[1] / "data" / "edgar" / "site" / "filings"

# The bundled real submissions (see tests/data/edgar/README.md).
NEXTERA = "0001193125-25-338333"   # 424B5, ATM "Up to $4,000,000,000 Common Stock"
ESS = "0001628280-25-015699"       # 424B5, ATM through a sales agent
IMUNON = "0001493152-25-029712"    # 424B5, not an ATM
BOFA = "0001918704-24-002559"      # 424B2, bank structured note (BofA Finance LLC + BofA)
NEXTERA_CIK, ESS_CIK, IMUNON_CIK = 753308, 1819438, 749647
BOFA_CIKS = (1682472, 70858)

# The week around the real NextEra/Imunon filing day; 2026-01-01 is a real EDGAR holiday.
MON, TUE, WED, THU, FRI = (date(2025, 12, 29), date(2025, 12, 30), date(2025, 12, 31),
                           date(2026, 1, 1), date(2026, 1, 2))
NEXT_MON = date(2026, 1, 5)
NOTES_PER_DAY = 6
USER_AGENT = "edgar-atm tests tests@example.com"


def subprocess_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.update(extra)
    return env


def raw(accession: str) -> bytes:
    return (FILINGS / f"{accession}.txt").read_bytes()


def build_week_site(extra_negatives: int = 0):
    """Mon-Fri of the last week of 2025, from the bundled real filings, re-stamped:

    Mon: ESS Tech ATM, BofA notes          Tue: BofA notes only
    Wed: NextEra ATM, Imunon (as filed)    Thu: New Year's Day, no index
    Fri: Imunon again (a negative), BofA notes
    """
    from edgar_atm.fakeedgar.site import Site

    site = Site()
    site.add_filing(raw(ESS), filed_date=MON)
    site.add_filing(raw(NEXTERA))
    site.add_filing(raw(IMUNON))
    site.add_filing(raw(IMUNON), accession=site.new_accession(1493152, 2026), filed_date=FRI)
    for _ in range(extra_negatives):
        site.add_filing(raw(IMUNON), accession=site.new_accession(1493152, 2026), filed_date=FRI)
    site.add_filing(raw(BOFA), filed_date=TUE)
    for day in (MON, TUE, FRI):
        for _ in range(NOTES_PER_DAY):
            site.add_filing(raw(BOFA), accession=site.new_accession(1918704, day.year), filed_date=day)
    site.mark_index_day(MON, TUE, WED, FRI)
    site.publish_until(FRI)
    return site


def settings_for(db_url: str, edgar_url: str, tmp_path: Path, **changes):
    from edgar_atm.config import Settings

    return Settings(user_agent=USER_AGENT, database_url=db_url, base_url=edgar_url,
                    rate_limit_store=str(tmp_path / "ratelimit.sqlite"), block_seconds=2.0,
                    data_dir=tmp_path / "data", timeout=15.0, max_in_flight=4).with_(**changes)


def make_pipeline(settings, *, today: date = NEXT_MON, **options):
    from edgar_atm.edgar.client import EdgarClient
    from edgar_atm.pipeline.run import Pipeline, PipelineOptions
    from edgar_atm.store.db import make_engine
    from edgar_atm.store.raw import RawStore

    engine = make_engine(settings.database_url)
    client = EdgarClient.from_settings(settings)
    pipeline = Pipeline(engine=engine, client=client, raw=RawStore(settings.raw_dir),
                        options=PipelineOptions(**options), today=lambda: today)
    return pipeline


def close_pipeline(pipeline) -> None:
    pipeline.client.close()
    pipeline.engine.dispose()


# Columns that differ between two runs doing the same work: when and by whom.
VOLATILE = {"id", "created_at", "updated_at", "fetched_at", "parsed_at", "claimed_by", "claimed_at",
            "started_at", "finished_at", "filing_id", "program_id", "first_filing_id",
            "last_filing_id", "recorded_at", "run_id", "last_run_id"}


def dump(db_url: str) -> dict[str, list[tuple]]:
    """Every table's rows (minus timestamps, surrogate ids and claims), sorted, plus both
    views: what two equivalent runs must agree on."""
    from sqlalchemy import MetaData, select, text

    from edgar_atm.store.db import make_engine

    engine = make_engine(db_url)
    try:
        meta = MetaData()
        meta.reflect(engine)
        out: dict[str, list[tuple]] = {}
        with engine.connect() as conn:
            for name, table in meta.tables.items():
                if name in ("alembic_version", "ingestion_runs"):
                    continue
                cols = [c for c in table.columns if c.name not in VOLATILE]
                out[name] = sorted((tuple(_norm(v) for v in row) for row in conn.execute(select(*cols))), key=repr)
            for view in ("atm_timeline", "atm_programs"):
                result = conn.execute(text(f"SELECT * FROM {view}"))
                keep = [i for i, k in enumerate(result.keys()) if k not in VOLATILE and not k.endswith("_id")]
                out[view] = sorted((tuple(_norm(row[i]) for i in keep) for row in result), key=repr)
        return out
    finally:
        engine.dispose()


def _norm(value):
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, float):
        return str(Decimal(repr(value)).normalize())
    return value


def txt_requests(server) -> list[str]:
    return [r.path for r in server.log.records() if r.path.startswith("/Archives/edgar/data/")]


def cli_env(db_url: str, edgar_url: str, tmp_path: Path, **extra: str) -> dict[str, str]:
    """The environment of an `edgar-atm` process against the fake EDGAR."""
    return subprocess_env(
        EDGAR_USER_AGENT=USER_AGENT, DATABASE_URL=db_url, EDGAR_BASE_URL=edgar_url,
        EDGAR_ATM_DATA_DIR=str(tmp_path / "data"), EDGAR_RATE_LIMIT_STORE=str(tmp_path / "ratelimit.sqlite"),
        EDGAR_BLOCK_SECONDS="2", EDGAR_ATM_MAX_LAG="0", **extra)


def cli(*args: str, env: dict[str, str], timeout: float = 300):
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-m", "edgar_atm", *args], env=env, capture_output=True,
                          text=True, timeout=timeout)


def cli_popen(*args: str, env: dict[str, str]):
    import subprocess
    import sys

    return subprocess.Popen([sys.executable, "-m", "edgar_atm", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate, timeout: float = 120.0, interval: float = 0.05) -> None:
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(interval)
