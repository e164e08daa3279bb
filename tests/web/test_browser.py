"""The issuer page in a real headless browser (Debian's Chromium): the chart renders.

.ci/run installs Chromium and sets EDGAR_ATM_REQUIRE_BROWSER=1, so in CI this runs and never
skips; elsewhere it skips with the reason when no Chromium is installed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from edgar_atm.web.charts import CAP_COLOUR

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("EDGAR_ATM_REQUIRE_BROWSER"):
        raise RuntimeError("EDGAR_ATM_REQUIRE_BROWSER is set but no chromium is installed")
    pytest.skip("no Chromium on this machine (apt-get install chromium); the browser test is skipped",
                allow_module_level=True)

# The flags a headless Chromium needs as root on a machine without a network.
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(history_db):
    port = _free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{history_db}"}
    proc = subprocess.Popen([sys.executable, "-m", "edgar_atm", "serve", "--port", str(port)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(base + "/-/issuers", timeout=2).read()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                    pytest.fail(f"edgar-atm serve did not come up: {out}")
                time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "profile"
    return subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=90)


def test_issuer_page_renders_its_chart_in_chromium(server, tmp_path):
    url = f"{server}/-/issuer/WSO"
    dom = _chromium(tmp_path, "--dump-dom", url)
    assert dom.returncode == 0, dom.stderr[-2000:]
    assert "<svg" in dom.stdout and 'class="series-cap"' in dom.stdout
    assert "Watsco" in dom.stdout

    shot = tmp_path / "issuer.png"
    result = _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1100,1300", url)
    assert shot.is_file(), result.stderr[-2000:]
    from PIL import Image

    image = Image.open(shot).convert("RGB")
    target = tuple(int(CAP_COLOUR[i:i + 2], 16) for i in (1, 3, 5))
    # The cap line is drawn in its colour: enough pixels of it mean the SVG was laid out and painted.
    pixels = image.get_flattened_data() if hasattr(image, "get_flattened_data") else image.getdata()
    near = sum(1 for px in pixels if all(abs(a - b) <= 24 for a, b in zip(px, target)))
    assert near > 200, f"only {near} pixels of the cap line's colour in the screenshot"
    keep = os.environ.get("EDGAR_ATM_SCREENSHOT")
    if keep:  # how the README's screenshot is made
        shutil.copyfile(shot, keep)
