"""What the rules work on and hand to each other: the document as paragraphs and sentences
that know where they sit in the plain text, spans of evidence, and a program's identity.

Every value a rule finds travels with a `Span` (character offsets into the plain text the
rules ran on), so each field of an event can say where it came from:
`plain[span.start:span.end]` is the evidence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from ..records import Event
from .agents import SENTENCE_END, cut_name_start
from .sentences import sentence_spans

# Fields of the program identity, carried by every event whatever its type.
IDENTITY_FIELDS = ("agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount",
                   "offered_amount", "max_shares", "commission_rate")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def cover(self, other: Span) -> Span:
        return Span(min(self.start, other.start), max(self.end, other.end))


@dataclass
class Sentence:
    index: int
    para: int
    start: int  # offset of text[0] in the plain text
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.start + len(self.text))

    def sub(self, start: int, end: int) -> Span:
        """A span inside this sentence, from offsets into its text."""
        return Span(self.start + start, self.start + end)

    def match(self, m: re.Match[str], group: int | str = 0) -> Span:
        return self.sub(m.start(group), m.end(group))


class Window:
    """Pieces of the document joined into one string (a sentence and the next, the cover's
    paragraphs), with offsets mapped back to the plain text."""

    def __init__(self, pieces: list[tuple[int, str]], sep: str = " ") -> None:
        self._pieces: list[tuple[int, int, int]] = []  # (offset in joined text, offset in plain text, length)
        parts, at = [], 0
        for i, (start, text) in enumerate(pieces):
            if i:
                parts.append(sep)
                at += len(sep)
            self._pieces.append((at, start, len(text)))
            parts.append(text)
            at += len(text)
        self.text = "".join(parts)

    @classmethod
    def of(cls, sentences: list[Sentence], sep: str = " ") -> Window:
        return cls([(s.start, s.text) for s in sentences], sep)

    def sub(self, start: int, end: int) -> Span:
        first = self._plain(start, forward=True)
        if end <= start:
            return Span(first, first)
        return Span(first, self._plain(end - 1, forward=False) + 1)

    def match(self, m: re.Match[str], group: int | str = 0) -> Span:
        return self.sub(m.start(group), m.end(group))

    def _plain(self, offset: int, *, forward: bool) -> int:
        # An offset on a separator belongs to the next piece (a start) or the previous one (an end).
        previous = None
        for joined, plain, length in self._pieces:
            if offset < joined:
                return plain if forward or previous is None else previous
            if offset < joined + length:
                return plain + (offset - joined)
            previous = plain + max(length - 1, 0)
        return previous if previous is not None else 0


# Every rule's sentence test needs one of these (lower case) in its sentence or its neighbours'.
_RULE_WORDS = ("sale", "offering", "agreement", "market", "agent", "sold", "sell", "issu", "atm", "amend", "terminat",
               "suspend", "until", "remain", "resum", "reinstat", "recommenc", "reactivat", "415(a)(4)")
_RULE_WORDS_RE = re.compile("|".join(re.escape(w) for w in _RULE_WORDS))


_CUT_AMOUNT_RE = re.compile(r"(?:US)?\$\s?\d[\d,.]*$")
"""An amount the page stops in ("net proceeds of approximately $1" of "$15.9 million"): no figure can be read from it."""


def _without_cut_name(last: Sentence) -> Sentence:
    """The document's last sentence without the firm name or amount it is cut in: a name or a figure cut by the page's
    end is not one the filing states."""
    t = last.text
    at = cut_name_start(t)
    if at is None and t and t[-1] not in SENTENCE_END:
        m = _CUT_AMOUNT_RE.search(t)
        at = m.start() if m else None
    return last if at is None else replace(last, text=t[:at].rstrip())


@dataclass
class Document:
    text: str
    paragraphs: list[tuple[int, str]]  # (offset, line) of every non-blank line
    sentences: list[Sentence]

    @classmethod
    def read(cls, text: str) -> Document:
        paragraphs: list[tuple[int, str]] = []
        at = 0
        for line in text.split("\n"):
            if line.strip():
                paragraphs.append((at, line))
            at += len(line) + 1
        sentences: list[Sentence] = []
        for pi, (offset, para) in enumerate(paragraphs):
            low = para.lower()
            if not _RULE_WORDS_RE.search(low):
                # No rule looks at a paragraph without any of these words: keep it whole
                # (splitting every paragraph of a long prospectus is half the rules' time).
                stripped = para.lstrip()
                sentences.append(Sentence(len(sentences), pi, offset + len(para) - len(stripped), stripped.rstrip()))
                continue
            for start, s in sentence_spans(para):
                sentences.append(Sentence(len(sentences), pi, offset + start, s))
        if sentences:
            sentences[-1] = _without_cut_name(sentences[-1])
        return cls(text, paragraphs, sentences)

    def evidence(self, span: Span) -> dict[str, Any]:
        return {"text": self.text[span.start:span.end], "start": span.start, "end": span.end}


@dataclass
class Program:
    """One sales agreement's identity as the filing states it, each value with its span."""

    agreement_type: str | None = None
    agreement_date: date | None = None
    amendment_date: date | None = None
    agents: list[str] = field(default_factory=list)
    security: str | None = None
    max_amount: Decimal | None = None
    offered_amount: Decimal | None = None
    max_shares: int | None = None
    commission_rate: Decimal | None = None
    excerpt: str | None = None
    amended: bool = False
    # Where each identity value came from, and the defining sentence.
    spans: dict[str, Span] = field(default_factory=dict)
    source: Span | None = None
    # How the amendment was recognised: "explicit" (Amendment No., A&R, a new total) or
    # "inferred" (an "as amended on X" date close to the supplement's date, a notice cover).
    amended_how: str | None = None
    # How many separate sentences state the same cap / agreement date (corroboration).
    agreeing: int = 0
    # What an amendment changes: agents added/removed, a cap increment with no new total, and
    # which kinds of change the text states ("agents", "increment", "cut", "raised", "new total").
    agents_added: list[str] = field(default_factory=list)
    agents_removed: list[str] = field(default_factory=list)
    max_amount_increase: Decimal | None = None
    changes: list[str] = field(default_factory=list)
    # The unsold remainder of an existing program this prospectus carries over (what is left of it).
    carried: Decimal | None = None

    def event(self, type_: str, *, trigger: Span | None, spans: dict[str, Span] | None = None,
              how: str = "explicit", **fields: Any) -> Detection:
        ev = Event(
            type=type_, agreement_type=self.agreement_type, agreement_date=self.agreement_date,
            amendment_date=self.amendment_date if type_ == "program_amended" else None, agents=list(self.agents),
            security=self.security, max_amount=self.max_amount,
            offered_amount=self.offered_amount if type_ in ("program_established", "program_amended") else None,
            max_shares=self.max_shares,
            # The agent's rate is a term of the program, stated where the program is set up or changed.
            commission_rate=self.commission_rate if type_ in _PROGRAM_TERMS_EVENTS else None,
        )
        ev = replace(ev, **fields)
        all_spans = {k: v for k, v in self.spans.items() if k in IDENTITY_FIELDS}
        all_spans.update(spans or {})
        return Detection(ev, trigger, all_spans, how, self)


_PROGRAM_TERMS_EVENTS = ("program_established", "program_amended", "resumed")


@dataclass
class Detection:
    """An event a detector found, before assembly: the record, the sentence that triggered
    it, the span of each value, and how it was found ("explicit" statement or "inferred")."""

    event: Event
    trigger: Span | None
    spans: dict[str, Span]
    how: str
    program: Program


def dollar_start(text: str, num_start: int) -> int:
    """Where an amount starts, its "$" (or "US$", "U.S.$") included, given where its digits start."""
    at = text.rfind("$", max(0, num_start - 2), num_start)
    if at < 0:
        return num_start
    for prefix in ("U.S. ", "U.S.", "US"):
        if text[max(0, at - len(prefix)):at] == prefix:
            return at - len(prefix)
    return at


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
