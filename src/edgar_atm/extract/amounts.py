"""Dollar amounts, share counts and percentages as written in prospectuses -> numbers.

"$50.0 million" -> Decimal("50000000"); "$499,999,716.65" keeps its cents; "25.0 million
shares" -> 25000000. Money is Decimal, never float.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

_SCALE = {"thousand": Decimal(1_000), "million": Decimal(1_000_000), "billion": Decimal(1_000_000_000),
          "mm": Decimal(1_000_000), "bn": Decimal(1_000_000_000)}

DOLLAR = r"(?:US|U\.S\.\s?)?\$"
"""The dollar sign as filings write it: "$", "US$", "U.S.$", "U.S. $" (foreign issuers)."""

MONEY_RE = re.compile(
    DOLLAR + r"\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*(?P<scale>thousand|million|billion)(?:\b|(?=[a-z])))?",
    re.I,
)
"""A scale word may run into the next word where a page lost its spaces ("$10.1 millionas of the date")."""


def money(match: re.Match[str]) -> Decimal | None:
    try:
        value = Decimal(match.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    scale = match.group("scale")
    if scale and not _redundant_scale(value, scale):
        value *= _SCALE[scale.lower()]
    return value.normalize() if value == value.to_integral_value() else value


def _redundant_scale(value: Decimal, scale: str) -> bool:
    """A figure already written out in full followed by a scale word ("$75,000,000 million"): a
    drafting slip, since no ATM program reaches a trillion dollars; the digits are the amount."""
    return value >= 1_000_000 and value * _SCALE[scale.lower()] >= Decimal(10) ** 12


def parse_money(text: str) -> Decimal | None:
    m = MONEY_RE.search(text)
    return money(m) if m else None


def shares(match: re.Match[str]) -> int | None:
    try:
        value = Decimal(match.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    scale = match.group("scale")
    if scale:
        value *= _SCALE[scale.lower()]
    return int(value)


def parse_int(text: str) -> int | None:
    try:
        return int(text.replace(",", ""))
    except ValueError:
        return None


def to_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text.replace(",", ""))
    except InvalidOperation:
        return None


def as_dollars(value: Decimal | None) -> Decimal | None:
    """Normalise a Decimal so whole dollars compare and print as integers."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return Decimal(int(value))
    return value
