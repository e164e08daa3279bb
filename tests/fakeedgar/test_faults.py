"""Every fault kind really happens on the wire, and seeded random faults are reproducible."""

import time

import httpx
import pytest

from edgar_atm.fakeedgar import TRANSIENT_KINDS, Faults

from .conftest import BOFA, UA

PATH = f"/Archives/edgar/data/70858/{BOFA}.txt"
IDENTITY = {"User-Agent": UA, "Accept-Encoding": "identity"}


def get(url: str, path: str = PATH, timeout: float = 30.0) -> httpx.Response:
    # A fresh connection per request: a dropped or truncated one must not poison the next.
    with httpx.Client(base_url=url, headers=IDENTITY, timeout=timeout) as c:
        return c.get(path)


def test_server_errors_and_429_with_retry_after(four_site, serve, real_txt):
    faults = Faults(by_path={PATH: ["500", "502", "503", "429-retry-after"]}, retry_after=7)
    server = serve(four_site, faults=faults)
    answers = [get(server.url) for _ in range(5)]
    assert [r.status_code for r in answers] == [500, 502, 503, 429, 200]
    assert answers[3].headers["retry-after"] == "7"
    assert answers[4].content == real_txt[BOFA]
    assert [r.fault for r in server.requests] == ["500", "502", "503", "429-retry-after", None]


def test_block_fault_is_a_real_block(four_site, serve, edgar_data):
    server = serve(four_site, faults=Faults(schedule={1: "block"}), block_seconds=3.0, block_status=403)
    page = (edgar_data / "errors/request-rate-threshold-exceeded.html").read_bytes()
    first = get(server.url)
    assert (first.status_code, first.content) == (403, page) and "retry-after" not in first.headers
    assert get(server.url).status_code == 403  # blocked, and the block is extended
    time.sleep(4.5)
    assert get(server.url).status_code == 200


def test_dropped_connection(four_site, serve, real_txt):
    server = serve(four_site, faults=Faults(by_path={PATH: ["drop"]}))
    with pytest.raises(httpx.RemoteProtocolError):
        get(server.url)
    assert get(server.url).content == real_txt[BOFA]
    assert [(r.status, r.bytes, r.fault) for r in server.requests][0] == (0, 0, "drop")


def test_truncated_body(four_site, serve, real_txt):
    server = serve(four_site, faults=Faults(by_path={PATH: ["truncate"]}))
    with pytest.raises(httpx.RemoteProtocolError):
        get(server.url)
    rec = server.requests[0]
    assert rec.fault == "truncate" and rec.bytes == len(real_txt[BOFA]) // 2
    assert get(server.url).content == real_txt[BOFA]


def test_truncated_body_of_a_gzip_answer(four_site, serve):
    server = serve(four_site, faults=Faults(by_path={PATH: ["truncate"]}))
    with httpx.Client(base_url=server.url, headers={"User-Agent": UA, "Accept-Encoding": "gzip"}) as c:
        with pytest.raises((httpx.RemoteProtocolError, httpx.DecodingError)):
            c.get(PATH)


def test_slow_body_arrives_whole_but_slowly(four_site, serve, real_txt):
    server = serve(four_site, faults=Faults(by_path={PATH: ["slow"]}, slow_seconds=1.0))
    chunks = []
    with httpx.Client(base_url=server.url, headers=IDENTITY, timeout=30) as c:
        with c.stream("GET", PATH) as r:
            start = time.monotonic()
            for chunk in r.iter_raw():
                chunks.append((time.monotonic() - start, len(chunk)))
    assert sum(n for _, n in chunks) == len(real_txt[BOFA])
    assert chunks[-1][0] >= 0.5  # trickled over ~1 s, not sent at once
    assert server.requests[0].fault == "slow"
    # A client with a short read timeout gives up on it.
    server.faults = Faults(by_path={PATH: ["slow"]}, slow_seconds=5.0)
    with pytest.raises(httpx.ReadTimeout):
        with httpx.Client(base_url=server.url, headers=IDENTITY, timeout=httpx.Timeout(30, read=0.1)) as c:
            c.get(PATH)


def test_random_faults_are_seeded_and_cover_every_kind():
    def draw(seed):
        f = Faults(rate=0.5, seed=seed)
        return [f.pick(f"/p{i}") for i in range(400)]

    a, b = draw(3), draw(3)
    assert a == b and a != draw(4)
    kinds = [k for k in a if k]
    assert set(kinds) == set(TRANSIENT_KINDS)  # hostile kinds only when asked for
    assert 120 < len(kinds) < 280  # about half


def test_fault_rate_only_on_matching_paths_and_capped(four_site, serve):
    f = Faults(rate=1.0, kinds=["503"], path_pattern=r"\.txt$", max_faults=2)
    server = serve(four_site, faults=f)
    assert get(server.url, "/submissions/CIK0000070858.json").status_code == 200
    assert [get(server.url).status_code for _ in range(3)] == [503, 503, 200]
    assert f.injected == 2


def test_unknown_kinds_are_refused():
    with pytest.raises(ValueError):
        Faults(kinds=["teapot"])
    with pytest.raises(ValueError):
        Faults(rate=2.0)
