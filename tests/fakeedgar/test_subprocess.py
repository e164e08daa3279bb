"""The process mode other tests and the demo use: prints its URL, serves, dies on SIGTERM."""

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .conftest import SITE_DIR, UA

REPO = Path(__file__).resolve().parents[2]


def start(*args: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=REPO)
    url = proc.stdout.readline().strip()  # blocks until the server is listening
    return proc, url


@pytest.fixture
def stop():
    procs: list[subprocess.Popen] = []
    yield procs.append
    for p in procs:
        p.terminate()
        try:
            p.wait(timeout=20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait(timeout=20)


@pytest.mark.parametrize("entry", [["-m", "edgar_atm.fakeedgar"], ["scripts/fake_edgar.py"]])
def test_process_prints_its_url_and_serves(entry, stop, tmp_path):
    log_file = tmp_path / "requests.jsonl"
    proc, url = start(*entry, "--root", str(SITE_DIR), "--rate-limit", "5", "--block-seconds", "1",
                      "--latency", "0.01:0.05", "--request-log", str(log_file), "--publish-through", "2025-12-31")
    stop(proc)
    assert url.startswith("http://127.0.0.1:"), (url, proc.stderr.read() if proc.poll() is not None else "")
    with httpx.Client(base_url=url, headers={"User-Agent": UA}, timeout=30) as c:
        r = c.get("/Archives/edgar/daily-index/2025/QTR4/form.20251231.idx")
        assert r.status_code == 200 and "NEXTERA ENERGY INC" in r.text
        assert c.get("/Archives/edgar/data/749647/0001493152-25-029712.txt").status_code == 200
        assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260102.idx").status_code == 403
        log = c.get("/__fakeedgar__/requests").json()
    last = ("/Archives/edgar/daily-index/2026/QTR1/form.20260102.idx", 403)
    assert [(e["path"], e["status"]) for e in log][-1] == last
    lines = [json.loads(line) for line in log_file.read_text().splitlines()]
    assert len(lines) == 3 and lines == log


def test_process_options_reach_the_server(stop):
    proc, url = start("-m", "edgar_atm.fakeedgar", "--root", str(SITE_DIR), "--fault-rate", "1",
                      "--fault-kinds", "503", "--fault-path", r"\.txt$", "--form-column-width", "17",
                      "--populate", "2026-01-05", "2026-01-06", "2", "--mark-business-days", "2026-01-12",
                      "2026-01-20", "--holiday", "2026-01-19")
    stop(proc)
    with httpx.Client(base_url=url, headers={"User-Agent": UA}, timeout=30) as c:
        assert c.get("/Archives/edgar/data/749647/0001493152-25-029712.txt").status_code == 503
        r = c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260106.idx")
        rows = [line for line in r.text.split("\n")[10:] if line]
        assert r.status_code == 200 and len(rows) >= 2 and {len(line) for line in rows} == {155}
        assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260116.idx").status_code == 200  # marked
        assert c.get("/Archives/edgar/daily-index/2026/QTR1/form.20260119.idx").status_code == 403  # holiday
