"""Alerts: `nightly --notify URL` / `--on-event CMD` against a real HTTP receiver on 127.0.0.1.

A failed delivery is retried, recorded, never loses the event, and never fails the ingest."""

from __future__ import annotations

import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from pipeline_helpers import MON, build_week_site, cli, cli_env, dump


class Receiver:
    """A webhook receiver: records every JSON body; answers 500 to the first `fail_first` posts."""

    def __init__(self, fail_first: int = 0, address: tuple[str, int] = ("127.0.0.1", 0)):
        self.bodies: list[dict] = []
        self.attempts = 0
        self.fail_first = fail_first
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length", 0))
                body = self.rfile.read(length)
                receiver.attempts += 1
                if receiver.attempts <= receiver.fail_first:
                    self.send_response(500)
                    self.end_headers()
                    return
                receiver.bodies.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(address, Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook?token=s3cret"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def week_edgar():
    from edgar_atm.fakeedgar.server import FakeEdgarServer

    with FakeEdgarServer(build_week_site(), rate_limit=10, block_seconds=2) as server:
        yield server


def _timeline_events(url: str) -> list[tuple]:
    return sorted((r["accession_number"], r["event_type"]) for r in _rows(url))


def _rows(url: str) -> list[dict]:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [dict(r) for r in conn.execute(text("SELECT * FROM atm_timeline")).mappings()]
    finally:
        engine.dispose()


def test_each_new_event_is_posted_once_as_json(migrated_url, week_edgar, tmp_path):
    env = cli_env(migrated_url, week_edgar.url, tmp_path)
    with Receiver() as receiver:
        run = cli("nightly", "--since", MON.isoformat(), "--notify", receiver.url, env=env)
        assert run.returncode == 0, run.stderr
        stored = _timeline_events(migrated_url)
        assert stored, "the week has ATM events"
        assert sorted((b["accession_number"], b["event_type"]) for b in receiver.bodies) == stored
        first = receiver.bodies[0]
        for key in ("cik", "company", "event_type", "event_date", "agents", "max_amount", "excerpt", "source_url"):
            assert key in first
        # A second run has nothing new: nothing is sent again.
        again = cli("nightly", "--notify", receiver.url, env=env)
        assert again.returncode == 0, again.stderr
        assert len(receiver.bodies) == len(stored)
    assert "s3cret" not in run.stderr + again.stderr


def test_a_flaky_receiver_gets_every_event_after_retries(migrated_url, week_edgar, tmp_path):
    env = cli_env(migrated_url, week_edgar.url, tmp_path)
    with Receiver(fail_first=2) as receiver:
        run = cli("nightly", "--since", MON.isoformat(), "--notify", receiver.url, env=env)
        assert run.returncode == 0, run.stderr
        assert len(receiver.bodies) == len(_timeline_events(migrated_url))
        assert receiver.attempts == len(receiver.bodies) + 2


def test_a_dead_receiver_never_fails_the_ingest_and_loses_nothing(migrated_url, week_edgar, tmp_path):
    env = cli_env(migrated_url, week_edgar.url, tmp_path)
    with Receiver() as receiver:
        url = receiver.url
    # The receiver is gone: its port refuses connections.
    run = cli("nightly", "--since", MON.isoformat(), "--notify", url, "--notify-attempts", "2", env=env)
    assert run.returncode == 0, run.stderr          # the ingest succeeded
    assert "kept for the next run" in run.stderr and "Traceback" not in run.stderr
    assert "s3cret" not in run.stderr
    state = [r for r in dump(migrated_url)["checkpoints"] if str(r[0]).startswith("notify:")]
    assert state and "ConnectError" in str(state[0]), state  # the failure is recorded
    assert "s3cret" not in str(state)
    stored = _timeline_events(migrated_url)
    # Back up on the same address: the next run delivers everything the dead one could not.
    with Receiver(address=_address(url)) as back:
        later = cli("nightly", "--notify", url, env=env)
        assert later.returncode == 0, later.stderr
        assert sorted((b["accession_number"], b["event_type"]) for b in back.bodies) == stored


def _address(url: str) -> tuple[str, int]:
    hostport = url.split("//", 1)[1].split("/", 1)[0]
    host, port = hostport.rsplit(":", 1)
    return host, int(port)


def test_on_event_runs_a_command_with_the_event_on_stdin(migrated_url, week_edgar, tmp_path):
    env = cli_env(migrated_url, week_edgar.url, tmp_path)
    out = tmp_path / "events.jsonl"
    command = f"{sys.executable} -c \"import sys; open(sys.argv[1], 'a').write(sys.stdin.read() + '\\n')\" {out}"
    run = cli("nightly", "--since", MON.isoformat(), "--on-event", command, env=env)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted((e["accession_number"], e["event_type"]) for e in lines) == _timeline_events(migrated_url)


@pytest.mark.parametrize("args, message", [
    (["--notify", "not a url"], "--notify"),
    (["--notify", "ftp://example.invalid/x"], "http:// or https://"),
    (["--on-event", "'unclosed"], "--on-event"),
])
def test_a_bad_receiver_option_is_one_usage_line(migrated_url, week_edgar, tmp_path, args, message):
    run = cli("nightly", *args, env=cli_env(migrated_url, week_edgar.url, tmp_path))
    assert run.returncode == 2 and message in run.stderr and "Traceback" not in run.stderr
