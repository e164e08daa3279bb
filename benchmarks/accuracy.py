"""Parser accuracy on the labelled corpus of real filings (tests/data/corpus).

    python benchmarks/accuracy.py                     # print the report
    python benchmarks/accuracy.py --write             # also rewrite ACCURACY.md, accuracy.json
    python benchmarks/accuracy.py --first-seen b9     # score a NEW batch once, record it for good

Runs `edgar_atm.extract.parse_filing` over every document and scores it against the labels
(edgar_atm.extract.accuracy). The corpus has two splits: "dev" (rules may be written against
it; benchmarks/accuracy.json holds its figures for the ratchet test) and "test" (frozen: no rule
is written against it; reported, never held). Every batch of new filings is scored once, the
first time the parser sees it, before any parser change made for it (--first-seen); that figure
is kept in benchmarks/batches.json and shown as a series beside the batch's figure now.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.extract.accuracy import (  # noqa: E402
    EVENT_FIELDS,
    OPTIONAL_EVENT_FIELDS,
    batch_of,
    is_filing_text,
    load_corpus,
    score,
    split_of,
)

CORPUS = ROOT / "tests" / "data" / "corpus"
REPORT_MD = ROOT / "benchmarks" / "ACCURACY.md"
REPORT_JSON = ROOT / "benchmarks" / "accuracy.json"
BATCHES = ROOT / "benchmarks" / "batches.json"
BENCH_README = ROOT / "benchmarks" / "README.md"
README_BEGIN, README_END = "<!-- accuracy:begin -->", "<!-- accuracy:end -->"
WORST = 40
SUMMARY_KEYS = ("documents", "atm_documents", "negative_documents", "labelled_events", "events_overall",
                "fields_overall", "negatives", "atm_related", "documents_exact")


def _memo_parse():
    """parse_filing, once per path: the splits and batches score overlapping sets."""
    from edgar_atm.extract import parse_filing

    seen: dict[str, object] = {}

    def parse(data: bytes, path: str):
        if path not in seen:
            try:
                seen[path] = parse_filing(data, path=path)
            except Exception as exc:  # scored as a parse error by score(), for every set it is in
                seen[path] = exc
        result = seen[path]
        if isinstance(result, Exception):
            raise result
        return result

    return parse


def _batch_members(entry: dict, documents: list) -> list:
    ids = set(entry.get("ids") or [])
    return [d for d in documents if d.id in ids or (not ids and batch_of(d) == entry["batch"])]


def load_batches() -> dict:
    if BATCHES.exists():
        return json.loads(BATCHES.read_text(encoding="utf-8"))
    return {"batches": []}


def summary(report: dict) -> dict:
    return {k: report[k] for k in SUMMARY_KEYS}


def scored_corpus() -> list:
    """The corpus documents that are scored: filing text as EDGAR serves it (not translations)."""
    return [d for d in load_corpus(CORPUS) if is_filing_text(d)]


def measure() -> dict:
    every = load_corpus(CORPUS)
    documents = [d for d in every if is_filing_text(d)]
    parse = _memo_parse()
    started = time.perf_counter()
    report = score(documents, parse)
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["splits"] = {}
    for split in ("dev", "test"):
        subset = [d for d in documents if split_of(d) == split]
        report["splits"][split] = score(subset, parse)
    report["batches"] = []
    for entry in load_batches()["batches"]:
        members = _batch_members(entry, documents)
        now = score(members, parse)
        report["batches"].append({**entry, "now": summary(now), "test_documents": sum(split_of(d) == "test" for d in members)})
    report["translations"] = sorted(d.id for d in every if not is_filing_text(d))
    report["measured_at"] = _now()
    report["parser_version"] = parser_version()
    return report


def first_seen(batch: str) -> dict:
    """Score a batch that no parser change has been made for, and record it for good."""
    data = load_batches()
    if any(e["batch"] == batch for e in data["batches"]):
        raise SystemExit(f"batch {batch!r} already has its first-seen figure in {BATCHES.name}; it is never rewritten")
    members = [d for d in scored_corpus() if batch_of(d) == batch]
    if not members:
        raise SystemExit(f"no document in {CORPUS} has \"batch\": {batch!r}")
    from edgar_atm.extract import parse_filing

    report = score(members, parse_filing)
    version = parser_version()
    if version.endswith("+dirty)"):
        raise SystemExit("src/ has uncommitted changes: a first-seen figure must name a committed parser")
    entry = {
        "batch": batch,
        "ids": sorted(d.id for d in members),
        "first_seen": {
            "parser": version,
            "measured_at": _now(),
            **{k: report[k] for k in ("documents", "atm_documents", "negative_documents", "labelled_events")},
            "events": report["events_overall"],
            "events_by_type": {t: c for t, c in report["events_by_type"].items() if c["tp"] or c["fp"] or c["fn"]},
            "fields": report["fields_overall"],
            "fields_by_name": {n: f["accuracy_where_stated"] for n, f in report["fields"].items() if f["stated"]},
            "negatives_with_events": f"{report['negatives']['with_events']} of {report['negatives']['documents']}",
            "atm_related_correct": f"{report['atm_related']['correct']} of {report['documents']}",
            "documents_exact": f"{report['documents_exact']['count']} of {report['documents']}",
            "parse_errors": len(report["parse_errors"]),
        },
    }
    data["batches"].append(entry)
    BATCHES.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return {"entry": entry, "misses": report["worst_misses"]}


def rescore(batch: str) -> dict:
    """Re-score a recorded batch with the SAME parser commit it was first seen with, after its
    labels were corrected by a second labelling pass. The parser and commit stay; only the
    figures follow the corrected labels (the entry notes when). Runs the old parser from a
    temporary git worktree in a child process, so today's code never touches the figure."""
    import re
    import subprocess
    import tempfile
    from types import SimpleNamespace

    data = load_batches()
    entry = next((e for e in data["batches"] if e["batch"] == batch), None)
    if entry is None:
        raise SystemExit(f"batch {batch!r} has no first-seen figure yet: use --first-seen")
    found = re.search(r"commit ([0-9a-f]{7,40})\)", entry["first_seen"]["parser"])
    if not found:
        raise SystemExit(f"batch {batch!r} names no parser commit; it cannot be re-scored")
    members = [d for d in scored_corpus() if d.id in set(entry["ids"])]
    script = (
        "import json, sys\n"
        "from edgar_atm.extract import parse_filing\n"
        "out = {}\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        r = parse_filing(open(path, 'rb').read(), path=path)\n"
        "        out[path] = {'atm_related': r.atm_related, 'events': [e.to_json() for e in r.events]}\n"
        "    except Exception as exc:\n"
        "        out[path] = {'error': f'{type(exc).__name__}: {exc}'}\n"
        "print(json.dumps(out))\n"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "parser"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(tree), found.group(1)],
                       check=True)
        try:
            done = subprocess.run([sys.executable, "-c", script, *[str(d.path) for d in members]],
                                  env={"PYTHONPATH": str(tree / "src"), "PATH": "/usr/bin:/bin"},
                                  capture_output=True, text=True, check=True)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    results = json.loads(done.stdout)

    def recorded(data: bytes, path: str):
        result = results[path]
        if "error" in result:
            raise RuntimeError(result["error"])
        return SimpleNamespace(**result)

    report = score(members, recorded)
    first = entry["first_seen"]
    dropped = sorted(set(entry["ids"]) - {d.id for d in members})
    if dropped:
        # Kept so the series shows what was first printed before the batch lost documents that
        # turned out not to be filing text (machine translations).
        first.setdefault("as_first_recorded", {k: first[k] for k in ("documents", "events", "fields")})
        entry["ids"] = sorted(d.id for d in members)
        entry["dropped"] = {"ids": dropped, "why": "machine translations of filings, not EDGAR text"}
    first.update({
        **{k: report[k] for k in ("documents", "atm_documents", "negative_documents")},
        "events": report["events_overall"],
        "events_by_type": {t: c for t, c in report["events_by_type"].items() if c["tp"] or c["fp"] or c["fn"]},
        "fields": report["fields_overall"],
        "fields_by_name": {n: f["accuracy_where_stated"] for n, f in report["fields"].items() if f["stated"]},
        "negatives_with_events": f"{report['negatives']['with_events']} of {report['negatives']['documents']}",
        "atm_related_correct": f"{report['atm_related']['correct']} of {report['documents']}",
        "documents_exact": f"{report['documents_exact']['count']} of {report['documents']}",
        "labelled_events": report["labelled_events"],
        "relabelled_at": _now(),
    })
    BATCHES.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return {"entry": entry, "misses": report["worst_misses"]}


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _f(value) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def parser_version() -> str:
    """Package version plus the commit the parser came from, so a report names its parser."""
    from edgar_atm import extract

    version = getattr(extract, "PARSER_VERSION", None) or "unversioned"
    commit = _git_head(ROOT / ".git")
    return f"{version} (commit {commit})" if commit else str(version)


def _git_head(git: Path) -> str | None:
    import subprocess

    try:
        out = subprocess.run(
            ["git", "-C", str(git.parent), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    dirty = subprocess.run(
        ["git", "-C", str(git.parent), "status", "--porcelain", "--", "src"], capture_output=True, text=True
    ).stdout.strip()
    return out.stdout.strip() + ("+dirty" if dirty else "")


def _events_line(e: dict) -> str:
    return f"{_f(e['precision'])} / {_f(e['recall'])} / {_f(e['f1'])}"


def _fields_line(f: dict) -> str:
    return f"{_f(f['accuracy'])} / {_f(f['accuracy_where_stated'])}"


def render(report: dict) -> str:
    dev, test = report["splits"]["dev"], report["splits"]["test"]
    lines = [
        "# Parser accuracy on the labelled corpus",
        "",
        "Generated by `python benchmarks/accuracy.py --write` from tests/data/corpus (real 424B filing text;",
        "see its README.md). Do not edit by hand: the figures are measured. The first-seen column of the",
        "series below is written once per batch by `--first-seen BATCH`, before any parser change made for",
        "that batch, and kept in benchmarks/batches.json.",
        "",
        f"- measured: {report['measured_at']} (parser {report['parser_version']}, {report['seconds']} s)",
        f"- corpus: {report['documents']} documents ({report['atm_documents']} ATM, "
        f"{report['negative_documents']} negatives), {report['labelled_events']} labelled events; "
        f"{dev['documents']} dev, {test['documents']} test (frozen)",
        f"- not scored: {len(report.get('translations', []))} machine translations of filings (mirror sites' "
        "Chinese or German pages, label key `language`); EDGAR serves English text, so the parser is not "
        "measured on them. Their labels stay: issuer histories cite some.",
        "",
        "## First seen: each batch of new filings, the first time the parser saw it",
        "",
        "What counts is this series: the score of each new batch of real filings before the parser was",
        "changed for it, labelled from the text before the parser ran. 'now' is the same documents with",
        "today's parser (higher than first seen where rules were since written for the batch's dev part).",
        "For reference, before this series: parser 1.7.0 scored event P/R/F1 0.85 / 0.69 / 0.77 and field",
        "accuracy 0.88 on 88 unseen excerpts measured by the issue that started it (those texts are not here).",
        "Event P / R / F1; fields = accuracy over matched events (all fields / fields the label states).",
        "",
        "| batch | documents (ATM / neg / test) | events | parser first seen | first seen: events P / R / F1 "
        "| first seen: fields | first seen: negatives with events | now: events F1 | now: fields |",
        "|---|---|---:|---|---|---|---|---|---|",
    ]
    for b in report["batches"]:
        fs, now = b["first_seen"], b["now"]
        neg = fs["negatives_with_events"]
        lines.append(
            f"| {b['batch']} | {now['documents']} ({now['atm_documents']} / {now['negative_documents']} / "
            f"{b['test_documents']}) | {now['labelled_events']} | {fs['parser']} | {_events_line(fs['events'])} "
            f"| {_fields_line(fs['fields'])} | {neg} | {_f(now['events_overall']['f1'])} "
            f"| {_fields_line(now['fields_overall'])} |"
        )
    dropped = [b for b in report["batches"] if b.get("dropped")]
    if dropped:
        lines += ["", "Batches that held machine translations (not scored since; the first-seen figure was re-scored "
                  "with the same recorded parser commit by `--rescore`). As first printed, with the translations:"]
        for b in dropped:
            first = b["first_seen"]["as_first_recorded"]
            lines.append(f"- {b['batch']}: {first['documents']} documents, events {_events_line(first['events'])}, "
                         f"fields {_fields_line(first['fields'])} ({len(b['dropped']['ids'])} translations since left out)")
    lines += [
        "",
        "## Splits",
        "",
        "The ratchet (tests/corpus/test_accuracy_ratchet.py, figures in accuracy.json) holds the dev split",
        "only; the test split is frozen text no rule was written against and is reported, never held.",
        "",
        "| split | documents | events | events P / R / F1 | fields (all / stated) | negatives with events "
        "| atm_related | entirely right |",
        "|---|---:|---:|---|---|---|---|---|",
    ]
    for name, r in (("dev", dev), ("test", test), ("all", report)):
        neg = r["negatives"]
        lines.append(
            f"| {name} | {r['documents']} | {r['labelled_events']} | {_events_line(r['events_overall'])} "
            f"| {_fields_line(r['fields_overall'])} | {neg['with_events']} of {neg['documents']} "
            f"| {r['atm_related']['correct']} of {r['documents']} | {r['documents_exact']['count']} of {r['documents']} |"
        )
    for name, r in (("dev", dev), ("test", test)):
        lines += [
            "",
            f"## Events by type ({name} split)",
            "",
            "| type | labelled | predicted | tp | fp | fn | precision | recall | F1 |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for event_type, c in r["events_by_type"].items():
            lines.append(
                f"| {event_type} | {c['tp'] + c['fn']} | {c['tp'] + c['fp']} | {c['tp']} | {c['fp']} | {c['fn']} "
                f"| {_f(c['precision'])} | {_f(c['recall'])} | {_f(c['f1'])} |"
            )
        o = r["events_overall"]
        lines.append(
            f"| **overall** | {o['tp'] + o['fn']} | {o['tp'] + o['fp']} | {o['tp']} | {o['fp']} | {o['fn']} "
            f"| {_f(o['precision'])} | {_f(o['recall'])} | {_f(o['f1'])} |"
        )
        lines += [
            "",
            f"## Fields over matched events ({name} split)",
            "",
            "Equal after normalisation (amounts as Decimal, dates ISO, agents as a set of names, agreement",
            "type and security case- and hyphen-insensitive, agreement type also singular or plural and without service marks); null and null count as correct in the first",
            "column, the second counts only fields the label states. scope / max_amount_increase /",
            "agents_added / agents_removed are scored only on labels that write them.",
            "",
            "| field | matched | accuracy | stated in label | accuracy where stated |",
            "|---|---:|---:|---:|---:|",
        ]
        for field_name in (*EVENT_FIELDS, *OPTIONAL_EVENT_FIELDS):
            f = r["fields"][field_name]
            lines.append(
                f"| {field_name} | {f['matched']} | {_f(f['accuracy'])} | {f['stated']} | {_f(f['accuracy_where_stated'])} |"
            )
    lines += ["", "## False events on negatives (all splits)", ""]
    which = report["negatives"]["which"]
    lines += [f"- `{doc}`: {n} event(s)" for doc, n in which.items()] if which else ["None."]
    if report["parse_errors"]:
        lines += ["", "## Parse errors", ""]
        lines += [f"- `{doc}`: {err}" for doc, err in report["parse_errors"].items()]
    lines += [
        "",
        "## Per document (dev split)",
        "",
        "| document | kind | labelled events | parsed events | entirely right |",
        "|---|---|---|---|---|",
    ]
    for d in dev["per_document"]:
        lines.append(
            f"| `{d['id']}` | {d['kind']} | {', '.join(d['labelled']) or '-'} | {', '.join(d['predicted']) or '-'} "
            f"| {'yes' if d['exact'] else '**no**'} |"
        )
    misses = dev["worst_misses"]
    shown = f"first {WORST} of {len(misses)}" if len(misses) > WORST else f"all {len(misses)}"
    lines += ["", f"## Worst misses, dev split ({shown}; missed and false events first)", ""]
    lines += [f"- `{m['document']}` {m['kind']}: {m['detail']}" for m in misses[:WORST]] if misses else ["None."]
    lines += ["", "Test-split misses are not listed: no rule is to be written against them."]
    return "\n".join(lines) + "\n"


def readme_section(report: dict) -> str:
    """The headline figures for benchmarks/README.md (between markers, rewritten by --write)."""
    dev, test = report["splits"]["dev"], report["splits"]["test"]
    rows = [
        f"| first seen, batch {b['batch']} ({b['now']['documents']} documents, parser {b['first_seen']['parser']}) "
        f"| {_f(b['first_seen']['events']['f1'])} | {_fields_line(b['first_seen']['fields'])} "
        f"| {b['first_seen']['negatives_with_events']} |"
        for b in report["batches"]
    ]
    return "\n".join(
        [
            README_BEGIN,
            "## Parser accuracy (labelled corpus)",
            "",
            "Command: `python benchmarks/accuracy.py --write` (rewrites `benchmarks/ACCURACY.md`, the full",
            "report, `benchmarks/accuracy.json`, the dev-split figures the ratchet test holds, and this",
            f"section). Corpus: `tests/data/corpus`, {report['documents']} real 424B documents "
            f"({report['atm_documents']} ATM, {report['negative_documents']} negatives), "
            f"{report['labelled_events']} labelled events. Measured {report['measured_at']}, parser {report['parser_version']}.",
            "",
            "| set | event F1 | fields (all / stated) | negatives with events |",
            "|---|---|---|---|",
            *rows,
            f"| dev split now ({dev['documents']}) | {_f(dev['events_overall']['f1'])} | {_fields_line(dev['fields_overall'])} "
            f"| {dev['negatives']['with_events']} of {dev['negatives']['documents']} |",
            f"| test split now ({test['documents']}, frozen) | {_f(test['events_overall']['f1'])} "
            f"| {_fields_line(test['fields_overall'])} | {test['negatives']['with_events']} of {test['negatives']['documents']} |",
            "",
            "The first-seen rows are the measure of unseen filings; the dev figures show agreement with",
            "labels the rules were written against. Details: `benchmarks/ACCURACY.md`.",
            README_END,
        ]
    )


def _update_readme(report: dict) -> None:
    text = BENCH_README.read_text(encoding="utf-8") if BENCH_README.exists() else "# Benchmarks\n"
    section = readme_section(report)
    if README_BEGIN in text and README_END in text:
        before, rest = text.split(README_BEGIN, 1)
        after = rest.split(README_END, 1)[1]
        text = before + section + after
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    BENCH_README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite benchmarks/ACCURACY.md and accuracy.json")
    parser.add_argument("--first-seen", metavar="BATCH", help="score a new batch once and record it in batches.json")
    parser.add_argument("--rescore", metavar="BATCH",
                        help="after a labelling pass corrected a recorded batch: its figure with the same parser commit")
    args = parser.parse_args(argv)
    if args.first_seen or args.rescore:
        result = first_seen(args.first_seen) if args.first_seen else rescore(args.rescore)
        args.first_seen = args.first_seen or args.rescore
        fs = result["entry"]["first_seen"]
        print(f"batch {args.first_seen}: {fs['documents']} documents, parser {fs['parser']}")
        print(f"  events P/R/F1 {_events_line(fs['events'])}; fields {_fields_line(fs['fields'])}; "
              f"negatives with events {fs['negatives_with_events']}; entirely right {fs['documents_exact']}")
        for m in result["misses"]:
            print(f"  - {m['document']} {m['kind']}: {m['detail']}")
        print(f"recorded in {BATCHES.relative_to(ROOT)}")
        return 0
    report = measure()
    text = render(report)
    print(text)
    if args.write:
        REPORT_MD.write_text(text, encoding="utf-8")
        held = {**report["splits"]["dev"], "split": "dev", "measured_at": report["measured_at"],
                "parser_version": report["parser_version"]}
        REPORT_JSON.write_text(json.dumps(held, indent=2, sort_keys=False) + "\n", encoding="utf-8")
        _update_readme(report)
        print(f"wrote {REPORT_MD.relative_to(ROOT)}, {REPORT_JSON.relative_to(ROOT)} and the accuracy section of "
              f"{BENCH_README.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
