"""program_amended: the agreement or the ATM prospectus changed by this filing.

Ways filings say it: "Amendment No. 1, dated X, to the Sales Agreement, dated Y"; "amended and
restated sales agreement ... which amends and restates"; "we entered into an amendment";
"dated Y, as amended on X" when X is close to the supplement's date; a cap raised "by $A to $B";
a cover that amends the ATM prospectus supplement ("Supplement No. 1 to Prospectus Supplement").
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from ..agents import find_agents
from ..amounts import DOLLAR, MONEY_RE, as_dollars, money, shares
from ..dates import DATE_RE, to_date
from ..model import Detection, Program, Sentence, Span, dollar_start
from ..vocab import ABBREVIATION

AMEND_RE = re.compile(
    r"\bamendment(?: no\. ?\d+)?,? (?:dated|to (?:the|our|that certain))|\bamended and restated\b|\bamends? and restates?\b|"
    r"\b(?:entered into|executed) (?:an? |the )?(?:first |second |third )?amendment\b|\bAmendment No\. ?\d+|"
    r"\b(?:entered into|executed) an amended (?:[\w-]+ ){0,4}agreement\b",
    re.I,
)
"""The agreement itself amended: "Amendment No. 1", "amendment, dated ...", "amended and
restated", "amends and restates", "entered into an amendment", "entered into an amended equity
distribution agreement"."""

_MONEY_ANON = re.sub(r"\(\?P<\w+>", "(?:", MONEY_RE.pattern)
INCREMENT_RE = re.compile(r"\b(?:an? )?additional\s+" + _MONEY_ANON + r"|\bby (?:up to )?(?:an additional )?" + _MONEY_ANON + r"(?! to)", re.I)
"""An increment, not a cap: "an additional $75.0 million", "by $50,000,000"."""

NEW_TOTAL_RE = re.compile(r"\bby (?:up to )?(?:an additional )?" + DOLLAR + r"[\d,.]+(?:\s*(?:million|billion))?,? "
                          r"(?:to|for an aggregate (?:total )?of|for a total of|for an aggregate total of|to an aggregate of)\s+"
                          r"(?:up to )?" + MONEY_RE.pattern, re.I)
"""A cap raised to a new total: "increase ... by $302,073,006 to $1,000,000,000", "by $25.0 million, for an
aggregate total of $75.0 million" (the total counts)."""

def amends_agreement(text: str) -> bool:
    """AMEND_RE about the agreement, not "Amendment No. 1 to Prospectus Supplement" / "This
    Amendment No. 1 amends and supplements the prospectus supplement" (a notice cover)."""
    for m in AMEND_RE.finditer(text):
        tail = text[m.end():m.end() + 80].lower()
        at = tail.find("prospectus")
        if at >= 0 and (tail.find("agreement") < 0 or at < tail.find("agreement")):
            continue
        return True
    return False


FILED_TO_REFLECT_AMENDMENT_RE = re.compile(
    r"\b(?:is being filed|are filing this|we are filing)\b[^.]{0,80}?\bto reflect (?:the|an?) (?:[\w-]+\s+){0,3}?"
    r"(?:amendment|restatement),?\s+(?:(?:and restatement,?\s+)?(?:on|as of|effective|dated)\s+[^.]{0,30}?)?of (?:the|our|its|that certain)\b", re.I)
"""A supplement filed for an amendment, dated or not ("This Prospectus Supplement is being filed to reflect the amendment and
restatement of the equity distribution agreement ... to include SVB Leerink LLC", "... to reflect the amendment and
restatement, on August 19, 2025, of the Sales Agreement"): the filing is made for the change; an
undated one takes the supplement's cover date (assemble)."""


# An amendment dated this close to the supplement is this filing's change; older ones are context.
RECENT_DAYS = 62


def made_now(program: Program, first_text: str, doc_date: date | None, not_before: date | None = None) -> bool:
    """Whether the amendment the defining sentences describe is this filing's change: not
    an old A&R agreement re-registered ("previously entered into"), and dated close to the
    supplement ("dated X, as amended on Y"). Without the supplement's own date, `not_before`
    (its base prospectus's date: a supplement is never older) rules out amendments made well
    before it."""
    amended = program.amended
    if doc_date is None and not_before is not None and program.amendment_date is not None \
            and (not_before - program.amendment_date).days > RECENT_DAYS:
        return False
    if amended and re.search(r"\bpreviously (?:entered into|executed)\b", first_text, re.I) and amends_agreement(first_text):
        # an old A&R agreement re-registered: context, not this filing's change (an amendment a later
        # sentence states, "We previously entered into a Sales Agreement ... On June 28, 2022, we amended
        # and restated it", is the change)
        return False
    if program.amendment_date and not amended:
        # "We previously entered into an agreement dated X, which was amended on Y": the
        # agreement is old, its amendment may be this filing's news; the date decides.
        if doc_date is None or abs((doc_date - program.amendment_date).days) <= RECENT_DAYS:
            program.amended_how = "inferred"
            return True
        return False
    if program.amendment_date and doc_date and amended:
        return (doc_date - program.amendment_date).days <= RECENT_DAYS
    return amended


_TOTAL_CHANGES = {"new total", "raised", "cover amount", "notice amount"}
"""Changes that state the program's cap after the change."""


def detect(program: Program, notice: bool, notice_span, change: Span | None = None) -> Detection | None:
    """program_amended for an amendment made now, for a supplement that amends the ATM
    prospectus supplement (a notice cover: cap cut, new agents, new commission), or for a
    filing that says it changes the program's capacity (`change`, see capacity_change)."""
    if not (program.amended or notice or change):
        return None
    how = "explicit" if (program.amended and program.amended_how != "inferred") or change else "inferred"
    trigger = program.source if program.amended else (change or notice_span or program.source)
    # A cap raised by an increment and no new total: a stated cap no larger than the increment, or beside a supplement
    # that offers just the increment, is the one before the increase, no longer the program's ("up to $90,000,000 were
    # available ... increased ... by an additional $360,000,000"; "... up to $45,000,000. On July 29, 2020 we entered into
    # amendment no. 1 ..., increasing the aggregate gross sales price by an additional $27,000,000 offered by this
    # prospectus supplement"). A larger amount this supplement offers ("Up to $200,000,000" on a cover that "represents an
    # increase by $100,000,000") is the new total.
    increment = program.max_amount_increase
    increment_only = (increment is not None and not set(program.changes) & _TOTAL_CHANGES and program.max_amount is not None
                      and (program.max_amount <= increment or program.offered_amount == increment))
    return program.event("program_amended", trigger=trigger, how=how, excerpt=program.excerpt,
                         **({"max_amount": None} if increment_only else {}),
                         agents_added=list(program.agents_added), agents_removed=list(program.agents_removed),
                         max_amount_increase=program.max_amount_increase,
                         spans={k: program.spans[k] for k in ("agents_added", "agents_removed", "max_amount_increase")
                                if k in program.spans})


# --------------------------------------------------------------------------- said by this filing

_CHANGE_VERB = r"(?:reduc|decreas|increas|restor|rais|lower|updat)"
_CAPACITY_OBJECT = r"the\s+(?:maximum\s+|aggregate\s+|total\s+|dollar\s+)*(?:(?:offering\s+)?amount|number|(?:gross\s+)?(?:offering|sales)\s+price|value)\b"
_THIS_FILING = r"this (?:prospectus supplement|prospectus|supplement|amendment)(?: no\. ?\d+)?"
CAPACITY_CHANGE_RE = re.compile(
    r"\b(?:we are|the company is) (?:hereby )?" + _CHANGE_VERB + r"ing\s+" + _CAPACITY_OBJECT + r"|"
    r"\b" + _THIS_FILING + r"\s+(?:hereby\s+)?" + _CHANGE_VERB + r"(?:es|s)\s+" + _CAPACITY_OBJECT + r"|"
    r"\b(?:we are|we have|the company is) (?:hereby )?fil(?:ing|ed) " + _THIS_FILING + r"\b(?:[^.]|\.\d){0,240}?\bto " + _CHANGE_VERB + r"e\s+"
    + _CAPACITY_OBJECT + r"|"
    r"\bthe purpose of " + _THIS_FILING + r"\b[^.]{0,40}?\bis to " + _CHANGE_VERB + r"e\s+" + _CAPACITY_OBJECT + r"|"
    r"\b" + _THIS_FILING + r"\s+(?:is|was|has been)\s+(?:being\s+)?filed\b[^.]{0,80}?\bto " + _CHANGE_VERB + r"e\s+" + _CAPACITY_OBJECT + r"|"
    r"\bwe are now subject to General Instruction I\.B\.6\b|"
    r"\b" + _THIS_FILING + r"\b[^.]{0,200}?\breflects? an? (?:increase|decrease|reduction)\b[^.]{0,60}?\bin\s+" + _CAPACITY_OBJECT,
    re.I,
)
"""This filing changes how much the program may sell (E4/E5 by a supplement): "we are decreasing
the amount ...", "This prospectus restores the maximum amount of securities we may offer under the
ATM Program", "We are filing this prospectus supplement to reduce the aggregate amount of common
stock that may be sold" (also past a long object: "to supplement and amend, as of December 4, 2025, the July 11, 2024 sales
agreement prospectus and July 11, 2024 base prospectus to increase the maximum ..."), "We are filing this Amendment to amend the Prospectus Supplement to update the amount of our
common stock we are eligible to sell under General Instruction I.B.6", "The purpose of this supplement is to increase the maximum amount", "This
Amendment is being filed to increase the aggregate offering price", "We are now subject to General
Instruction I.B.6 of Form S-3" (the program's capacity now cut to the baby-shelf limit), "This prospectus
supplement replaces and supersedes the previously filed prospectus supplement ... and reflects an increase of
$200,000,000 in the aggregate offering price"."""
CAPACITY_CHANGE_NOUN_RE = re.compile(
    r"\b(?:we are|we have|the company is) (?:hereby )?fil(?:ing|ed) " + _THIS_FILING + r"\b(?:[^.]|\.\d){0,240}?\bto (?:reflect|effect|make)\s+"
    r"(?:an? |the )?(?:reduction|decrease|increase)\s+(?:in|of)\s+" + _CAPACITY_OBJECT.replace("the\\s+", "(?:the\\s+)?", 1), re.I)
"""The same change in nominal form: "We are filing this amendment to amend the prospectus supplement solely
to reflect a reduction in the total aggregate offering price of Class A ordinary shares we may offer and
sell ... from US$1,000,000,000 to US$750,000,000"."""
# The verb forms CAPACITY_CHANGE_RE needs, before "the": substring tests are cheap.
_CHANGE_PHRASES = tuple(stem + end + " the " for stem in ("reduc", "decreas", "increas", "restor", "rais", "lower", "updat")
                        for end in (("ing", "es", "e") if stem != "lower" else ("ing", "s", "")))
_ABOUT_SALES_RE = re.compile(r"\b(?:offer|sell|sold|sale|issu\w*|program|agreement|prospectus)", re.I)
_CAPACITY_BOILER_RE = re.compile(r"\b(?:may|might|could|would|if|in the event|from time to time)\b[^.]{0,40}$", re.I)


NOW_MAY_SELL_RE = re.compile(r"\b(?:we|the company|the fund)\s+(?:may|can)\s+now\s+(?:offer\s+and\s+|issue\s+and\s+)?sell\b[^.]{0,250}?"
                             + MONEY_RE.pattern, re.I)
"""The program's new capacity, said with "now": "we may now offer and sell shares ... having an aggregate
offering price of up to $25,000,000" (a supplement that allocates a new amount to the program)."""


def capacity_change(sentences: list[Sentence]) -> Span | None:
    """The sentence in which this filing changes the program's capacity (CAPACITY_CHANGE_RE),
    not a right to do so ("we may increase the amount")."""
    for s in sentences:
        t = s.text
        if " now " in t and NOW_MAY_SELL_RE.search(t):
            return s.span
        # The verb follows "we are", "this supplement" or "to": lower case, so no lower() per sentence.
        baby_shelf = "I.B.6" in t and "now subject" in t
        if not baby_shelf and not ("reduc" in t or "decreas" in t or "increas" in t or "restor" in t or "rais" in t or "lower" in t
                                   or "updat" in t):
            continue
        if not baby_shelf and not any(phrase in t for phrase in _CHANGE_PHRASES) and not (
                "tion in" in t or "ease in" in t or "ease of" in t):
            continue
        m = CAPACITY_CHANGE_RE.search(t) or CAPACITY_CHANGE_NOUN_RE.search(t)
        if m and _ABOUT_SALES_RE.search(t) and not _CAPACITY_BOILER_RE.search(t[:m.start()]):
            return s.span
    return None


LIMIT_NOW_APPLIES_RE = re.compile(
    r"\bwe (?:are now|became|have (?:now )?become) subject to (?:the offering limits? (?:of|in|under) )?"
    r"General Instruction I\.B\.[56]\b", re.I)
"""The baby-shelf limit come into force ("On March 28, 2024, the date we filed our Annual Report on Form 20-F ..., we
became subject to the offering limits in General Instruction I.B.5"; Form F-3's I.B.5 is Form S-3's I.B.6)."""


def limit_now_applies(sentences: list[Sentence]) -> Sentence | None:
    """On a notice cover (a supplement to the program's prospectus supplement): the sentence that says the I.B.5/I.B.6
    limit now applies, which is why the notice is filed (the program's capacity cut to the limit). A new program's own
    supplement says the same of its issuer without changing anything, so this is asked of notices only."""
    for s in sentences:
        if "I.B." in s.text and "subject" in s.text and LIMIT_NOW_APPLIES_RE.search(s.text):
            return s
    return None


REGISTERED_BEFORE_RE = re.compile(
    r"\b(?:we|the company)\s+(?:initially\s+|previously\s+|originally\s+)?registered\s+(?:the\s+(?:offer\s+and\s+)?sale\s+of\s+)?"
    r"(?:up\s+to\s+)?" + MONEY_RE.pattern, re.I)
"""What the program's prospectus registered before this notice: "Under the Prior Prospectus, we
registered up to $4,486,846 of shares", "we initially registered up to $50,000,000"."""


def registered_before(sentences: list[Sentence], cover_cap: Decimal | None) -> Span | None:
    """On a notice cover: the sentence that says what was registered before, when the cover now
    offers another amount (the notice raised or cut the program's capacity)."""
    if cover_cap is None:
        return None
    for s in sentences:
        if "registered" not in s.text:
            continue
        m = REGISTERED_BEFORE_RE.search(s.text)
        before = money(m) if m else None
        if before is not None and before != cover_cap and not _MODAL_RE.search(s.text[:m.start() + 1] if m else ""):
            return s.span
    return None


NOTICE_AMOUNT_RE = re.compile(
    r"\b(?:effective\s+)?as\s+of\s+(?:the\s+date\s+(?:of\s+)?(?:this\s+(?:prospectus\s+)?supplement|hereof)|today),?\s+"
    r"the\s+(?:maximum\s+|total\s+)?aggregate\s+(?:gross\s+)?(?:offering\s+price|offering\s+amount|sales\s+price|amount)\b"
    r"(?P<what>[^.$]{0,200}?)\b(?:is|will\s+be|shall\s+be)\s+(?:up\s+to\s+)?(?:approximately\s+)?" + MONEY_RE.pattern, re.I)
"""A notice that sets the program's amount from its own date: "Effective as of the date of this prospectus supplement,
the aggregate offering price of common stock to be sold through our ATM Program pursuant to the ATM Agreement is
$4,852,909"."""
_NOT_NEW_AMOUNT_RE = re.compile(r"\bremain|\bavailable\b|\bunsold\b|\b(?:have|has|had|been|previously|already)\s+(?:issued\s+and\s+)?sold\b",
                                re.I)


NOTICE_REGISTERS_RE = re.compile(
    r"\b(?:this\s+(?:prospectus\s+)?supplement(?:\s+no\.\s*\d+)?|we\s+are)\s+(?:is\s+)?(?:hereby\s+)?registering\s+"
    r"(?:the\s+offer\s+and\s+sales?\s+of\s+|the\s+(?:issuance\s+and\s+)?sale\s+of\s+)?(?:up\s+to\s+)?(?:approximately\s+)?"
    r"(?P<more>an\s+additional\s+)?" + MONEY_RE.pattern, re.I)
"""A notice that registers its own amount: "This Prospectus Supplement No. 1 is registering the offer and sales of up to
$2,021,889 of our ordinary shares" (an amount of its own, not what remains: an increment with "an additional")."""


def notice_amount(sentences: list[Sentence]) -> tuple[Span, Decimal, Span] | None:
    """On a notice cover: the sentence that sets the program's amount as of this supplement (NOTICE_AMOUNT_RE), the
    amount and its span; not what remains of it or what was sold ("the aggregate offering price of shares remaining
    available ... is $X")."""
    for s in sentences:
        if "registering" in s.text:
            r = NOTICE_REGISTERS_RE.search(s.text)
            value = as_dollars(money(r)) if r is not None and not r.group("more") else None
            if r is not None and value is not None:
                return s.span, value, s.sub(dollar_start(s.text, r.start("num")), r.end())
        if "as of" not in s.text.lower():
            continue
        m = NOTICE_AMOUNT_RE.search(s.text)
        if m is None or _NOT_NEW_AMOUNT_RE.search(m.group("what")):
            continue
        value = as_dollars(money(m))
        if value is not None:
            start = dollar_start(s.text, m.start("num"))
            return s.span, value, s.sub(start, m.end())
    return None


NOTICE_REASON_RE = re.compile(
    r"\b(?:we are filing|we have filed|(?:is|are|has been|was) (?:being )?filed)\b[^.]{0,120}?"
    r"\b(?:because|as|since|to reflect|in connection with|following|due to)\b[^.]{0,80}?"
    r"\b(?:entered into|executed|amended|amendment|restated|restatement|added|appointed|removed)\b",
    re.I,
)
"""Why a notice supplement is filed, when the reason is a change to the agreement: "We are filing
this Amendment ... as we entered into an amended and restated ATM Sales Agreement", "This
Supplement is being filed to reflect the amendment of the Sales Agreement"."""


def notice_reason(sentences: list[Sentence]) -> Span | None:
    """A sentence that says the notice is filed because the agreement changed (NOTICE_REASON_RE)."""
    for s in sentences:
        if "filed" not in s.text and "filing" not in s.text:
            continue
        if NOTICE_REASON_RE.search(s.text) and not re.search(r"\bmay\b|\bif\b", s.text, re.I):
            return s.span
    return None


AMENDMENT_ENTERED_RE = re.compile(
    r"\b(?:we|the company)\b(?: and [^.]{1,80}?)? (?:have |has )?(?:entered into|executed)\s+"
    r"(?:an? |the )?(?:first |second |third |fourth |fifth )?(?:amendment\b|amendment no\. ?\d+|amended and restated\b)|"
    r"\b(?:we|the company)\b(?: and [^.]{1,80}?)? (?:have |has )?(?:amended and restated|amended)\s+(?:the|our|that certain)\s+"
    r"(?:[\w\u2122-]+\s+){0,6}?agreements?\b|"
    r"\b[Aa]greements?[\u201d\")]*\s+(?:was|were|has been|have been)\s+(?:further\s+)?amended(?:\s+and\s+restated)?\b"
    r"(?!\s+(?:from time to time|by (?:and between|and among)))", re.I)
"""An amendment entered into, stated in its own sentence after the one that defines the program
(passive too: "The Sales Agreement was amended on June 3, 2024 to increase the maximum aggregate offering amount"):
"On October 27, 2023, for the sole purpose of appointing X as a Forward Seller, we entered into
Amendment No. 1 to Equity Distribution Agreement"; the verb itself: "On June 28, 2022, we amended and
restated the original sales agreement ... to add B. Riley Securities"."""


def later_amendment(defining: list[Sentence], program: Program, doc_date: date | None) -> Span | None:
    """A sentence after the defining one stating an amendment entered into now: dated within
    RECENT_DAYS of the supplement (any date when the supplement's own is unknown), not
    "previously" and not a right to amend. Its date (not the agreement's) dates the amendment
    when nothing else did."""
    for s in defining[1:10]:
        t = s.text
        if s.span == program.source or not AMENDMENT_ENTERED_RE.search(t):
            continue
        if re.search(r"\bpreviously\b|\bmay\b|\bif\b", t, re.I):
            continue
        found = [(d, m) for d, m in ((to_date(m), m) for m in DATE_RE.finditer(t)) if d is not None]
        dates = [d for d, _ in found]
        if doc_date is not None and dates and min(abs((doc_date - d).days) for d in dates) > RECENT_DAYS:
            continue
        own = [(d, m) for d, m in found if d != program.agreement_date]
        if program.amendment_date is None and own:
            newest, m = max(own, key=lambda f: f[0])
            program.amendment_date, program.spans["amendment_date"] = newest, s.match(m)
        return s.span
    return None


# --------------------------------------------------------------------------- what changed

_ROLE = r"(?:an? |the |our )?(?:additional |new |co-)?(?:sales |(?:sub-)?placement |distribution )?(?:agents?|managers?|forward sellers?)\b"
_NAMES = r"(?P<names>[^;]{3,400}?)"
_NAMES_ONLY = r"(?P<names>(?:(?!\b(?:to add|adding|to include|to appoint|appointing|dated)\b)[^;]){3,400}?)"
"""Names that run into no clause of their own: in "an amendment to our Sales Agreement with X and Y, dated ..., to add Y
as an additional sales agent" the agreement's parties are not what was added."""
ADD_RES = (
    re.compile(r"\b(?:to add|adding|to include|including|to appoint|appointing|add(?:s|ed)?|join(?:s|ed)?)\s+(?!as\s)" + _NAMES + r",?\s+as\s+" + _ROLE, re.I),
    re.compile(_NAMES + r"\s+(?:was|were|has been|have been|is|are|will be)\s+(?:added|appointed|joined)\b[^;.]{0,60}?\bas\s+" + _ROLE, re.I),
    re.compile(r"\bto which\s+" + _NAMES + r"\s+(?:was|were|has been|have been)\s+(?:joined|added)\b", re.I),
    re.compile(r"\b(?:on\s+)?the date hereof,?\s+(?:as it relates to|with respect to|in the case of)\s+" + _NAMES
               + r",\s+(?:we|the company)\b[^.;]{0,60}?\b(?:entered into|executed)\b", re.I),
    re.compile(r"\b(?:entered into|executed|are (?:now )?(?:a )?party to)\b[^;.]{0,120}?\bwith (?:each of )?" + _NAMES_ONLY
               + r",?\s+(?:each )?as\s+(?:an? )?additional\s+(?:sales |placement |distribution )?(?:agents?|managers?|forward sellers?)\b", re.I),
)
"""An agent added by the amendment: "to add X as an additional sales agent", "to include X as
an additional agent", "X and Y were added as agents", "an agreement ... to which X, Y and Z were joined on
<date>" (a joinder), "On <date> and the date hereof as it relates to
X, we entered into ...", "we entered into separate equity distribution agreements with each of X
and Y, as additional Sales Agents"."""
REMOVE_RES = (
    re.compile(r"\b(?:to remove|removing|remove[sd]?)\s+(?!as\s)" + _NAMES + r",?\s+as\s+" + _ROLE, re.I),
    re.compile(_NAMES + r"\s+(?:was|were|has been|have been|is|are|will be)\s+removed\s+as\s+" + _ROLE, re.I),
    re.compile(_NAMES + r"\s+(?:ceased|ceases|will cease|has ceased|have ceased) to (?:be|act as)\s+" + _ROLE, re.I),
    re.compile(_NAMES + r"\s+(?:is|are|will) no longer (?:be )?(?:a party to|act as|serve as|participate as|" + _ROLE + ")", re.I),
    re.compile(_NAMES + r"\s+(?:withdrew|resigned|has withdrawn|has resigned|have withdrawn) as\s+" + _ROLE, re.I),
    re.compile(_NAMES + r"\s+(?:delivered|gave|provided|sent)\s+(?:to\s+us\s+|us\s+)?(?:a\s+|written\s+)?notice\s+(?:to\s+us\s+)?"
               r"(?:to|of its (?:intent(?:ion)? to)?)\s*terminate\b[^.;]{0,120}?\bwith respect to (?:itself|it)\b", re.I),
)
"""An agent removed: "removed X as an agent", "X was removed as a sales agent", "X ceased to be a sales agent", "X is no longer a
party to the agreement", "X will no longer participate (serve) as a sales agent", "X resigned as agent", "X delivered to us a notice to terminate the Sales Agreement
with respect to itself"."""
REPLACE_RES = (
    re.compile(r"\bto replace\s+(?P<old>[^;]{3,200}?)\s+with\s+(?P<new>[^;]{3,200}?),?\s+as\s+" + _ROLE, re.I),
    re.compile(r"(?P<new>[^;]{3,200}?)\s+(?:replaced|replaces|will replace|has replaced)\s+(?!by\b|with\b)(?P<old>[^;]{3,200}?),?\s+as\s+" + _ROLE, re.I),
    re.compile(r"\breferences? to [“\"](?P<old>[^”\"]{3,120})[”\"],? (?:is|are|shall be|will be|has been|have been) (?:hereby )?"
               r"(?:replaced|substituted) (?:with|by) [“\"](?P<new>[^”\"]{3,120})[”\"]", re.I),
    re.compile(r"(?P<old>[^;]{3,200}?)\s+(?:is|are|was|were|has been|have been) (?:hereby )?replaced (?:with|by)\s+(?P<new>[^;]{3,200}?),?\s+as\s+" + _ROLE, re.I),
    re.compile(r"\breferences?\b[^;.]{0,80}?\bto (?P<old>(?:[^;.]|\b(?:Inc|Co|Corp|L\.P|Ltd)\.){3,120}?),?\s+(?:is|are|shall be|will be|has been|"
               r"have been) (?:hereby )?(?:replaced|substituted) (?:with|by) references? to (?P<new>[^;.,]{3,120}?)(?=\s+and\b|[,.;]|$)", re.I),
)
"""One agent swapped for another: "to replace X with Y as sales agent", "Y replaced X as agent",
"each reference to “X” is hereby replaced with “Y”" (a notice that edits the prospectus's list),
"X has been replaced by Y as sales agent", "all references in the Prospectus Supplement to X are replaced with references to Y"."""
# "(" opens a clause, except inside a legal name: "Credit Suisse Securities (USA) LLC".
_CLAUSE_RE = re.compile(r"\b(?:which|whereby|whom|wherein|that|pursuant to)\b|[(](?!USA\)|U\.S\.A\.\)|UK\))", re.I)
# A defined-term parenthetical after a name ("Cantor (“Cantor” and together with B. Riley, the
# “Agents”)") names agents that are not the ones being added; a former name ("B. Riley Securities, Inc. (formerly
# B. Riley FBR, Inc.)") is the same firm.
_DEFINED_TERM_RE = re.compile(r"\((?=[“\"]|formerly\b|f/k/a\b|previously known as\b)[^()]*\)")
_AMEND_WORDS_RE = re.compile(r"\bamend|\brestat", re.I)
_NEW_AGREEMENT_WITH_RE = re.compile(
    r"\b(?:entered into|executed)\b[^;]{0,200}?\bagreements?\b[^;]{0,200}?\bwith\b[^;]{0,250}?(?<!amended )\band\s+(?:an?\s+)?"
    r"(?P<new>new\s+)?(?:separate\s+)?(?:[\w\u2122-]+\s+){0,4}?agreements?\s+with\s+(?:each\s+of\s+)?", re.I)
_NAMES_END_RE = re.compile(r"\((?:together|collectively|each|the)\b|,?\s+(?:relating|pursuant|under which|that|which|to (?:sell|offer|increase|add))\b|;", re.I)


def _new_agreement_agents(text: str) -> list[str]:
    """Agents joined by a new agreement beside the amended one: "we entered into an amendment to the equity distribution
    agreement ... with UBS Securities LLC and an equity distribution agreement with RBC Capital Markets, LLC", "we entered
    into sales agreements with each of BTIG, LLC and Oppenheimer & Co. Inc. and new at-the-market sales agreements with each
    of ATB Capital Markets USA Inc. and A.G.P./Alliance Global Partners". Firms the sentence names before are not new."""
    m = _NEW_AGREEMENT_WITH_RE.search(text)
    if m is None or not (m.group("new") or _AMEND_WORDS_RE.search(text, 0, m.end())):  # "new", or an amendment beside it
        return []
    tail = text[m.end():m.end() + 300]
    end = _NAMES_END_RE.search(tail)
    before = set(find_agents(text[:m.end()], keep_unknown=True))
    return [a for a in find_agents(tail[:end.start()] if end else tail, keep_unknown=True) if a not in before]

_AGREEMENT_REPLACED_RE = re.compile(r"(?:an?|the|our|its|that)\s+(?:[\w-]+\s+){0,4}?(?:agreement|program|facility)\b", re.I)
"""What was replaced is an agreement, not an agent: "which replaced a prior sales agreement with X as sales agent"."""

INCREASE_BY_RE = re.compile(
    r"\b(?:increas|rais|restor)\w*\b(?:[^.]|\.\d|" + ABBREVIATION + r"){0,200}?(?:\bby (?:up to )?(?:an additional |an aggregate of |the same amount \(?)?|"
    r"\bto (?:up to )?an additional )" + MONEY_RE.pattern
    + r"(?!\s*(?:million|billion)?\s*to\b)", re.I)
"""A cap raised by an increment: "to increase the aggregate offering price ... by $50,000,000" (a firm's "& Co." between),
"by up to an additional $400,000,000" (no new total after it), "restores the maximum amount ... by
the same amount ($45,588,728.57 of shares)", "an increase in the aggregate dollar amount ... we may offer and sell ... to up
to an additional $47,184,000"."""
REMAINS_AT_RE = re.compile(
    r"\b(?:did not change|does not change|unchanged|not (?:be )?changed)\b[^.]{0,200}?\b(?:remains?|remained|continues to be|is)\s+(?:at\s+)?"
    + MONEY_RE.pattern, re.I)
"""The agreement's cap restated as unchanged by the amendment: "The Amendment did not change the
maximum aggregate offering amount ..., which remains at $1,500,000,000"."""
INCREASE_TO_RE = re.compile(
    r"\b(?:increas|rais|restor)(?:e|es|ed|ing)\b(?P<what>(?:[^.]|\.\d|" + ABBREVIATION + r"){0,200}?)(?<!up )\bto (?:up to )?(?:an aggregate (?:of )?)?"
    + MONEY_RE.pattern, re.I)
"""A cap raised or restored to a total: "to increase the amount ... we may offer ... to $50,000,000", "... under the Sales
Agreement ... with Cantor Fitzgerald & Co. from $25,000,000 to $45,000,000" (neither a firm's "Co." nor a decimal point ends
the sentence)."""
REDUCE_TO_RE = re.compile(
    r"\b(?:reduc(?:e|es|ed|ing|tion)|decreas(?:e|es|ed|ing)|lower(?:s|ed|ing)?|limit(?:s|ed|ing)?)\b(?P<what>(?:[^.]|\.\d|" + ABBREVIATION
    + r"){0,200}?)(?<!up )\bto (?:up to )?"
    r"(?:an aggregate (?:of )?)?" + MONEY_RE.pattern, re.I)
"""The registered amount cut (I.B.6): "to reduce the maximum aggregate offering price ... to $8,250,000"."""
_CAP_OBJECT_RE = re.compile(r"offering price|offering amount|sales price|amount of|maximum amount|shares|common stock|may (?:offer|sell|issue)", re.I)
_NOT_CAP_RE = re.compile(r"commitment|advance|purchase amount|reimburs|expense|commission|public float|fee\b", re.I)
_MODAL_RE = re.compile(r"\b(?:may|might|could|would|if)\b[^.]{0,30}$", re.I)


_PRIOR_ROLE_RE = re.compile(r"\bas\s+" + _ROLE + r",?\s+(?:and|while|but|whereas)\s+", re.I)
"""The end of a first change in a swap told in one sentence ("B. Riley was removed as a sales agent and Needham was added as a
sales agent"): the names of the second change start after it."""
_ALONGSIDE_RE = re.compile(r",?\s+(?:together\s+)?(?:with|alongside|in addition to|joining)\s+", re.I)


def _names(text: str, added: bool = False) -> str:
    # The names stand after the last clause word before the verb ("..., pursuant to which X was added").
    parts = _CLAUSE_RE.split(_PRIOR_ROLE_RE.split(_DEFINED_TERM_RE.sub("", text))[-1])
    names = parts[-1] if parts else text
    if added:
        # "to add B. Riley Securities, Inc., with JonesTrading, or the agents, to act as agents": the
        # firm after "with" is already an agent, not an added one.
        names = _ALONGSIDE_RE.split(names, maxsplit=1)[0]
    return names


_JOINED_ON_RE = re.compile(r"(?<=\bjoined on )" + DATE_RE.pattern)


def agent_changes(sentences, program: Program) -> None:
    """Agents an amendment adds or removes (REPLACE_RES, ADD_RES, REMOVE_RES), in sentences that
    speak of an amendment; `agents` keeps the full list without the removed ones."""
    added: list[str] = []
    removed: list[str] = []
    where, where_text = None, ""
    for s in sentences:
        t = s.text
        if not _AMEND_WORDS_RE.search(t) and not re.search(r"\b(?:added|removed|replac\w*|ceased|no longer|additional|date hereof|joined|new\s+(?:[\w-]+\s+){0,3}?agreements?|"
                                                          r"with respect to (?:itself|it only))\b", t, re.I):
            continue
        hit = False
        for pattern in REPLACE_RES:
            for m in pattern.finditer(t):
                if _AGREEMENT_REPLACED_RE.match(m.group("old")):
                    continue  # "which replaced a prior sales agreement with X as sales agent": supersession, same agent
                old, new = find_agents(_names(m.group("old")), keep_unknown=True), find_agents(m.group("new"), keep_unknown=True)
                removed += [a for a in old if a not in removed]
                added += [a for a in new if a not in added and a not in old]
                hit = hit or bool(old or new)
        for pattern in ADD_RES:
            for m in pattern.finditer(t):
                names = find_agents(_names(m.group("names"), added=True), keep_unknown=True)
                added += [a for a in names if a not in added and a not in removed]
                hit = hit or bool(names)
        for pattern in REMOVE_RES:
            for m in pattern.finditer(t):
                names = find_agents(_names(m.group("names")), keep_unknown=True)
                removed += [a for a in names if a not in removed and a not in added]
                hit = hit or bool(names)
        if not hit:
            joined_by = _new_agreement_agents(t)
            added += [a for a in joined_by if a not in added and a not in removed]
            hit = bool(joined_by)
        if hit:
            where, where_text = s.span, t
            if bool(removed) != bool(added):
                # "As of November 16, 2024, B. Riley will no longer participate as a sales agent ... This supplement
                # reflects the amendment ... pursuant to which Roth was added as a Sales Agent": the other half of a
                # swap is told in a sentence next to it.
                adding = not added
                near = [x for x in sentences if x is not s and 0 < abs(x.index - s.index) <= 2]
                for x in near:
                    for pattern in (ADD_RES if adding else REMOVE_RES):
                        for m in pattern.finditer(x.text):
                            names = find_agents(_names(m.group("names"), added=adding), keep_unknown=True)
                            if adding:
                                added += [a for a in names if a not in added and a not in removed]
                            else:
                                removed += [a for a in names if a not in removed and a not in added]
            break
    if not (added or removed):
        return
    program.agents_added, program.agents_removed = added, removed
    program.agents = [a for a in program.agents if a not in removed] + [a for a in added if a not in program.agents]
    joined = _JOINED_ON_RE.search(where_text) if where is not None and program.amendment_date is None else None
    if where is not None and joined is not None:
        # "to which X, Y and Z were joined on March 21, 2024": the joinder dates the change.
        day = to_date(joined)
        if day is not None:
            program.amendment_date = day
            program.spans["amendment_date"] = Span(where.start + joined.start(), where.start + joined.end())
    if where is not None:
        for name in ("agents_added", "agents_removed"):
            if getattr(program, name):
                program.spans[name] = where
        if program.agents and "agents" not in program.spans:
            program.spans["agents"] = where
    program.changes.append("agents")


def new_total(s: Sentence, program: Program) -> bool:
    """A new total after an increase in this sentence (NEW_TOTAL_RE): the program's cap, or what
    this prospectus may now sell when a larger agreement cap is already known."""
    m = NEW_TOTAL_RE.search(s.text)
    value = as_dollars(money(m)) if m else None
    if m is None or value is None:
        return False
    set_new_amount(program, value, s.sub(dollar_start(s.text, m.start("num")), m.end("num")), "new total")
    return True


def set_new_amount(program: Program, value: Decimal, span: Span, change: str) -> None:
    """An amount this filing sets for the program: below a cap already known it is what this prospectus may now sell
    under it (a cut, an I.B.6 slice); otherwise it is the program's cap (a raise, a new total)."""
    if program.max_amount is not None and value < program.max_amount:
        program.offered_amount, program.spans["offered_amount"] = value, span
    else:
        program.max_amount, program.spans["max_amount"] = value, span
    program.changes.append(change)


def cap_changes(sentences, program: Program) -> None:
    """An increment with no new total (max_amount_increase), a cap raised or restored to a total
    (max_amount), a registered amount cut (offered_amount, or max_amount when no larger cap is
    stated). Only sentences that speak of the ATM cap, never a commitment or expense amount."""
    for s in sentences:
        t = s.text
        if NEW_TOTAL_RE.search(t):
            # Read here only when the program's own sentences did not give it (programs._caps).
            if "new total" not in program.changes and _CAP_OBJECT_RE.search(t):
                new_total(s, program)
            continue
        if _NOT_CAP_RE.search(t[:300]) and not _CAP_OBJECT_RE.search(t):
            continue
        m = REMAINS_AT_RE.search(t)
        if m and _CAP_OBJECT_RE.search(t) and program.max_amount is None:
            program.max_amount = as_dollars(money(m))
            program.spans["max_amount"] = s.sub(dollar_start(t, m.start("num")), m.end("num"))
            continue
        m = INCREASE_BY_RE.search(t)
        if m and program.max_amount_increase is None and not _MODAL_RE.search(t[:m.start() + 1]):
            program.max_amount_increase = as_dollars(money(m))
            program.spans["max_amount_increase"] = s.sub(dollar_start(t, m.start("num")), m.end("num"))
            program.changes.append("increment")
            if program.max_amount == program.max_amount_increase and program.offered_amount is None:
                # The prospectus offers just the increment ("$47,184,000 ... an increase ... to up to an additional
                # $47,184,000"): what it registers, not the program's new total, which the filing does not give.
                program.offered_amount, program.max_amount = program.max_amount, None
                program.spans["offered_amount"] = program.spans.pop("max_amount", program.spans["max_amount_increase"])
            continue
        for pattern, kind in ((REDUCE_TO_RE, "cut"), (INCREASE_TO_RE, "raised")):
            m = pattern.search(t)
            if not m or _NOT_CAP_RE.search(m.group("what")) or not _CAP_OBJECT_RE.search(m.group("what")):
                continue
            if _MODAL_RE.search(t[:m.start() + 1]):
                continue
            value = as_dollars(money(m))
            if value is None:
                continue
            span = s.sub(dollar_start(t, m.start("num")), m.end("num"))
            if kind == "cut" and program.max_amount is not None and value < program.max_amount:
                program.offered_amount, program.spans["offered_amount"] = value, span
            else:
                program.max_amount, program.spans["max_amount"] = value, span
                if program.offered_amount is not None and program.offered_amount >= value:
                    program.offered_amount = None
                    program.spans.pop("offered_amount", None)
            program.changes.append(kind)
            break


SHARES_CHANGED_RE = re.compile(
    r"\b(?:increas|rais|reduc|decreas|lower)(?:e|es|ed|ing)?\s+the\s+(?:maximum\s+|aggregate\s+|total\s+)*number\s+of\s+"
    r"(?:[\w-]+\s+){0,4}?shares\b(?:[^.$]|" + ABBREVIATION + r"){0,200}?\bfrom\s+(?:\d{1,3}(?:,\d{3})+)(?:\s+shares)?\s+to\s+"
    r"(?P<num>\d{1,3}(?:,\d{3})+)(?P<scale>)", re.I)
"""A share cap changed from one count to another: "an amendment to the sales agency agreement to increase the number of
shares that can be offered and sold pursuant to that agreement from 1,250,000 to 3,087,500" (the new count is the cap)."""


def share_changes(sentences, program: Program) -> None:
    """The share cap a change sets (SHARES_CHANGED_RE), over a count read elsewhere (the old one)."""
    for s in sentences:
        if "number of" not in s.text or "from" not in s.text:
            continue
        m = SHARES_CHANGED_RE.search(s.text)
        if m is not None and not _MODAL_RE.search(s.text[:m.start() + 1]):
            program.max_shares = shares(m)
            program.spans["max_shares"] = s.sub(m.start("num"), m.end("num"))
            program.changes.append("shares")
            return


def states_change(program: Program) -> bool:
    """The filing states what changed (agents, cap, increment, amount registered)."""
    return program.amended or bool(program.changes) or program.offered_amount is not None
