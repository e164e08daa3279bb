"""The SEC's fair-access behaviour: the rate-limit block, the User-Agent rule, latency that
does not serialise requests. Timings are generous: the machine is small and loaded."""

import threading
import time

import httpx
import pytest

from edgar_atm.fakeedgar import SecRateLimit

from .conftest import UA

PATH = "/submissions/CIK0000749647.json"


def burst(url: str, n: int, path: str = PATH, headers=None) -> list[httpx.Response]:
    """n requests sent at once from n threads (one connection each)."""
    out: list[httpx.Response] = []
    lock = threading.Lock()
    go = threading.Barrier(n)

    def one():
        with httpx.Client(base_url=url, headers=headers or {"User-Agent": UA}, timeout=60) as c:
            go.wait()
            r = c.get(path)
            with lock:
                out.append(r)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return out


def test_more_than_n_in_a_second_gets_the_real_block_page(four_site, serve, client_for, edgar_data):
    # A long block so the burst's own spread over the loaded machine cannot outlast it.
    server = serve(four_site, rate_limit=5, block_seconds=60)
    answers = burst(server.url, 12)
    assert sorted(r.status_code for r in answers)[-1] == 429
    page = (edgar_data / "errors/request-rate-threshold-exceeded.html").read_bytes()
    blocked = [r for r in answers if r.status_code == 429]
    assert all(r.content == page and r.headers["content-type"] == "text/html" for r in blocked)
    assert all("retry-after" not in r.headers for r in blocked)
    # In arrival order: answered until more than 5 came within a second, blocked from then on.
    statuses = [r.status for r in server.requests]
    first_block = statuses.index(429)
    assert first_block <= 5 and set(statuses[first_block:]) == {429}
    assert server.log.max_in_window(1.0, status=200) <= 5
    assert server.blocked and server.limiter.blocks == 1
    # Still blocked for a polite single request afterwards.
    assert client_for(server).get(PATH).status_code == 429
    assert server.log.count(status=429) == len(blocked) + 1


def test_the_block_lifts_after_block_seconds_and_is_extended_by_more_requests(four_site, serve, client_for):
    block = 2.5
    server = serve(four_site, rate_limit=3, block_seconds=block, block_status=403)
    answers = burst(server.url, 8)
    assert any(r.status_code == 403 for r in answers)
    c = client_for(server)
    # Keep knocking for longer than the block: each request inside it extends it.
    start = time.monotonic()
    while time.monotonic() - start < block + 1.0:
        assert c.get(PATH).status_code == 403
        time.sleep(0.3)
    # Silence for longer than block_seconds lifts it.
    time.sleep(block + 1.5)
    assert not server.blocked
    assert c.get(PATH).status_code == 200


def test_requests_at_the_limit_are_never_blocked(four_site, serve, client_for):
    server = serve(four_site, rate_limit=10, block_seconds=60)
    c = client_for(server)
    for _ in range(12):  # ~4 per second, well under the limit even with jitter
        assert c.get(PATH).status_code == 200
        time.sleep(0.25)
    assert server.log.max_in_window(1.0) <= 5 and not server.blocked


def test_limiter_window_rule():
    lim = SecRateLimit(rate=3, block_seconds=10)
    assert [lim.admit(t) for t in (0.0, 0.1, 0.2)] == [True] * 3
    assert lim.admit(1.05)  # 0.0 fell out of the window (0.05, 1.05]
    assert not lim.admit(1.09)  # 0.1, 0.2, 1.05, 1.09: four within one second
    assert not lim.admit(5.0) and not lim.admit(14.9)  # each extends the block by 10 s
    assert lim.admit(25.0)


def test_requests_without_a_declared_user_agent_get_the_real_403_page(four_site, serve, edgar_data):
    server = serve(four_site)
    page = (edgar_data / "errors/undeclared-automated-tool.html").read_bytes()
    for headers in ({"User-Agent": "python-httpx/0.27"}, {"User-Agent": "Acme Research"}, {"User-Agent": ""}):
        r = httpx.get(server.url + PATH, headers=headers)
        assert (r.status_code, r.content) == (403, page)
    assert httpx.get(server.url + PATH, headers={"User-Agent": "Acme Research ops@acme.example"}).status_code == 200
    assert [r.user_agent for r in server.requests][:2] == ["python-httpx/0.27", "Acme Research"]


def test_user_agent_rule_can_be_switched_off(four_site, serve):
    server = serve(four_site, require_user_agent=False)
    assert httpx.get(server.url + PATH, headers={"User-Agent": "x"}).status_code == 200


def test_latency_does_not_serialise_requests(four_site, serve):
    server = serve(four_site, latency=3.0)
    answers = burst(server.url, 6)
    assert [r.status_code for r in answers] == [200] * 6
    arrivals = sorted(r.mono for r in server.requests)
    # Served one at a time, the sixth would arrive >= 15 s after the first.
    assert arrivals[-1] - arrivals[0] < 3.0


def test_the_log_records_every_request(four_site, serve, client_for):
    server = serve(four_site)
    c = client_for(server)
    c.get(PATH)
    c.get("/Archives/edgar/data/70858/0001918704-24-002559.txt", headers={"Accept-Encoding": "identity"})
    c.head(PATH)
    recs = server.requests
    assert [(r.method, r.path, r.status) for r in recs] == [
        ("GET", PATH, 200), ("GET", "/Archives/edgar/data/70858/0001918704-24-002559.txt", 200), ("HEAD", PATH, 200)]
    assert recs[1].bytes == 831246 and recs[2].bytes == 0 and recs[0].user_agent == UA
    assert recs[0].mono <= recs[1].mono <= recs[2].mono and recs[0].wall > 1.7e9
    assert server.log.per_path()[PATH] == 2 and server.log.count(prefix="/Archives/") == 1
    server.reset_log()
    assert server.requests == []


@pytest.mark.parametrize("window,expected", [(1.0, 3), (0.5, 2), (0.05, 1)])
def test_max_in_window(window, expected):
    from edgar_atm.fakeedgar import RequestRecord, max_in_window
    recs = [RequestRecord(t, 0.0, "GET", "/", 200, "", 0) for t in (0.0, 0.3, 0.9, 1.0, 2.5)]
    assert max_in_window(recs, window) == expected


def test_stop_closes_pooled_keep_alive_connections(four_site, client_for):
    from edgar_atm.fakeedgar import FakeEdgarServer

    server = FakeEdgarServer(four_site).start()
    c = client_for(server)
    assert c.get(PATH).status_code == 200 and c.get(PATH).status_code == 200
    assert len(server.requests) == 2
    server.stop()
    with pytest.raises(httpx.TransportError):
        c.get(PATH)


def test_only_loopback_is_ever_bound(four_site):
    from edgar_atm.fakeedgar import FakeEdgarServer

    with pytest.raises(ValueError):
        FakeEdgarServer(four_site, host="0.0.0.0")
    with FakeEdgarServer(four_site) as server:
        assert server.url.startswith("http://127.0.0.1:") and server.port > 0


def test_latency_range_is_drawn_per_answer(four_site, serve, client_for):
    server = serve(four_site, latency=(0.05, 0.3))
    delays = [server._delay() for _ in range(200)]
    assert min(delays) >= 0.05 and max(delays) <= 0.3 and len({round(d, 4) for d in delays}) > 100
    c = client_for(server)
    start = time.monotonic()
    assert c.get(PATH).status_code == 200
    assert time.monotonic() - start >= 0.05
