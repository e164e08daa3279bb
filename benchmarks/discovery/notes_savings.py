"""How many requests the structured-note skip rule saves on the real daily indexes.

    /work/venv/bin/python benchmarks/discovery/notes_savings.py

Reads tests/data/edgar/index/daily (real EDGAR daily indexes) and prints, per day: 424B rows,
unique 424B accessions (= filing requests without the rule), unique 424B2 accessions, and
what the rule skips: by default, by the volume rule alone (no list) and by the list alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.edgar.indexes import parse_index, select  # noqa: E402
from edgar_atm.edgar.structured_notes import StructuredNoteFilter  # noqa: E402

DAILY = ROOT / "tests" / "data" / "edgar" / "index" / "daily"
FILES = ["form.20200318.idx", "company.20221003.idx", "master.20200103.idx"]


def main() -> None:
    rules = {
        "default": StructuredNoteFilter(),
        "volume only": StructuredNoteFilter(known_ciks=frozenset()),
        "list only": StructuredNoteFilter(min_daily_count=None),
    }
    header = f"{'index':24} {'424B rows':>9} {'requests':>8} {'424B2':>6} " + " ".join(
        f"{name + ' skip':>18}" for name in rules)
    print(header)
    totals = {"requests": 0, "b2": 0, **{name: 0 for name in rules}}
    for name in FILES:
        rows = list(parse_index((DAILY / name).read_bytes()))
        base = select(rows, skip_structured_notes=False)
        b2 = sum(1 for r in base.refs if r.form_type == "424B2")
        line = f"{name:24} {base.rows:9d} {len(base.refs):8d} {b2:6d} "
        totals["requests"] += len(base.refs)
        totals["b2"] += b2
        cells = []
        for rule_name, rule in rules.items():
            skipped = len(select(rows, note_filter=rule).skipped)
            totals[rule_name] += skipped
            cells.append(f"{skipped:5d} ({skipped / b2:4.0%} / {skipped / len(base.refs):4.0%})")
        print(line + " ".join(f"{c:>18}" for c in cells))
    cells = [f"{totals[n]:5d} ({totals[n] / totals['b2']:4.0%} / {totals[n] / totals['requests']:4.0%})"
             for n in rules]
    print(f"{'total':24} {'':9} {totals['requests']:8d} {totals['b2']:6d} " +
          " ".join(f"{c:>18}" for c in cells))
    print("skip cells: accessions skipped (share of 424B2 accessions / share of all 424B requests)")


if __name__ == "__main__":
    main()
