"""Which programs a filing describes: the main program (the one this prospectus registers or
amends) and a second program for another class of security (a preferred ATM beside a common
one). Identity values come from the defining sentences (extract/identity.py); each keeps the
span it came from.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from .agents import cut_name_start, find_agents
from .agreements import AGREEMENT_RE, atm_short_form, canonical_agreement, name_start, written_agreement
from .amounts import DOLLAR, MONEY_RE, as_dollars, money, shares
from .dates import DATE_RE, to_date
from . import role
from .events import amended, terminated
from .identity import (
    Found,
    COVER_CAP_PHRASE_RE,
    COVER_COUNT_RE,
    COVER_SHARES_RE,
    OFFERED_RES,
    PREVIOUSLY_ENTERED_RE,
    agreement_dates,
    cover_cap as find_cover_cap,
    caps,
    commission,
    is_defining,
    largest,
    max_shares,
    program_from,
    remainder,
    securities,
    security,
    security_class,
    sentence_agents,
    shares_offered,
    set_found,
    smallest,
)
from .model import Program, Sentence, Span, Window, dollar_start, norm
from .vocab import AGENT_ROLE_RE, NOT_ATM_AGREEMENT_RE

_THIS_PROSPECTUS_RE = re.compile(r"this prospectus supplement|offered hereby|this offering|under this prospectus", re.I)
_AGREEMENT_PERMITS_RE = re.compile(r"agreement[^.]{0,80}(?:provides|permits|allows)", re.I)
_DEFINED_TERM_BEFORE_RE = re.compile(r"\((?:[^()]{0,40}?,\s*)?(?:the\s+|each,?\s+an?\s+|collectively,?\s+the\s+)?[\"\u201c]$|"
                                     r",\s+or\s+the\s+$", re.I)
"""Where a defined term starts: "(the "ATM Agreement")", or the unquoted ", or the ATM Agreement," of "a sales agreement,
dated May 14, 2024, or the ATM Agreement, with TD Securities"."""
_GENERIC_NAMES = ("Sales Agreement", "Distribution Agreement")
_MAY_ENTER_RE = re.compile(r"\bmay(?:,? from time to time,?)? enter into\b[^.]*$", re.I)
_AMENDMENT_STATED_RE = re.compile(r"\b(?:entered into|executed|signed)\b[^.]{0,80}?\bamendment\b|"
                                  r"\b(?:entered into|executed|signed)\b[^.]{0,40}?\bamended and restated\b|\bamendment\b[^.]{0,80}?\b(?:was|were) (?:entered into|executed)"
                                  r"|\b(?:we|Company|[A-Z]\w+) amended (?:and restated )?(?:our|the|its|their|that certain)\b"
                                  r"|\b(?:we|the company) and [^;]{1,80}?\bamended (?:and restated )?(?:our|the|its|their|that certain)\b"
                                  r"|\b(?:pursuant to|under)\s+(?:an?\s+|the\s+)?(?:first\s+|second\s+|third\s+)?amendment(?:\s+no\.\s?\d+)?"
                                  r"(?:\s+to\s+the\s+[^,;]{0,60}?)?,?\s+dated\b[^;]{0,200}?\b(?:increased|decreased|reduced|raised|added|removed)\b", re.I)
"""An amendment the text says was made: "we entered into an amendment", "we amended the Sales Agreement", "we and
Cantor Fitzgerald & Co. amended the Sales Agreement" (a firm's "Co." inside the subject), "Pursuant to an amendment dated
June 1, 2024, the aggregate offering price ... was increased" (a change verb after it: "as amended by Amendment No. 1 ...,
dated X" only tells the agreement's history). A filing made "to reflect the amendment and restatement on May 27, 2025, of the
Sales Agreement" says so too (amended.FILED_TO_REFLECT_AMENDMENT_RE)."""
_ENDED_RE = re.compile(r"\bterminat|\breplac|\bsupersed", re.I)
_EXISTING_RE = re.compile(r"\b(?:are|is) (?:a )?party to\b|\bpreviously (?:entered into|executed)\b", re.I)
_AGENT_PAID_RE = re.compile(r"\b(?:agents?|managers?|[A-Z][\w.&]+)\s+will\s+be\s+entitled\s+to\s+(?:compensation|a\s+commission)|"
                            r"\b(?:agents?|managers?|[A-Z][\w.&]+)\s+will\s+receive\s+(?:from\s+(?:us|the\s+company)\s+)?"
                            r"(?:an?\s+)?(?:commission|compensation|fee)|"
                            r"\bcompensation\s+(?:to|of|payable\s+to)\s+(?:the\s+|each\s+|our\s+)?(?:sales\s+)?(?:agents?|managers?)\b|"
                            r"\b(?:we|the company)\s+will\s+pay\s+(?:[^.;]|(?<=\b[A-Z])\.){1,60}?\ba\s+commission\b|"
                            r"\b(?:we|the company)\s+will\s+pay\s+(?:the|each|our)\s+(?:sales\s+)?(?:agents?|managers?)\s+"
                            r"(?:an?\s+)?(?:aggregate\s+)?fee\b", re.I)
_PAID_TO_FIRM_RE = re.compile(r"\b(?:compensation|commission)\s+(?:to|of|payable\s+to)\s+(?-i:[A-Z])", re.I)
"""The rate paid to a firm by its name ("The compensation to SVB Leerink for sales of our common shares will be 3.0% of
the gross sales price"): a rate for the agent when the firm is one the agent table knows."""
_LIMITED_RE = re.compile(r"I\.B\.6|(?:these|such|this) limitations?|baby[\s-]shelf|public float|"
                         r"regulatory (?:requirements|limitations) (?:which|that) currently (?:would )?(?:allow|permit)", re.I)
_LIMIT_SET_ASIDE_RE = re.compile(r"\b(?:without giving effect to|disregarding|before (?:applying|giving effect to)|notwithstanding)\b[^.,]{0,80}?"
                                 r"(?:I\.B\.6|limit)", re.I)
"""The agreement's full cap stated apart from the I.B.6 limit ("Without giving effect to any offering limit
imposed by General Instruction I.B.6 of Form S-3, we may offer and sell ... up to $25 million"): the cap, not the
slice."""


_LIMIT_AFTER_CAP_RE = re.compile(r"[^.;$]{0,150}?,?\s+subject\s+to\s+(?:the\s+application\s+of\s+|the\s+|certain\s+|any\s+)?"
                                 r"(?:[\w-]+\s+){0,2}?(?:limitations?|restrictions?|limits?|General\s+Instruction)\b[^.;$]{0,100}?I\.B\.6", re.I)
"""The I.B.6 limit named after the amount it limits ("up to $25,000,000 from time to time through Ladenburg acting as
sales agent, subject to certain limitations as described below under General Instruction I.B.6 of Form S-3")."""


_CAP_THROUGH_AGENTS_RE = re.compile(r"\b(?:we|the company)\s+may\s+(?:offer\s+and\s+)?(?:sell|issue)\b[^.]{0,250}?\bthrough\s+"
                                    r"(?:any\s+of\s+|each\s+of\s+|one\s+or\s+more\s+of\s+)?the\s+(?:sales\s+)?(?:agents?|managers?)\b", re.I)
_CAP_ALONE_RE = re.compile(r"\b(?:in\s+no\s+event\s+(?:can|may|will|shall)\s+we|we\s+(?:will|shall|may)\s+not|we\s+cannot)\s+"
                           r"(?:offer\s+and\s+)?(?:sell|issue)\s+more\s+than\s+" + DOLLAR + r"|"
                           r"\b(?:gross|aggregate)\s+proceeds\s+(?:from|of)\s+(?:this|the)\s+offering\s+(?:may|will|shall)\s+"
                           r"(?:be\s+up\s+to|not\s+exceed)\s+" + DOLLAR + r"|"
                           r"\bthis\s+prospectus\s+supplement\s+(?:covers|relates\s+to|registers)\s+the\s+(?:offer\s+and\s+)?(?:sale|issuance)\s+"
                           r"(?:from\s+time\s+to\s+time\s+)?of\s+(?:shares\s+[^.$]{0,60}?)?up\s+to\s+" + DOLLAR, re.I)
"""Sentences that can only be the program's ceiling, though they name neither agreement nor agent ("In no event
can we sell more than $X", "The gross proceeds from this offering may be up to $X", "This prospectus supplement covers
the offer and sale of up to $X of common stock" in a program's own supplement)."""
_RESTATES_EARLIER_RE = re.compile(
    r"\b(?:amends?\s+and\s+restates?|amended\s+and\s+restated)\s+(?:the|our|that certain|each of the)\b[^.]{0,200}?"
    r"\b(?:dated(?:\s+as\s+of)?|entered\s+into\b[^.]{0,100}?\b(?:on|as of))\s+(?P<date>" + DATE_RE.pattern + ")", re.I)
_RESTATED_RE = re.compile(r"\bamended and restated\b|\bamends? and restates?\b", re.I)
_EARLIER_AGREEMENT_DATED_RE = re.compile(
    r"\b(?:the|our|its|those)\s+(?:(?:prior|original|existing|previous|initial)\s+)?(?:[\w\u2122-]+\s+){0,3}agreements?,?\s+"
    r"dated(?:\s+as\s+of)?\s+(?P<date>" + DATE_RE.pattern + ")", re.I)


def _original_named_later(prog: Program, specific: list[Sentence], first: Sentence) -> None:
    """An amended and restated agreement whose own sentence gives only the restatement's date, while a later sentence
    of the program names the agreements it restated by an earlier date ("... (which amount includes all of the shares
    ... previously sold pursuant to the equity distribution agreements dated March 31, 2023)"): that date is the
    original agreement's. An agreement the sentence says was ended or replaced is another program's."""
    for s in specific:
        if s is first or _ENDED_RE.search(s.text):
            continue
        for m in _EARLIER_AGREEMENT_DATED_RE.finditer(s.text):
            dm = DATE_RE.search(m.group("date"))
            day = to_date(dm) if dm else None
            if day is not None and prog.amendment_date is not None and day < prog.amendment_date:
                set_found(prog, "agreement_date", (day, m.start("date"), m.end("date")), s)
                return


_SELF_ONLY_RE = re.compile(r"\bwith respect to (?:itself|it only)\b", re.I)
_AMENDS_ORIGINAL_RE = re.compile(r"\b(?:we|the company)\b[^.]{0,20}?\bamended(?: and restated)?\s+(?:the|our|that certain)\s+(?:[\w\u2122-]+\s+){0,6}?agreement\b|"
                                 r"\bamend(?:ed|s|ment|ing)\b(?: and restat(?:ed|es|ing))?[^.]{0,60}?\b(?:the|our) original\b[^.]{0,40}?\bagreement\b", re.I)


def _only_original(text: str) -> bool:
    """The sentence is "about another program" only for naming the original agreement."""
    if terminated.states_termination(text):
        return False
    words = {m.group(1).lower() for m in re.finditer(r"\b(?:our|the|its|that certain) (prior|previous|former|existing|original|old) ", text, re.I)}
    return words == {"original"}


def _this_program_part(s: Sentence) -> Sentence | None:
    """A sentence that defines this program and then says what it replaced ("We have entered into an At Market Issuance
    Sales Agreement, dated March 9, 2018, with B. Riley FBR, ..., which replaced a prior sales agreement ... which
    expired on April 16, 2018"): the words before the clause are about this program (the clause is read for the
    ended one by events/terminated.py)."""
    m = terminated.REPLACING_CLAUSE_RE.search(s.text)
    if m is None or m.start() < 40:
        return None
    before = s.text[:m.start()]
    if not AGREEMENT_RE.search(before) or terminated.about_other_program(before):
        return None
    # The program's own terms may follow the clause ("..., which replaces our prior sales agreement with Cantor, relating
    # to shares ... having an aggregate offering price of up to $9,400,000"): kept, the clause itself blanked so every
    # offset still points into the document.
    back = terminated.CLAUSE_RESUMES_RE.search(s.text, m.end())
    if back is None:
        return Sentence(s.index, s.para, s.start, before)
    return Sentence(s.index, s.para, s.start, before + " " * (back.start() - m.start()) + s.text[back.start():])


def main_program(specific: list[Sentence], sentences: list[Sentence], head: Window, doc_date: date | None,
                 atm_sents: Sequence[Sentence] = ()) -> Program:
    # Figures of a terminated or replaced agreement are not this program's; an amendment to
    # the "Original Sales Agreement" still dates this program's change (see _dates).
    stated = specific
    # "We previously entered into a Sales Agreement, or the original sales agreement, ... On June 28, 2022,
    # we amended and restated the original sales agreement": the "original" agreement is this program.
    original_amended = any(_AMENDS_ORIGINAL_RE.search(s.text) for s in specific[:20])
    kept: list[Sentence] = []
    for s in specific:
        if not terminated.about_other_program(s.text) or (original_amended and _only_original(s.text)):
            kept.append(s)
        elif (part := _this_program_part(s)) is not None:
            kept.append(part)
    specific = kept or specific
    defining = [s for s in specific if is_defining(s.text)]
    defining = _not_ended(defining, stated, doc_date, sentences)
    if not defining:
        defining = specific[:3]
    first = defining[0]
    # The excerpt is the document's sentence as written (a part read for this program may have a clause blanked).
    whole = sentences[first.index].text if first.index < len(sentences) and sentences[first.index].start == first.start else first.text
    prog = Program(excerpt=norm(whole), source=first.span)

    _agreement_type(prog, defining, specific)
    _dates(prog, defining, stated, doc_date)
    prog.amended = amended.made_now(prog, first.text, doc_date, role.earliest_date(head.text))
    if prog.agreement_date is None and prog.amendment_date is not None and _RESTATED_RE.search(first.text):
        # An amended and restated agreement whose original date the text does not give: the restatement's
        # date identifies it (an earlier one is no change of this filing's; a new one is, and keeps its date
        # as the amendment's too).
        prog.agreement_date = prog.amendment_date
        if "amendment_date" in prog.spans:
            prog.spans["agreement_date"] = prog.spans["amendment_date"]
        _original_named_later(prog, specific[:10], first)
    if prog.agreement_date is None:
        _established_on(prog, defining[:4] + specific[:10], sentences)
    _agents(prog, defining, specific, sentences, first)
    if not prog.agents:
        # The cover's list of agents (one firm per line, names sometimes broken across lines), without a name the page
        # stops in when the cover is all there is.
        reaches_end = bool(head.text) and bool(sentences) and head.sub(0, len(head.text)).end > sentences[-1].start
        cut = cut_name_start(head.text) if reaches_end else None
        prog.agents = find_agents(head.text if cut is None else head.text[:cut])
        if prog.agents:
            cover_span = head.sub(0, len(head.text))
            prog.spans["agents"] = cover_span
            if cut is None:
                # A firm missing from the table stands in the cover's list beside the known ones ("offered ... through
                # Cantor Fitzgerald & Co., Imperial Capital, LLC, ... and Wedbush Securities Inc., each of which we refer
                # to as an agent").
                listed = [a for x in sentences if cover_span.start <= x.start < cover_span.end and AGENT_ROLE_RE.search(x.text)
                          for a in sentence_agents(x.text, beside_known=True)]
                if any(a not in prog.agents for a in listed):
                    prog.agents = list(dict.fromkeys(listed + prog.agents))

    window = Window.of(defining[:3])
    found = securities(window.text)
    if found:
        selling = next(((x, m) for x in [*defining[:3], *specific[:6]] if (m := _SELLING_RE.search(x.text))), None)
        sold = securities(selling[0].text[selling[1].end():selling[1].end() + 200]) if selling else None
        if selling is not None and sold is not None and security_class(sold[0]) == security_class(found[0]) \
                and sold[0].lower() not in found[0].lower() and found[0].lower() not in sold[0].lower():
            # The class as the selling sentence names it when the text calls it two ways ("relating to our common
            # shares ... we may offer and sell shares of our common stock having an aggregate offering price of up to
            # $50 million"); not its defined short term ("Class A common stock (the "common stock")").
            at = selling[1].end()
            set_found(prog, "security", (sold[0], sold[1] + at, sold[2] + at), selling[0])
            found = None
    if found:
        set_found(prog, "security", found, window)
    elif not prog.security:
        set_found(prog, "security", securities(head.text), head)
    _full_series_name(prog, head)

    _caps(prog, specific, sentences, head, bool(_EXISTING_RE.search(first.text)))
    before = (prog.max_amount, prog.spans.get("max_amount")) if prog.offered_amount is None else (None, None)
    amended.cap_changes(specific[:60], prog)
    if prog.amended and not prog.changes:
        # The amendment's terms may follow the sentence that names it, in the same paragraph ("... as amended by
        # Amendment No. 1 ... Amendment No. 1 provides, among other things, for an increase ... to up to an additional
        # $47,184,000").
        paras = {x.para for x in defining[:6]}
        amended.cap_changes([x for x in sentences if x.para in paras and x not in specific[:60]
                             and ("increas" in x.text or "additional" in x.text)], prog)
    registered, registered_span = before
    if registered is not None and registered_span is not None and prog.offered_amount is None \
            and prog.max_amount is not None and registered < prog.max_amount and "raised" in prog.changes \
            and registered == _cover_value(head):
        # The cover registers only the increase ("Up to $100,000,000"; the cap raised "from $100,000,000 to
        # $200,000,000"): what this prospectus offers under the new total.
        prog.offered_amount, prog.spans["offered_amount"] = registered, registered_span
    # An amendment adding agents to the "Original Sales Agreement" changes this program too.
    # An agent ending the agreement "with respect to itself" leaves the agreement in force: a change of agents.
    changes = [s for s in stated[:60] if s not in specific[:60]
               and (not _ENDED_RE.search(s.text) or _SELF_ONLY_RE.search(s.text))]
    # A swap told beside the program's sentence ("Effective June 6, 2023, Virtu ... will be acting as Nuveen's sub-placement
    # agent ... As such, all references in the Prospectus Supplement to Truist Securities, Inc. are replaced with
    # references to Virtu"): the sentence names no program of its own.
    swap_paras = {x.para for x in specific[:6]}
    swaps = [x for x in sentences if x.para in swap_paras and "replac" in x.text and x not in specific[:60] and x not in changes]
    amended.agent_changes(defining[:6] + [s for s in specific[:60] if s not in defining[:6]] + changes + swaps, prog)

    program_paras = {x.para for x in specific[:60]}
    nearby = [x for x in sentences if x.para in program_paras]
    # A cover sentence of its own that sells a number of shares through the agents ("We may offer and sell up to
    # 2,726,390 shares of our common stock from time to time through the sales agents named below") is the cap too.
    through_agents = [x for x in sentences[:60] if x not in nearby and _CAP_THROUGH_AGENTS_RE.search(x.text)]
    for s in defining[:6] + specific[:60] + nearby + through_agents:
        found = max_shares(s.text)
        if found:
            set_found(prog, "max_shares", found, s)
            break
    if prog.max_shares is None:
        for s in atm_sents[:80]:
            found = max_shares(s.text)
            if found:
                set_found(prog, "max_shares", found, s)
                break
    if prog.max_shares is None and prog.max_amount is None:
        for s in defining[:6] + specific[:60] + nearby:
            found = shares_offered(s.text)
            if found:
                set_found(prog, "max_shares", found, s)
                break
    if prog.max_shares is None:
        m = COVER_SHARES_RE.search(head.text)
        if m is None and prog.max_amount is None and prog.offered_amount is None and not _SOLD_OR_LEFT_RE.search(head.text):
            m = COVER_COUNT_RE.search(head.text)
        if m:
            prog.max_shares = shares(m)
            prog.spans["max_shares"] = head.sub(m.start("num"), m.end("num"))

    amended.share_changes(specific[:60], prog)

    # Some programs (BDCs' above all) call their agents "Placement Agents": then a placement agent's fee is the program's.
    placement = any(_PLACEMENT_AGENTS_RE.search(s.text) for s in defining[:3])
    for s in specific[:80] + nearby:
        found = commission(s.text, placement)
        if found:
            set_found(prog, "commission_rate", found, s)
            break
    if prog.commission_rate is None:
        # The plan of distribution often gives the rate in a sentence of its own that names
        # only the agent ("Wainwright will be entitled to compensation at a fixed commission rate
        # of 3% of the gross proceeds of each sale").
        for s in sentences:
            if ("commission" in s.text or " fee " in s.text or "compensation" in s.text) and (
                    _AGENT_PAID_RE.search(s.text) or (_PAID_TO_FIRM_RE.search(s.text) and find_agents(s.text))):
                found = commission(s.text, placement)
                if found:
                    set_found(prog, "commission_rate", found, s)
                    break
    return prog


_PLACEMENT_AGENTS_RE = re.compile(r"\b(?:as|each an?|the|our) [\"“]?placement agents?\b", re.I)
"""The program's agents defined as placement agents ("with Raymond James and B. Riley, each a “Placement Agent”")."""


def _identity_key(p: Program) -> tuple[date | None, frozenset[str]]:
    return p.agreement_date, frozenset(p.agents)


def _same_agreement(a: tuple[date | None, frozenset[str]], b: tuple[date | None, frozenset[str]]) -> bool:
    if a[0] is not None and b[0] is not None:
        return a[0] == b[0]
    return bool(a[1]) and a[1] == b[1]


def _not_ended(defining: list[Sentence], stated: list[Sentence], doc_date: date | None,
               sentences: Sequence[Sentence] = ()) -> list[Sentence]:
    """Defining sentences of an agreement that a later sentence says ended ("On March 3, 2021, we
    entered into a sales agreement with X. ... we have terminated the sales agreement with X dated March 3,
    2021 ... We have entered into a Sales Agreement, dated April 5, 2023, with Y") tell the history, not the
    program this prospectus registers: when another agreement is defined, it is the program. A sentence
    that itself says the agreement ended is already left out; this finds the earlier introduction."""
    ended = []
    superseded_by_this: int | None = None
    paras = {d.para for d in defining[:6]}
    # "The new agreements with Cantor and KeyBanc supersede and replace the agreements ...": a sentence of the defining
    # paragraph that names no agreement the table knows.
    around = [x for x in sentences if x.para in paras and _NEW_SUPERSEDES_RE.search(x.text) and x not in stated]
    for s in [*stated[:60], *around]:
        low = s.text.lower()
        if "terminat" not in low and "replac" not in low and "supersed" not in low:
            continue
        if _NEW_SUPERSEDES_RE.search(s.text):
            # "We have now entered into a new sales agreement, dated June 1, 2023, with ..., which supersedes and
            # replaces the prior sales agreement": this program's own sentence; what it replaced was introduced before.
            superseded_by_this = s.index if superseded_by_this is None else superseded_by_this
            continue
        if terminated.states_termination(s.text) and not terminated.OFFERING_ONLY_RE.search(s.text) \
                and not _SELF_ONLY_RE.search(s.text) and "remains in full force" not in s.text.lower():
            key = _identity_key(program_from(s, doc_date))
            if key[0] is not None or key[1]:
                ended.append(key)
    kept = [s for s in defining
            if not any(_same_agreement(_identity_key(program_from(s, doc_date)), k) for k in ended)]
    if superseded_by_this is not None:
        # "We previously entered into a sales agreement ... We have now entered into a new sales agreement ..., which
        # supersedes ... the prior sales agreement": the agreement entered into before is the one replaced.
        kept = [s for s in (kept or defining) if not (s.index < superseded_by_this and PREVIOUSLY_ENTERED_RE.search(s.text))]
    return kept or defining


_NEW_SUPERSEDES_RE = re.compile(
    r"\b(?:(?:entered into|enter into|executed)\s+(?:a\s+|an\s+|the\s+)?|(?:the|this|these|our)\s+)new\s+(?:[\w-]+\s+){0,4}?"
    r"agreements?\b[^.;]{0,200}?\b(?:supersed|replac)(?:e|es|ed|ing)\b", re.I)
"""A new agreement whose sentence says it replaces the earlier one ("we have entered into a new sales agreement ..., which
supersedes and replaces the prior sales agreement", "The new agreements with Cantor and KeyBanc supersede and replace the
agreements that we entered into with those entities on March 25, 2010")."""


def _agreement_type(prog: Program, defining: list[Sentence], specific: list[Sentence]) -> None:
    """The most specific agreement name among the defining sentences."""
    names = []
    for s in defining[:6]:
        for m in AGREEMENT_RE.finditer(s.text):
            if NOT_ATM_AGREEMENT_RE.search(s.text[max(0, m.start() - 40):m.end()]):
                continue
            if _MAY_ENTER_RE.search(s.text, max(0, m.start() - 120), m.start()):
                continue  # the base prospectus's "we may enter into a ... equity distribution agreement"
            name = canonical_agreement(m.group(0))
            if name:
                at = name_start(s.text, m.start())
                nickname = bool(_DEFINED_TERM_BEFORE_RE.search(s.text, max(0, at - 60), at))
                short = atm_short_form(s.text, at, m.end())
                names.append((name, written_agreement(short or s.text[at:m.end()]), s.sub(at, m.end()), nickname))
    # A defined term ("dated December 10, 2021 (the "ATM Agreement")") is a nickname; the agreement's type is the
    # name written before it, when there is one.
    named = [n for n in names if not n[3]] or names
    chosen = next((n for n in named if n[0] not in _GENERIC_NAMES), named[0] if named else None)
    if chosen:
        prog.agreement_type, prog.spans["agreement_type"] = chosen[1], chosen[2]
    if chosen and chosen[0] in _GENERIC_NAMES:
        # "... to our Capital on Demand™ Sales Agreement, dated July 22, 2020 ..., the Sales Agreement": the generic
        # defined term names the specific agreement an earlier sentence gives.
        for s in specific[:6]:
            fuller = next((m for m in AGREEMENT_RE.finditer(s.text)
                           if (canonical_agreement(m.group(0)) or "") not in _GENERIC_NAMES
                           and (canonical_agreement(m.group(0)) or "").endswith(chosen[0])
                           and not NOT_ATM_AGREEMENT_RE.search(s.text[max(0, m.start() - 40):m.end()])
                           and not _MAY_ENTER_RE.search(s.text, max(0, m.start() - 120), m.start())), None)
            if fuller is not None:
                prog.agreement_type, prog.spans["agreement_type"] = written_agreement(fuller.group(0)), s.match(fuller)
                return
    if chosen and chosen[0] == "Distribution Agreement":
        for s in specific:
            at = s.text.lower().find("equity distribution")
            if at >= 0:
                prog.agreement_type = "Equity Distribution Agreement"
                prog.spans["agreement_type"] = s.sub(at, at + len("equity distribution"))
                break


_SELLING_RE = re.compile(r"\bwe may (?:offer and |issue and )?sell\b(?=[^.]{0,120}?\b(?:having an aggregate|up to)\b)", re.I)
"""The selling sentence's verb, whose object is the class the labels name ("we may offer and sell shares of our common
stock having an aggregate offering price of up to ...")."""


def _dates(prog: Program, defining: list[Sentence], specific: list[Sentence], doc_date: date | None) -> None:
    """Original agreement date and amendment date from the first defining sentences that give them."""
    for s in defining[:6]:
        agr, amd, is_amendment = agreement_dates(s.text, doc_date)
        if agr and agr[0] and not prog.agreement_date:
            set_found(prog, "agreement_date", agr, s)
        if amd and amd[0] and not prog.amendment_date:
            set_found(prog, "amendment_date", amd, s)
        if is_amendment:
            prog.amended = True
        if prog.agreement_date and (prog.amendment_date or not is_amendment):
            break
    # An amendment stated after the defining sentence ("On X, we entered into an amendment to the
    # Sales Agreement ("Amendment No. 3")"): the newest one dates the change.
    later = defining[1:10] + [s for s in specific[:40] if s not in defining[:10]]
    for s in later[:6]:
        m = _RESTATES_EARLIER_RE.search(s.text)
        dm = DATE_RE.search(m.group("date")) if m else None
        older = to_date(dm) if dm else None
        if m and older and prog.agreement_date and older < prog.agreement_date and prog.amendment_date is None \
                and not _ENDED_RE.search(s.text):
            # "We have entered into ... agreements ..., dated January 17, 2023 ... The agreements amend and restate
            # the agreements that we entered into ... on May 6, 2019": the first date is the restatement's.
            prog.amendment_date = prog.agreement_date
            if "agreement_date" in prog.spans:
                prog.spans["amendment_date"] = prog.spans["agreement_date"]
            set_found(prog, "agreement_date", (older, m.start("date"), m.end("date")), s)
            prog.amended = True
            break
    for s in later:
        agr, amd, is_amendment = agreement_dates(s.text, doc_date)
        if not (is_amendment and amd and amd[0]) or not (_AMENDMENT_STATED_RE.search(s.text)
                                                         or amended.FILED_TO_REFLECT_AMENDMENT_RE.search(s.text)):
            continue
        if _ENDED_RE.search(s.text):
            continue  # an amendment to an agreement that was then terminated or replaced
        if prog.amendment_date is None or amd[0] > prog.amendment_date:
            set_found(prog, "amendment_date", amd, s)
            prog.amended = True
        if agr and agr[0] and not prog.agreement_date:
            set_found(prog, "agreement_date", agr, s)
    if not prog.amended and any(amended.FILED_TO_REFLECT_AMENDMENT_RE.search(s.text) for s in [*defining[:10], *specific[:10]]):
        # "This prospectus supplement is being filed to reflect the amendment of the open market sale agreement ... to add
        # Cowen as an additional sales agent": the filing is made for the change, dated or not.
        prog.amended = True


# A cover that tells of shares sold or left: its bare share line may count those, not the cap.
_SOLD_OR_LEFT_RE = re.compile(r"\b(?:we|have|has|had|were|was|been|previously) sold\b|\bremain(?:s|ing)?\b|\bunsold\b|"
                              r"\bsold to date\b|\bsales? (?:report|results)\b", re.I)
_WHEN_ESTABLISHED_RE = re.compile(r"^(?:When (?:it was |the (?:ATM )?Program was )?established|At (?:its|the time of its) establishment|"
                                  r"Upon (?:its )?establishment|In connection with (?:its|the) establishment),", re.I)
_ESTABLISHED_ON_RE = re.compile(
    r"\b(?:On|on|In|in|Effective|effective)\s+(?P<date>" + DATE_RE.pattern + r"),?\s+(?:we|the Company|the Fund|the Trust)\s+"
    r"(?:established|commenced|launched)\s+(?:the|our|an?)\s+(?:ATM|at[\s-]the[\s-]market)\b[^.]{0,20}?\b(?:program|offering)", re.I)


def _established_on(prog: Program, candidates: list[Sentence], sentences: list[Sentence]) -> None:
    """The agreement dated by the program's start told a sentence or two before it ("On March 4, 2019, we established the
    ATM Program ... When established, we entered into equity distribution agreements with Jefferies LLC ..."): the
    agreements were entered into when the program was established, on that date."""
    when = next((c for c in candidates if _WHEN_ESTABLISHED_RE.match(c.text)), None)
    if when is None:
        return
    for x in reversed(sentences[max(0, when.index - 3):when.index]):
        m = _ESTABLISHED_ON_RE.search(x.text)
        dm = DATE_RE.search(m.group("date")) if m else None
        day = to_date(dm) if dm else None
        if m and day:
            set_found(prog, "agreement_date", (day, m.start("date"), m.end("date")), x)
            return


def _agents(prog: Program, defining: list[Sentence], specific: list[Sentence], sentences: list[Sentence],
            first: Sentence) -> None:
    """Agents: the defining sentences first, then the paragraph around them, then any sentence
    that gives agents a role."""
    agents: list[str] = []
    where: Span | None = None
    for s in defining[:4]:
        for a in sentence_agents(s.text):
            if a not in agents:
                agents.append(a)
        if agents:
            where = s.span
            break
    if not agents:
        # The paragraph's sentences that name a known agent, each read as a defining one is (a firm missing from the
        # table still stands in their list: "will be made through one or more of RBC ..., Commerz Markets LLC, ..."); an
        # unknown firm alone is no agent (an equity line's investor).
        para = [x for x in sentences if x.para == first.para]
        agents = list(dict.fromkeys(a for x in para for a in sentence_agents(x.text, beside_known=True)))
        if agents:
            where = para[0].span.cover(para[-1].span)
    if not agents:
        for s in specific[:40]:
            if AGENT_ROLE_RE.search(s.text):
                agents = find_agents(s.text)
                if agents:
                    where = s.span
                    break
    if agents:
        # A fund's distributor sells through a dealer it appoints ("The Distributor has entered into a
        # dealer agreement ... with UBS Securities LLC (the "Dealer") ... through the Dealer as
        # sub-placement agent"): the dealer is an agent of the program too, named in the same paragraph or in one of
        # the next few ("In addition, all references ... to the Sub-Placement Agent Agreement shall mean ...").
        for x in sentences:
            if first.para <= x.para <= first.para + 3 and x.index > first.index and _SUB_AGENT_RE.search(x.text):
                added = [a for a in find_agents(x.text) if a not in agents]
                if added:
                    agents = agents + added
                    where = where.cover(x.span) if where else x.span
    prog.agents = agents
    if agents and where:
        prog.spans["agents"] = where


_SUB_AGENT_RE = re.compile(r"\bsub-placement agents?\b|\(the [\"\u201c]Dealer[\"\u201d]\)|\bdealer agreement\b", re.I)


def _cover_value(head: Window) -> Decimal | None:
    """The amount on the cover ("Up to $100,000,000"), in dollars."""
    found = find_cover_cap(head.text) or COVER_CAP_PHRASE_RE.search(head.text)
    value = money(found) if found else None
    return as_dollars(value) if value is not None else None


_INITIAL_CAP_RE = re.compile(r"\b(?:initially|originally)\b[^.;$]{0,90}$", re.I)


def _caps(prog: Program, specific: list[Sentence], sentences: list[Sentence], head: Window, existing: bool) -> None:
    """The agreement's cap (max_amount), what this prospectus registers when smaller
    (offered_amount), and a new total after an increase."""
    agreement_caps: list[tuple[Decimal, Span]] = []
    prospectus_caps: list[tuple[Decimal, Span]] = []
    cover_cap = find_cover_cap(head.text) or COVER_CAP_PHRASE_RE.search(head.text)
    cover_value = money(cover_cap) if cover_cap else None
    if cover_cap and cover_value is not None:
        prospectus_caps.append((cover_value, head.sub(dollar_start(head.text, cover_cap.start("num")), cover_cap.end("num"))))
    limited: list[tuple[Decimal, Span]] = []
    initial_caps: list[tuple[Decimal, Span]] = []
    for s in specific[:60]:
        found = caps(s.text)
        if not found:
            continue
        if _LIMITED_RE.search(s.text) and not _THIS_PROSPECTUS_RE.search(s.text) and not _LIMIT_SET_ASIDE_RE.search(s.text):
            # "As a result of these limitations [I.B.6], we may offer and sell up to $X": what may be
            # sold now, not the agreement's cap; but "up to $X ..., subject to certain limitations ... under General
            # Instruction I.B.6" states the cap the limit then cuts.
            capped = [(v, a, b) for v, a, b in found if _LIMIT_AFTER_CAP_RE.match(s.text, b)]
            agreement_caps.extend((v, s.sub(a, b)) for v, a, b in capped)
            limited.extend((v, s.sub(a, b)) for v, a, b in found if (v, a, b) not in capped)
            continue
        target = prospectus_caps if _THIS_PROSPECTUS_RE.search(s.text) and not _AGREEMENT_PERMITS_RE.search(s.text) else agreement_caps
        for v, a, b in found:
            # "we were initially authorized to offer and sell up to $100,000,000": the cap before a change (see below).
            (initial_caps if _INITIAL_CAP_RE.search(s.text, max(0, a - 100), a) else target).append((v, s.sub(a, b)))
    program_paras = {x.para for x in specific[:60]}
    nearby = [x for x in sentences if x.para in program_paras]
    for s in nearby:
        # The I.B.6 amount often stands in a sentence of its own beside the program's.
        if s in specific or not _LIMITED_RE.search(s.text) or _THIS_PROSPECTUS_RE.search(s.text):
            continue
        if _LIMIT_SET_ASIDE_RE.search(s.text):
            agreement_caps.extend((v, s.sub(a, b)) for v, a, b in caps(s.text))
        else:
            limited.extend((v, s.sub(a, b)) for v, a, b in caps(s.text))
    offered_caps: list[tuple[Decimal, Span]] = []
    for s in specific[:60] + [x for x in nearby if x not in specific]:
        for pattern in OFFERED_RES:
            m = pattern.search(s.text)
            offered = money(m) if m else None
            if m and offered:
                prospectus_caps.append((offered, s.sub(dollar_start(s.text, m.start("num")), m.end("num"))))
                offered_caps.append(prospectus_caps[-1])
    if not agreement_caps and not prospectus_caps:
        # The cap in a sentence of its own that names no agreement, only the agents it sells through ("We may
        # offer and sell up to $1,000,000,000 of our common stock ... through any of the sales agents").
        for s in nearby:
            if (s not in specific and (_CAP_THROUGH_AGENTS_RE.search(s.text) or _CAP_ALONE_RE.search(s.text))
                    and not _LIMITED_RE.search(s.text)):
                agreement_caps.extend((v, s.sub(a, b)) for v, a, b in caps(s.text))
                if agreement_caps:
                    break
    if initial_caps and not (cover_value is not None and cover_value > max(v for v, _ in initial_caps)):
        # A cap "initially" set and since cut (an I.B.6 notice) is still the agreement's; one since raised to what the
        # cover now offers is not.
        agreement_caps.extend(initial_caps)
    if agreement_caps:
        value, span = largest(agreement_caps)
        prog.max_amount, prog.spans["max_amount"] = as_dollars(value), span
        prog.agreeing = sum(1 for v, _ in agreement_caps + prospectus_caps if v == value)
        if prospectus_caps:
            low, low_span = smallest(prospectus_caps)
            if low < value:
                prog.offered_amount, prog.spans["offered_amount"] = as_dollars(low), low_span
    elif prospectus_caps:
        value, span = prospectus_caps[0]
        replaced = {money(m) for x in specific[:60] + nearby for m in _FROM_TO_RE.finditer(x.text)}
        stated = [c for c in prospectus_caps[1:] if c[0] > value and c[0] not in replaced] \
            if cover_value is not None and cover_value == value else []
        if stated:
            # The cover registers less than the program a sentence states ("$124,601,795" on the cover; "we may offer
            # and sell ... up to $150,000,000 ... pursuant to this prospectus supplement", what was sold before counted
            # in): the sentence's figure is the program's cap, the cover's what this prospectus offers.
            top, top_span = largest(stated)
            prog.max_amount, prog.spans["max_amount"] = as_dollars(top), top_span
            prog.offered_amount, prog.spans["offered_amount"] = as_dollars(value), span
            prog.agreeing = sum(1 for v, _ in prospectus_caps if v == top)
        elif existing and value % 100_000:
            # An existing agreement carried into a new supplement for an odd figure
            # ("$708,162,849"): the unsold remainder this prospectus registers, not the cap.
            prog.offered_amount, prog.spans["offered_amount"] = as_dollars(value), span
        else:
            prog.max_amount, prog.spans["max_amount"] = as_dollars(value), span
        prog.agreeing = sum(1 for v, _ in prospectus_caps if v == value)
    if offered_caps and prog.offered_amount is None and prog.max_amount is not None:
        # What this prospectus says it offers, below the cap ("We are offering ... up to $2,994,080 pursuant to this
        # prospectus supplement" beside an agreement of $20,000,000 "subject to ... I.B.6"): the slice.
        low, low_span = smallest(offered_caps)
        if low < prog.max_amount:
            prog.offered_amount, prog.spans["offered_amount"] = as_dollars(low), low_span
    if limited and prog.offered_amount is None:
        low, low_span = smallest(limited)
        # A rounded restatement of the cap ("$13.5 million" for $13,504,438) is the cap, not a slice.
        if prog.max_amount is None or low < prog.max_amount * Decimal("0.98"):
            prog.offered_amount, prog.spans["offered_amount"] = as_dollars(low), low_span
    for s in specific[:60] + [x for x in nearby if x not in specific]:
        found_remainder = remainder(s.text)
        if found_remainder is None:
            continue
        (left, a, b), cap = found_remainder
        if cap is not None and (prog.max_amount is None or prog.max_amount <= left):
            prog.max_amount, prog.spans["max_amount"] = as_dollars(cap[0]), s.sub(cap[1], cap[2])
        if prog.max_amount is None or left < prog.max_amount:
            prog.offered_amount, prog.spans["offered_amount"] = as_dollars(left), s.sub(a, b)
            prog.carried = prog.offered_amount
        break
    for s in specific[:60]:
        if amended.new_total(s, prog):
            prog.amended = True
            break


_FROM_TO_RE = re.compile(r"\bfrom\s+(?:approximately\s+)?" + MONEY_RE.pattern + r"\s+to\s+(?:approximately\s+)?" + DOLLAR, re.I)
"""A change "from $300,000,000 to $254,411,271.43": the first figure is the old amount, not the program's cap now."""


_SHORT_SERIES_RE = re.compile(r"Series (?P<series>[A-Z][\w-]*) Preferred (?P<noun>Stock|Shares)")


def _full_series_name(prog: Program, head: Window) -> None:
    """A preferred series named by its defined short term ("the Series A Preferred Stock") takes
    its full name from the cover ("7.50% Series A Cumulative Redeemable Perpetual Preferred Stock")."""
    short = _SHORT_SERIES_RE.fullmatch(prog.security or "")
    if short is None:
        return
    full = security(head.text)
    if full and _names_same_series(short, full[0]) and full[0].endswith(short.group("noun")):
        set_found(prog, "security", full, head)


def _names_same_series(short: re.Match[str], full: str) -> bool:
    """A fuller name of the series the short term names ("7.50% Series A ..." for "Series A Preferred Stock")."""
    return full != short.group(0) and bool(re.match(r"(?:\d+(?:\.\d+)?%\s+)?Series " + re.escape(short.group("series")) + r"\b", full))


_AMOUNT = r"(?P<{0}>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?|\d{{1,3}}(?:,\d{{3}})+(?:\s+shares)?|\d+(?:\.\d+)?\s+million\s+shares)"
PER_CLASS_RE = re.compile(
    r"\bup to (?:an aggregate of )?" + _AMOUNT.format("first") + r"\s+(?:of\s+)?(?:shares\s+of\s+)?(?:our\s+)?(?P<sec1>(?:[^,;.$]|\.\d){3,90}?)"
    r",?\s+and\s+up to (?:an aggregate of )?" + _AMOUNT.format("second") + r"\s+(?:of\s+)?(?:shares\s+of\s+)?(?:our\s+)?"
    r"(?P<sec2>(?:[^,;.$]|\.\d){3,90}?)(?=\s+(?:from time to time|through|to or through|under|pursuant)\b|[,;.]|$)", re.I)
"""One agreement, a cap for each class: "we may offer and sell up to 15,000,000 shares of common stock
and up to 1,000,000 shares of Series A Preferred Stock from time to time through ..." (two programs)."""
PER_CLASS_SHARES_RE = re.compile(
    r"\bup to (?:an aggregate of )?(?P<first>\d{1,3}(?:,\d{3})+)\s+shares\s+of\s+(?:our\s+)?"
    r"(?P<sec1>(?:[^;$]|\$\d+(?:\.\d+)?\s+per\s+share){3,200}?),?\s+and\s+(?:up to\s+)?(?P<second>\d{1,3}(?:,\d{3})+)\s+shares\s+of\s+"
    r"(?:our\s+)?(?P<sec2>(?:[^;,$.(]|\.\d){3,120}?)(?=\s*[,;.(]|\s+from time to time|\s+through\b|$)", re.I)
"""A share cap for each class with the first class's par value and defined term between them: "up to 5,000,000 shares
of our common stock, par value $0.01 per share (“common stock”), and 500,000 shares of our 9.00% Series A
Cumulative Preferred Stock"."""
_HAVING = r"(?:,?\s+)having an aggregate offering price of up to "
PER_CLASS_LIST_RE = re.compile(
    r"\(i\)\s+(?P<sec1>(?:[^;$]|\.\d){3,300}?)" + _HAVING + r"(?P<first>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)"
    r",?\s+and\s+\(ii\)\s+(?P<sec2>(?:[^;$]|\.\d){3,300}?)" + _HAVING + r"(?P<second>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)", re.I)
"""The same as a list: "of (i) common units ... having an aggregate offering price of up to $500,000,000 and
(ii) 7.875% Series A Cumulative Redeemable Perpetual Preferred Units ... having an aggregate offering price of up
to $250,000,000"."""


_MONEY_CAP = r"(?P<{0}>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)"
PER_CLASS_MIXED_RE = re.compile(
    r"\bup to (?:an aggregate of )?(?P<first>\d{1,3}(?:,\d{3})+)\s+shares\s+of\s+(?:our\s+)?(?P<sec1>(?:[^,;.$]|\.\d){3,120}?),?\s+"
    r"and\s+(?:shares\s+of\s+)?(?:our\s+)?(?P<sec2>(?:[^,;.$]|\.\d){3,90}?)" + _HAVING + _MONEY_CAP.format("second") + "|"
    r"\b(?:shares\s+of\s+)?(?:our\s+)?(?P<sec1b>(?:[^,;.$]|\.\d){3,90}?)" + _HAVING + _MONEY_CAP.format("firstb")
    + r",?\s+and\s+up to (?:an aggregate of )?(?P<secondb>\d{1,3}(?:,\d{3})+)\s+shares\s+of\s+(?:our\s+)?"
    r"(?P<sec2b>(?:[^,;.$(]|\.\d){3,120}?)(?=\s*[,;.(]|\s+from time to time|\s+through\b|$)", re.I)
"""A share cap for one class and a dollar cap for the other, in either order: "up to 2,000,000 shares of our 7.25% Series A
Cumulative Redeemable Preferred Stock and shares of our common stock having an aggregate offering price of up to
$50,000,000", "shares of our common stock having an aggregate offering price of up to $50,000,000 and up to 2,000,000 shares
of our Series A Preferred Stock" (two programs)."""


def _mixed(m: re.Match[str]) -> dict[str, tuple[str, int, int]]:
    """PER_CLASS_MIXED_RE's groups under one set of names, whichever order matched."""
    names = ("first", "sec1", "second", "sec2") if m.group("first") else ("firstb", "sec1b", "secondb", "sec2b")
    return {k: (m.group(n), m.start(n), m.end(n)) for k, n in zip(("first", "sec1", "second", "sec2"), names)}


def _class_cap(prog: Program, raw: str, sec: Found, s: Sentence, span: tuple[int, int]) -> None:
    prog.security, prog.spans["security"] = sec[0], s.sub(*span)
    if "$" in raw:
        m = MONEY_RE.search(raw)
        value = money(m) if m else None
        prog.max_amount, prog.max_shares = (as_dollars(value) if value is not None else None), None
        prog.spans["max_amount"] = s.sub(*span)
    else:
        m = re.match(r"(?P<num>[\d,.]+)(?:\s*(?P<scale>million))?", raw)
        prog.max_shares, prog.max_amount = (shares(m) if m else None), None
        prog.spans["max_shares"] = s.sub(*span)


def _same_series_full(found: Found, full: str | None) -> Found:
    short = _SHORT_SERIES_RE.fullmatch(found[0])
    if short and full and _names_same_series(short, full):
        return (full, found[1], found[2])
    return found


def _copy_for_class(program: Program, *cleared: str) -> Program:
    """The program copied for another class of security under the same filing: no changes of its own, and without the
    fields named (the first class's figures)."""
    other = copy.deepcopy(program)
    other.changes, other.agents_added, other.agents_removed = [], [], []
    for name in cleared:
        setattr(other, name, None)
        other.spans.pop(name, None)
    return other


def per_class_programs(specific: list[Sentence], program: Program, sentences: Sequence[Sentence]) -> list[Program]:
    """Split a program whose sentence gives one cap per class of security (PER_CLASS_RE): the
    program keeps the first class, a copy takes the second (same agreement, date and agents). The
    caps may stand in the sentence before one that names the program ("... of (i) common units
    ... and (ii) ... Preferred Units .... These sales will be made pursuant to the equity
    distribution agreement")."""
    before = [sentences[x.index - 1] for x in specific[:12] if x.index > 0 and sentences[x.index - 1].para == x.para]
    for s in specific[:12] + before:
        m = PER_CLASS_RE.search(s.text) or PER_CLASS_LIST_RE.search(s.text) or PER_CLASS_SHARES_RE.search(s.text)
        if m is not None:
            g = {k: (m.group(k), m.start(k), m.end(k)) for k in ("first", "sec1", "second", "sec2")}
        else:
            low = s.text.lower()
            # Substring tests first: the pattern's leftmost class name is tried at every word.
            mixed = PER_CLASS_MIXED_RE.search(s.text) if "having an aggregate offering price of up to" in low \
                and low.count("up to") >= 2 else None
            if mixed is None:
                continue
            g = _mixed(mixed)
        first, second = security(g["sec1"][0]), security(g["sec2"][0])
        if not first or not second or security_class(first[0]) == security_class(second[0]):
            continue
        # "... shares of Series A Preferred Stock": the full name the program already read, if the same series.
        first, second = (_same_series_full(f, program.security) for f in (first, second))
        other = _copy_for_class(program, "offered_amount", "max_amount_increase", "carried")
        _class_cap(program, g["first"][0], first, s, _span_of(g, "first", "sec1"))
        _class_cap(other, g["second"][0], second, s, _span_of(g, "second", "sec2"))
        return [other]
    return []


def _span_of(g: dict[str, tuple[str, int, int]], a: str, b: str) -> tuple[int, int]:
    """The span of two groups together, in whichever order they stand."""
    return min(g[a][1], g[b][1]), max(g[a][2], g[b][2])


_OWN_AGREEMENT_DATED_RE = re.compile(r"\bdated(?:\s+as\s+of)?\s+(?P<date>" + DATE_RE.pattern + ")", re.I)


def class_program(s: Sentence, program: Program) -> Program | None:
    """The program of another class of security whose sales a later sentence reports under an agreement it names
    itself ("Pursuant to a Sales Agency Agreement dated as of September 17, 1996 (the "Preferred Stock Sales Agency
    Agreement") between the Company and PaineWebber ..., the Company has sold through PaineWebber ... 7,200 shares of the
    Company's $1.26 Cumulative Convertible Preferred, Series B" after the same report for the common stock): a copy of
    the program with that sentence's agreement, date, agents and class, and none of the first class's caps."""
    t = s.text
    agreement = AGREEMENT_RE.search(t)
    if agreement is None or NOT_ATM_AGREEMENT_RE.search(t[max(0, agreement.start() - 40):agreement.end()]) \
            or terminated.about_other_program(t):
        return None
    found = securities(t[agreement.end():])
    if found is None or security_class(found[0]) in (None, security_class(program.security)):
        return None
    other = _copy_for_class(program, "max_amount", "offered_amount", "max_shares", "max_amount_increase", "carried",
                            "commission_rate")
    at = agreement.end()
    set_found(other, "security", (found[0], found[1] + at, found[2] + at), s)
    if canonical_agreement(agreement.group(0)):
        begin = name_start(t, agreement.start())
        set_found(other, "agreement_type", (written_agreement(t[begin:agreement.end()]), begin, agreement.end()), s)
    dated = _OWN_AGREEMENT_DATED_RE.search(t, agreement.start(), agreement.end() + 80)
    day_match = DATE_RE.search(dated.group("date")) if dated else None
    day = to_date(day_match) if day_match else None
    if dated is not None and day is not None:
        set_found(other, "agreement_date", (day, dated.start("date"), dated.end("date")), s)
    agents = find_agents(t)
    if agents:
        other.agents, other.spans["agents"] = agents, s.span
    other.source, other.excerpt = s.span, norm(t)
    return other


def other_programs(specific: list[Sentence], program: Program, doc_date: date | None) -> list[Program]:
    """A second program described in the same filing for another class of security (a
    common-stock ATM beside a preferred-stock ATM): its own agreement, date, agents, cap."""
    main_class = security_class(program.security)
    out: list[Program] = []
    seen: set[str] = set()
    for s in specific[:80]:
        t = s.text
        if not re.search(r"\b(?:entered into|are (?:a )?party to)\b", t) or norm(t) == program.excerpt:
            continue
        if terminated.states_termination(t):
            continue
        found_security = security(t)
        if not found_security or main_class is None or security_class(found_security[0]) == main_class or found_security[0] in seen:
            continue
        found = caps(t)
        if not found:
            continue
        other = program_from(s, doc_date)
        set_found(other, "security", found_security, s)
        value, a, b = max(found, key=lambda f: f[0])
        other.max_amount, other.spans["max_amount"] = as_dollars(value), s.sub(a, b)
        other.agents = sentence_agents(t)
        if other.agents:
            other.spans["agents"] = s.span
        else:
            other.spans.pop("agents", None)
        other.amended = bool(amended.AMEND_RE.search(t)) and not re.search(r"\bpreviously\b", t, re.I)
        other.excerpt = norm(t)
        seen.add(found_security[0])
        out.append(other)
    if out and program.excerpt and program.source:
        # With two programs, the main cap is the one its own sentence states.
        own = caps(program.excerpt)
        if own:
            value, _, _ = max(own, key=lambda f: f[0])
            program.max_amount = as_dollars(value)
            source = next((x for x in specific if x.span == program.source), None)
            raw = [f for f in caps(source.text) if f[0] == value] if source else []
            program.spans["max_amount"] = source.sub(raw[0][1], raw[0][2]) if source and raw else program.source
    return out
