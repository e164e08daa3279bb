"""Event rules: normalised filing text -> ATM program events (DESIGN.md EVENT).

The order follows docs/atm-domain.md ("decision order that works on real text"):

1. Role: is this filing the program's own prospectus (a supplement that registers ATM
   capacity, or a supplement that amends one)? Underwritten, registered-direct,
   equity-line, resale and note offerings only *mention* an ATM: no events.
2. Programs: the defining sentence(s) give agreement type and date, agents, cap,
   security; a terminated prior agreement is a program of its own.
3. Sentences per program: termination of the agreement -> suspension -> resumption ->
   amendment -> establishment / re-registration; sales to date are always additive.
4. Boilerplate ("may suspend", "will terminate upon") never makes an event.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal

from ..records import Event
from .agents import find_agents
from .agreements import AGREEMENT_RE, canonical_agreement, written_agreement
from .amounts import MONEY_RE, as_dollars, money, shares
from .dates import DATE_RE, to_date
from .sentences import split_sentences

logger = logging.getLogger(__name__)

# --------------------------------------------------------------------------- patterns

_ATM_WORDS_RE = re.compile(r"at[\s-]the[\s-]market|\bATM\b|415\(a\)\(4\)", re.I)
_AGENT_ROLE_RE = re.compile(r"\b(?:sales agents?|agents?|managers?|forward sellers?)\b", re.I)
# Agreements that are never ATM sales agreements, even when they share words with one.
_NOT_ATM_AGREEMENT_RE = re.compile(
    r"(?:securities|stock|share|common stock|equity)\s+purchase\s+agreement|underwriting\s+agreement|"
    r"placement\s+agency\s+agreement|dealer[\s-]manager\s+agreement|purchase\s+agreement|lincoln\s+park|"
    r"receivables?\s+(?:sale|purchase)|purchase\s+and\s+sale|gas\s+sales|lng\s+sales|power\s+sales|conditional\s+sales",
    re.I,
)
# A firm offering on the cover: the filing is not the ATM's prospectus.
_FIRM_OFFER_RE = re.compile(
    r"\bwe are offering (?:an aggregate of |up to )?[\d,]+\b|\bwe are offering (?:\$|shares|units|pre-funded)|"
    r"\bthe underwriters? (?:have|has) (?:agreed|an option|the option|a \d+-day option)|\bunderwriting discounts?\b|"
    r"\bplacement agent(?:'s)? (?:fees|has agreed)|\bregistered direct\b|\bsecurities purchase agreement\b|"
    r"\bLincoln Park\b|\bpricing supplement\b|\bselling (?:stockholders|shareholders|securityholders)\b|"
    r"\bdealer[- ]manager\b|\bexchange offer\b|\bresale\b|\bthe notes\b|\bnotes due\b|\bdebentures\b|"
    r"\bpublic offering price\b|\bcommon stock purchase agreement\b|\bequity line\b",
    re.I,
)
_ATM_OFFER_RE = re.compile(
    r"(?:entered into|enter into|relate to|relating to|pursuant to|under|terms of)\b[^.]{0,200}?"
    r"(?:sales agreement|distribution agreement|sale agreement|offering agreement|atm agreement|sales agency)|"
    r"at[\s-]the[\s-]market offerings?\b|\bsales agents?\b|\bsupplement no\. ?\d+ to (?:the )?prospectus supplement|"
    r"(?:supplements?|amends?) (?:and (?:supplements?|amends?) )?(?:the|our) (?:prior |previous |atm )?prospectus supplement",
    re.I,
)
_SUPPLEMENT_NOTICE_RE = re.compile(
    r"\bsupplement no\. ?\d+ to (?:the )?prospectus supplement|"
    r"this (?:supplement|prospectus supplement amendment)[^.]{0,80}(?:supplements|amends)|"
    r"(?:supplements?|amends?) (?:and (?:supplements?|amends?) )?(?:the|our) (?:prior |previous |atm )?prospectus supplement(?:,)? dated",
    re.I,
)

_DOC_DATE_RE = re.compile(
    r"the date of this (?:prospectus supplement|supplement|prospectus|pricing supplement)"
    r"(?: no\. ?\d+)?(?: to (?:the )?prospectus supplement)?(?: amendment)?\s+is\s+(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})",
    re.I,
)


_TERMINATE_RE = re.compile(
    r"\b(?:(?:we|the company|it|they|[A-Z][\w.&,' -]{1,60}) (?:have |has |had )?(?:voluntarily |mutually )?"
    r"(?:terminated|elected to terminate|agreed to terminate|delivered (?:a )?(?:written )?notice[^.]{0,120}?terminat|"
    r"gave (?:written )?notice[^.]{0,80}?terminat|provided (?:written )?notice[^.]{0,80}?terminat)|"
    r"\b(?:acknowledged|accepted)[^.]{0,80}?notice (?:to terminate|of termination)|"
    r"(?:was|were|has been|have been|is|are|will be) (?:being )?(?:terminated|cancell?ed)(?! upon)(?! at)(?! by either)|"
    r"\bterminated (?:effective|as of|on)\b|\bin connection with [^.]{0,80}?we terminated)",
)
_TERMINATE_BOILER_RE = re.compile(
    r"\b(?:may(?!\s+\d)|will terminate upon|terminate upon|shall terminate|right to terminate|may be terminated|"
    r"can be terminated|will be terminated (?:upon|at|by|if)|until (?:the )?terminat|upon (?:the )?termination|"
    r"if (?:the )?[\w ]*agreement is terminated|earlier of|earliest of)\b",
    re.I,
)
_SUSPEND_RE = re.compile(
    r"purpose of this [^.]{0,60}?is to (?:suspend|terminate)|\bhereby (?:suspend|terminat)|"
    r"\b(?:we|the company) (?:are|is|have|has|had) (?:hereby )?(?:suspend(?:ed|ing)?|terminat(?:ed|ing) the (?:continuous )?offering)|"
    r"\bsuspend(?:ed|ing)? (?:the |our |all )?(?:atm\b|at[\s-]the[\s-]market|offers and sales|offers or sales|sales\b|offering\b|program\b|continuous offering)|"
    r"\bterminat(?:e|ed|ing) the continuous offering|"
    r"\bwill not (?:make|effect|conduct) any (?:further |additional )?(?:offers or |offers and )?sales? [^.]{0,160}?unless and until|"
    r"\bno (?:further |additional )?(?:offers or |offers and )?sales (?:will|shall) be made [^.]{0,160}?unless and until|"
    r"\bprospectus (?:supplement )?(?:related to|relating to|for) [^.]{0,80}?(?:was|has been|is) terminated",
    re.I,
)
_SUSPEND_BOILER_RE = re.compile(
    r"\b(?:may (?:also )?suspend|may at any time suspend|right to suspend|can suspend|could suspend|"
    r"will be suspended until|be suspended if|suspend the offering (?:of|at any time)(?! effective)|"
    r"may be suspended|notify the other)\b",
    re.I,
)
_RESUME_RE = re.compile(r"\b(?:resum(?:e|ed|ing|ption)|reinstat(?:e|ed|ing)|recommenc(?:e|ed|ing))\b", re.I)
_SALES_RE = re.compile(
    r"\b(?:have|has|had)\s+(?:previously\s+|already\s+|collectively\s+)?(?:offered\s+and\s+)?(?:issued\s+and\s+)?sold\b|"
    r"\b(?:have|has|had)\s+not\s+(?:yet\s+)?(?:offered\s+(?:or|and)\s+)?(?:issued\s+(?:or|and)\s+)?sold\s+any\b|"
    r"\bno\s+(?:shares|sales)\b[^.]{0,80}?\b(?:have|has|had)\s+(?:yet\s+)?been\s+(?:sold|made)\b|"
    r"\bsold\s+no\s+shares\b|\bwe\s+sold\s+(?:an\s+aggregate\s+of\s+)?[\d,]+\s+shares|\b(?:were|have been|had been) sold\b|"
    r"\bpreviously\s+(?:issued\s+and\s+|offered\s+and\s+)?sold\b|\b(?:did|has|have)\s+not\s+(?:yet\s+)?(?:issue\s+or\s+)?sell\s+any\b",
    re.I,
)
_ZERO_SALES_RE = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:offered\s+(?:or|and)\s+)?(?:issued\s+(?:or|and)\s+)?sold\s+any\b|\bnot\s+(?:yet\s+)?(?:issue\s+or\s+)?sell\s+any\b|\bno\s+(?:shares|sales)\b[^.]{0,80}?\bbeen\s+(?:sold|made)\b|\bsold\s+no\s+shares\b",
    re.I,
)
_WINDOW_SALES_RE = re.compile(r"12[\s-]months?|twelve[\s-]months?|I\.B\.6|during the (?:three|six|nine) months|since such filing|quarter ended", re.I)
_AMEND_RE = re.compile(
    r"\bamendment(?: no\. ?\d+)?,? (?:dated|to (?:the|our|that certain))|\bamended and restated\b|\bamends and restates\b|"
    r"\b(?:entered into|executed) (?:an? |the )?(?:first |second |third )?amendment\b|\bAmendment No\. ?\d+",
    re.I,
)
_PREVIOUSLY_RE = re.compile(r"\bpreviously (?:entered into|filed)|\bprior prospectus\b|\bprevious prospectus\b|\boriginal prospectus\b", re.I)

_AGREEMENT_DATE_RE = re.compile(
    r"\bdated(?: as of)?\s+(?:(?P<hereof>the date hereof|the date of this prospectus supplement)|(?P<date>"
    + DATE_RE.pattern + r"))",
)
_ON_DATE_ENTERED_RE = re.compile(
    r"\b(?:On|on|As of|as of|In|in)\s+(?P<date>" + DATE_RE.pattern.replace("(?P<month>", "(?P<m2>").replace("(?P<day>", "(?P<d2>").replace("(?P<year>", "(?P<y2>")
    + r"),?\s+[\w.,&'() -]{1,100}?\s+(?:entered into|executed|signed)",
)
_ENTERED_ON_DATE_RE = re.compile(
    r"\b(?:previously )?entered into [^.]{0,400}?\bon (?P<date>" + DATE_RE.pattern + r")")
_OFFERED_RES = (
    re.compile(r"\b(?:are|is) (?:now )?only offering [^.$]{0,80}?" + MONEY_RE.pattern, re.I),
    re.compile(r"\bregistering the (?:offer and )?sale of (?:shares [^.$]{0,40})?up to " + MONEY_RE.pattern, re.I),
    re.compile(MONEY_RE.pattern + r"(?: in shares of [\w ]{0,40}?)? (?:offered|registered) (?:by|under|pursuant to) this prospectus supplement", re.I),
    re.compile(r"up to " + MONEY_RE.pattern + r" (?:remains?|are|is) available for (?:offer and )?sale[^.]{0,60}?(?:pursuant to|under) this prospectus supplement", re.I),
    re.compile(r"(?:pursuant to|under) this prospectus(?: supplement)?,? we may (?:offer and )?sell (?:shares of (?:our )?common stock having an aggregate offering price of )?up to " + MONEY_RE.pattern, re.I),
)
_CAP_RES = (
    re.compile(r"aggregate (?:gross )?(?:offering|sales|sale) (?:price|amount|proceeds)s?\s*(?:of\s*)?(?:up to|not (?:to )?exceed(?:ing)?|of no more than)\s+(?:approximately\s+)?" + MONEY_RE.pattern, re.I),
    re.compile(r"\bin excess of\s+" + MONEY_RE.pattern, re.I),
    re.compile(r"\bup to (?:an aggregate (?:of )?)?(?:approximately\s+)?" + MONEY_RE.pattern + r"(?!\s+(?:remain|of (?:shares )?(?:our )?common stock (?:remain|are available)))", re.I),
    re.compile(r"maximum aggregate (?:offering|sales) (?:price|amount) of\s+" + MONEY_RE.pattern, re.I),
)
_MONEY_ANON = re.sub(r"\(\?P<\w+>", "(?:", MONEY_RE.pattern)
_INCREMENT_RE = re.compile(r"\b(?:an? )?additional\s+" + _MONEY_ANON + r"|\bby (?:up to )?(?:an additional )?" + _MONEY_ANON + r"(?! to)", re.I)
_NEW_TOTAL_RE = re.compile(r"\bby (?:up to )?(?:an additional )?\$[\d,.]+(?:\s*(?:million|billion))? to\s+" + MONEY_RE.pattern, re.I)
_MAX_SHARES_RE = re.compile(r"\bup to (?:an aggregate of )?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+(?:of (?:our|its) )?(?:[\w.%-]+\s+){0,4}?(?:shares|ADSs|American Depositary Shares|common units|units)\b", re.I)
_COMMISSION_RE = re.compile(
    r"(?:commission|compensation|fee|discount)[^.]{0,120}?(?:of|equal to|up to|at a rate of|rate of|is|will be)\s+(?:up to\s+)?(?:an amount equal to\s+)?(?:\d{1,2}(?:\.\d+)?%\s+or\s+)?(?P<num>\d{1,2}(?:\.\d+)?)\s?%|"
    r"(?P<num2>\d{1,2}(?:\.\d+)?)\s?% of the (?:aggregate |gross |sales )",
    re.I,
)
_GROSS_RE = re.compile(
    r"(?:aggregate\s+(?:gross\s+)?(?:offering|sales|sale)\s+price|gross\s+(?:sales\s+)?proceeds|aggregate\s+gross\s+proceeds|"
    r"aggregate\s+(?:offering|sales)\s+amount|for\s+(?:total|aggregate)\s+(?:gross\s+)?(?:consideration|proceeds))"
    r"[^$.]{0,40}?(?:of\s+)?(?:approximately\s+|about\s+)?" + MONEY_RE.pattern,
    re.I,
)
_GROSS_AFTER_RE = re.compile(MONEY_RE.pattern + r"\s+(?:in|of)\s+(?:aggregate\s+)?gross\s+(?:sales\s+)?proceeds", re.I)
_NET_RE = re.compile(r"net\s+proceeds[^$.]{0,60}?(?:of\s+)?(?:approximately\s+|about\s+)?" + MONEY_RE.pattern, re.I)
_NET_AFTER_RE = re.compile(MONEY_RE.pattern + r"\s+(?:in|of)\s+(?:aggregate\s+)?net\s+proceeds", re.I)
_SOLD_SHARES_RE = re.compile(
    r"\b(?:sold|issued(?: and sold)?|issuance(?: and sale)? of)\s+(?:a total of\s+|an aggregate of\s+|approximately\s+|aggregate\s+)*"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+(?:[\w.%-]+\s+){0,4}?(?:shares|ADSs|American Depositary Shares|units)\b",
    re.I,
)
_REMAINING_RE = re.compile(
    MONEY_RE.pattern + r"(?:[^.;]{0,120}?\bremain(?:s|ed|ing)?\b(?:\s+(?:available|unsold|to be sold))?| (?:are|is|were|remain) (?:still )?available for (?:offer and )?(?:sale|issuance))|"
    r"\bremaining[^.;$]{0,60}?(?:of|is|was)\s+(?:approximately\s+)?(?P<num2>\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\bleaving\s+(?:approximately\s+)?(?P<num3>\$\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)",
    re.I,
)
_AS_OF_RE = re.compile(r"(?<!dated )\b(?:as of|through|prior to|up to|until|on or before|at)\s+(?P<date>" + DATE_RE.pattern + ")", re.I)
_AS_OF_DOC_RE = re.compile(
    r"\b(?:as of|through|prior to|until|up to)\s+(?:the date (?:of|hereof)|the date of this|immediately prior to the date of)", re.I)
_EFFECTIVE_RE = re.compile(r"\beffective(?: as of| on| upon)?\s+(?P<date>" + DATE_RE.pattern + ")", re.I)
_EFFECTIVE_NOW_RE = re.compile(r"\beffective (?:immediately|as of the date (?:of|hereof)|today|upon the filing)|\bas of the date (?:of this|hereof)", re.I)

_SECURITY_RES = (
    (re.compile(r"(?:\d+(?:\.\d+)?%\s+|(?:(?!The |Our |Of |And )[A-Z][a-z]+ ){1,2})?Series [A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,5}\s+Preferred (?:Stock|Shares)"), None),
    (re.compile(r"\bclass ([A-Z]) common stock\b", re.I), "Class {0} common stock"),
    (re.compile(r"\bclass ([A-Z]) ((?:common |ordinary )?shares)\b", re.I), "Class {0} {1}"),
    (re.compile(r"\bAmerican Depositary Shares\b|\bADSs\b"), "ADSs"),
    (re.compile(r"\bcommon shares of beneficial interest\b", re.I), "common shares of beneficial interest"),
    (re.compile(r"\bcommon units\b", re.I), "common units"),
    (re.compile(r"\bdepositary units\b", re.I), "depositary units"),
    (re.compile(r"\bordinary shares\b", re.I), "ordinary shares"),
    (re.compile(r"\bcommon shares\b", re.I), "common shares"),
    (re.compile(r"\bcommon stock\b", re.I), "common stock"),
)


# --------------------------------------------------------------------------- model


@dataclass
class Sentence:
    index: int
    para: int
    text: str


@dataclass
class Program:
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

    def event(self, type_: str, **fields) -> Event:
        ev = Event(
            type=type_, agreement_type=self.agreement_type, agreement_date=self.agreement_date,
            amendment_date=self.amendment_date if type_ == "program_amended" else None, agents=list(self.agents), security=self.security,
            max_amount=self.max_amount,
            offered_amount=self.offered_amount if type_ in ("program_established", "program_amended") else None,
            max_shares=self.max_shares,
            commission_rate=self.commission_rate,
        )
        return replace(ev, **fields)


@dataclass
class Extraction:
    atm_related: bool
    events: list[Event]


# --------------------------------------------------------------------------- entry point


def extract(text: str, *, filed_date: date | None = None, form_type: str | None = None) -> Extraction:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    sentences: list[Sentence] = []
    for pi, para in enumerate(paragraphs):
        for s in split_sentences(para):
            sentences.append(Sentence(len(sentences), pi, s))

    atm_sents = [s for s in sentences if _is_atm_sentence(s.text)]
    if not atm_sents:
        return Extraction(False, [])
    doc_atm = bool(_ATM_WORDS_RE.search(text))
    specific = [s for s in atm_sents if _names_program(s.text, doc_atm)]
    atm_related = bool(specific)
    if not atm_related:
        return Extraction(False, [])

    doc_date = _document_date(text) or filed_date
    head = _head(paragraphs)
    if not _is_program_prospectus(head):
        logger.debug("mentions an ATM program but is not its prospectus: no events")
        return Extraction(True, [])

    program = _main_program(specific, sentences, head, doc_date)
    others = _other_programs(specific, program, doc_date)
    events: list[Event] = []

    terminated = _terminations(specific, program, doc_date)
    suspension = _suspension(atm_sents, doc_date)
    resumption = _resumption(specific, doc_date)
    sales = _sales(sentences, sentences, doc_date, program)
    is_notice = bool(_SUPPLEMENT_NOTICE_RE.search(head))
    if sales is not None:
        sales = _attribute_sales(sales, program, [p for p, _ in terminated if p is not program])

    for prior, ev in terminated:
        if prior is program:
            events.append(ev)
    if suspension is not None:
        events.append(program.event("suspended", effective_date=suspension[0], excerpt=suspension[1]))
    if resumption is not None:
        events.append(program.event("resumed", effective_date=resumption[0], excerpt=resumption[1]))

    registers = not (suspension is not None or any(p is program for p, _ in terminated))
    if registers and (program.agreement_type or program.agents or program.max_amount or program.max_shares):
        # A supplement that amends the ATM prospectus supplement ("Supplement No. 1 to
        # Prospectus Supplement") changes the program: cap, agents, commission or amount.
        if program.amended or is_notice:
            if resumption is None:
                events.append(program.event("program_amended", excerpt=program.excerpt))
        elif resumption is None:
            events.append(program.event("program_established", excerpt=program.excerpt))
    for other, excerpt in others:
        kind = "program_amended" if other.amended else "program_established"
        events.append(other.event(kind, excerpt=excerpt))
    for prior, ev in terminated:
        if prior is not program:
            events.append(ev)
    if sales is not None:
        events.append(sales)
    return Extraction(True, events)


# --------------------------------------------------------------------------- role


def _is_atm_sentence(text: str) -> bool:
    # Substring tests first: most sentences of a prospectus name no agreement and no ATM.
    low = text.lower()
    if "agreement" not in low and "market" not in low and "atm" not in low and "415(a)(4)" not in low:
        return False
    return bool(_ATM_WORDS_RE.search(text) or AGREEMENT_RE.search(text))


_GENERIC_RE = re.compile(r"\b(?:to the extent|if we|we may|will do so|any such|one or more|the applicable prospectus supplement)\b", re.I)
_INDEFINITE_RE = re.compile(r"\b(?:a|an|any|one or more)\s+(?:[\w-]+\s+){0,2}$", re.I)


def _names_program(text: str, doc_atm: bool = False) -> bool:
    """A sentence that refers to a concrete ATM program, not generic base-prospectus talk.
    `doc_atm`: the document speaks of at-the-market offerings somewhere."""
    generic = bool(_GENERIC_RE.search(text)) and not (find_agents(text) or DATE_RE.search(text))
    for m in AGREEMENT_RE.finditer(text):
        if generic and _INDEFINITE_RE.search(text[max(0, m.start() - 30):m.start()]):
            continue
        span = text[max(0, m.start() - 40):m.end() + 5]
        if _NOT_ATM_AGREEMENT_RE.search(span):
            continue
        name = canonical_agreement(m.group(0)) or ""
        if name == "Distribution Agreement" and not (_ATM_WORDS_RE.search(text) or re.search(r"sales agent|equity", text, re.I)
                                                     or (doc_atm and (find_agents(text) or re.search(r"\bentered into\b", text))
                                                         and not re.search(r"\bnotes\b|debt securities|medium-term", text, re.I))):
            continue
        return True
    return bool(re.search(r"at[\s-]the[\s-]market (?:equity )?(?:offering )?(?:program|facility|sales agreement)|\bATM (?:program|facility|offering)", text, re.I))


_COVER_START_RE = re.compile(r"^(?:prospectus supplement|prospectus|pricing supplement|supplement no\.|\(to (?:the )?prospectus)", re.I)


def _head(paragraphs: list[str]) -> str:
    """The cover page: from the "PROSPECTUS SUPPLEMENT" line (skipping a fee table before
    it) up to the table of contents, at most about 6,000 characters."""
    start = 0
    for i, p in enumerate(paragraphs[:80]):
        if _COVER_START_RE.match(p):
            start = max(0, i - 2)
            break
    out, size = [], 0
    for p in paragraphs[start:]:
        low = p.lower()
        if size > 1200 and (low.startswith("table of contents") or low.startswith("about this prospectus")):
            break
        out.append(p)
        size += len(p) + 1
        if size > 6000:
            break
    return "\n".join(out)


def _is_program_prospectus(head: str) -> bool:
    atm = _ATM_OFFER_RE.search(head)
    if atm is None:
        return False
    firm = None
    for cand in _FIRM_OFFER_RE.finditer(head):
        # "We are offering up to 25,000,000 common shares ... through Jefferies LLC as sales
        # agent": a firm-sounding verb whose own sentence describes an ATM is not a firm deal.
        sentence_end = head.find(". ", cand.end())
        sentence = head[cand.start():sentence_end if sentence_end > 0 else len(head)]
        if cand.group(0).lower().startswith("we are offering") and re.search(
                r"sales agents?|at[\s-]the[\s-]market|(?:sales|distribution|sale) agreement", sentence, re.I):
            continue
        firm = cand
        break
    if firm is None:
        return True
    # The first offering mechanism the cover names decides ("We are offering 1,974,432
    # shares" before any sales agreement is a firm deal that merely mentions an ATM).
    if firm.start() < atm.start():
        # An ATM cover can still mention "the notes"/"public offering price" late; look for
        # the ATM structure early on the cover.
        return bool(re.search(r"(?:entered into|relate to)[^.]{0,200}?(?:sales|distribution|sale|offering) agreement", head[:firm.start()], re.I))
    return True


def _document_date(text: str) -> date | None:
    m = _DOC_DATE_RE.search(text[:400_000])
    if m:
        dm = DATE_RE.search(m.group("date"))
        if dm:
            return to_date(dm)
    return None


# --------------------------------------------------------------------------- program


_OTHER_AGREEMENT_RE = re.compile(
    r"\b(?:our|the|its|that certain) (?:prior|previous|former|existing|original|old) [\w\s\"-]{0,40}agreement", re.I)


def _about_other_program(text: str) -> bool:
    """A sentence about an agreement that is ending or was replaced, not the program itself."""
    return bool((_TERMINATE_RE.search(text) and not _TERMINATE_BOILER_RE.search(text)) or _OTHER_AGREEMENT_RE.search(text))


def _main_program(specific: list[Sentence], sentences: list[Sentence], head: str, doc_date: date | None) -> Program:
    prog = Program()
    # Figures of a terminated or replaced agreement are not this program's.
    specific = [s for s in specific if not _about_other_program(s.text)] or specific
    defining = [s for s in specific if _is_defining(s.text)]
    if not defining:
        defining = specific[:3]
    first = defining[0]
    prog.excerpt = _norm(first.text)

    # Agreement type: the most specific name among the defining sentences.
    names = []
    for s in defining[:6]:
        for m in AGREEMENT_RE.finditer(s.text):
            span = s.text[max(0, m.start() - 40):m.end()]
            if _NOT_ATM_AGREEMENT_RE.search(span):
                continue
            name = canonical_agreement(m.group(0))
            if name:
                names.append((name, written_agreement(m.group(0))))
    generic = ("Sales Agreement", "Distribution Agreement")
    chosen = next((n for n in names if n[0] not in generic), names[0] if names else None)
    prog.agreement_type = chosen[1] if chosen else None
    if chosen and chosen[0] == "Distribution Agreement" and any("equity distribution" in s.text.lower() for s in specific):
        prog.agreement_type = "Equity Distribution Agreement"

    # Dates: original agreement date, amendment date.
    for s in defining[:6]:
        agr, amd, amended = _agreement_dates(s.text, doc_date)
        if agr and not prog.agreement_date:
            prog.agreement_date = agr
        if amd and not prog.amendment_date:
            prog.amendment_date = amd
        if amended:
            prog.amended = True
        if prog.agreement_date and (prog.amendment_date or not amended):
            break
    if prog.amended and re.search(r"\bpreviously (?:entered into|executed)\b", first.text, re.I):
        prog.amended = False  # an old A&R agreement re-registered: context, not this filing's change
    if prog.amendment_date and not prog.amended and not re.search(r"\bpreviously\b", first.text, re.I):
        # "dated X, as amended on Y": the amendment made for this supplement is this filing's
        # change; an old one (long before the supplement's date) is context.
        prog.amended = doc_date is None or abs((doc_date - prog.amendment_date).days) <= 62
    elif prog.amendment_date and doc_date and prog.amended:
        prog.amended = (doc_date - prog.amendment_date).days <= 62

    # Agents: defining sentences first, then the paragraph around them.
    agents: list[str] = []
    for s in defining[:4]:
        for a in _sentence_agents(s.text):
            if a not in agents:
                agents.append(a)
        if agents:
            break
    if not agents:
        para_text = " ".join(x.text for x in sentences if x.para == first.para)
        agents = find_agents(para_text)
    if not agents:
        for s in specific[:40]:
            if _AGENT_ROLE_RE.search(s.text):
                agents = find_agents(s.text)
                if agents:
                    break
    prog.agents = agents

    prog.security = _security(" ".join(s.text for s in defining[:3])) or _security(head)

    # Caps: the agreement's cap and what this prospectus registers.
    agreement_caps: list[Decimal] = []
    prospectus_caps: list[Decimal] = []
    # The cover's amount line: "Up to $4,000,000,000", "$500,000,000" or "Common Stock Having
    # an Aggregate Offering Price of Up to $50,000,000".
    cover_cap = re.search(r"(?:^|\n)\s*(?:Up to )?" + MONEY_RE.pattern + r"\s*(?:\n|$)", head, re.I) or re.search(
        r"(?:^|\n)[^\n]{0,80}?aggregate (?:gross )?(?:offering|sales) price of up to " + MONEY_RE.pattern + r"[^\n]{0,60}(?:\n|$)",
        head, re.I)
    if cover_cap:
        prospectus_caps.append(money(cover_cap))
    for s in specific[:60]:
        caps = _caps(s.text)
        if not caps:
            continue
        if re.search(r"this prospectus supplement|offered hereby|this offering|under this prospectus", s.text, re.I) and not re.search(
                r"agreement[^.]{0,80}(?:provides|permits|allows)", s.text, re.I):
            prospectus_caps.extend(caps)
        else:
            agreement_caps.extend(caps)
    program_paras = {x.para for x in specific[:60]}
    nearby = [x for x in sentences if x.para in program_paras]
    for s in specific[:60] + [x for x in nearby if x not in specific]:
        for pattern in _OFFERED_RES:
            m = pattern.search(s.text)
            if m and money(m):
                prospectus_caps.append(money(m))
    if agreement_caps:
        prog.max_amount = as_dollars(max(agreement_caps))
        if prospectus_caps and min(prospectus_caps) < prog.max_amount:
            prog.offered_amount = as_dollars(min(prospectus_caps))
    elif prospectus_caps:
        prog.max_amount = as_dollars(prospectus_caps[0])
    new_total = None
    for s in specific[:60]:
        m = _NEW_TOTAL_RE.search(s.text)
        if m:
            new_total = money(m)
            prog.amended = True
            break
    if new_total is not None:
        prog.max_amount = as_dollars(new_total)

    for s in defining[:6] + specific[:60] + nearby:
        m = _MAX_SHARES_RE.search(s.text)
        if m and not MONEY_RE.search(s.text[max(0, m.start() - 30):m.start()]):
            prog.max_shares = shares(m)
            break
    if prog.max_shares is None:
        m = re.search(r"(?:^|\n)\s*Up to (?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>)\s+(?:[\w.%-]+\s+){0,4}?(?:Shares|Common Shares|ADSs|Units)\b", head, re.I)
        if m:
            prog.max_shares = shares(m)

    for s in specific[:80] + nearby:
        m = _COMMISSION_RE.search(s.text)
        if m and (re.search(r"agent|manager|commission|compensation", s.text, re.I) or find_agents(s.text)) and not re.search(
                r"underwriting discount|placement agent", s.text, re.I):
            num = m.group("num") or m.group("num2")
            prog.commission_rate = Decimal(num)
            break
    return prog


_LIST_START_RE = re.compile(r"\b(?:with(?: each of)?|through)\s+(?=[A-Z])")
_LIST_END_RE = re.compile(r"\s(?:relating to|under which|pursuant to which|providing for|to sell|for the (?:offer|sale)|"
                          r"\(?collectively|as (?:our )?(?:sales )?agents?\b|as sales agents?|in their capacit)|;")


def _sentence_agents(text: str) -> list[str]:
    """Agents named in a defining sentence: canonical names anywhere in it, plus firms
    missing from the table when they stand in the agent list ("with X, Y and Z, ...")."""
    known = find_agents(text)
    start = _LIST_START_RE.search(text)
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


def _is_defining(text: str) -> bool:
    return bool(re.search(
        r"\b(?:entered into|enter into|are party to|is party to|executed|relate to the offer|relates to the offer|"
        r"previously entered|amended and restated|amendment no\.|dated)\b", text, re.I)) and bool(AGREEMENT_RE.search(text))


def _agreement_dates(text: str, doc_date: date | None) -> tuple[date | None, date | None, bool]:
    """(original agreement date, amendment date, is-amendment) stated in one sentence."""
    dated = []
    for m in _AGREEMENT_DATE_RE.finditer(text):
        nouns = _NOUN_RE.findall(text[max(0, m.start() - 250):m.start()])
        if nouns and nouns[-1].lower() not in ("agreement", "agreements", "amendment", "no"):
            continue  # "the prospectus supplement dated ..." dates a prospectus, not the agreement
        if m.group("hereof"):
            dated.append((m.start(), doc_date))
        else:
            dm = DATE_RE.search(m.group("date"))
            dated.append((m.start(), to_date(dm) if dm else None))
    low = text.lower()
    previously = bool(re.search(r"\bpreviously (?:entered into|executed)\b", text, re.I))
    amended = bool(_AMEND_RE.search(text)) and not previously
    entered = _ON_DATE_ENTERED_RE.search(text) or _entered_on_date(text)
    entered_date = None
    if entered:
        dm = DATE_RE.search(entered.group("date"))
        entered_date = to_date(dm) if dm else None
    if entered_date and re.search(r"entered into (?:an |the )?(?:first |second |third )?amendment", text, re.I):
        # "On X, we entered into an amendment to our agreement dated Y": X dates the change.
        return (dated[0][1] if dated else None), entered_date, True
    if "amends and restates" in low or "amended and restated" in low:
        # "A&R agreement, dated X ... which amends and restates ... dated Y"
        if len(dated) >= 2:
            return dated[-1][1], dated[0][1], not previously
        single = dated[0][1] if dated else entered_date
        if previously:
            return single, None, False  # an earlier A&R agreement: its date identifies it
        return None, single, True
    if re.search(r"\bamendment(?: no\. ?\d+)?,? (?:\(\"?amendment[^)]*\)\s*,?\s*)?dated", text, re.I) or re.search(
            r"amendment[^.]{0,80}\bto the [^.]{0,80}agreement,? dated", text, re.I):
        if len(dated) >= 2:
            return dated[1][1], dated[0][1], True
    m = re.search(r"\bas (?:further )?amended(?: (?:on|as of|by)[^,;]{0,60}?)?\s*(?:on |as of )?(?P<date>" + DATE_RE.pattern + ")", text)
    if m and dated:
        dm = DATE_RE.search(m.group("date"))
        return dated[0][1], to_date(dm) if dm else None, amended
    if dated:
        return dated[0][1], None, amended
    return entered_date, None, amended


_NOUN_RE = re.compile(r"\b(agreements?|amendment|prospectus|supplement|registration statement|no)\b", re.I)


def _entered_on_date(text: str):
    m = _ENTERED_ON_DATE_RE.search(text)
    if m and not re.search(r"amend\w*(?: no\.\s*\d+)?\s+(?:on|as of)\s+$", text[max(m.start(), m.start("date") - 40):m.start("date")], re.I):
        return m
    return None


def _caps(text: str) -> list[Decimal]:
    out = []
    increments = {m.start() for m in _INCREMENT_RE.finditer(text)}
    for pattern in _CAP_RES:
        for m in pattern.finditer(text):
            if any(abs(m.start() - i) < 30 for i in increments):
                continue
            tail = text[m.end():m.end() + 60].lower()
            if "remain" in tail:
                continue
            v = money(m)
            if v is not None and v >= 10_000:
                out.append(v)
    return out


def _security(text: str) -> str | None:
    """The first security named (the longest name where two start together)."""
    best: tuple[int, int, str] | None = None
    for pattern, template in _SECURITY_RES:
        m = pattern.search(text)
        if not m:
            continue
        if template is None:
            value = _norm(m.group(0))
        else:
            value = template.format(*[g.upper() if len(g) == 1 else g.lower() for g in m.groups()])
        key = (m.start(), -(m.end() - m.start()), value)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


# --------------------------------------------------------------------------- events


def _terminations(specific: list[Sentence], program: Program, doc_date: date | None) -> list[tuple[Program, Event]]:
    out = []
    for s in specific:
        t = s.text
        if not _TERMINATE_RE.search(t) or _TERMINATE_BOILER_RE.search(t):
            continue
        if re.search(r"continuous offering|prospectus supplement (?:is|was|has been) terminated", t, re.I) and not re.search(
                r"terminat\w* (?:the |our |that certain )?(?:prior |previous |existing |original )?[\w\s-]{0,40}agreement", t, re.I):
            continue  # terminating the offering, not the agreement: a suspension
        if "remains in full force" in t.lower():
            continue
        prior = _program_from(t, doc_date)
        other = bool(re.search(r"\b(?:our|the|its|that certain) (?:prior|previous|former|existing|original|old) [\w\s\"-]{0,40}agreement", t, re.I))
        if prior.agreement_date and program.agreement_date and prior.agreement_date != program.agreement_date:
            other = True
        if prior.agents and program.agents and not set(prior.agents) & set(program.agents):
            other = True  # a different agent's agreement (Cantor's ends, Wainwright's begins)
        if not other:
            prior = program
        eff = _effective_date(t, doc_date)
        if prior is program:
            ev = program.event("terminated", effective_date=eff, excerpt=_norm(t))
        else:
            prior.security = prior.security or program.security
            ev = prior.event("terminated", effective_date=eff, excerpt=_norm(t))
        out.append((prior, ev))
        break
    return out


def _security_class(security: str | None) -> str | None:
    if not security:
        return None
    return "preferred" if "preferred" in security.lower() else "common"


def _other_programs(specific: list[Sentence], program: Program, doc_date: date | None) -> list[tuple[Program, str]]:
    """A second program described in the same filing for another class of security (a
    common-stock ATM beside a preferred-stock ATM): its own agreement, date, agents, cap."""
    main_class = _security_class(program.security)
    out: list[tuple[Program, str]] = []
    seen: set[str] = set()
    for s in specific[:80]:
        t = s.text
        if not re.search(r"\b(?:entered into|are (?:a )?party to)\b", t) or _norm(t) == program.excerpt:
            continue
        if _TERMINATE_RE.search(t) and not _TERMINATE_BOILER_RE.search(t):
            continue
        security = _security(t)
        if not security or main_class is None or _security_class(security) == main_class or security in seen:
            continue
        caps = _caps(t)
        if not caps:
            continue
        other = _program_from(t, doc_date)
        other.security, other.max_amount = security, as_dollars(max(caps))
        other.agents = _sentence_agents(t)
        other.amended = bool(_AMEND_RE.search(t)) and not re.search(r"\bpreviously\b", t, re.I)
        seen.add(security)
        out.append((other, _norm(t)))
    if out and program.excerpt:
        # With two programs, the main cap is the one its own sentence states.
        own_caps = _caps(program.excerpt)
        if own_caps:
            program.max_amount = as_dollars(max(own_caps))
    return out


def _program_from(text: str, doc_date: date | None) -> Program:
    prog = Program()
    # The agreement named after the verb is the one terminated ("In connection with our
    # entry into the Distribution Agreement, we terminated our prior Equity Distribution ...").
    verb = re.search(r"terminat", text, re.I)
    after = verb.start() if verb else 0
    m = None
    for cand in AGREEMENT_RE.finditer(text):
        if _NOT_ATM_AGREEMENT_RE.search(text[max(0, cand.start() - 40):cand.end()]):
            continue
        if m is None or (cand.start() >= after and m.start() < after):
            m = cand
        if m.start() >= after:
            break
    if m:
        prog.agreement_type = written_agreement(m.group(0))
    agr, amd, _ = _agreement_dates(text, doc_date)
    prog.agreement_date, prog.amendment_date = agr, amd
    prog.agents = find_agents(text)
    prog.security = _security(text)
    caps = _caps(text)
    if caps:
        prog.max_amount = as_dollars(max(caps))
    return prog


def _suspension(atm_sents: list[Sentence], doc_date: date | None) -> tuple[date | None, str] | None:
    for s in atm_sents:
        t = s.text
        if not _SUSPEND_RE.search(t) or _SUSPEND_BOILER_RE.search(t):
            continue
        if re.search(r"\bmay\b(?!\s+\d)|\bcould\b|\bif we\b|\bin the event\b", t, re.I) and not re.search(r"purpose of this|hereby", t, re.I):
            continue
        return _effective_date(t, doc_date), _norm(t)
    return None


def _resumption(specific: list[Sentence], doc_date: date | None) -> tuple[date | None, str] | None:
    for s in specific:
        t = s.text
        if not _RESUME_RE.search(t):
            continue
        if re.search(r"\bmay\b(?!\s+\d)|\bcould\b|\bif\b|\bwill not\b|\buntil\b|\bresumption of\b|\bprior to\b", t, re.I):
            continue
        if not re.search(r"\b(?:we|the company)\b[^.]{0,60}?\b(?:resum|reinstat|recommenc)", t, re.I):
            continue
        return _effective_date(t, doc_date), _norm(t)
    return None


def _sales(candidates: list[Sentence], sentences: list[Sentence], doc_date: date | None, program: Program) -> Event | None:
    for s in candidates:
        t = s.text
        if "sold" not in t and "been made" not in t and "sell any" not in t:
            continue
        m = _SALES_RE.search(t)
        if not m or _WINDOW_SALES_RE.search(t):
            continue
        if re.search(r"\bif (?:no|any|all|we have)\b|\bnot previously sold\b", t[max(0, m.start() - 80):m.end()], re.I):
            continue
        if re.search(r"\bassum(?:e|es|ed|ing|ption)\b|\bwould (?:be|receive|have)\b|\bhypothetical", t, re.I):
            continue  # dilution arithmetic ("assuming all shares were sold at $4.00"), not a report
        if re.search(r"\b(?:may|will|would|could)\s+(?:be\s+)?(?:offer|sell|sold|issue)|\bif any\b|\bunderwriters?\b|\bplacement agent\b", t[:m.end() + 20], re.I):
            continue
        if not (AGREEMENT_RE.search(t) or _ATM_WORDS_RE.search(t) or _PREVIOUSLY_RE.search(t) or re.search(r"sales agents?|this program|the program", t, re.I)):
            continue
        zero = bool(_ZERO_SALES_RE.search(t))
        shares_sold = None
        gross = net = remaining = None
        if zero:
            # Explicit zero: shares_sold 0; proceeds stay unstated unless the text gives them.
            shares_sold = 0
        else:
            sm = _SOLD_SHARES_RE.search(t)
            if sm:
                shares_sold = shares(sm)
            # The proceeds figure nearest the "sold" verb: a cap may share the sentence.
            gms = list(_GROSS_RE.finditer(t)) + list(_GROSS_AFTER_RE.finditer(t))
            gms = [g for g in gms if not re.search(r"up to|in excess of", t[g.start():g.end()], re.I)]
            if gms:
                gm = min(gms, key=lambda g: min(abs(g.start() - m.start()), abs(g.end() - m.start())))
                gross = as_dollars(money(gm))
            nm = _NET_RE.search(t) or _NET_AFTER_RE.search(t)
            if nm:
                net = as_dollars(money(nm))
            if shares_sold is None and gross is None:
                continue
        # Remaining capacity: this sentence or the next in the same paragraph.
        window = t
        nxt = s.index + 1
        if nxt < len(sentences) and sentences[nxt].para == s.para:
            window = t + " " + sentences[nxt].text
        rm = _REMAINING_RE.search(window)
        if rm:
            if rm.group("num"):
                remaining = as_dollars(money(rm))
            else:
                raw = rm.group("num2") or rm.group("num3")
                mm = MONEY_RE.search(raw)
                remaining = as_dollars(money(mm)) if mm else None
        as_of = _as_of(t, doc_date)
        if as_of is None and s.index > 0 and sentences[s.index - 1].para == s.para:
            as_of = _as_of(sentences[s.index - 1].text, None)
        excerpt = _norm(window if remaining is not None and window != t else t)
        return program.event("sales_reported", shares_sold=shares_sold, gross_proceeds=gross, net_proceeds=net,
                             as_of=as_of, remaining_amount=remaining, excerpt=excerpt)
    return None


def _attribute_sales(sales: Event, program: Program, others: list[Program]) -> Event:
    """Sales stated for a terminated prior agreement ("We sold no shares under the Stifel
    Sales Agreement") belong to that agreement, not to the new program."""
    named = set(find_agents(sales.excerpt or ""))
    if not named or named & set(program.agents):
        return sales
    for other in others:
        if named & set(other.agents):
            return replace(sales, agreement_type=other.agreement_type, agreement_date=other.agreement_date,
                           agents=list(other.agents), security=other.security or sales.security,
                           max_amount=other.max_amount, max_shares=other.max_shares,
                           commission_rate=other.commission_rate)
    return sales


def _as_of(text: str, doc_date: date | None) -> date | None:
    m = _AS_OF_RE.search(text)
    if m:
        dm = DATE_RE.search(m.group("date"))
        return to_date(dm) if dm else None
    if doc_date and _AS_OF_DOC_RE.search(text):
        return doc_date
    return None


def _effective_date(text: str, doc_date: date | None) -> date | None:
    m = _EFFECTIVE_RE.search(text)
    if m:
        dm = DATE_RE.search(m.group("date"))
        if dm:
            return to_date(dm)
    m = re.search(r"\b(?:On|on|As of|as of)\s+(" + DATE_RE.pattern + ")", text)
    if m:
        dm = DATE_RE.search(m.group(1))
        if dm:
            return to_date(dm)
    if doc_date and _EFFECTIVE_NOW_RE.search(text):
        return doc_date
    return None


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
