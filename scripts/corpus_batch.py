#!/usr/bin/env python3
"""Bring a batch of freshly labelled filings into the corpus (see docs/corpus-workflow.md).

    python scripts/corpus_batch.py check FOLDER [FOLDER ...]       # labels valid, no duplicates of the corpus or each other
    python scripts/corpus_batch.py wordcmp DOCUMENT PAGE            # is DOCUMENT the page's text, word for word?
    python scripts/corpus_batch.py labelcmp HARVEST_DIR COLD_DIR    # a cold second reading against the harvester's labels
    python scripts/corpus_batch.py merge BATCH FOLDER [FOLDER ...]  # copy into tests/data/corpus with batch and split

A harvest folder holds `<id>.txt` documents and `<id>.labels.json` labels in the corpus format
(tests/data/corpus/README.md); a cold folder holds `<id>.json` = {"kind", "atm_related", "events"} written
blind. `merge` marks every third document of the batch (in the order the folders and ids are given) as the
frozen `test` split, adds README rows and rewrites the Totals line; score the batch next with
`python benchmarks/accuracy.py --first-seen BATCH`, before any parser change. Exit status: 0 clean, 1 problems
found, 2 bad arguments.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from edgar_atm.extract.accuracy import CorpusError, validate_label  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "corpus"
EVENT_ORDER = ("program_established", "program_amended", "sales_reported", "suspended", "terminated", "resumed")
FIELDS = ("agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount", "offered_amount",
          "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of", "remaining_amount", "effective_date",
          "commission_rate", "scope", "max_amount_increase", "agents_added", "agents_removed")
LABEL_ORDER = ("id", "document", "source_url", "form_type", "issuer", "cik", "kind", "atm_related", "excerpt", "notes",
               "batch", "split")


def _labels(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.labels.json"))


def _shingles(text: str, n: int = 12) -> set[str]:
    # Overlapping runs of words: a re-cut of a page already in the corpus shares most of them.
    words = re.sub(r"[^a-z0-9]+", " ", text.lower()).split()
    return {" ".join(words[i:i + n]) for i in range(0, max(1, len(words) - n), 3)}


def _documents(folder: Path) -> dict[str, set[str]]:
    return {p.name: _shingles(p.read_text(encoding="utf-8", errors="replace")) for p in folder.iterdir()
            if p.is_file() and not p.name.endswith((".labels.json", ".md"))}


def check(folders: list[Path], corpus: Path = CORPUS) -> list[str]:
    """Every problem that keeps these folders out of the corpus, one line each."""
    problems: list[str] = []
    known_ids, known_urls = set(), set()
    for path in corpus.glob("*.labels.json"):
        label = json.loads(path.read_text(encoding="utf-8"))
        known_ids.add(label["id"])
        known_urls.add(label["source_url"].strip().rstrip("/"))
    texts = _documents(corpus)
    seen_urls: dict[str, str] = {}
    for folder in folders:
        for path in _labels(folder):
            where = f"{folder.name}/{path.name}"
            try:
                label = json.loads(path.read_text(encoding="utf-8"))
                validate_label(label, path.name)
            except (ValueError, KeyError, CorpusError) as exc:
                problems.append(f"{where}: {exc}")
                continue
            if not re.fullmatch(r"[a-z0-9][a-z0-9.-]*", label["id"]):
                problems.append(f"{where}: id must be lower-case letters, digits, dots and hyphens")
            document = folder / label["document"]
            if label["document"] != label["id"] + document.suffix or not document.is_file():
                problems.append(f"{where}: document {label['document']!r} missing or not named <id>.<ext>")
                continue
            text = document.read_text(encoding="utf-8", errors="replace")
            if len(text) < 300:
                problems.append(f"{where}: document is only {len(text)} characters")
            if label["id"] in known_ids:
                problems.append(f"{where}: id already in the corpus")
            url = label["source_url"].strip().rstrip("/")
            if url in known_urls:
                problems.append(f"{where}: source already in the corpus: {url}")
            if url in seen_urls:
                problems.append(f"{where}: source also taken by {seen_urls[url]}")
            seen_urls[url] = where
            mine = _shingles(text)
            twin = next((name for name, theirs in texts.items() if mine and len(mine & theirs) > len(mine) // 2), None)
            if twin is not None:
                problems.append(f"{where}: text overlaps {twin}")
            texts[f"{folder.name}/{document.name}"] = mine
        labelled = {p.name[: -len(".labels.json")] for p in _labels(folder)}
        for p in folder.iterdir():
            if p.is_file() and not p.name.endswith((".labels.json", ".md")) and p.stem not in labelled:
                problems.append(f"{folder.name}/{p.name}: document without a label")
    return problems


def wordcmp(document: str, page: str) -> list[str]:
    """Differences between a document and the page it was copied from; empty when the document is the page's text
    word for word. Page chrome before the document's first word is allowed; a word of the document missing from the
    page, or words past the end of the page excerpt, are not."""
    if document.strip() and " ".join(document.split()) in " ".join(page.split()):
        return []
    doc, pg = document.split(), page.split()
    blocks = [b for b in difflib.SequenceMatcher(None, doc, pg, autojunk=False).get_matching_blocks() if b.size]
    if not blocks:
        return ["no words in common"]
    out = []
    first, last = blocks[0], blocks[-1]
    if first.a:
        out.append(f"{first.a} document words before the page text: {' '.join(doc[:first.a])[:120]!r}")
    d0, p0, d1, p1 = first.a, first.b, last.a + last.size, last.b + last.size
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, doc[d0:d1], pg[p0:p1], autojunk=False).get_opcodes():
        if tag != "equal":
            out.append(f"{tag}: document {' '.join(doc[d0 + i1:d0 + i2])[:120]!r}, page {' '.join(pg[p0 + j1:p0 + j2])[:120]!r}")
    if d1 < len(doc):
        out.append(f"{len(doc) - d1} document words past the end of the page excerpt")
    return out


def _norm(field: str, value: Any) -> Any:
    if value in (None, [], ""):
        return None
    if field in ("agents", "agents_added", "agents_removed"):
        return sorted(value)
    if field in ("agreement_type", "security"):
        return re.sub(r"[-\s]+|\u2120|\u00ae|\u2122|\bsm\b", " ", str(value).lower()).split()
    if isinstance(value, (int, float)):
        return float(value)
    return value


def labelcmp(harvest: Path, cold: Path) -> tuple[list[str], int, int]:
    """(disagreements, fields agreeing, fields compared) between a harvester's labels and blind cold labels."""
    lines: list[str] = []
    agree = total = 0
    for path in _labels(harvest):
        mine = json.loads(path.read_text(encoding="utf-8"))
        other_path = cold / f"{mine['id']}.json"
        if not other_path.is_file():
            lines.append(f"{mine['id']}: no cold label")
            continue
        other = json.loads(other_path.read_text(encoding="utf-8"))
        for key in ("kind", "atm_related"):
            if mine[key] != other.get(key):
                lines.append(f"{mine['id']}: {key} harvest={mine[key]!r} cold={other.get(key)!r}")
        keys = [(e["type"], e.get("scope") or "this") for e in mine["events"]]
        cold_events = list(other.get("events", []))
        if sorted(keys) != sorted((e["type"], e.get("scope") or "this") for e in cold_events):
            lines.append(f"{mine['id']}: events harvest={keys} cold={[(e['type'], e.get('scope') or 'this') for e in cold_events]}")
        for event in mine["events"]:
            key = (event["type"], event.get("scope") or "this")
            twin = next((e for e in cold_events if (e["type"], e.get("scope") or "this") == key), None)
            if twin is None:
                continue
            cold_events.remove(twin)
            for field in FIELDS:
                total += 1
                a, b = _norm(field, event.get(field)), _norm(field, twin.get(field))
                if field == "scope":
                    a, b = a or "this", b or "this"
                if a == b:
                    agree += 1
                else:
                    lines.append(f"{mine['id']}: {event['type']}.{field} harvest={event.get(field)!r} cold={twin.get(field)!r}")
    return lines, agree, total


def _readme_row(label: dict[str, Any]) -> str:
    what = re.sub(r"^[a-z0-9.]+-(?:424b\d|497|[a-z0-9]+)-(?:\d{4}(?:-\d\d){0,2}-)?", "", label["id"]).replace("-", " ")
    types = [t for t in EVENT_ORDER if any(e["type"] == t for e in label["events"])]
    return (f"| `{label['id']}` | {label['kind']} | {label['form_type'] or '?'} | {label['issuer']} | {what} | "
            f"{'excerpt' if label['excerpt'] else 'whole'} | {', '.join(types) or 'none'} | {label['source_url']} |")


def totals_line(corpus: Path) -> str:
    labels = [json.loads(p.read_text(encoding="utf-8")) for p in corpus.glob("*.labels.json")]
    counts = Counter(e["type"] for label in labels for e in label["events"])
    atm = sum(label["kind"] == "atm" for label in labels)
    dev = sum(label.get("split", "dev") == "dev" for label in labels)
    return (f"Totals: {len(labels)} documents ({atm} ATM, {len(labels) - atm} negatives; {dev} dev, {len(labels) - dev} test; "
            f"{sum(not label['excerpt'] for label in labels)} whole primary documents; "
            f"{sum('language' in label for label in labels)} machine translations, not scored); events by type: "
            + ", ".join(f"{t} {counts[t]}" for t in EVENT_ORDER) + ".")


def merge(batch: str, folders: list[Path], corpus: Path = CORPUS) -> list[str]:
    """Copy the folders' documents into the corpus as one batch; returns the ids in the order merged."""
    readme = corpus / "README.md"
    rows, ids = [], []
    for folder in folders:
        for path in _labels(folder):
            label = json.loads(path.read_text(encoding="utf-8"))
            ids.append(label["id"])
            label["batch"] = batch
            label["split"] = "test" if len(ids) % 3 == 0 else "dev"
            ordered = {k: label[k] for k in LABEL_ORDER}
            ordered.update({k: v for k, v in label.items() if k not in LABEL_ORDER and k != "events"})
            ordered["events"] = label["events"]
            target = corpus / label["document"]
            if target.exists():
                raise FileExistsError(f"{target.name} is already in the corpus")
            shutil.copyfile(folder / label["document"], target)
            (corpus / f"{label['id']}.labels.json").write_text(json.dumps(ordered, indent=2, ensure_ascii=False) + "\n",
                                                               encoding="utf-8")
            rows.append(_readme_row(label))
    lines = readme.read_text(encoding="utf-8").rstrip("\n").split("\n")
    at = max(i for i, line in enumerate(lines) if line.startswith("Totals:"))
    end = at
    while lines[end - 1].strip() == "":
        end -= 1
    lines[end:end] = rows
    at += len(rows)
    lines[at] = totals_line(corpus)
    readme.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def main(argv: list[str] | None = None) -> int:
    try:
        return _run(argv)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        # A label that is not JSON or lacks a key, a file that cannot be read or written: one line, no traceback.
        print(f"corpus_batch: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return 1


def _run(argv: list[str] | None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check").add_argument("folders", nargs="+", type=Path)
    w = sub.add_parser("wordcmp")
    w.add_argument("document", type=Path)
    w.add_argument("page", type=Path)
    c = sub.add_parser("labelcmp")
    c.add_argument("harvest", type=Path)
    c.add_argument("cold", type=Path)
    m = sub.add_parser("merge")
    m.add_argument("batch")
    m.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    folders = [*getattr(args, "folders", []), *[p for p in (getattr(args, "harvest", None), getattr(args, "cold", None)) if p]]
    missing = [str(p) for p in folders if not p.is_dir()]
    if missing:
        print(f"corpus_batch: not a folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.command == "check":
        problems = check(args.folders)
        print("\n".join(problems + [f"problems: {len(problems)}"]))
        return 1 if problems else 0
    if args.command == "wordcmp":
        for p in (args.document, args.page):
            if not p.is_file():
                print(f"corpus_batch: no such file: {p}", file=sys.stderr)
                return 2
        diffs = wordcmp(args.document.read_text(encoding="utf-8", errors="replace"),
                        args.page.read_text(encoding="utf-8", errors="replace"))
        print("\n".join(diffs + ["DIFFERENT" if diffs else "VERBATIM"]))
        return 1 if diffs else 0
    if args.command == "labelcmp":
        lines, agree, total = labelcmp(args.harvest, args.cold)
        print("\n".join(lines + [f"fields agreeing on matched events: {agree}/{total}"]))
        return 1 if lines else 0
    problems = check(args.folders)
    if problems:
        print("\n".join(problems + [f"problems: {len(problems)}; nothing merged"]))
        return 1
    ids = merge(args.batch, args.folders)
    print(f"merged {len(ids)} documents into {args.batch}; {totals_line(CORPUS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
