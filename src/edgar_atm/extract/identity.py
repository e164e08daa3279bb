"""Program identity fields as one sentence states them: agreement name and dates, agents,
security, dollar and share caps, commission. Each finder returns the value with its offsets
in the text it searched (`Found`), so the caller can record the evidence span.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from .agents import find_agents, forward_counterparty_spans
from .agreements import AGREEMENT_RE, name_start, written_agreement
from .amounts import MONEY_RE, as_dollars, money, shares
from .dates import DATE_RE, all_dates, to_date
from .events.amended import INCREMENT_RE, amends_agreement
from .model import Program, Sentence, Span, dollar_start, norm
from .vocab import ABBREVIATION, NOT_ATM_AGREEMENT_RE

# (value, start, end): a value and where it stands in the text searched. The value may be
# None where the text points at a date it does not give ("dated the date hereof" with no
# document date).
Found = tuple[Any, int, int]

# --------------------------------------------------------------------------- agreement dates

AGREEMENT_DATE_RE = re.compile(
    r"(?:\bdated(?: as of)?|(?<=(?i:agreement) )effective as of|(?<=(?i:agreements) )effective as of)\s+(?:(?P<hereof>the date hereof|the date of this prospectus supplement)|(?P<date>"
    + DATE_RE.pattern + r"))",
)
"""An agreement dated in place: "dated as of August 6, 2021", "dated the date hereof", "the distribution agreement
effective as of September 30, 2021" (only right after the agreement's noun: a termination or an agent's change is
"effective as of" a date too)."""

ON_DATE_ENTERED_RE = re.compile(
    r"\b(?:On|on|As of|as of|In|in)\s+(?P<date>" + DATE_RE.pattern.replace("(?P<month>", "(?P<m2>").replace("(?P<day>", "(?P<d2>").replace("(?P<year>", "(?P<y2>")
    + r"),?\s+(?:and (?:on )?the date hereof[^.;]{0,160}?,\s+)?[\w.,&'()\u201c\u201d\"\s-]{1,100}?\s+(?:entered into|executed|signed)",
)
"""Date first: "On October 28, 2024, we and the Operating Partnership entered into ...", "On February 17,
2023 and the date hereof as it relates to BTIG, LLC ..., we entered into separate equity distribution
agreements" (the first date is the agreements'; the newcomer's is this supplement's)."""

ENTERED_ON_DATE_RE = re.compile(
    r"\b(?:previously )?entered into (?:[^.]|\b(?:Co|Inc|Corp|No|L\.P|[A-Z])\.){0,400}?\bon (?P<date>" + DATE_RE.pattern + r")")
"""Date last: "We entered into a sales agreement with Cantor ... on March 3, 2023" (firm names' periods, "Co.",
"B. Riley", inside)."""

_NOUN_RE = re.compile(r"\b(agreements?|amendment|prospectus|supplement|registration statement|(?<!supplement )no|"
                      r"current report|form [168]-k|report)\b", re.I)
"""The nouns a "dated X" may follow: only an agreement's or amendment's date is one (not a prospectus's, nor that of the
report an agreement was filed with: "the form of which was filed ... under a Current Report on Form 8-K dated X")."""
# Case-blind: some filings capitalise the verb ("dated December 30, 2011, as Amended on April 15, 2013").
_AS_AMENDED_RE = re.compile(r"(?:\b(?:as|and|(?:which|that) (?:was|were|has been|have been|we|the company))|,) (?:further |subsequently |later )?amended(?: (?:on|as of|by)[^,;]{0,60}?)?\s*(?:on |as of )?(?P<date>" + DATE_RE.pattern + ")", re.I)
_AMENDMENT_OF_RE = re.compile(r"\bamendment(?: no\. ?\d+)? to (?:the|that certain|our)\s+$", re.I)
_AS_AMENDED_WORDS_RE = re.compile(r"\b(?:as|and) (?:further |subsequently )?amended\b", re.I)
"""An agreement said to have been amended since ("dated September 9, 2022, as amended pursuant to ...")."""
_AMENDMENT_NO_ON_RE = re.compile(r"\bamendment no\. ?\d+\b[^.;()]{0,100}?\b(?:entered into on|executed on|dated(?: as of)?)\s+(?P<date>"
                                 + DATE_RE.pattern + ")", re.I)
_AMENDMENT_TO_THE_RE = re.compile(r"\bamendment(?: no\. ?\d+)? to (?:the|that certain|our) [^,;()]{0,80}?agreements?,?\s*$", re.I)
_AMENDMENT_DATED_RE = re.compile(r"\bamendment(?: no\. ?\d+)?(?: thereto)?,? (?:\(\"?amendment[^)]*\)\s*,?\s*)?dated", re.I)
_AMENDMENT_TO_DATED_RE = re.compile(r"amendment(?: no\. ?\d+)?[^.]{0,80}?\bto the [^.]{0,80}agreement,? dated", re.I)
PREVIOUSLY_ENTERED_RE = re.compile(r"\bpreviously (?:entered into|executed)\b", re.I)
"""An agreement told as entered into before ("We previously entered into a sales agreement ...")."""
_ENTERED_AMENDMENT_RE = re.compile(r"(?:entered into|executed|signed) (?:an? |the )?(?:first |second |third )?amendment", re.I)
ON_DATE_RESTATED_RE = re.compile(
    r"\b(?:On|on|Effective|effective)\s+(?P<date>" + DATE_RE.pattern + r"),?\s+(?:we|the Company|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})"
    r"(?: and [\w.,&' -]{1,60}?)?\s+amended\s+and\s+restated\s+(?:our|the|its|their|that certain)\b")
"""The A&R verb, date first: "On June 28, 2022, we amended and restated the original sales agreement"."""
ON_DATE_AMENDED_RE = re.compile(
    r"\b(?:On|on|As of|as of|Effective|effective)\s+(?P<date>" + DATE_RE.pattern + r"),?\s+"
    r"(?:we|the Company|[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})(?: and [\w.,&' -]{1,60}?)?\s+"
    r"amended(?! and restated)\s+(?:our|the|its|their|that certain|each of (?:our|the))\b")
"""Verb form of an amendment, date first: "On February 15, 2024, we amended our equity
distribution agreement, dated February 18, 2021": the first date dates the change."""
AMENDED_ON_AFTER_RE = re.compile(
    r"\b(?:we|the company)\b(?:[^.;]|" + ABBREVIATION + r"){0,80}?\bamended\s+(?:the|our|its|that certain)\s+(?:[\w-]+\s+){0,5}?"
    r"[Aa]greements?\b(?:[^.;]|" + ABBREVIATION + r"){0,120}?\s(?:on|effective(?: as of)?)\s+(?P<date>" + DATE_RE.pattern + r")|"
    r"\b(?:On|Effective|As of)\s+(?P<date2>" + DATE_RE.pattern.replace("(?P<month>", "(?P<m2>").replace("(?P<day>", "(?P<d2>")
    .replace("(?P<year>", "(?P<y2>") + r"),?\s+(?:the|our)\s+(?:[\w-]+\s+){0,4}?[Aa]greements?\b(?:[^.;]|" + ABBREVIATION
    + r"){0,160}?\b(?:was|were|has been|have been)\s+amended\b(?!\s+and\s+restated)", re.I)
"""Verb form of an amendment, date after or passive: "We and Cantor amended the Sales Agreement, dated June 15, 2022, on March
1, 2024 to increase ...", "Effective March 1, 2024, the Sales Agreement ..., dated June 15, 2022, was amended to ..."."""
AMENDMENT_ON_RE = re.compile(
    r"\b(?:amendment|restatement)(?: no\. ?\d+)?,? (?:on|effective(?: as of)?|as of) (?P<date>" + DATE_RE.pattern + r"),? of\b", re.I)
"""The change dated by its noun: "to reflect the second amendment and restatement on November 3,
2023, of that certain amended and restated sales agreement dated February 25, 2022" (the agreement
keeps the date it is "dated")."""


_CHANGED_AGREEMENT_RE = re.compile(r"\b(?:terminat|suspend|amend|replac|supersed|cancel|expir)\w*\b[^.;]{0,100}$", re.I)
"""A verb of ending or change before "... Agreement effective as of X": X is when that takes effect, not the agreement's
date."""


# An amendment dated this close to the supplement is this filing's change (as events.amended.RECENT_DAYS).
_RECENT_DAYS = 62


def _last_noun(text: str, end: int) -> str:
    nouns = _NOUN_RE.findall(text[max(0, end - 250):end])
    return nouns[-1].lower() if nouns else ""


def agreement_dates(text: str, doc_date: date | None) -> tuple[Found | None, Found | None, bool]:
    """(original agreement date, amendment date, is-amendment) stated in one sentence.

    Covers "dated as of X", "On X, we entered into", "entered into ... on X", "dated the date
    hereof"; "Amendment No. 1, dated X, to the Sales Agreement, dated Y" (Y identifies the
    program, X dates the change); "A&R agreement, dated X, which amends and restates ... dated Y";
    "dated Y, as amended on X"."""
    dated: list[Found] = []
    kinds: list[str] = []  # "amendment" where the date is an amendment's ("Amendment No. 1, dated X")
    own: list[bool] = []  # the date follows the amendment's own noun ("an amendment, dated X"), not the agreement's
    for m in AGREEMENT_DATE_RE.finditer(text):
        if m.group(0).startswith("effective") and _CHANGED_AGREEMENT_RE.search(text, max(0, m.start() - 120), m.start()):
            continue  # "we voluntarily terminated the Sales Agreement effective as of March 5, 2025": the ending's date
        nouns = _NOUN_RE.findall(text[max(0, m.start() - 250):m.start()])
        if nouns and nouns[-1].lower() not in ("agreement", "agreements", "amendment", "no"):
            continue  # "the prospectus supplement dated ..." dates a prospectus, not the agreement
        head = nouns[-1].lower() if nouns else ""
        own.append(head in ("amendment", "no"))
        if head in ("agreement", "agreements") and _AMENDMENT_TO_THE_RE.search(text, max(0, m.start() - 120), m.start()):
            head = "amendment"  # "Amendment No. 1 to the Equity Distribution Agreement, dated X": the amendment's date
        kinds.append("amendment" if head in ("amendment", "no") else "agreement")
        if m.group("hereof"):
            dated.append((doc_date, m.start("hereof"), m.end("hereof")))
        else:
            dm = DATE_RE.search(m.group("date"))
            dated.append((to_date(dm) if dm else None, m.start("date"), m.end("date")))
    low = text.lower()
    previously = bool(PREVIOUSLY_ENTERED_RE.search(text))
    amended = amends_agreement(text) and not previously
    entered = ON_DATE_ENTERED_RE.search(text) or _entered_on_date(text)
    entered_date: Found | None = None
    if entered:
        dm = DATE_RE.search(entered.group("date"))
        entered_date = (to_date(dm) if dm else None, entered.start("date"), entered.end("date"))
    if entered_date and entered_date[0] and _ENTERED_AMENDMENT_RE.search(text):
        # "On X, we entered into an amendment to our agreement dated Y": X dates the change; of
        # several ("On X, ... an amendment ... and on Z, ... a second amendment"), the newest.
        return (dated[0] if dated else None), _newest_entered_amendment(text) or entered_date, True
    on_amended = ON_DATE_AMENDED_RE.search(text) if "amended" in text else None
    if on_amended and not previously:
        dm = DATE_RE.search(on_amended.group("date"))
        when = (to_date(dm) if dm else None, on_amended.start("date"), on_amended.end("date"))
        if when[0]:
            return (dated[0] if dated else None), when, True
    after = AMENDED_ON_AFTER_RE.search(text) if "amended" in text and not previously else None
    if after:
        group = "date" if after.group("date") else "date2"
        dm = DATE_RE.search(after.group(group))
        when = (to_date(dm) if dm else None, after.start(group), after.end(group))
        if when[0]:
            agreements = [d for d in dated if d[0] and d[0] != when[0]]
            return (agreements[0] if agreements else None), when, True
    on_noun = AMENDMENT_ON_RE.search(text) if not previously else None
    if on_noun:
        dm = DATE_RE.search(on_noun.group("date"))
        when = (to_date(dm) if dm else None, on_noun.start("date"), on_noun.end("date"))
        if when[0]:
            agreements = [d for d in dated if d[0] and d[0] != when[0]]
            return (agreements[0] if agreements else None), when, True
    if "amends and restates" in low or "amended and restated" in low or "amend and restate " in low:
        # "Amendment No. 1 to the Amended and Restated ... Agreement, dated as of X" dates an amendment, not a restatement.
        chain = [m for m in _RESTATEMENT_DATED_RE.finditer(text) if DATE_RE.search(m.group("date"))
                 and not _AMENDMENT_OF_RE.search(text, max(0, m.start() - 40), m.start())]
        if len(chain) >= 2:
            # "an amended and restated equity distribution agreement, dated January 21, 2014, and a second amended and
            # restated equity distribution agreement, dated January 28, 2015": every date is a restatement's; the
            # newest dates the change, an original date the sentence gives elsewhere identifies the program.
            chain_dates: list[tuple[date, int, int]] = []
            for m in chain:
                dm = DATE_RE.search(m.group("date"))
                day = to_date(dm) if dm else None
                if day is not None:
                    chain_dates.append((day, m.start("date"), m.end("date")))
            at = {f[1] for f in chain_dates}
            original = [d for d in dated if d[1] not in at and d[0]]
            if chain_dates:
                newest_restated = max(chain_dates, key=lambda f: f[0])
                return ((original[0] if original else (entered_date if entered_date and entered_date[1] not in at else None)),
                        newest_restated, not previously)
        agreements = [d for d, k in zip(dated, kinds) if k == "agreement" and d[0]]
        amendments = [d for d, k in zip(dated, kinds) if k == "amendment" and d[0]]
        as_amended = _AS_AMENDED_WORDS_RE.search(text)
        if agreements and amendments and as_amended and agreements[0][1] < as_amended.start():
            # "an Amended and Restated Equity Distribution Agreement dated September 9, 2022, as amended pursuant to
            # that certain Amendment No. 1, dated as of November 15, 2023, ... Amendment No. 3, dated as of November
            # 12, 2024": the restated agreement identifies the program, its newest numbered amendment dates the change.
            newest_numbered = max(amendments, key=lambda d: d[0])
            if agreements[0][0] and newest_numbered[0] and newest_numbered[0] > agreements[0][0]:
                return agreements[0], newest_numbered, True
        dated_amended = _AS_AMENDED_RE.search(text)
        if len(agreements) == 1 and dated_amended and agreements[0][1] < dated_amended.start() and not previously:
            # "an amended and restated equity distribution agreement, dated August 10, 2018, ..., which was amended on
            # May 8, 2019, November 4, 2019 and February 5, 2020": likewise, the newest of the dates it was amended on.
            newest_on = _newest_amendment(text, dated_amended, doc_date)
            if agreements[0][0] and newest_on and newest_on[0] and newest_on[0] > agreements[0][0]:
                return agreements[0], newest_on, True
        later = _restated_after_dated(text, dated, doc_date)
        if later is not None:
            return dated[0], later[0], later[1]
        if len(dated) >= 2:
            return dated[-1], dated[0], not previously
        if (len(dated) == 1 and dated[0][0] and entered_date and entered_date[0] and dated[0][0] < entered_date[0]
                and entered_date[1] < dated[0][1]):
            # "On September 4, 2024, we entered into an amended and restated sales agreement ..., which amends and
            # restates the sales agreement dated March 1, 2022": the date entered into dates the restatement.
            return dated[0], entered_date, not previously
        single = dated[0] if dated else entered_date
        if single is None:
            restated = ON_DATE_RESTATED_RE.search(text)
            dm = DATE_RE.search(restated.group("date")) if restated else None
            if restated is not None and dm is not None:
                single = (to_date(dm), restated.start("date"), restated.end("date"))
        if previously:
            return single, None, False  # an earlier A&R agreement: its date identifies it
        return None, single, True
    if _AMENDMENT_DATED_RE.search(text) or _AMENDMENT_TO_DATED_RE.search(text):
        if len(dated) >= 2:
            agreements = [d for d, k in zip(dated, kinds) if k == "agreement" and d[0]]
            amendments = [d for d, k in zip(dated, kinds) if k == "amendment" and d[0]]
            if agreements and amendments:
                # "as amended by Amendment No. 1, dated X, and Amendment No. 2, dated Y": the newest counts;
                # "Agreement, dated Y, ... as amended by Amendment No. 1 to the Agreement, dated X": X is the change.
                return agreements[0], max(amendments, key=lambda d: d[0]), True
            return dated[1], dated[0], True
        if len(dated) == 1 and dated[0][0] and own[0]:
            # "We have entered into an amendment, dated January 19, 2024, ... to the Open Market Sale Agreement": the
            # one date follows the amendment's own noun; the agreement's is the date it was entered into, if given.
            return (entered_date if entered_date and entered_date[0] != dated[0][0] else None), dated[0], True
        if len(dated) == 1 and dated[0][0] and doc_date and abs((doc_date - dated[0][0]).days) <= _RECENT_DAYS:
            # "to reflect Amendment No. 2 to the sales agreement, dated August 10, 2023" in a
            # supplement of that date: the one date is the amendment's.
            first = entered_date if entered_date and entered_date[0] != dated[0][0] else None
            return first, dated[0], True
    numbered = [m for m in _AMENDMENT_NO_ON_RE.finditer(text)]
    if numbered and (dated or entered_date) and not previously:
        # "entered into ... on March 26, 2021, as amended by amendment no. 1 ... entered into on May 17, 2021 and
        # amendment no. 2 ... entered into on August 4, 2023": the newest numbered amendment dates the change.
        first_at = numbered[0].start()
        before = [d for d in dated if d[1] < first_at and d[0]]
        base = before[0] if before else (entered_date if entered_date and entered_date[1] < first_at else None)
        stated: list[tuple[date, int, int]] = []
        for m in numbered:
            dm = DATE_RE.search(m.group("date"))
            day = to_date(dm) if dm else None
            if day is not None and (base is None or base[0] is None or day > base[0]):
                stated.append((day, m.start("date"), m.end("date")))
        if base is not None and stated:
            return base, max(stated, key=lambda f: f[0]), True
    as_amended = _AS_AMENDED_RE.search(text)
    if as_amended and not (dated or entered_date) and _last_noun(text, as_amended.start()) in ("agreement", "agreements"):
        # "We have previously entered into an Open Market Sale Agreement, or Sales Agreement, with Jefferies LLC,
        # amended as of October 1, 2021": the original date is not given, the amendment's is.
        return None, _newest_amendment(text, as_amended, doc_date), amended
    if as_amended and (dated or entered_date):
        # "dated X, as amended on Y" / "On X, we entered into ..., as amended on Y"; a date inside
        # the amended clause ("as amended by the amendment ... dated Y") is not the agreement's.
        newest = _newest_amendment(text, as_amended, doc_date)
        before = [d for d in dated if d[1] < as_amended.start()]
        return (before[0] if before else entered_date or dated[0]), newest, amended
    if dated:
        return dated[0], None, amended
    return entered_date, None, amended


_RESTATEMENT_DATED_RE = re.compile(
    r"\b(?:(?:first|second|third|fourth|fifth|further)\s+)?amended\s+and\s+restated\s+(?:[\w\u2122-]+\s+){0,5}?agreements?,?\s+"
    r"(?:\([^)]{0,80}\),?\s+)?dated(?: as of)?\s+(?P<date>" + DATE_RE.pattern.replace("(?P<month>", "(?P<m3>").replace("(?P<day>", "(?P<d3>")
    .replace("(?P<year>", "(?P<y3>") + r")", re.I)
"""A restated agreement dated in place ("a second amended and restated equity distribution agreement, dated January 28,
2015"): in a chain of them each date is a restatement's, none the original agreement's."""


# "an equity distribution agreement dated X, which was amended and restated on Y and Z, and
# further amended and restated on the date hereof": X is the original date, the newest restatement
# dates the change.
RESTATED_AFTER_DATED_RE = re.compile(
    r"[,\s]*(?:(?:which|that) (?:was|were|has been|have been|is|are) |as |and )?(?:subsequently |later |further )?"
    r"amended and restated\b", re.I)
_HEREOF_RE = re.compile(r"\b(?:on|as of) the date (?:hereof|of this prospectus supplement)", re.I)


def _restated_after_dated(text: str, dated: list[Found], doc_date: date | None) -> tuple[Found | None, bool] | None:
    """(newest restatement date, is-amendment) when the only agreement date stands before
    "which was amended and restated on ..."; None when the sentence is not written that way."""
    if len(dated) != 1 or not dated[0][0]:
        return None
    m = RESTATED_AFTER_DATED_RE.match(text, dated[0][2])
    if not m:
        return None
    rest = text[m.end():]
    newest: Found | None = None
    for at, d in all_dates(rest):
        if newest is None or (newest[0] and d > newest[0]):
            dm = DATE_RE.match(rest, at)
            newest = (d, m.end() + at, m.end() + (dm.end() if dm else at))
    hereof = _HEREOF_RE.search(rest)
    if hereof:
        return ((doc_date, m.end() + hereof.start(), m.end() + hereof.end()) if doc_date else None), True
    return newest, newest is not None and not PREVIOUSLY_ENTERED_RE.search(text)


_FURTHER_AMENDED_RE = re.compile(r"\b(?:as |and |, )?(?:further |subsequently |previously )?amended(?: (?:on|as of|by)[^,;)]{0,60}?)?\s*(?:on |as of )?(?P<date>" + DATE_RE.pattern + ")")


_JOINED_DATE_RE = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:on\s+)?(?P<date>" + DATE_RE.pattern + ")")


_JOINED_HEREOF_RE = re.compile(r"(?:,\s*|\s+and\s+|,\s+and\s+)(?:on\s+|as\s+of\s+)the\s+date\s+(?:hereof|of\s+this\s+prospectus\s+supplement)\b", re.I)


def _newest_amendment(text: str, first: re.Match[str], doc_date: date | None = None) -> Found | None:
    """The latest of the dates in "as amended on X and as further amended on Y"; "as amended on X, Y and as of
    the date hereof": the document's own date (None when the document gives none)."""
    dm = DATE_RE.search(first.group("date"))
    best: Found = (to_date(dm) if dm else None, first.start("date"), first.end("date"))
    # "as amended on February 2, 2022 and May 23, 2024": dates joined to the first one.
    at = first.end()
    while (joined := _JOINED_DATE_RE.match(text, at)) is not None:
        dm = DATE_RE.search(joined.group("date"))
        d = to_date(dm) if dm else None
        if d and (best[0] is None or d > best[0]):
            best = (d, joined.start("date"), joined.end("date"))
        at = joined.end()
    hereof = _JOINED_HEREOF_RE.match(text, at)
    if hereof is not None:
        return (doc_date, hereof.start(), hereof.end()) if doc_date else None
    for m in _FURTHER_AMENDED_RE.finditer(text, first.end()):
        if m.start() - first.end() > 300:
            break
        dm = DATE_RE.search(m.group("date"))
        d = to_date(dm) if dm else None
        if d and (best[0] is None or d > best[0]):
            best = (d, m.start("date"), m.end("date"))
    return best


_AMENDMENT_NEXT_RE = re.compile(r"\s*(?:an? |the )?(?:first |second |third |fourth |fifth |further )?amendment\b", re.I)


def _newest_entered_amendment(text: str) -> Found | None:
    """The newest "On X, we entered into [a second] amendment" of a sentence that tells several."""
    found: list[Found] = []
    for m in ON_DATE_ENTERED_RE.finditer(text):
        if not _AMENDMENT_NEXT_RE.match(text, m.end()):
            continue
        dm = DATE_RE.search(m.group("date"))
        day = to_date(dm) if dm else None
        if day is not None:
            found.append((day, m.start("date"), m.end("date")))
    return max(found, key=lambda f: f[0]) if found else None


def _entered_on_date(text: str) -> re.Match[str] | None:
    m = ENTERED_ON_DATE_RE.search(text)
    if m and not re.search(r"amend\w*(?: no\.\s*\d+)?\s+(?:on|as of)\s+$", text[max(m.start(), m.start("date") - 40):m.start("date")], re.I):
        return m
    return None


def is_defining(text: str) -> bool:
    """A sentence that defines the agreement: names one and says it was entered into, is party to, dated (or "effective
    as of" a date, unless that is when an ending or change takes effect), amended, or that the prospectus relates to the
    offer under it, or sells "in accordance with the terms of our existing Controlled Equity Offering Sales Agreement"
    (not "the terms of the sales agreement": a sentence about the agreement already defined)."""
    if not AGREEMENT_RE.search(text):
        return False
    if re.search(
        r"\b(?:entered into|enter into|are party to|is party to|executed|relate to the offer|relates to the offer|"
        r"previously entered|amended and restated|amendment no\.|dated|"
        r"(?:in accordance with|pursuant to|under) the terms of (?:our|an) (?:existing )?(?=[A-Z\w])|our existing)\b", text, re.I):
        return True
    m = _EFFECTIVE_AS_OF_RE.search(text)
    return m is not None and not _CHANGED_AGREEMENT_RE.search(text, max(0, m.start() - 120), m.start())


_EFFECTIVE_AS_OF_RE = re.compile(r"\bagreements? effective as of\b", re.I)


# --------------------------------------------------------------------------- caps

CAP_RES = (
    re.compile(r"aggregate (?:gross )?(?:offering|sales|sale) (?:price|amount|proceeds)s?\s*(?:of\s*)?(?:up to|not (?:to )?exceed(?:ing)?|(?:of )?(?:no|not) more than|not in excess of)\s*(?:approximately\s+)?" + MONEY_RE.pattern, re.I),
    re.compile(r"\bin excess of\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\bup to ?(?:an aggregate (?:of )?)?(?:approximately\s+)?" + MONEY_RE.pattern + r"(?!\s+(?:remain|of (?:shares )?(?:our )?common stock (?:remain|are available)))", re.I),
    re.compile(r"maximum aggregate (?:offering|sales) (?:price|amount) of\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\b(?:in no event (?:can|may|will|shall) we|we (?:will|shall|may) not|we cannot)\s+(?:offer and )?(?:sell|issue)\s+"
               r"more than\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\b(?:gross|aggregate)\s+(?:gross\s+)?proceeds\s+(?:from|of)\s+(?:this|the)\s+offering\s+(?:may|will|shall)\s+"
               r"(?:be\s+up\s+to|not\s+exceed)\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\bsubject to an? (?:aggregate |maximum )?(?:dollar )?cap of\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\bterminate upon the (?:earlier|earliest) of\b[^$]{0,300}?\b(?:sale|issuance)\b[^$]{0,250}?"
               r"aggregate (?:gross )?(?:offering|sales|sale) (?:price|amount) of\s+(?:approximately\s+)?" + MONEY_RE.pattern, re.I),
    re.compile(MONEY_RE.pattern + r"\s+(?:[“\"]?[\w-]+[”\"]?\s+){0,3}?program\b", re.I),
    re.compile(r"aggregate (?:gross )?(?:offering|sales|sale) (?:price|amount) of\s+" + MONEY_RE.pattern + r",?\s+of which\b", re.I),
    re.compile(r"\bwe (?:may|can) (?:offer and )?sell\s+" + MONEY_RE.pattern + r"\s+of\s+(?:our\s+)?(?:[\w-]+\s+){0,2}?"
               r"(?:shares|stock|units|ADSs)\b", re.I),
    re.compile(r"\b(?:is|are|will be) limited to (?:the )?(?:sale|issuance|offer and sale) of\b[^$.]{0,80}?\b(?:gross proceeds|"
               r"aggregate (?:gross )?(?:offering|sales) price)\s+(?:aggregating|totall?ing|of(?: up to)?|not (?:to )?exceed(?:ing)?)\s+"
               r"(?:approximately\s+)?" + MONEY_RE.pattern, re.I),
    re.compile(r"\bassum(?:es|ing|e)\s+(?:that\s+)?we\s+(?:sell|issue)\s+(?:all|the full|the entire)\s+(?:of\s+)?(?:the\s+)?" + MONEY_RE.pattern
               + r"\s+(?:of\s+)?(?:our\s+)?(?:[\w-]+\s+){0,3}?(?:shares|stock|units)\s+(?:available|offered|registered)\s+"
               r"(?:for\s+sale\s+)?(?:under|pursuant\s+to)\s+(?:the|this|our)\b", re.I),
)
"""A dollar cap: "aggregate offering price of up to $X", "in excess of $X" (forward programs),
"up to $X", "maximum aggregate offering price of $X", "In no event can we sell more than $X", "The gross proceeds
from this offering may be up to $X", "subject to an aggregate cap of $X" (a fund's share cap with a
dollar ceiling), the amount whose sale ends the offering
("will terminate upon the earlier of (1) the sale of ... having an aggregate offering price of $X"),
a program named by its size ("the $400 million offering program", "a $100 million
“at-the-market” offering program"), and the whole of which a part was sold ("having an aggregate gross sales price of
$4,500,000,000, of which ... $2,609,801,302 have previously been sold"), and the amount stated bare ("we may offer and
sell $3,900,000 of our common shares from time to time through Virtu"), and the agreement's limit ("Our sales agreement
with the agent is limited to the sale of common stock with gross proceeds aggregating $25,000,000"), and a fund's fee-table
note that "assumes we sell all $500.0 million of common shares available under the equity distribution agreements"."""

OFFERED_RES = (
    re.compile(r"\b(?:are|is) (?:now )?only offering [^.$]{0,80}?" + MONEY_RE.pattern, re.I),
    re.compile(r"\bregistering the (?:offer and )?sale of (?:shares [^.$]{0,40})?up to " + MONEY_RE.pattern, re.I),
    re.compile(MONEY_RE.pattern + r"(?: in shares of [\w ]{0,40}?)? (?:offered|registered) (?:by|under|pursuant to) this prospectus supplement", re.I),
    re.compile(r"up to " + MONEY_RE.pattern + r" (?:remains?|are|is) available for (?:offer and )?sale[^.]{0,60}?(?:pursuant to|under) this prospectus supplement", re.I),
    re.compile(r"(?:pursuant to|under) this prospectus(?: supplement)?,? we (?:may (?:offer and )?sell|are (?:now |only )?offering) "
               r"(?:shares of (?:our )?common stock having an aggregate offering price of )?up to " + MONEY_RE.pattern, re.I),
    re.compile(r"\bwe are (?:now )?offering\b[^.$]{0,120}?\bup to " + MONEY_RE.pattern + r"[^.$]{0,40}?\b(?:pursuant to|under|by means of|by) this prospectus supplement", re.I),
    re.compile(r"\bthis prospectus supplement (?:only )?relates (?:only )?to (?:the |up to )?(?:an )?(?:additional )?(?:approximately )?"
               + MONEY_RE.pattern, re.I),
)
"""What this prospectus registers when smaller than the agreement's cap: an I.B.6 slice ("we
are only offering $4.1 million", "We are offering shares of our common stock having an aggregate offering price of up
to $2,994,080 pursuant to this prospectus supplement", "This prospectus supplement only relates to the $100,000,000 of
additional common shares" after a raise), or the unsold remainder moved to this supplement."""

_MONEY_CAP = MONEY_RE.pattern.replace("(?P<num>", "(?P<cap>").replace("(?P<scale>", "(?P<capscale>")
_UNUSED = r"(?:unused|unsold|remaining|unissued|undrawn)"
REMAINDER_RES = (
    re.compile(MONEY_RE.pattern + r"(?:[^.$;]{0,80}?,)?\s+(?:which|that)\s+(?:reflects|represents|is|constitutes|equals)\s+(?:the\s+)?(?:amount\s+of\s+the\s+)?"
               + _UNUSED + r"\s+(?:portion|balance|amount|part)\b(?:[^.$]{0,160}?" + _MONEY_CAP + r")?", re.I),
    re.compile(r"\brepresents?\s+(?:the\s+)?(?:remaining\s+)?" + MONEY_RE.pattern
               + r"[^.$]{0,120}?\b(?:previously registered|registered)\b[^.$]{0,40}?\b(?:but|and)\s+(?:were\s+|was\s+|have\s+|has\s+)?(?:not\s+(?:yet\s+)?(?:been\s+)?sold|unsold)", re.I),
    re.compile(r"\b(?:the\s+)?(?:remaining|unsold)\s+" + MONEY_RE.pattern
               + r"[^.$]{0,80}?\b(?:that|which)\s+(?:were|was|have|has)\s+not\s+(?:yet\s+)?(?:been\s+)?sold\b", re.I),
)
"""The unsold remainder of an existing program carried into this prospectus: "up to $237,591,694 ...,
which reflects the unused portion of the previously authorized aggregate offering amount under the
Equity Distribution Agreement of $600,000,000" (cap: the amount after it), "The shares ... represent the
$77,051,513 of shares ... previously registered but not sold", "the remaining $20,000,000 of shares that
were not sold". What this prospectus offers, and what remains of the program."""


def remainder(text: str) -> tuple[Found, Found | None] | None:
    """The carried-over remainder a sentence states (REMAINDER_RES), with the program's cap when
    the same sentence gives it after the remainder."""
    for pattern in REMAINDER_RES:
        m = pattern.search(text)
        if not m or money(m) is None:
            continue
        left: Found = (money(m), dollar_start(text, m.start("num")), m.end("num"))
        cap = None
        if "cap" in pattern.groupindex and m.group("cap"):
            at = dollar_start(text, m.start("cap"))
            cap_match = MONEY_RE.match(text, at)
            value = money(cap_match) if cap_match else None
            if value is not None and value > left[0]:
                cap = (value, at, m.end("cap"))
        return left, cap
    return None


COVER_CAP_RE = re.compile(
    r"(?:^|\n)\s*(?:Up to )?" + MONEY_RE.pattern
    + r"(?:\s+(?:of|in))?(?:\s+(?:Shares|Common|Stock|Units|Ordinary|Preferred|ADSs|American|Depositary|Class|[A-Z]|of|Our))*\s*(?:\n|$)", re.I)
"""The cover's amount line: "Up to $4,000,000,000", "$500,000,000", "Up to $4,250,000 Shares of Common
Stock", "$125,000,000 of Common Units"."""
_PRICE_TABLE_RE = re.compile(r"proceeds|commissions?\b|discounts?\b|price to (?:the )?public|per share|\btotal\b", re.I)


FLAT_COVER_CAP_RE = re.compile(
    r"(?:\(\s*to\s+(?:the\s+)?(?:base\s+)?prospectus\b[^()]{0,200}\)\s*(?:(?-i:[A-Z][\w.&'-]*,?\s+)|\([^()]{0,60}\)\s*|\S+\.(?:jpg|jpeg|gif|png)\s+){0,8}?(?:Up\s+to\s+)?|\b(?-i:Up to)\s+|\b(?-i:Aggregate (?:Offering|Sales) Price) of\s+(?:up\s+to\s+)?)"
    + MONEY_RE.pattern + r"(?=\s+(?:of\s+)?[A-Z])", re.I)
"""The cover's amount where a mirror page lost the cover's line breaks ("... (To prospectus dated November 6, 2023)
$500,000,000 Acadia Realty Trust Common Shares ...", "(To Prospectus Dated October 31, 2025) Dominion Energy, Inc. $1,800,000,000", "... Up to $50,000,000 Common Stock We have entered ..."):
right after the "(To Prospectus dated ...)" parenthetical, or after a capitalised "Up to" (a sentence writes "up to";
"... Having an Aggregate Offering Price of Up to $300,000,000" is the cover's heading, as is "Common stock Having an
Aggregate Offering Price of up to $1,700,000,000")."""


def cover_cap(cover: str) -> re.Match[str] | None:
    """The cover's amount line (COVER_CAP_RE), not a figure of the cover's price table ("Gross proceeds to
    Zions Bancorporation  $ 75,499,254.92": what a sales report says was raised). A cover whose lines ran
    together (no amount line at all) is read by FLAT_COVER_CAP_RE."""
    for m in COVER_CAP_RE.finditer(cover):
        if "\n" in cover[dollar_start(cover, m.start("num")):m.start("num")]:
            continue  # "$" and the figure in cells of their own: a table's figure ("Current portion of debt | $ | 111,199")
        if not _PRICE_TABLE_RE.search(cover, max(0, m.start() - 80), m.start()) \
                and not FEE_TABLE_RE.search(cover, m.end(), m.end() + 120):
            return m  # a fee table's last cell ("$43,640.00" / "(1) Calculated in accordance with Rule 457(o)") is no amount
    if cover.count("\n") > 12:
        return None  # a cover with its lines: no amount line is no amount
    for m in FLAT_COVER_CAP_RE.finditer(cover, 0, 2500):
        if (money(m) or 0) >= 10_000 and not _PRICE_TABLE_RE.search(cover, max(0, m.start() - 80), m.start()) \
                and not FEE_TABLE_RE.search(cover, max(0, m.start() - 200), m.start()):
            return m  # "$0.01 PAR VALUE PER SHARE" under the parenthetical is no amount
    return None


COVER_CAP_PHRASE_RE = re.compile(
    r"(?:^|\n)[^\n]{0,80}?aggregate (?:gross )?(?:offering|sales) price of up to " + MONEY_RE.pattern + r"[^\n]{0,60}(?:\n|$)", re.I)
"""The cover's amount line as a phrase: "Common Stock Having an Aggregate Offering Price of Up to $50,000,000"."""

MAX_SHARES_RE = re.compile(r"\b(?:up to ?(?:the maximum of |a maximum of |an aggregate of )?|(?:a|the) maximum of |"
                           r"(?:greater|lesser) of\b[^.;]{0,250}?\((?:ii|b|2)\)\s+(?:an?\s+)?(?:aggregate\s+)?(?:number\s+of\s+|of\s+)?)(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+(?:of (?:our|its) )?(?:[\w.%-]+\s+){0,4}?(?:shares|ADSs|American Depositary Shares|common units|units)\b", re.I)
"""A cap in shares: "up to 3,000,000 shares of our common stock" (also "up to10,000,000 shares", a mirror page that lost the
space), "up to 25.0 million shares", "a maximum of
4,844,787 shares", "up to the greater of (i) shares ... representing an aggregate offering price of $1,000,000,000 and (ii) an
aggregate number of 35,000,000 shares"."""
SALE_OF_SHARES_RE = re.compile(
    r"\b(?:issuance|offer)\s+and\s+sale\s+(?:from\s+time\s+to\s*time\s+)?of\s+(?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>)\s+(?:of\s+(?:our|its)\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:shares|units)\b", re.I)
"""The shares this prospectus offers, by count: "relate to the offer and sale from time to time of 13,510,817 of our
common shares"."""
COVER_SHARES_RE = re.compile(r"(?:^|\n)\s*Up to (?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?(?=\s*million\b))(?:\s*(?P<scale>million))?\s+(?:[\w.%-]+\s+){0,4}?(?:Shares|Common Shares|ADSs|Units)\b", re.I)
"""The cover's share line: "Up to 120,000,000 Shares", "Up to 1.3 Million Common Shares" (a bare "760,700 Shares"
may be the shares a report says were sold, or the unsold remainder: no cap)."""
COVER_COUNT_RE = re.compile(r"(?:^|\n)[ \t]*(?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>)\s+(?:Shares|Common Shares|Units)\b", re.I)
"""A cover's share line with no "Up to" ("5,700,000 SHARES", "760,700 Shares"): the shares a sales report's cover counts
(assemble._reports_sales_only), or the cap of a program that states no other and whose cover tells of no sales
(programs._caps asks it last)."""


FLAT_COVER_COUNT_RE = re.compile(r"\(\s*to\s+(?:the\s+)?(?:base\s+)?prospectus\b[^()]{0,200}\)\s*(?:(?-i:[A-Z][\w.&'-]*),?\s+){0,8}?(?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>)\s+"
                                 r"(?:Shares|Common Shares|Units)\b", re.I)
"""The same share line where a mirror page lost the cover's line breaks: "... (TO PROSPECTUS DATED DECEMBER 6, 1995) 35,700
SHARES CAPSTEAD MORTGAGE CORPORATION ...", "... (TO PROSPECTUS DATED AUGUST 12, 1997) CAPSTEAD MORTGAGE CORPORATION 4,000 SHARES
..." (after the "(To Prospectus dated ...)" parenthetical, the issuer's capitalised name between)."""


FEE_TABLE_RE = re.compile(r"registration fee|filing fee|fee rate|rule 457|rules 456|fee table", re.I)
"""A fee-table row or footnote: its "maximum aggregate offering price" is what the registration
fee is paid on (often the whole shelf or earlier registrations too), not the program's cap."""


_EXPENSES_BEFORE_RE = re.compile(r"\breimburs\w*\b[^.;$]{0,160}$", re.I)
_EXPENSES_AFTER_RE = re.compile(r"\s*(?:in\s+)?(?:for|of|toward|towards)\s+(?:(?:its|their|the|certain|our|reasonable|documented|"
                                r"out-of-pocket|and|legal)\s+)*(?:costs|expenses|fees|disbursements|counsel)\b", re.I)
"""What the agent's expenses are reimbursed up to ("We also have agreed to reimburse Maxim up to US$30,000 for its costs
and expenses relating to the Sales Agreement", "up to $50,000 of the reasonable fees and expenses of its counsel"): a
limit on expenses, never the program's cap, though the sentence may name the agreement."""


def caps(text: str) -> list[Found]:
    """Every dollar cap of $10,000 or more a sentence states (CAP_RES), skipping increments
    ("an additional $75.0 million"), remaining amounts and fee tables."""
    out: list[Found] = []
    if FEE_TABLE_RE.search(text):
        return out
    increments = {m.start() for m in INCREMENT_RE.finditer(text)}
    for pattern in CAP_RES:
        for m in pattern.finditer(text):
            if any(abs(m.start() - i) < 30 for i in increments):
                continue
            # "up to $X remains available" is no cap; "up to $X, of which $Y remains available" is.
            tail = text[m.end():m.end() + 60].lower().split("of which")[0]
            if "remain" in tail:
                continue
            if _EXPENSES_BEFORE_RE.search(text, max(0, m.start() - 180), m.start()) or _EXPENSES_AFTER_RE.match(text, m.end()):
                continue
            v = money(m)
            if v is not None and v >= 10_000:
                out.append((v, dollar_start(text, m.start("num")), m.end()))
                out.extend(f for f in _respective_caps(text, m.end()) if all(f[1] != o[1] for o in out))
    return out


_RESPECTIVE_ITEM_RE = re.compile(r"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:up\s+to\s+)?" + MONEY_RE.pattern, re.I)
_RESPECTIVELY_RE = re.compile(r",?\s+respectively\b", re.I)


def _respective_caps(text: str, at: int) -> list[Found]:
    """The caps a "respectively" list pairs with several agreements: "up to $100.0 million and $150.0 million,
    respectively" (an amended and a second amended agreement) - each is a cap, not only the first."""
    items: list[Found] = []
    pos = at
    while (m := _RESPECTIVE_ITEM_RE.match(text, pos)) is not None:
        v = money(m)
        if v is None or v < 10_000:
            return []
        items.append((v, dollar_start(text, m.start("num")), m.end()))
        pos = m.end()
    return items if items and _RESPECTIVELY_RE.match(text, pos) else []


def largest(found: list[tuple[Decimal, Span]]) -> tuple[Decimal, Span]:
    return max(found, key=lambda f: f[0])


def smallest(found: list[tuple[Decimal, Span]]) -> tuple[Decimal, Span]:
    return min(found, key=lambda f: f[0])


# --------------------------------------------------------------------------- security

SECURITY_RES = (
    (re.compile(r"(?:\d+(?:\.\d+)?%\s+|(?:(?!The |Our |Of |And )[A-Z][a-z]+ ){1,2})?Series ?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}?\s*Preferred (?:Stock|Shares|Units)"), None),
    (re.compile(r"(?<![A-Za-z])class ([A-Z]|[1-9]) common stock\b", re.I), "Class {0} common stock"),
    (re.compile(r"(?<![A-Za-z])class ([A-Z]|[1-9]) ((?:common |ordinary )?shares)\b", re.I), "Class {0} {1}"),
    (re.compile(r"\d+(?:\.\d+)?% (?:Senior |Subordinated |Unsecured |Secured |Fixed[\w-]* )*Notes due \d{4}"), None),
    (re.compile(r"\bAmerican Depositary Shares\b|\bADSs\b"), "American Depositary Shares"),
    (re.compile(r"\bcommon shares of beneficial interest\b", re.I), "common shares of beneficial interest"),
    (re.compile(r"\blimited partnership units\b", re.I), "limited partnership units"),
    (re.compile(r"\bcommon units\b", re.I), "common units"),
    (re.compile(r"\bdepositary units\b", re.I), "depositary units"),
    (re.compile(r"\bordinary shares\b", re.I), "ordinary shares"),
    (re.compile(r"\bcommon shares\b", re.I), "common shares"),
    # An issuer with voting and non-voting common stock names the class it sells ("shares of voting common stock").
    (re.compile(r"(?<![\w-])(non-voting|voting) common stock\b", re.I), "{0} common stock"),
    (re.compile(r"\bcommon stock\b", re.I), "common stock"),
    # An issuer whose one class is called "shares" (a Swiss or other foreign company: "of our shares, par value CHF
    # 0.10 per share"): named so only beside its par or nominal value.
    (re.compile(r"\b(?<=our |its )shares(?=,? (?:par|nominal) value\b)", re.I), "shares"),
)
"""Security classes: a named preferred series ("8.00% Series A Perpetual Strike Preferred
Stock"), Class A common stock, voting common stock, listed notes ("7.75% Notes due 2029"), ADSs, beneficial-interest
shares, units, ordinary/common shares."""


_GLUED_PREFERRED_RE = re.compile(r"(?<=Series)(?=[A-Z]\b)|(?<=[a-z])(?=Preferred\b)")


def _named_from(text: str, at: int) -> tuple[int, int, str, int] | None:
    """The first class of security named from `at` on, the longest where two start together:
    (start, -length, value, end)."""
    best: tuple[int, int, str, int] | None = None
    for pattern, template in SECURITY_RES:
        m = pattern.search(text, at)
        if not m:
            continue
        if template is None:
            # Mirror pages glue words at tag edges ("SeriesD Cumulative RedeemablePreferred Stock").
            value = _GLUED_PREFERRED_RE.sub(" ", norm(m.group(0)))
        else:
            value = template.format(*[g.upper() if len(g) == 1 else g.lower() for g in m.groups()])
        key = (m.start(), -(m.end() - m.start()), value, m.end())
        if best is None or key[:2] < best[:2]:
            best = key
    return best


def security(text: str) -> Found | None:
    """The first security named (the longest name where two start together)."""
    best = _named_from(text, 0)
    if best and "Preferred" in best[2]:
        # "Depositary Shares, each representing 1/100th of one share of our 8.75% Series B ... Preferred Stock":
        # the program sells the depositary shares.
        before = text[max(0, best[0] - 250):best[0]]
        held = _DEPOSITARY_BEFORE_RE.search(before)
        if held is not None:
            start = best[0] - len(before) + held.start()
            best = (start, best[1], "depositary shares representing " + best[2], best[3])
    if best and best[2] in _PLAIN_CLASSES:
        # "Up to $800,000,000 Common Stock ... shares of our Class A common stock": the class the text
        # names is the security, when it names one class only.
        # "shares of our Series A Common Stock (the "Common Stock")" likewise.
        classes = {(m.group(1).capitalize(), m.group(2).upper()) for m in _CLASS_OF_RE[best[2]].finditer(text)}
        if len(classes) == 1:
            word, letter = classes.pop()
            best = (best[0], best[1], f"{word} {letter} {best[2]}", best[3])
    if best and "ordinary shares" in best[2].lower():
        # "Class A Ordinary Shares Represented by American Depositary Shares": the program sells the ADSs.
        ads = _ADS_RE.search(text)
        if ads:
            return "American Depositary Shares", ads.start(), ads.end()
    return (best[2], best[0], best[3]) if best else None


def securities(text: str) -> Found | None:
    """The first security named and the classes listed with it ("shares of our common stock and our 8.50%
    Series A Cumulative Redeemable Preferred Stock", "Series D, Series E and Series F Preferred Stock"): one
    agreement for several classes names them all, joined as the text lists them ("A, B and C")."""
    first = security(text)
    if first is None:
        return None
    names, end, gap_from = [first[0]], first[2], first[2]
    absorbed: list[tuple[int, int]] = []
    while (nxt := _next_security(text, end)) is not None:
        if nxt[0].lower() in (n.lower() for n in names) or any(_short_form_of(nxt[0], name) for name in names):
            # The defined term of a class already named ("(“common stock”)", "..., or our Series A
            # Preferred Stock"): part of the list's punctuation, not another class.
            end = nxt[2]
            absorbed.append((nxt[1], nxt[2]))
            continue
        gap = text[gap_from:nxt[1]]
        for a, b in absorbed:
            if a >= gap_from:
                gap = gap[:a - gap_from] + " " * (b - a) + gap[b - gap_from:]
        # Titles stacked on a cover ("$500,000,000 Common Stock 9.00% Series A Cumulative Redeemable Preferred
        # Stock", lines a mirror joined) list the classes offered with nothing between them.
        if not _COORDINATION_GAP_RE.fullmatch(gap) or not (_CONJUNCTION_RE.search(gap) or gap.isspace()):
            break
        names.append(nxt[0])
        end = gap_from = nxt[2]
    if len(names) == 1:
        return first
    joined = ", ".join(names[:-1]) + " and " + names[-1]
    return joined, first[1], end


def _next_security(text: str, at: int) -> Found | None:
    """The next security named from `at` on."""
    found = _named_from(text, at)
    return (found[2], found[0], found[3]) if found else None


_COORDINATION_GAP_RE = re.compile(
    r"(?:\s|,|;|\band/or\b|\band\b|\bor\b|\bour\b|\bits\b|\bthe\b|\bshares\s+of\b|\bpar\s+value\s+\$?[\d.]+\s+per\s+share\b|"
    r"\b(?:referred\s+to\s+(?:herein\s+)?as|which\s+we\s+refer\s+to\s+as|we\s+refer\s+to\s+as)\b|"
    r"\brepresenting\s+limited\s+partner(?:ship)?\s+interests(?:\s+in\s+(?:[^\s()]+\s+){0,5}?[^\s()]+(?=\s*\())?|"
    r"\([^()]{0,80}\)|[\u201c\u201d\"'])*", re.I)
"""What may stand between two classes of one list: conjunctions, commas, "our", "shares of", a par value and a
defined term in parentheses."""
_CONJUNCTION_RE = re.compile(r",|\band\b|\bor\b", re.I)
_SERIES_OF_RE = re.compile(r"\bSeries ([A-Z][\w-]*)", re.I)


def _short_form_of(value: str, name: str) -> bool:
    """"Series A Preferred Stock" is the short form of "8.50% Series A Cumulative Redeemable Preferred Stock", and
    "common stock" of "Class A common stock"."""
    if value.lower() in _PLAIN_CLASSES and name.lower().startswith(("class ", "series ")) and name.lower().endswith(value.lower()):
        return True  # "our Class A common stock, or common stock,": the defined term, not a second class
    short, full = _SERIES_OF_RE.search(value), _SERIES_OF_RE.search(name)
    return (short is not None and full is not None and short.group(1).lower() == full.group(1).lower()
            and len(value) < len(name))


_DEPOSITARY_BEFORE_RE = re.compile(
    r"(?<![A-Za-z])depositary\s+shares?(?-i:(?![a-z]))(?:[^.$]|\$[\d.]+){0,160}?\brepresent(?:s|ing)\b[^.$]{0,80}?$", re.I)
"""Depositary shares standing for the preferred series named next ("Depositary Shares Each representing 1/100th of
One Share of", "(the “depositary shares”), each representing a 1/100th fractional interest in a share of")."""
_PLAIN_CLASSES = ("common stock", "ordinary shares", "common shares")
_CLASS_OF_RE = {plain: re.compile(r"(?<![A-Za-z])(class|series) ([A-Z]|[1-9]) " + plain + r"\b", re.I) for plain in _PLAIN_CLASSES}
_ADS_RE = re.compile(r"\bAmerican\s+Depositary\s+Shares\b|\bADSs\b", re.I)


def security_class(value: str | None) -> str | None:
    if not value:
        return None
    return "preferred" if "preferred" in value.lower() else "common"


# --------------------------------------------------------------------------- agents

_LIST_START_RE = re.compile(r"\b(?:with(?: each of)?|through(?: (?:any|one or more|each|either) of)?)\s+(?=[A-Z])")
"""Where a defining sentence's list of agents starts: "with X, Y and Z", "through one or more of X, Y, ..."."""
_LIST_END_RE = re.compile(r"\s(?:relating to|under which|pursuant to which|providing for|to sell|for the (?:offer|sale)|"
                          r"\(?collectively|as (?:our )?(?:sales )?agents?\b|as sales agents?|in their capacit)|;")


def sentence_agents(text: str, *, beside_known: bool = False) -> list[str]:
    """Agents named in a defining sentence: canonical names anywhere in it, plus firms
    missing from the table when they stand in the agent list ("with X, Y and Z, ..."). With
    `beside_known`, unknown firms count only in a list that also names a known agent (a sentence
    that is not the program's own may name an equity line's investor the same way)."""
    known = find_agents(text)
    if beside_known and not known:
        return []
    start = _LIST_START_RE.search(text)
    # A "with" inside the forward purchasers' list ("Mizuho Markets Americas LLC (with Mizuho
    # Securities USA LLC acting as agent)") starts no agent list.
    if start and "orward" in text and any(a <= start.start() < b for a, b in forward_counterparty_spans(text)):
        return known
    if not start:
        return known
    end = _LIST_END_RE.search(text, start.end())
    span = text[start.end():end.start() if end else min(len(text), start.end() + 600)]
    listed = find_agents(span, keep_unknown=True)
    extra = [a for a in listed if a not in known]
    if not extra:
        return known
    # Keep the order of the list, then any canonical names mentioned elsewhere.
    return listed + [a for a in known if a not in listed]


# --------------------------------------------------------------------------- commission

COMMISSION_RE = re.compile(
    r"(?:commission|compensation|fee|discount)[^.]{0,120}?(?:of|equal to|up to|at a rate of|rate of|is|will be|no greater than|"
    r"not (?:to )?exceed(?:ing)?|no more than|not more than)\s+(?:up to\s+)?(?:an amount equal to\s+)?(?:\d{1,2}(?:\.\d+)?%\s+or\s+)?"
    r"(?:[a-z]+(?:[\s-]+(?:and\s+)?[a-z]+){0,3}\s+percent\s*\(\s*)?(?P<num>\d{1,2}(?:\.\d+)?)\s?%|"
    r"(?P<num2>\d{1,2}(?:\.\d+)?)\s?% of the (?:aggregate |gross |sales )",
    re.I,
)
"""The agents' commission: "a commission of up to 3.0% of the gross proceeds", "2% of the aggregate ...", "a fixed
commission rate equal to three percent (3.0%)" (the figure after the words)."""


def commission(text: str, placement_agents: bool = False) -> Found | None:
    """The agent's commission rate, where the sentence is about agents (not an underwriting
    discount or, unless the program's own agents are called so, a placement agent's fee)."""
    m = COMMISSION_RE.search(text)
    if m and (re.search(r"agent|manager|commission|compensation", text, re.I) or find_agents(text)) and not re.search(
            r"underwriting discount" if placement_agents else r"underwriting discount|placement agent", text, re.I):
        group = "num" if m.group("num") else "num2"
        end = m.end(group)
        pct = text.find("%", end, end + 2)
        return Decimal(m.group(group)), m.start(group), pct + 1 if pct >= 0 else end
    return None


# --------------------------------------------------------------------------- one sentence -> program


_ENTRY_INTO_RE = re.compile(r"\b(?:entry into|entering into|entrance into|execution of)\s+(?:the|our|an?|this|such)\s*$", re.I)


def program_from(s: Sentence, doc_date: date | None) -> Program:
    """The identity one sentence gives an agreement it names (a prior agreement that is
    terminated, a second program for another security)."""
    text = s.text
    prog = Program(source=s.span)
    # The agreement named after the verb is the one terminated ("In connection with our
    # entry into the Distribution Agreement, we terminated our prior Equity Distribution ...").
    verb = re.search(r"terminat|supersed|replac", text, re.I)
    after = verb.start() if verb else 0
    m = None
    for cand in AGREEMENT_RE.finditer(text):
        if NOT_ATM_AGREEMENT_RE.search(text[max(0, cand.start() - 40):cand.end()]):
            continue
        if cand.start() < after and _ENTRY_INTO_RE.search(text[max(0, cand.start() - 40):cand.start()]):
            continue  # "Upon entry into the equity distribution agreement, we terminated ...": the new one
        if m is None or (cand.start() >= after and m.start() < after):
            m = cand
        if m.start() >= after:
            break
    if m:
        at = name_start(text, m.start())
        prog.agreement_type = written_agreement(text[at:m.end()])
        prog.spans["agreement_type"] = s.sub(at, m.end())
    agr, amd, _ = agreement_dates(text, doc_date)
    set_found(prog, "agreement_date", agr, s)
    set_found(prog, "amendment_date", amd, s)
    prog.agents = _own_agents(text, m)
    if prog.agents:
        prog.spans["agents"] = s.span
    set_found(prog, "security", security(text), s)
    found = caps(text)
    if found:
        value, a, b = max(found, key=lambda f: f[0])
        prog.max_amount = as_dollars(value)
        prog.spans["max_amount"] = s.sub(a, b)
    return prog


_ENTRY_WITH_RE = re.compile(r"\b(?:entry into|entering into|entrance into|execution of)\s+(?:the|our|an?|this|such)\s+"
                            r"(?:[\w-]+\s+){0,4}?agreements?\s+with\s+[^,;]{0,120}", re.I)
"""The clause about the new agreement in a sentence that ends another ("Concurrently with our entry into the
agreement with Jefferies LLC, we terminated ...")."""


def _own_agents(text: str, m: re.Match[str] | None) -> list[str]:
    """The agents of the agreement `m` names, where the sentence names another agreement too ("In connection with
    the entry into the Equity Distribution Agreement with Jefferies LLC, the Sales Agreement with Cantor ... was
    terminated"; "Concurrently with our entry into the agreement with Jefferies LLC, we terminated our Sales
    Agreement with Cantor"): a firm named only beside the other agreement ("from there up to the next agreement",
    or in the entry-into clause) is that agreement's. A firm named beside both stays."""
    every = find_agents(text)
    if m is None or len(every) < 2:
        return every
    entered = {x for e in _ENTRY_WITH_RE.finditer(text) if not e.start() <= m.start() < e.end()
               for x in find_agents(e.group(0))}
    if entered:
        mine = set(find_agents(text[m.start():]))
        every = [x for x in every if x in mine or x not in entered]
    marks = [x.start() for x in AGREEMENT_RE.finditer(text) if not NOT_ATM_AGREEMENT_RE.search(text[max(0, x.start() - 40):x.end()])]
    if len(marks) < 2:
        return every
    bounds = list(zip(marks, marks[1:] + [len(text)]))
    own = next(((a, b) for a, b in bounds if a == m.start()), None)
    if own is None:
        return every
    mine = set(find_agents(text[own[0]:own[1]]))
    theirs = {x for a, b in bounds if a != own[0] for x in find_agents(text[a:b])}
    return [x for x in every if x in mine or x not in theirs]


def set_found(prog: Program, name: str, found: Found | None, where: Sentence | Any) -> None:
    """Set a program field from a Found (value, start, end) in `where` (a Sentence or Window)."""
    if found is None or found[0] is None:
        return
    setattr(prog, name, found[0])
    prog.spans[name] = where.sub(found[1], found[2])


def max_shares(text: str) -> Found | None:
    """A share cap not preceded by a dollar amount (MAX_SHARES_RE), nor the shares a charter authorizes."""
    m = MAX_SHARES_RE.search(text)
    if m and not MONEY_RE.search(text[max(0, m.start() - 30):m.start()]) \
            and not _AUTHORIZED_BEFORE_RE.search(text[max(0, m.start() - 80):m.start()]):
        return shares(m), m.start(), m.end()
    return None


_AUTHORIZED_BEFORE_RE = re.compile(r"\bauthori[sz](?:es?|ed|ing)\b[^.;$]{0,60}$", re.I)
"""The charter's limit, no program cap: "Our certificate of incorporation authorizes us to issue up to 40,000,000 shares of
common stock", "we are authorized to issue up to 500,000,000 shares"."""


def shares_offered(text: str) -> Found | None:
    """The shares this prospectus offers by count (SALE_OF_SHARES_RE), when no sentence states a cap; not an unsold
    remainder ("of 4,940,097 common shares that remain unsold")."""
    m = SALE_OF_SHARES_RE.search(text)
    if m and not re.match(r"[^.;]{0,40}?\b(?:remain|unsold|not (?:yet )?(?:been )?sold)", text[m.end():]):
        return shares(m), m.start(), m.end()
    return None
