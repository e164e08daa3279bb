"""A separate process that saves sample filings (used by test_concurrency.py).

    python save_worker.py URL GO_FILE forward|reverse|cellectar

Waits until GO_FILE exists, so that several workers start saving at the same moment, then
saves each filing in its own transaction, as the pipeline does.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import store_samples as samples
from edgar_atm.store import db, repository


def main(url: str, go_file: str, which: str) -> None:
    makers = {"forward": samples.ALL, "reverse": tuple(reversed(samples.ALL)),
              "cellectar": (samples.cellectar_suspension,) * 5}[which]
    engine = db.make_engine(url)
    sessions = db.session_factory(engine)
    with sessions() as session:  # connect before the start signal
        session.connection()
        session.rollback()
    deadline = time.monotonic() + 120
    while not Path(go_file).exists():
        if time.monotonic() > deadline:
            sys.exit("no start signal")
        time.sleep(0.005)
    for make in makers:
        with sessions.begin() as session:
            repository.save_parsed_filing(session, make(), source_url=None, raw_sha256=None,
                                          parser_version="test-parser-1")
    engine.dispose()
    print("saved", len(makers))


if __name__ == "__main__":
    main(*sys.argv[1:])
