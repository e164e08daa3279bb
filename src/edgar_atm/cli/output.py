"""How commands print rows: a readable table on a terminal, `--json` or `--csv` for tools.

Every command that prints rows takes `@output_options` and ends with `emit(...)`, so the
formats are the same everywhere:

- `--json`: JSON Lines, one object per row (dates ISO, money as numbers, lists as arrays);
  a command whose result is one document (timeline) prints one object.
- `--csv`: a header line and one line per row (RFC 4180 quoting, UTF-8, dates ISO, money
  as plain decimals, lists joined with "; "), ready for a spreadsheet or pandas.
- neither: the command's own text rendering, fitted to `--width` columns.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

import click

DEFAULT_WIDTH = 100
LIST_SEPARATOR = "; "


def _width_default() -> int:
    # 100 columns into a pipe or file (the same text every time); on a terminal its width,
    # never more than 100: the tables are read, not scanned.
    if not sys.stdout.isatty():
        return DEFAULT_WIDTH
    return max(60, min(DEFAULT_WIDTH, shutil.get_terminal_size((DEFAULT_WIDTH, 24)).columns))


def output_options(func=None, *, json_help: str = "JSON on stdout (JSON Lines: one object per row)."):
    """--json / --csv (mutually exclusive) and --width for the text table."""
    if func is None:
        return lambda f: output_options(f, json_help=json_help)
    func = click.option("--width", type=click.IntRange(60, 400), default=None, metavar="COLUMNS",
                        help="Width of the text output (default: the terminal's, at most 100).")(func)
    func = click.option("--csv", "as_csv", is_flag=True, default=False,
                        help="CSV on stdout: a header line, then one line per row.")(func)
    func = click.option("--json", "as_json", is_flag=True, default=False,
                        help=json_help)(func)
    return func


def output_format(as_json: bool, as_csv: bool) -> str:
    if as_json and as_csv:
        raise click.UsageError("give at most one of --json and --csv")
    return "json" if as_json else "csv" if as_csv else "text"


def text_width(width: int | None) -> int:
    return width or _width_default()


def jsonable(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and abs(value) < 2**53 else float(value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {k: jsonable(v) for k, v in value.items()}
    return value


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (tuple, list)):
        return LIST_SEPARATOR.join(csv_cell(v) for v in value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral_value() else format(value, "f")
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def to_csv(rows: Iterable[Mapping[str, Any]], columns: Sequence[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return buf.getvalue()


def to_json_lines(rows: Iterable[Mapping[str, Any]], columns: Sequence[str] | None = None) -> str:
    lines = []
    for row in rows:
        data = {c: row.get(c) for c in columns} if columns else dict(row)
        lines.append(json.dumps(jsonable(data), ensure_ascii=False))
    return "\n".join(lines) + ("\n" if lines else "")


def emit(fmt: str, rows: Sequence[Mapping[str, Any]], columns: Sequence[str],
         text: Callable[[], str]) -> None:
    """Print `rows` in the chosen format; `text` renders the readable form."""
    if fmt == "json":
        click.echo(to_json_lines(rows, columns), nl=False)
    elif fmt == "csv":
        click.echo(to_csv(rows, columns), nl=False)
    else:
        click.echo(text())


# --- text helpers -------------------------------------------------------------------------


def money(value: Decimal | int | None) -> str:
    if value is None:
        return ""
    value = Decimal(value)
    return f"${value:,.0f}" if value == value.to_integral_value() else f"${value:,.2f}"


def wrap(label: str, text: str, width: int, indent: int) -> list[str]:
    """`label text` wrapped to `width`, continuation lines aligned after the label, words
    (agent names included) never cut."""
    if not text:
        return []
    first = " " * indent + (label + " " if label else "")
    rest = " " * len(first)
    return textwrap.wrap(text, width=width, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False) or [first.rstrip()]


def wrap_items(label: str, items: Sequence[str], width: int, indent: int, *,
               sep: str = ";", gap: str = " ") -> list[str]:
    """Items (agents; figures) joined with `sep` + `gap` and wrapped between items, so an
    item is split across lines only when it alone is longer than the line."""
    items = [i for i in items if i]
    if not items:
        return []
    first = " " * indent + (label + " " if label else "")
    rest = " " * len(first)
    lines: list[str] = []
    current = first
    for i, item in enumerate(items):
        piece = item + (sep if i < len(items) - 1 else "")
        fresh = current in (first, rest)
        candidate = current + ("" if fresh else gap) + piece
        if len(candidate) > width and not fresh:
            lines.append(current)
            current, fresh = rest, True
            candidate = current + piece
        if len(candidate) > width:  # one item longer than the line: wrap it on words
            wrapped = textwrap.wrap(candidate, width=width, subsequent_indent=rest,
                                    break_long_words=False, break_on_hyphens=False)
            lines.extend(wrapped[:-1])
            candidate = wrapped[-1]
        current = candidate
    lines.append(current)
    return lines


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A left-aligned table (the caller keeps cells short enough for its width)."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:<{w}}}" for w in widths)
    out = [fmt.format(*header).rstrip(), fmt.format(*("-" * w for w in widths)).rstrip()]
    out += [fmt.format(*row).rstrip() for row in rows]
    return out
