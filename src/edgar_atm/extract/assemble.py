"""Detections -> Event records, in the decision order of docs/atm-domain.md:

1. Role (role.py): only the program's own prospectus gives events.
2. Programs (programs.py): the main program, a second program for another security.
3. Per program: termination of the agreement -> suspension -> resumption -> amendment ->
   establishment / re-registration; sales to date are always additive (events/).
4. Evidence and confidence for every event (below).

Evidence: for every field an event sets (and for "type", the sentence that triggered it),
{"text", "start", "end"} with text == plain[start:end], the plain text the rules ran on.

Confidence, in [0, 1], from how the event was found:
- base: 0.90 when a sentence states the event outright ("explicit": "we have entered into",
  "Amendment No. 1", "hereby suspend", "we have sold N shares"), 0.65 when it is inferred
  (a program known only from a cover amount or plan of distribution, an amendment inferred
  from an "as amended on X" date near the supplement's date or from a notice cover);
- times 0.7 + 0.3 x the share of the program identity stated (agreement type, agents,
  security, a dollar or share cap): an event about an unnamed program is less certain;
- +0.05 when other sentences agree: the same cap stated twice (cover and text, or two
  sentences), or sales figures that add up (sold + remaining = the cap);
- clipped to [0.05, 0.99] and rounded to two places.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..records import Event
from . import programs, role, when
from .events import amended, established, resumed, sales, suspended, terminated
from .agents import short_names
from .agreements import AGREEMENT_RE, canonical_agreement
from .amounts import DOLLAR, MONEY_RE, as_dollars, money
from .identity import COVER_COUNT_RE, FLAT_COVER_COUNT_RE, security_class
from .model import Detection, Document, Program, Sentence, Span, Window, dollar_start
from .vocab import ATM_WORDS_RE, NOT_ATM_AGREEMENT_RE

logger = logging.getLogger(__name__)

EXPLICIT, INFERRED = 0.90, 0.65
AGREEMENT_BONUS = 0.05

# Fields of EVENT that carry values (type and excerpt aside).
VALUE_FIELDS = ("agreement_type", "agreement_date", "amendment_date", "agents", "security", "max_amount",
                "offered_amount", "max_shares", "shares_sold", "gross_proceeds", "net_proceeds", "as_of",
                "remaining_amount", "effective_date", "commission_rate", "max_amount_increase", "agents_added",
                "agents_removed")


@dataclass
class Extraction:
    atm_related: bool
    events: list[Event]


def extract(text: str, *, filed_date: date | None = None, form_type: str | None = None) -> Extraction:
    doc = Document.read(text)
    sentences = doc.sentences
    atm_sents = [s for s in sentences if role.is_atm_sentence(s.text)]
    if not atm_sents:
        return Extraction(False, [])
    doc_atm = bool(ATM_WORDS_RE.search(text))
    specific = [s for s in atm_sents if role.names_program(s.text, doc_atm)]
    if not specific:
        specific = [s for s in atm_sents if role.names_program_by_agent(s.text, doc_atm)]
    if not specific:
        return Extraction(False, [])
    specific = _with_defined_terms(specific, sentences)

    doc_date = role.document_date(text) or filed_date
    head = role.cover(doc)
    if not role.is_program_prospectus(head.text):
        logger.debug("mentions an ATM program but is not its prospectus: no events")
        return Extraction(True, [])

    program = programs.main_program(specific, sentences, head, doc_date, atm_sents)
    others = programs.per_class_programs(specific, program, sentences) + programs.other_programs(specific, program, doc_date)

    # "This offering program supersedes and replaces the $400 million offering program we commenced
    # on ...", "The Prior Program has been terminated" may stand apart from the program's sentences.
    paras = {x.para + d for x in specific[:60] for d in (-1, 0, 1)}
    superseding = [x for x in sentences if x.para in paras
                   and (terminated.SUPERSEDE_RE.search(x.text) or terminated.ends_defined_prior(x.text)
                        or terminated.ends_on_entry(x.text) or terminated.named_before(x, sentences) is not None)
                   and x not in specific]
    ended = terminated.detect(specific + superseding, program, doc_date, sentences)
    suspension = suspended.detect(sentences, program, doc_date)
    resumption = resumed.detect(specific, program, doc_date, sentences)
    notice = role.notice(head.text, doc_date)
    if notice is not None and role.moves_to_new_shelf(head.text):
        notice = None  # the earlier supplement belonged to an earlier shelf: this one re-registers the program
    counted = COVER_COUNT_RE.search(head.text) or FLAT_COVER_COUNT_RE.search(head.text)
    sold = (sales.detect(sentences, doc_date, program, periodic=notice is not None,
                         cover_shares=int(counted.group("num").replace(",", "")) if counted else None)
            or sales.table(doc, doc_date, program)
            or sales.remaining_only(sentences, doc_date, program))
    if sold is not None:
        sold = sales.attribute(sold, program, [d.program for d in ended if d.program is not program], doc.text)
        carried_span = program.spans.get("offered_amount")
        if sold.event.scope == "this" and sold.event.remaining_amount is None and program.carried is not None \
                and carried_span is not None and program.offered_amount == program.carried:
            # What the prospectus carries over from the program is what remains of it.
            sold.event = replace(sold.event, remaining_amount=program.carried)
            sold.spans["remaining_amount"] = carried_span
        _cap_is_sold_plus_left(sold, program, head)
        _offered_is_what_remains(sold, program, doc.text)
        _net_from_price_table(sold, doc.text)

    class_sales = _other_class_sales(sold, program, sentences, doc_date)
    found: list[Detection] = [d for d in ended if d.program is program]
    if suspension is not None and resumption is not None and not suspended.declared(suspension) \
            and not suspended.titled_with_restart(head.text):
        # A filing that restarts the program recalls the suspension it ends ("On December 1, 2022 we suspended
        # sales ... We are resuming sales"): that suspension was the earlier filing's news.
        suspension = None
    ending = [d for d in found if d.event.type == "terminated" and d.event.scope != "prior"]
    if suspension is not None and any(d.trigger is not None and d.trigger == suspension.trigger for d in ending):
        # "We have determined to discontinue sales under the Sales Agreement ... and have terminated the Sales Agreement
        # effective June 30, 2023": the halt is the ending's, told in the same sentence; one termination.
        suspension = None
    if suspension is not None and ending and terminated.OFFERING_ONLY_RE.search(suspension.event.excerpt or ""):
        # "We voluntarily terminated the Sales Agreement ... The purpose of this Supplement is to terminate our continuous
        # offering": the offering ends with the agreement, one termination and no suspension.
        suspension = None
    if suspension is not None:
        found.append(suspension)
    if resumption is not None:
        found.append(resumption)
    registers = not (suspension is not None or any(d.program is program for d in ended))
    if ended and all(terminated.about_other_program(s.text) and not terminated.replaced_by_this(s.text) for s in specific):
        # Every sentence about a program speaks of the one that ended ("the Prior ATM Program ...
        # We have terminated the Prior Distribution Agreement"): no new program is described.
        registers = False
    if registers and sold is None and (_news_elsewhere(doc, specific) or _only_in_restated_capitalization(doc, specific)):
        registers = False
    if registers and established.has_identity(program) and resumption is None:
        said = _change_said(sentences, specific, program, doc_date, notice is not None, head)
        if sold is not None and sold.event.scope == "this" and ("cover amount" in program.changes or "notice amount" in program.changes):
            sold.event = replace(sold.event, max_amount=program.max_amount)
            if "max_amount" in program.spans:
                sold.spans["max_amount"] = program.spans["max_amount"]
        change = amended.detect(program, notice is not None, head.match(notice) if notice else None, said)
        if change is None:
            if not _reports_sales_only(program, sold, head.text, doc.text):
                found.append(established.detect(program))
        elif said is None and not role.is_amendment(head.text) and _reports_sales_only(program, sold, head.text, doc.text):
            # A pricing-period report whose program sentence recalls the agreement's amendments ("Pursuant to a Sales Agency
            # Agreement dated as of December 6, 1995 (as amended by ... Third Amendment thereto dated as of November 17,
            # 1997) ..., the Company has sold ... 4,000 shares" under a cover of "4,000 SHARES"): a sales report only.
            pass
        elif sold is None or said is not None or amended.states_change(program) or role.is_amendment(head.text) \
                or (notice is not None and _IB6_UPDATE_RE.search(text, 0, _IB6_UPDATE_WITHIN) is not None):
            stated = next((x for x in sentences if x.span == said), None) if said is not None else None
            if change.event.amendment_date is None and (stated is None or when.effective_date(stated.text, None) is None):
                # The filing dates its own change in a sentence other than the one that states the new figure ("We are
                # filing this prospectus supplement to supplement and amend, as of February 13, 2025, ... to increase").
                stated = next((x for x in sentences[:200] if _FILED_TO_AMEND_AS_OF_RE.search(x.text)), stated)
            # The day the baby-shelf limit came on (the annual report's filing date) dates no change of the program.
            when_said = when.effective_date(stated.text, None) if stated and change.event.amendment_date is None \
                and not amended.LIMIT_NOW_APPLIES_RE.search(stated.text) else None
            if stated is not None and when_said is not None:
                # "We are filing this prospectus supplement to supplement and amend, as of December 31,
                # 2025, the July 2025 prospectus to increase ...": the change's own date.
                change.event.amendment_date, change.spans["amendment_date"] = when_said[0], stated.sub(when_said[1], when_said[2])
            filed_for = any(amended.FILED_TO_REFLECT_AMENDMENT_RE.search(x.text) for x in specific[:10])
            dated = role.document_date_span(text) if (notice is not None or filed_for) and change.event.amendment_date is None \
                else None
            if dated is not None:
                # A notice that amends the program's prospectus and names no amendment of the agreement itself, or a
                # supplement "filed to reflect the amendment and restatement of the equity distribution agreement" that
                # does not date it: the change takes effect with this document, on its cover date.
                change.event.amendment_date, change.spans["amendment_date"] = dated
            earlier = role.supplemented_date(head.text) if notice is not None else None
            if earlier is not None and change.event.amendment_date is not None and change.event.amendment_date < earlier:
                # "(To Prospectus Supplement dated September 26, 2024 ...) ... the Sales Agreement, dated August 12, 2024, and
                # amended on September 24, 2024": that amendment was the earlier supplement's news, not this notice's date.
                change.event.amendment_date = None
                change.spans.pop("amendment_date", None)
            found.append(change)
        # else: a notice supplement that only reports sales is a sales report, not an amendment (an "Amendment No. N
        # to Prospectus Supplement" amends the program's prospectus, and is one)
    for other in others:
        if other.amended:
            found.append(other.event("program_amended", trigger=other.source, excerpt=other.excerpt))
        else:
            found.append(established.detect(other))
    found.extend(d for d in ended if d.program is not program)
    if sold is not None:
        found.append(sold)
    found.extend(class_sales)
    return Extraction(True, [finish(d, doc) for d in found])


_CLASS_SALES_WITHIN = 40
"""How many sentences after the first report another class's report may stand."""


def _other_class_sales(sold: Detection | None, program: Program, sentences: list[Sentence],
                       doc_date: date | None) -> list[Detection]:
    """Sales of another class of security reported after this program's, each under an agreement its sentence names
    ("..., the Company has sold ... 41,500 shares of the Company's common stock ... Pursuant to a Sales Agency Agreement
    dated as of September 17, 1996 (the "Preferred Stock Sales Agency Agreement") ..., the Company has sold ... 7,200
    shares of the Company's $1.26 Cumulative Convertible Preferred, Series B"): one report per class."""
    if sold is None or sold.event.scope != "this" or sold.trigger is None:
        return []
    out: list[Detection] = []
    classes = {security_class(program.security)}
    after = [s for s in sentences if s.start >= sold.trigger.end][:_CLASS_SALES_WITHIN]
    for s in after:
        if "sold" not in s.text:
            continue
        other = programs.class_program(s, program)
        if other is None or security_class(other.security) in classes:
            continue
        report = sales.report_in(s, sentences, doc_date, other)
        if report is not None:
            classes.add(security_class(other.security))
            out.append(report)
    return out


_DEFINED_AGREEMENT_TERM_RE = re.compile(
    r"\((?:the\s+|our\s+)?[\"\u201c](?P<term>(?:[A-Z][\w-]*\s+){0,3}Agreement|(?:[A-Z][\w-]*\s+){0,2}(?:EDA|ATM Agreement))[\"\u201d]")
"""A term the filing defines for its agreement: "(the "Sale Agreement")", "(the "Agreement")", "(the "Original EDA", ...)" (an
abbreviation)."""
_CAP_SENTENCE_RE = re.compile(r"\b(?:offer|sell|issue)\b[^.]{0,200}?\b(?:aggregate (?:offering|sales) price|up to)\s+(?:of\s+)?" + DOLLAR, re.I)
"""A sentence that gives what may be sold: "We may offer and sell ADSs having an aggregate offering price of up to $75,000,000"."""


_UNDER_THIS_OFFERING_RE = re.compile(r"(?:Pursuant to|Under|In accordance with)\s+(?:the terms of\s+)?(?:this prospectus supplement|"
                                     r"the (?:sales |distribution |equity distribution )?agreement)\b")
"""A cap sentence that opens on what it offers under, naming neither agreement nor agent: "Pursuant to this prospectus
supplement, we may offer and sell ...", "Under the agreement, we may sell ..."."""


def _with_defined_terms(specific: list[Sentence], sentences: list[Sentence]) -> list[Sentence]:
    """The program's sentences, and those that name its agreement by the term the filing defined for it when that
    term is no agreement noun of its own ("Open Market Sale Agreement ... (the "Sale Agreement")" ... "In accordance
    with the terms of the Sale Agreement, we may offer and sell ... up to $150,000,000"; "(the "Original EDA")" ...
    "we entered into Amendment No. 2 to the Original EDA") or one a sentence alone is not
    read as an ATM agreement ("Equity Distribution Agreement (the "Distribution Agreement")")."""
    terms = set()
    for s in specific[:20]:
        for m in _DEFINED_AGREEMENT_TERM_RE.finditer(s.text):
            if NOT_ATM_AGREEMENT_RE.search(m.group("term")):
                continue
            if not AGREEMENT_RE.fullmatch(m.group("term")) or canonical_agreement(m.group("term")) == "Distribution Agreement" \
                    or m.group("term").endswith("EDA"):
                # "the Distribution Agreement" is also the medium-term-note programs' word, which a sentence alone
                # is not taken for: defined for this program, it is the program's.
                terms.add("the " + m.group("term"))
    aliases = {alias for s in specific[:5] for alias in short_names(s.text)}
    named = {id(s) for s in specific}
    alias_res = [re.compile(r"\b" + re.escape(a) + r"\b") for a in aliases]
    # The cap in the sentence after the defining one, naming the agent only by its short name ("... with Jefferies
    # LLC, or Jefferies ... We may offer and sell ADSs having an aggregate offering price of up to $75,000,000 from
    # time to time through Jefferies"), or by what it offers under ("... Pursuant to this prospectus supplement, we may
    # offer and sell shares having an aggregate offering price of up to $15,000,000").
    first = min((s.index for s in specific), default=0)
    first_para = sentences[first].para if 0 <= first < len(sentences) else -1
    extra = {id(s) for s in sentences[:400] if id(s) not in named and (any(t in s.text for t in terms) or (
        first <= s.index <= first + 3 and _CAP_SENTENCE_RE.search(s.text) and (
            any(r.search(s.text) for r in alias_res) or (s.para == first_para and _UNDER_THIS_OFFERING_RE.match(s.text)))))}
    if not extra:
        return specific
    return [s for s in sentences if id(s) in named or id(s) in extra]


_IB6_UPDATE_RE = re.compile(r"\bGeneral\s+Instruction\s+I\.B\.6\b", re.I)
_IB6_UPDATE_WITHIN = 6000
"""A notice that reports sales and speaks of the baby-shelf limit near its start is the limit's update (what may be sold
now under General Instruction I.B.6), an amendment of the program's prospectus, not a sales report alone (cpst 2016)."""


_FILED_TO_AMEND_AS_OF_RE = re.compile(
    r"\b(?:we are filing this|is being filed)\b[^.]{0,60}?\bto (?:supplement and amend|amend and supplement|amend),? "
    r"(?:effective )?as of\b", re.I)
"""The filing's own words for when its change takes effect ("We are filing this prospectus supplement to supplement and
amend, as of February 13, 2025, ...")."""


_SOLD_UNDER_RE = re.compile(r"\b(?:were|was|have\s+been|had\s+been)\s+(?:issued\s+and\s+)?sold\s+(?:pursuant\s+to|under|through)\b", re.I)
_FILED_TO_REPORT_RE = re.compile(
    r"\b(?:is|are|was|has been)\s+(?:being\s+)?filed\b[^.]{0,60}?\bto\s+(?:report|update|disclose|provide)\b|"
    r"\b(?:we are|we have) fil(?:ing|ed)\b[^.]{0,80}?\bto\s+(?:report|update|disclose)\b|" + sales.RELATES_TO_SALES_RE.pattern, re.I)


_UPDATES_AS_FOLLOWS_RE = re.compile(
    r"\bthis (?:prospectus )?supplement (?:updates|amends|supplements)(?:,? (?:and |or )?(?:updates|amends|supplements))*"
    r" (?:certain )?(?:of )?(?:the )?information (?:contained )?in the prospectus supplement\b[^.]{0,200}?\bas follows\b", re.I)
_NEWS_AFTER = 400


def _news_elsewhere(doc: Document, specific: list[Sentence]) -> bool:
    """A supplement to a program's prospectus supplement whose news is something else: a fund's "This Supplement updates
    certain information in the Prospectus Supplement ... as follows", then investment policies or a preferred placement,
    the program named only in the opening that says which prospectus is supplemented. Where the text goes on that far
    without naming the program again, the update is not the program's (an excerpt that stops sooner may be cut before
    its change, and is read as a notice is)."""
    m = _UPDATES_AS_FOLLOWS_RE.search(doc.text, 0, 4000)
    if m is None or any(s.start > m.end() for s in specific):
        return False
    return len(doc.text) - m.end() >= _NEWS_AFTER


_RESTATED_CAPITALIZATION_RE = re.compile(
    r"\b(?:section|caption|heading|disclosure)\s+(?:titled|entitled|captioned|headed|under the (?:caption|heading))\s+"
    r"[\"\u201c]?Capitalization[\"\u201d]?[^.]{0,160}?\b(?:is|are)\s+(?:hereby\s+)?(?:deleted|replaced|amended and restated|restated)\b|"
    r"[\"\u201c]Capitalization[\"\u201d]\s+section\b[^.]{0,160}?\b(?:is|are)\s+(?:hereby\s+)?"
    r"(?:deleted|replaced|amended and restated|restated)\b", re.I)


def _only_in_restated_capitalization(doc: Document, specific: list[Sentence]) -> bool:
    """A supplement whose news is something else (a fund's preferred placement) and that restates the program
    prospectus's Capitalization section in full ("The section titled "Capitalization" ... is deleted in its entirety
    and replaced with the following: ... The Fund may offer and sell up to 7,098,784 of our common shares ... The table
    below assumes that we will sell ..."): the program is named only inside the restated table's assumptions, which
    register nothing."""
    first = min((s.start for s in specific), default=0)
    return _RESTATED_CAPITALIZATION_RE.search(doc.text, 0, first) is not None  # only the text before the program counts


_NEXT_SENTENCES = 600
"""How far after a pricing-period report its program may be named (a sentence or two)."""


def _reports_sales_only(program: Program, sold: Detection | None, cover: str, text: str) -> bool:
    """A supplement that reports sales made under a program and registers nothing new: the sales
    sentence is the one that names the program, no dollar cap is stated, and either the cover's share
    count is the number sold (the 2009-2011 REIT style: "Pursuant to the ... sales agreement dated X ...,
    we sold 760,700 shares ..." under a cover of "760,700 Shares") or the sentence says the supplement
    is filed to report them ("This Prospectus Supplement No. 2 is being filed to report that, as of X, we
    have sold ...")."""
    if sold is None or program.source is None or sold.trigger is None or program.max_amount is not None:
        return False
    relates = sales.RELATES_TO_SALES_RE.search(text, sold.trigger.start, sold.trigger.end) is not None
    if relates and sold.trigger.start <= program.source.start < sold.trigger.end + _NEXT_SENTENCES:
        # "This prospectus supplement relates to sales made ... of 454,700 shares ... / Cantor acted as placement agent with
        # respect to the sales pursuant to the Sales Agreement ... dated April 19, 2002": the program named after the report.
        return True
    if not sold.trigger.start <= program.source.start < sold.trigger.end \
            and not _SOLD_UNDER_RE.search(text, program.source.start, program.source.end):
        # The program may be named by a sentence of its own that says the shares were sold under it ("Shares of
        # our common stock issued under the Program were sold pursuant to an Equity Distribution Agreement, dated X").
        return False
    if _FILED_TO_REPORT_RE.search(text, sold.trigger.start, sold.trigger.end):
        return True
    m = COVER_COUNT_RE.search(cover) or FLAT_COVER_COUNT_RE.search(cover)
    return m is not None and sold.event.shares_sold is not None and int(m.group("num").replace(",", "")) == sold.event.shares_sold


def _change_said(sentences: list[Sentence], specific: list[Sentence], program: Program, doc_date: date | None,
                 notice: bool, head: Window | None = None) -> Span | None:
    """Where the filing says it changes the program when the defining sentences do not: an
    amendment entered into stated later, a capacity cut or restored by this supplement, or
    (on a notice cover) the reason it is filed. Capacity figures of that sentence are read
    as a change too."""
    if program.amended:
        return None
    others = [s for s in specific[:12] if not terminated.about_other_program(s.text)]
    said = amended.later_amendment(others, program, doc_date)
    if said is not None:
        program.amended = True
        return said
    if program.agents_removed and "agents_removed" in program.spans:
        # An agent left the agreement ("B. Riley delivered a notice to terminate the Sales Agreement with
        # respect to itself, leaving EF Hutton as the sole sales agent"): the program changed.
        return program.spans["agents_removed"]
    # A capacity change is said on the cover or beside the program's own sentences.
    paras = {x.para + d for x in specific[:60] for d in (-1, 0, 1)}
    said = amended.capacity_change([x for x in sentences if x.index < 200 or x.para in paras])
    if said is not None:
        hit = [s for s in sentences if s.span == said]
        if hit and hit[0] not in specific[:60]:
            amended.cap_changes(hit, program)
        return said
    if not notice:
        return None
    cover = role.cover_amount(head.text) if head is not None else None
    said = amended.registered_before(sentences[:200], cover[0] if cover else None)
    if said is not None and cover is not None and head is not None:
        # The notice's cover offers the new amount: a raise is the program's new cap, a cut (I.B.6)
        # what this prospectus may now sell under the larger one.
        value = as_dollars(cover[0])
        if value is not None:
            amended.set_new_amount(program, value, head.sub(cover[1], cover[2]), "cover amount")
        else:
            program.changes.append("cover amount")
        return said
    limit = amended.limit_now_applies(sentences[:200])
    if limit is not None:
        program.changes.append("limit")
        return limit.span
    set_amount = amended.notice_amount(sentences[:200])
    if set_amount is not None:
        # The notice says the new amount in a sentence ("Effective as of the date of this prospectus supplement, the
        # aggregate offering price ... is $4,852,909"): read as a cover amount is.
        said, value, span = set_amount
        amended.set_new_amount(program, value, span, "notice amount")
        return said
    said = amended.notice_reason(sentences)
    if said is not None and not program.changes:
        # The notice's numbered edits follow its reason ("1. Each reference to X is hereby
        # replaced with Y"): they say which agents changed.
        at = next((i for i, s in enumerate(sentences) if s.span == said), None)
        if at is not None:
            amended.agent_changes(sentences[at:at + 12], program)
    return said


def finish(d: Detection, doc: Document) -> Event:
    """The Event with its evidence and confidence."""
    ev = d.event
    evidence = {}
    if d.trigger is not None:
        evidence["type"] = doc.evidence(d.trigger)
    for name in VALUE_FIELDS:
        value = getattr(ev, name)
        if value is None or value == []:
            continue
        span = d.spans.get(name)
        if span is not None:
            evidence[name] = doc.evidence(span)
    ev.evidence = evidence
    ev.confidence = confidence(d)
    return ev


def confidence(d: Detection) -> float:
    """See the module docstring."""
    ev = d.event
    score = EXPLICIT if d.how == "explicit" else INFERRED
    stated = [bool(ev.agreement_type), bool(ev.agents), bool(ev.security), ev.max_amount is not None or ev.max_shares is not None]
    score *= 0.7 + 0.3 * sum(stated) / len(stated)
    if ev.type == "sales_reported":
        if (ev.gross_proceeds is not None and ev.remaining_amount is not None and ev.max_amount is not None
                and abs(ev.gross_proceeds + ev.remaining_amount - ev.max_amount) <= max(ev.max_amount / 1000, Decimal(1))):
            score += AGREEMENT_BONUS
    elif d.program.agreeing >= 2 and ev.type in ("program_established", "program_amended"):
        score += AGREEMENT_BONUS
    return round(min(0.99, max(0.05, score)), 2)


_REMAINS_FOR_THIS_RE = re.compile(
    r"[^.$]{0,120}?\b(?:pursuant\s+to|under|by|by\s+means\s+of|through)\s+this\s+prospectus(?:\s+supplement)?\b", re.I)
"""What remains of the program is what this prospectus offers: "..., and $1.1 billion remain available for
offer and sale pursuant to this prospectus supplement and the accompanying prospectus"."""


def _cap_is_sold_plus_left(sold: Detection, program: Program, head: Window) -> None:
    """"We have sold ... $13,364,810 ... we may offer and sell additional shares ... of up to $16,635,190" under a cover of
    "$30,000,000": where what was sold and the amount read as the cap add up to the cover's amount, that amount is what
    is left, and the cover's is the program's cap. Likewise where the sales sentence's own remainder ("up to an additional
    approximately $531,639") and the sales add up to the cover that was read as this prospectus's slice."""
    gross = sold.event.gross_proceeds
    if sold.event.scope != "this" or gross is None:
        return
    cover = role.cover_amount(head.text)
    total = as_dollars(cover[0]) if cover else None
    if cover is None or total is None:
        return
    left, left_span = program.max_amount, program.spans.get("max_amount")
    if sold.event.remaining_amount is None and left is not None and left_span is not None and abs(total - (gross + left)) <= 1:
        program.max_amount, program.spans["max_amount"] = total, head.sub(cover[1], cover[2])
        sold.event = replace(sold.event, max_amount=total, remaining_amount=left)
        sold.spans["max_amount"], sold.spans["remaining_amount"] = program.spans["max_amount"], left_span
        return
    # An amendment's cover that registers the new total while the text states only what was sold and "up to an additional
    # approximately $531,639" left ("Up to $2,527,639"; $1,995,791 sold): the cover is the program's cap, not a slice.
    left = sold.event.remaining_amount
    if left is None or program.max_amount is not None or program.offered_amount != total \
            or abs(total - (gross + left)) > max(Decimal(1), total * _APPROXIMATE):
        return
    program.max_amount, program.spans["max_amount"] = total, head.sub(cover[1], cover[2])
    program.offered_amount = None
    program.spans.pop("offered_amount", None)
    sold.event = replace(sold.event, max_amount=total)
    sold.spans["max_amount"] = program.spans["max_amount"]


_APPROXIMATE = Decimal("0.001")
"""How far an "approximately" stated remainder may be from the cover's amount less what was sold."""


def _offered_is_what_remains(sold: Detection, program: Program, text: str) -> None:
    """A re-registration that says how much of the program remains for this prospectus: that amount is
    what the prospectus offers (offered_amount), below the agreement's cap. (An amendment's remainder
    stays a sales figure: what the amended program may sell is its cap.)"""
    remaining, span = sold.event.remaining_amount, sold.spans.get("remaining_amount")
    if sold.event.scope != "this" or remaining is None or span is None or program.offered_amount is not None \
            or program.amended:
        return
    if program.max_amount is None or remaining >= program.max_amount:
        return
    after = _REMAINS_FOR_THIS_RE.match(text, span.end, min(len(text), span.end + 240))
    if after is not None and ("remain" in text[span.start:after.end()] or "available" in text[span.start:after.end()]):
        program.offered_amount, program.spans["offered_amount"] = remaining, span


_TABLE_GROSS_RE = re.compile(r"\b(?:gross\s+proceeds|aggregate\s+(?:gross\s+)?sales\s+price)\b[^$]{0,80}?" + MONEY_RE.pattern, re.I)
_TABLE_NET_RE = re.compile(r"\bnet\s+proceeds\b[^$]{0,80}?" + MONEY_RE.pattern, re.I)


def _net_from_price_table(sold: Detection, text: str) -> None:
    """A sales report's cover table ("Gross proceeds to X  $ 75,499,254.92 / Commissions ... / Net proceeds to X
    $ 74,366,766.10"): its net figure is the sales' net proceeds when its gross figure is the one reported."""
    gross = sold.event.gross_proceeds
    if gross is None or sold.event.net_proceeds is not None or sold.event.scope != "this":
        return
    head = text[:6000]
    for g in _TABLE_GROSS_RE.finditer(head):
        if as_dollars(money(g)) != gross:
            continue
        n = _TABLE_NET_RE.search(head, g.end(), g.end() + 600)
        value = as_dollars(money(n)) if n else None
        # Commissions take a few percent: a "net" figure under half the gross is another number ("net proceeds of
        # approximately $1" where the page stops in "$15.9 million").
        if n is not None and value is not None and gross / 2 <= value < gross:
            sold.event = replace(sold.event, net_proceeds=value)
            sold.spans["net_proceeds"] = Span(dollar_start(text, n.start("num")), n.end("num"))
        return

