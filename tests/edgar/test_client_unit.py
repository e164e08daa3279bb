"""EdgarClient against httpx.MockTransport: what each SEC answer leads to, request by request.
(The integration tests against the fake EDGAR server are in test_client_fake_edgar.py.)"""

from __future__ import annotations

import gzip
import threading
import time

import httpx
import pytest

from edgar_atm.config import Settings
from edgar_atm.edgar.client import EdgarClient, origin_for
from edgar_atm.errors import Blocked, ConfigError, FetchError, NotFound, ServerError

from .conftest import USER_AGENT

FILING = "/Archives/edgar/data/1527590/000149315225029712/0001493152-25-029712.txt"


def make(handler, limiter, **kwargs) -> EdgarClient:
    kwargs.setdefault("backoff_initial", 0.01)
    kwargs.setdefault("backoff_max", 0.05)
    return EdgarClient(user_agent=USER_AGENT, base_url=kwargs.pop("base_url", None),
                       limiter=limiter, transport=httpx.MockTransport(handler), **kwargs)


class Script:
    """A MockTransport handler answering from a list of (status, headers, body) or
    exceptions, one per request, and recording every request."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.requests.append(request)
            answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        status, headers, body = answer
        return httpx.Response(status, headers=headers, content=body)


# -- start-up ---------------------------------------------------------------------------


@pytest.mark.parametrize("user_agent, message", [
    (None, "not set"), ("", "not set"), ("Acme Research", "no e-mail"),
])
def test_missing_or_undeclared_user_agent_is_refused_at_construction(user_agent, message,
                                                                      counting_limiter):
    with pytest.raises(ConfigError, match=message):
        EdgarClient(user_agent=user_agent, base_url=None, limiter=counting_limiter)
    assert counting_limiter.acquired == []


def test_from_settings_refuses_without_user_agent(tmp_path):
    with pytest.raises(ConfigError, match="EDGAR_USER_AGENT"):
        EdgarClient.from_settings(Settings(rate_limit_store=str(tmp_path / "rl.sqlite")))


def test_from_settings_builds_a_working_client(tmp_path, filing_txt):
    settings = Settings(user_agent=USER_AGENT, base_url="http://127.0.0.1:9",
                        rate_limit_store=str(tmp_path / "rl.sqlite"), rate_limit=5.0)
    script = Script((200, {}, filing_txt))
    with EdgarClient.from_settings(settings, transport=httpx.MockTransport(script)) as client:
        assert client.get(FILING) == filing_txt
        assert client.limiter.rate == 5.0
    assert (tmp_path / "rl.sqlite").exists()


# -- what is sent, and where ------------------------------------------------------------


def test_declared_user_agent_and_gzip_are_sent_and_gzip_is_decoded(counting_limiter, filing_txt):
    script = Script((200, {"Content-Encoding": "gzip"}, gzip.compress(filing_txt)))
    client = make(script, counting_limiter)
    assert client.get(FILING) == filing_txt
    sent = script.requests[0]
    assert sent.headers["user-agent"] == USER_AGENT
    assert "gzip" in sent.headers["accept-encoding"]
    assert client.stats.bytes == len(filing_txt)
    assert client.stats.bytes_on_wire < len(filing_txt)


def test_real_hosts_by_path(counting_limiter):
    script = Script((200, {}, b"{}"))
    client = make(script, counting_limiter)
    client.get(FILING)
    client.get("/submissions/CIK0000749647.json")
    client.get("/LATEST/search-index?q=%22at%20the%20market%22&forms=424B5")
    client.get("/files/company_tickers.json")
    client.get("/Archives/edgar/daily-index/2020/QTR1/form.20200318.idx")
    hosts = [r.url.host for r in script.requests]
    assert hosts == ["www.sec.gov", "data.sec.gov", "efts.sec.gov", "www.sec.gov", "www.sec.gov"]
    assert script.requests[2].url.params["forms"] == "424B5"
    assert origin_for("/submissions/CIK0000749647-submissions-001.json") == "https://data.sec.gov"


def test_base_url_sends_everything_to_one_origin(counting_limiter):
    script = Script((200, {}, b"{}"))
    client = make(script, counting_limiter, base_url="http://127.0.0.1:8765/")
    client.get(FILING)
    client.get("/submissions/CIK0000749647.json")
    client.get("https://efts.sec.gov/LATEST/search-index?q=x")
    client.get("https://www.sec.gov" + FILING)
    urls = [str(r.url) for r in script.requests]
    assert urls == [
        "http://127.0.0.1:8765" + FILING,
        "http://127.0.0.1:8765/submissions/CIK0000749647.json",
        "http://127.0.0.1:8765/LATEST/search-index?q=x",
        "http://127.0.0.1:8765" + FILING,
    ]


# -- not found: never retried -------------------------------------------------------------


def test_404_is_not_found_after_exactly_one_request(counting_limiter, no_such_key_xml):
    script = Script((404, {"Content-Type": "application/xml"}, no_such_key_xml))
    client = make(script, counting_limiter)
    with pytest.raises(NotFound) as info:
        client.get("/submissions/CIK0000000001.json")
    assert info.value.url == "https://data.sec.gov/submissions/CIK0000000001.json"
    assert len(script.requests) == 1 and len(counting_limiter.acquired) == 1
    assert client.stats.not_found == 1 and client.stats.retries == 0


def test_403_access_denied_xml_is_not_found_not_a_block(counting_limiter, access_denied_xml):
    script = Script((403, {"Content-Type": "application/xml"}, access_denied_xml))
    client = make(script, counting_limiter)
    with pytest.raises(NotFound):
        client.get("/Archives/edgar/full-index/2099/QTR1/form.gz")
    assert len(script.requests) == 1
    assert client.stats.blocks == 0 and counting_limiter.blocks == []


def test_undeclared_tool_page_is_a_configuration_error_not_retried(counting_limiter,
                                                                   undeclared_page):
    script = Script((403, {"Content-Type": "text/html"}, undeclared_page))
    client = make(script, counting_limiter)
    with pytest.raises(ConfigError, match="EDGAR_USER_AGENT"):
        client.get(FILING)
    assert len(script.requests) == 1


# -- retried ------------------------------------------------------------------------------


@pytest.mark.parametrize("fault", [
    (500, {}, b"oops"), (502, {}, b""), (503, {}, b"busy"),
    httpx.RemoteProtocolError("peer closed connection without sending complete message body"),
    httpx.ReadTimeout("timed out"), httpx.ConnectError("connection refused"),
    httpx.ReadError("connection reset by peer"),
])
def test_transient_faults_are_retried_each_through_the_limiter(fault, counting_limiter,
                                                               filing_txt):
    script = Script(fault, fault, (200, {}, filing_txt))
    client = make(script, counting_limiter)
    assert client.get(FILING) == filing_txt
    assert len(script.requests) == 3
    assert len(counting_limiter.acquired) == 3
    assert client.stats.requests == 3 and client.stats.retries == 2


def test_persistent_server_error_gives_up_with_the_url(counting_limiter):
    script = Script((503, {}, b"down"))
    client = make(script, counting_limiter, max_retries=3)
    with pytest.raises(ServerError) as info:
        client.get(FILING)
    assert info.value.status == 503 and info.value.url.endswith(FILING)
    assert len(script.requests) == 4
    assert client.stats.failures == 1


def test_persistent_connection_failure_is_translated_once(counting_limiter):
    script = Script(httpx.ConnectError("refused"))
    client = make(script, counting_limiter, max_retries=1)
    with pytest.raises(ServerError) as info:
        client.get(FILING)
    assert isinstance(info.value.__cause__, httpx.ConnectError)
    assert "ConnectError" in str(info.value) and FILING in str(info.value)


def test_retry_after_is_honoured_on_429(counting_limiter, filing_txt):
    script = Script((429, {"Retry-After": "1"}, b"slow down"), (200, {}, filing_txt))
    client = make(script, counting_limiter)
    assert client.get(FILING) == filing_txt
    gap = counting_limiter.acquired[1] - counting_limiter.acquired[0]
    assert gap >= 0.95  # the backoff alone would be ~0.01 s
    assert client.stats.blocks == 0


def test_retry_after_is_honoured_on_503(counting_limiter, filing_txt):
    script = Script((503, {"Retry-After": "1"}, b""), (200, {}, filing_txt))
    client = make(script, counting_limiter)
    assert client.get(FILING) == filing_txt
    assert counting_limiter.acquired[1] - counting_limiter.acquired[0] >= 0.95


def test_other_4xx_fail_without_retry(counting_limiter):
    script = Script((400, {}, b"bad request"))
    client = make(script, counting_limiter)
    with pytest.raises(FetchError) as info:
        client.get(FILING)
    assert info.value.status == 400 and len(script.requests) == 1


def test_conditional_get_returns_304_with_headers(counting_limiter):
    script = Script((304, {"Last-Modified": "Sat, 27 Jun 2026 07:04:11 GMT"}, b""))
    client = make(script, counting_limiter)
    response = client.get_response("/Archives/edgar/full-index/2025/QTR1/form.gz",
                                   headers={"If-Modified-Since": "Sat, 27 Jun 2026 07:04:11 GMT"})
    assert response.status == 304 and response.last_modified.startswith("Sat, 27 Jun 2026")
    assert script.requests[0].headers["if-modified-since"].startswith("Sat")


# -- the SEC block ------------------------------------------------------------------------


@pytest.mark.parametrize("status", [403, 429])
def test_block_page_pauses_then_resumes(status, counting_limiter, block_page, filing_txt):
    script = Script((status, {"Content-Type": "text/html"}, block_page), (200, {}, filing_txt))
    client = make(script, counting_limiter, block_seconds=1.0)
    started = time.monotonic()
    assert client.get(FILING) == filing_txt
    assert time.monotonic() - started >= 0.95
    assert len(script.requests) == 2
    assert client.stats.blocks == 1
    assert counting_limiter.blocks == [1.0]  # other processes sharing the limiter pause too


def test_a_block_that_persists_ends_in_blocked_not_a_loop(counting_limiter, block_page):
    script = Script((429, {}, block_page))
    client = make(script, counting_limiter, block_seconds=0.3, max_blocks_per_request=3)
    with pytest.raises(Blocked):
        client.get(FILING)
    assert len(script.requests) == 3


def test_block_pauses_every_thread_and_only_one_probe_goes_first(counting_limiter,
                                                                 block_page, filing_txt):
    # The first answer is the block page; everything after it succeeds.
    lock = threading.Lock()
    state = {"blocked_at": None, "answers": 0}
    sent_at: list[float] = []

    def handler(request):
        with lock:
            sent_at.append(time.monotonic())
            state["answers"] += 1
            first = state["answers"] == 1
            if first:
                state["blocked_at"] = time.monotonic()
        time.sleep(0.05)
        if first:
            return httpx.Response(429, content=block_page)
        return httpx.Response(200, content=filing_txt)

    client = make(handler, counting_limiter, block_seconds=1.5, max_in_flight=4)
    paths = [f"/Archives/edgar/data/1/{i:04d}.txt" for i in range(12)]
    results = dict(client.fetch_many(paths))
    assert all(body == filing_txt for body in results.values()) and len(results) == 12
    blocked_at = state["blocked_at"]
    # Requests already in flight when the block came may land; after that, nothing until the
    # pause is over.
    during = [t for t in sent_at if blocked_at + 0.2 < t < blocked_at + 1.4]
    assert during == []
    assert len(sent_at) == 13  # 12 paths + the one repeated after the block


# -- many at once -------------------------------------------------------------------------


def test_fetch_many_keeps_max_in_flight_busy_and_returns_errors(counting_limiter, filing_txt,
                                                                no_such_key_xml):
    lock = threading.Lock()
    in_flight = {"now": 0, "max": 0}

    def handler(request):
        with lock:
            in_flight["now"] += 1
            in_flight["max"] = max(in_flight["max"], in_flight["now"])
        time.sleep(0.2)
        with lock:
            in_flight["now"] -= 1
        if request.url.path.endswith("missing.txt"):
            return httpx.Response(404, content=no_such_key_xml)
        return httpx.Response(200, content=request.url.path.encode())

    client = make(handler, counting_limiter, max_in_flight=6)
    paths = [f"/Archives/edgar/data/1/{i}.txt" for i in range(30)] + ["/Archives/missing.txt"]
    results = dict(client.fetch_many(iter(paths)))
    assert set(results) == set(paths)
    assert isinstance(results["/Archives/missing.txt"], NotFound)
    assert results["/Archives/edgar/data/1/7.txt"] == b"/Archives/edgar/data/1/7.txt"
    assert in_flight["max"] == 6


def test_fetch_many_raises_a_configuration_error(counting_limiter, undeclared_page):
    script = Script((403, {}, undeclared_page))
    client = make(script, counting_limiter, max_in_flight=2)
    with pytest.raises(ConfigError):
        list(client.fetch_many([f"/Archives/{i}.txt" for i in range(10)]))
    assert len(script.requests) < 10
