"""Source files hold no control characters: a literal backspace where "\\b" was meant (written through a
shell here-document) turned a word boundary in programs._SUB_AGENT_RE into a character no filing has, and
the rule silently never matched. Ruff and mypy pass such a file; this check does not."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _sources() -> list[Path]:
    return sorted(p for top in ("src", "tests", "scripts", "benchmarks", "migrations") for p in (ROOT / top).rglob("*.py"))


def test_the_check_sees_the_source_tree():
    assert len(_sources()) > 50


def test_no_python_source_holds_a_control_character():
    found = []
    for path in _sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            m = CONTROL.search(line)
            if m:
                found.append(f"{path.relative_to(ROOT)}:{number}: U+{ord(m.group(0)):04X}")
    assert found == []
