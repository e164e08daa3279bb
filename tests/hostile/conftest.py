"""Fixtures of the hostile-input suite: timing helpers with margins for a loaded machine."""

from __future__ import annotations

import os
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
USER_AGENT = "edgar-atm hostile tests ops@example.com"


def best_time(fn, *args, repeat: int = 2) -> float:
    """The fastest of `repeat` runs: the least disturbed by other jobs on the machine."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - t0)
    return best


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), str(Path(__file__).parent.parent),
                                                      env.get("PYTHONPATH")]))
    env.update(extra)
    return env
