"""ATM sales-agreement names (docs/atm-domain.md 4.1) -> canonical agreement_type.

The canonical form is the name in title case without service marks; generic
lower-case mentions ("the sales agreement") map onto the same names."""

from __future__ import annotations

import re

from .vocab import SERVICE_MARK

# (pattern, canonical name); first match wins, so specific names come before generic ones.
_AGREEMENTS: tuple[tuple[str, str], ...] = (
    # The mark may be glued to the next word ("Controlled Equity Offering\nSMSales Agreement", a page's superscript run in).
    (r"controlled\s+equity\s+offering" + SERVICE_MARK + r"\*?\s*sales\s+agreement", "Controlled Equity Offering Sales Agreement"),
    (r"controlled\s+equity\s+offering" + SERVICE_MARK + r"\*?\s*agreement", "Controlled Equity Offering Agreement"),
    (r"open\s+market\s+sales?\s+agreement", "Open Market Sale Agreement"),
    (r"at[\s-]+(?:the[\s-]+)?market\s+issuance\s+sales\s+agreement", "At Market Issuance Sales Agreement"),
    (r"capital\s+on\s+demand" + SERVICE_MARK + r"\s+sales\s+agreement", "Capital on Demand Sales Agreement"),
    (r"atm\s+equity\s+offering" + SERVICE_MARK + r"\*?\s+sales\s+agreement", "ATM Equity Offering Sales Agreement"),
    (r"at[\s-]+the[\s-]+market\s+equity\s+offering\s+sales\s+agreement", "At-the-Market Equity Offering Sales Agreement"),
    (r"at[\s-]+the[\s-]+market\s+(?:offering\s+)?(?:sales\s+)?agreement", "At-the-Market Offering Agreement"),
    (r"at[\s-]+the[\s-]+market\s+sales\s+agreement", "At-the-Market Sales Agreement"),
    (r"atm\s+sales\s+agreement", "ATM Sales Agreement"),
    (r"equity\s+offering\s+sales\s+agreement", "Equity Offering Sales Agreement"),
    (r"atm\s+agreement", "At-the-Market Offering Agreement"),
    (r"market\s+offering\s+agreement", "At-the-Market Offering Agreement"),
    (r"(?:atm\s+)?equity\s+distribution\s+agreements?", "Equity Distribution Agreement"),
    (r"common\s+stock\s+sales\s+agreement", "Common Stock Sales Agreement"),
    (r"omnibus\s+sales\s+agreement", "Omnibus Sales Agreement"),
    (r"equity\s+sales\s+agreement", "Equity Sales Agreement"),
    (r"sales\s+agency\s+(?:financing\s+)?agreement", "Sales Agency Agreement"),
    (r"distribution\s+agency\s+agreement", "Distribution Agency Agreement"),
    (r"sales\s+and\s+registration\s+agreement", "Sales and Registration Agreement"),
    (r"(?:equity\s+)?distribution\s+agreement", "Distribution Agreement"),
    (r"sales?\s+agreement", "Sales Agreement"),
)
_COMPILED = tuple((re.compile(p, re.I), name) for p, name in _AGREEMENTS)

# Any ATM agreement noun, for finding the sentences that describe a program.
AGREEMENT_RE = re.compile(
    r"(?<![\w-])(?:(?:amended\s+and\s+restated|amendment(?:\s+no\.\s*\d+)?\s+to\s+(?:the|our)?)\s+)?"
    r"(?:controlled\s+equity\s+offering" + SERVICE_MARK + r"\*?(?:\s*sales)?|open\s+market\s+sales?|at[\s-]+(?:the[\s-]+)?market\s+issuance\s+sales"
    r"|capital\s+on\s+demand" + SERVICE_MARK + r"\s+sales|atm\s+equity\s+offering" + SERVICE_MARK + r"\*?\s+sales|\"?at[\s-]+the[\s-]+market\"?(?:\s+equity)?(?:\s+offering)?(?:\s+sales)?"
    r"|atm(?:\s+sales)?|equity\s+offering\s+sales|(?:atm\s+)?equity\s+distribution|common\s+stock\s+sales|omnibus\s+sales|equity\s+sales|sales\s+agency(?:\s+financing)?|market\s+offering"
    r"|distribution\s+agency|sales\s+and\s+registration"
    r"|distribution|sales|open\s+market\s+sales?)\s+agreements?",
    re.I,
)


_NAME_WORD_RE = re.compile(r"(?:ATM|Equity|Distribution|Issuance|Continuous|Offering|Program|Programme|Common|Stock|Shares?|Units?)\s+$")
"""A capitalised word that belongs to an agreement's name when it stands right before a known agreement noun
("ATM Issuance Sales Agreement", "Equity Distribution Sales Agreement"): the words agreement names are made of,
not the defined-term words ("Prior", "Original", "2021") or a firm's name ("the Cantor Sales Agreement")."""


_ATM_TERM_BEFORE_RE = re.compile(r"\bAt[\s-]+the[\s-]+Market\s*\([\"\u201c]?ATM[\"\u201d]?\)\s+$", re.I)
"""A name that defines its own short form inside it: "an At-the-Market (“ATM”) Issuance Sales Agreement"."""
_ATM_TERM_RE = re.compile(r"\s*\([\"\u201c]?ATM[\"\u201d]?\)")


_SHORT_FORM_AFTER_RE = re.compile(r"\s*\(\s*(?:the\s+)?[\"\u201c](?P<term>ATM\s+[^\"\u201d]{3,80}?)[\"\u201d]")


def atm_short_form(text: str, start: int, end: int) -> str | None:
    """The defined term of an agreement written as "an at-the-market (“ATM”) equity distribution agreement (the “ATM
    equity distribution agreement”)": the name spelled with the short form it defines there, which is what the filing
    calls it. None for any other name (a defined term is otherwise a nickname, "the Sales Agreement")."""
    if not _ATM_TERM_BEFORE_RE.search(text, max(0, start - 40), start):
        return None
    m = _SHORT_FORM_AFTER_RE.match(text, end)
    if m is None or " ".join(m.group("term").split()).lower() != "atm " + " ".join(text[start:end].split()).lower():
        return None
    return m.group("term")


def name_start(text: str, start: int) -> int:
    """Where an agreement's name as written starts: `start` (an AGREEMENT_RE match), moved left over the
    capitalised name words before it when the match itself is written in capitals."""
    if not text[start:start + 1].isupper():
        return start
    while True:
        m = _NAME_WORD_RE.search(text, max(0, start - 16), start)
        if m is None or (m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-'")):
            inner = _ATM_TERM_BEFORE_RE.search(text, max(0, start - 40), start)
            return inner.start() if inner is not None else start
        start = m.start()


def canonical_agreement(text: str) -> str | None:
    text = text.replace('"', "")
    for pattern, name in _COMPILED:
        if pattern.search(text):
            return name
    return None


_PREFIX_RE = re.compile(
    r"^(?:(?:first|second|third|fourth|fifth)\s+)?(?:amended\s+and\s+restated\s+|amendment(?:\s+no\.\s*\d+)?\s+to\s+(?:the\s+|our\s+)?)", re.I)
_MARKS_RE = re.compile(r"(?<=[a-z])(?:SM|TM)(?=\b|\*)|(?:(?<=Offering)|(?<=Demand))(?:sm|tm)(?=\s)|(?<=\s)(?:SM|TM)(?=[A-Z][a-z])|(?<=[a-z])\s(?:SM|TM)(?=\s)|\((?:SM|TM)\)|[\u2120\u2122\u00ae]|(?<=\w)\*+")
_SMALL = {"the", "on", "of", "and"}


def written_agreement(text: str) -> str:
    """An agreement name as the filing writes it, tidied: no "amended and restated" or
    "Amendment No. N to" prefix, no service marks, singular, title case ("at-the-market
    issuance sales agreement" -> "At-the-Market Issuance Sales Agreement")."""
    name = _ATM_TERM_RE.sub("", _MARKS_RE.sub("", text)).replace('"', "")
    name = re.sub(r"\s+", " ", name).strip()
    name = _PREFIX_RE.sub("", name)
    name = re.sub(r"(?i)agreements$", "Agreement", name)
    words = []
    for i, word in enumerate(name.split(" ")):
        parts = word.split("-")
        out = []
        for j, part in enumerate(parts):
            low = part.lower()
            if low == "atm":
                out.append("ATM")
            elif (i or j) and low in _SMALL:
                out.append(low)
            else:
                out.append(part[:1].upper() + part[1:].lower() if part.islower() or part.isupper() or (i or j) else part)
        words.append("-".join(out))
    return " ".join(words)
