"""Document role: is this filing the ATM program's own prospectus, or does it only mention one?

Underwritten, registered-direct, equity-line, resale and note offerings talk about an existing
ATM (lock-ups, use of proceeds, risk factors) but announce nothing: they are `atm_related` with
no events. The cover page decides: the first offering mechanism it names.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from .agents import find_agents
from .agreements import AGREEMENT_RE, canonical_agreement
from .amounts import DOLLAR, money
from .dates import DATE_RE, parse_date, to_date
from .identity import cover_cap
from .model import Document, Span, Window, dollar_start
from .vocab import ABBREVIATION, ATM_BRAND, ATM_WORDS_RE, NAV_FLOOR, NOT_ATM_AGREEMENT_RE

FIRM_OFFER_RE = re.compile(
    r"\bwe are offering (?:an aggregate of |up to )?[\d,]+\b|\bwe are offering (?:" + DOLLAR + r"|shares|units|pre-funded)|"
    r"\bthe underwriters? (?:have|has) (?:agreed|an option|the option|a \d+-day option)|(?<!load \()\bunderwriting discounts?\b|"
    r"\bplacement agent(?:'s)? (?:fees|has agreed)|\bregistered direct\b|\bsecurities purchase agreement\b|"
    r"\bLincoln Park\b|\bpricing supplement\b|\bselling (?:stockholders|shareholders|securityholders)\b|"
    r"\bdealer[- ]manager\b|\bexchange offer\b|(?<!, for )\bresale\b|\bthe notes\b|\bnotes due\b|\bdebentures\b|"
    r"(?<!percentage of the )\bpublic offering price\b|\bcommon stock purchase agreement\b|\bequity purchase agreement\b|\bequity line\b|"
    r"\((?:the\s+)?[\"\u201c](?:Investor|Purchaser|Selling Stockholder)[\"\u201d]\)",
    re.I,
)
"""A firm offering on the cover ("we are offering 1,974,432 shares", underwriters, a placement
agent, Lincoln Park, selling stockholders, notes, shares sold to a party defined as the "Investor" under
a "sales agreement" with no agent: an equity line): the filing is not the ATM's prospectus. A fund's fee table heading
"(as a percentage of the public offering price)" names no offering, nor does its definition of the "sales load
(underwriting discount and commission)", which an agent's commission fills in a program's fee table."""

_NOTICE_VERBS = r"\b(?:updates?|amends?|supplements?|modifies)(?:,? (?:and |or )?(?:updates?|amends?|supplements?|modifies|restates?))*"
"""The verbs a cover uses to change an earlier prospectus supplement ("updates and amends",
"amends and supplements", "supplements")."""
_UPTO = r"(?:[^.]|\b(?:No|Nos|Inc|Co|Corp)\.|\.\d)"
"""Any character of the same sentence ("File No. 333-272826" and "$1.5" do not end it)."""

ATM_OFFER_RE = re.compile(
    r"(?:entered into|enter into|relate to|relating to|pursuant to|under|terms of|(?:are|is) (?:a )?part(?:y|ies) to|"
    r"amended (?:and restated )?(?:our|the|its)|amends and restates)\b[^.]{0,200}?"
    r"(?:sales agreement|distribution agreement|sale agreement|offering agreement|atm agreement|sales agency|distribution agency agreement|"
    r"sales and registration agreement)|\b(?:the|our)\s+(?:[\w-]+\s+){0,3}(?:sales|distribution|sale|offering)\s+agreement\b[^.]{0,200}?"
    r"\bprovides\s+that\s+(?:we|the company)\s+may\s+(?:offer\s+and\s+)?(?:sell|issue)\b|\bat[\s-]the[\s-]market[\"'\u201d\u2019]?\s+(?:[\w-]+\s+){0,3}agreement\b|"
    r"at[\s-]the[\s-]market[\"'\u201d\u2019]? offerings?\b|continuous offering program|" + NAV_FLOOR + "|" + ATM_BRAND + r"|\bsales agents?\b|\bsupplement no\. ?\d+ to (?:the )?prospectus supplement|"
    r"\b(?:transactions|sales)\s+deemed\s+(?:to\s+be\s+)?[\"'\u201c]?at[\s-]the[\s-]market\b|\b(?:through|by means of)\s+at[\s-]the[\s-]market\s+transactions\b|"
    r"(?:supplements?|amends?) (?:and (?:supplements?|amends?) )?(?:the|our) (?:prior |previous |atm )?prospectus supplement|"
    r"\bamendment to (?:the|our) prospectus supplement\b[^.]{0,300}?\b(?:sales|distribution|sale|offering|atm|sales agency) agreement\b|"
    r"\b(?:sales|distribution|sale|offering|atm|sales agency) agreement\b(?:[^.]|" + ABBREVIATION + r"){0,200}?\b(?:was|were|has been|have been) "
    r"amended\b|"
    + _NOTICE_VERBS + r"\s+(?:certain\s+)?(?:of\s+)?(?:the\s+)?information\s+(?:previously\s+)?(?:contained\s+|included\s+)?in\s+" + _UPTO + r"{0,300}?\bprospectus supplement",
    re.I,
)
"""The cover offers securities through an ATM: "relating to ... sales agreement", "we are party to an Equity
Distribution Agreement", "we amended our Sales Agreement", "the Distribution Agreement ... provides that we may sell",
"at the market offerings", "sales agent", or it supplements an ATM prospectus supplement ("This Amendment to the
Prospectus Supplement dated September 25, 2012 ... reflects the amendment dated March 27, 2014 ... of the Sales Agreement"), or
says the agreement "was amended"."""

_UNNUMBERED_AMENDMENT_TITLE = r"(?:^|\n)[ \t]*amendment to (?:the )?prospectus supplement\b"
"""A cover line "Amendment to Prospectus Supplement" with no number (at a line's start: not a sentence that tells of one)."""


SUPPLEMENT_NOTICE_RE = re.compile(
    r"\bsupplement no\. ?\d+ to (?:the )?prospectus supplement|"
    r"this (?:supplement|prospectus supplement amendment)(?:no\. ?\d+|[^.]){0,80}(?:supplements|amends)|"
    r"\bamendment\s?no\. ?\d+ to (?:the |our )?prospectus supplement|" + _UNNUMBERED_AMENDMENT_TITLE + r"|"
    r"\bthis amendment(?:\s?no\. ?\d+)?\b[^.]{0,120}?\b(?:amends?|supplements?|to amend|to supplement|to update)\b[^.]{0,60}?"
    r"(?:prospectus supplement|amount|at[\s-]the[\s-]market)|"
    r"(?:supplements?|amends?) (?:and (?:supplements?|amends?) )?(?:the|our) (?:prior |previous |atm )?prospectus supplements?(?:,)? dated|"
    r"\bthis prospectus supplement supplements (?:the|our) prospectus,? dated [^.;]{0,40}?,? as (?:amended and )?supplemented\b|"
    r"\bthis prospectus supplement supplements (?:the|our) (?:base )?prospectus,? dated\b[^.]{0,200}?,? and (?:the|our) (?:prior |previous )?prospectus supplements?,? dated\b|"
    r"\bthis (?:prospectus supplement|supplement|amendment)\b(?:[^.]|(?<=\bno)\.){0,80}?" + _NOTICE_VERBS
    + r"\s+(?:certain\s+)?(?:of\s+)?(?:the\s+)?information\s+(?:previously\s+)?(?:contained\s+|included\s+)?in\s+" + _UPTO + r"{0,300}?\bprospectus supplements?,? dated|"
    r"\bthis amendment(?:\s?no\. ?\d+)?\b[^.]{0,40}?\bamends (?:the |our )(?:atm |sales agreement |at[\s-]the[\s-]market )?prospectus,? dated|"
    r"\bthis (?:prospectus )?supplement(?:\s?no\. ?\d+)?\s*(?:\([^()]{0,60}\))?,?\s+(?:amends|supplements)\s+(?:and\s+(?:supplements|amends)\s+)?"
    r"(?:the |our )(?:atm |sales agreement |at[\s-]the[\s-]market (?:offering |issuance )?)prospectus,? dated|"
    r"\bthis prospectus supplement amends (?:and supplements )?(?:the )?information (?:contained )?in (?:the|our) (?:prior )?"
    r"(?:at[\s-]the[\s-]market (?:offering )?|atm )?prospectus,? dated|"
    r"\bsupplement no\. ?\d+,?\s+dated\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s+to\s+(?:the\s+|our\s+)?prospectus supplement|"
    r"\b(?:offered|sold|registered) (?:by|under|pursuant to) this amendment\b|"
    r"\(\s*to\s+(?:the |our )?(?:(?:base )?prospectus,?\s+dated [^()]{0,40}?(?:,?\s+and|,?\s+as\s+supplemented\s+by)\s+(?:the |our )?)?"
    r"prospectus\s+supplements?,? dated\s+"
    r"(?P<supplemented>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})|"
    r"\bthis (?:prospectus )?supplement is (?:a )?part of,? and should be read in conjunction with,? (?:the|our) (?:prior |atm )?"
    r"prospectus supplement,? dated\b",
    re.I,
)
"""A cover that amends an earlier ATM prospectus supplement ("Supplement No. 1 to Prospectus
Supplement", "Supplement No. 2 dated X To Prospectus Supplement", "This supplement amends and
supplements the prospectus supplement dated ...", "This prospectus supplement updates and amends
certain information contained in the prospectus supplement dated ...", "amends and supplements
the information in the prospectus dated X and the prospectus supplements, dated Y and Z", "This
Amendment No. 1 amends our prospectus dated X", "This prospectus supplement supplements the prospectus dated X, as
amended and supplemented to date" (a fund's periodic update to its ATM prospectus) or "This prospectus supplement amends and supplements the
information in the prospectus, dated X" (an ATM prospectus filed with its shelf), "We are filing this
Amendment to amend the Prospectus Supplement", "This Amendment is being filed ... to update the
amount", a plan of distribution that speaks of the shares "offered by this amendment")."""

DOC_DATE_RE = re.compile(
    r"the date of this (?:prospectus supplement|supplement|prospectus|pricing supplement|amendment)"
    r"(?: no\. ?\d+)?(?: to (?:the )?prospectus supplement)?(?: amendment)?(?: no\. ?\d+)?\s+is\s+(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})",
    re.I,
)
"""The cover's own date: "The date of this prospectus supplement is October 20, 2022", "The date of this Amendment
No. 1 is March 3, 2023", "The date of this prospectus supplement amendment no. 2 is ..."."""

GENERIC_RE = re.compile(r"\b(?:to the extent|if we|we may|will do so|any such|one or more|the applicable prospectus supplement)\b", re.I)
"""Base-prospectus talk about ATM offerings in general ("we may sell ... in at-the-market offerings")."""
_INDEFINITE_RE = re.compile(r"\b(?:a|an|any|one or more)\s+(?:[\w-]+\s+){0,2}"
                            r"(?:(?:[\w-]+\s+){0,3}agreements?\s+(?:or|and/or|and)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2})?$", re.I)
"""An agreement the issuer may enter into, not one it has: "we may enter into a sales agency agreement", and the second
of a pair ("... a sales agency agreement or equity distribution agreement with one or more agents")."""
_THIS_PROSPECTUS_SALES_RE = re.compile(
    r"\bsales of (?:our|the) [\w\s-]{0,40}?(?:shares|stock|units)\b,? if any, under (?:this|the) prospectus supplement\b[^.]{0,200}?"
    r"\b(?:transactions|sales) (?:that are )?deemed (?:to be )?[\"'\u201c]?at[\s-]the[\s-]market\b|"
    r"\b(?:offered|sold|distribute[ds]?)\b[^.]{0,40}?\b(?:pursuant to|under|by) this prospectus supplement\b[^.]{0,120}?"
    r"\b(?:(?:transactions|sales)\s+deemed\b|(?:through|in|by means of)\s+at[\s\-\u2010\u2011]the[\s\-\u2010\u2011]market\s+(?:transactions|sales|offerings)\b)", re.I)
_OWN_ATM_LIFECYCLE = (
    r"\b(?:suspend|terminat|resum|recommenc|reinstat|reactivat|discontinu)\w*\s+(?:its|our|the\s+(?:Fund|Company|Trust)['\u2019]s)\s+"
    r"[\"'\u201c]?at[\s-]the[\s-]market[\"'\u201d\u2019]?\s+(?:equity\s+)?offering\b|"
    r"\b(?:its|our|the\s+(?:Fund|Company|Trust)['\u2019]s)\s+[\"'\u201c]?at[\s-]the[\s-]market[\"'\u201d\u2019]?\s+(?:equity\s+)?offering\b"
    r"[^.]{0,120}?\b(?:has|have|was|were|is|are)\s+(?:been\s+)?(?:suspend|terminat|resum|recommenc|reinstat|reactivat|discontinu)\w*")
"""A fund's sticker that acts on its own at-the-market offering ("the Fund has suspended its at-the-market offering",
"The Fund's at-the-market offering ... has resumed"): one concrete program, named by its possessive, with no
agreement or agent in the sticker."""
_PROGRAM_NOUN_RE = re.compile(
    r"at[\s-]the[\s-]market (?:equity )?(?:offering )?(?:program|facility|sales agreement)|\bATM (?:program|facility|offering)|"
    r"\bsales agents?['\u2019]s? (?:commission|compensation)|\bcontinuous (?:equity )?offering program\b|"
    r"\bat[\s-]the[\s-]market[\"'\u201d\u2019]?\s+(?:[\w-]+\s+){1,3}agreement\b|" + NAV_FLOOR + "|" + ATM_BRAND + "|"
    # The offering summary's row: "Plan of Distribution | At the market offering that may be made from time to time
    # through the sales agents."
    r"\bat[\s-]the[\s-]market[\"'\u201d\u2019]?\s+offerings?[\"'\u201d\u2019]?,?\s+(?:that|which)\s+(?:may|will)\s+be\s+made\b[^.]{0,60}?"
    r"\bthrough\s+(?:the|our)\s+(?:sales\s+agents?|agents?|managers?)\b|"
    r"\bat[\s-]the[\s-]market[\"'\u201d\u2019]?\s+(?:equity\s+)?(?:offering|sales?)(?:\s+program)?\s*\((?:the\s+|our\s+)?[\"\u201c][A-Z][^\"\u201d]{1,40}[\"\u201d]\)|"
    + _OWN_ATM_LIFECYCLE,
    re.I)
"""A program named without an agreement noun the agreement table knows: "our ATM program", "a
continuous offering program" (the forward-sale programs' word), "the Sales Agents' commission of
up to 1.50%" (a fee table's footnote), "an At-the-Market Issuance Agreement", a fund's daily price
floor at its net asset value (NAV_FLOOR), an at-the-market offering given a name of its own ("in an "at-the-market"
offering (the "Sales Program")": one program, not base-prospectus talk of offerings in general)."""
AGENT_ROLE_NAMED_RE = re.compile(
    r"\b(?:as|acting as|in its capacity as) (?:our |its |the )?(?:sales )?agents?\b(?! for the underwriters)|"
    r"\((?:each,? )?(?:the |an? )?[\"\u201c]?(?:sales )?agents?[\"\u201d]?\)|\bsub-placement agents?\b", re.I)
"""A named firm given the agent's role in the sentence ("through B. Riley Securities, Inc. as our
sales agent", "acting as our agent", "with Cantor Fitzgerald & Co. (the "Agent")", a fund's "Virtu Americas LLC will be acting as Nuveen Securities, LLC's
sub-placement agent"): with the at-the-market words somewhere in the document, a program even without an agreement noun."""
_NOT_SALES_AGENT_RE = re.compile(
    r"(?<!sub-)\bplacement agent|\bunderwrit|\bdealer[- ]manager|\bnotes\b|debt securities|medium-term|\btransfer agent|\bpaying agent|"
    r"\bexchange agent|\bwarrant agent|\bsubscription agent|\btrustee\b", re.I)
MANAGER_AS_AGENT_RE = re.compile(
    r"\b(?:shares|common stock|common units|depositary shares)\b[^.]{0,120}?\b(?:through|by|to) (?:such |the |any |each |a |an |(?:one or more|any|each) of the )?"
    r"(?:applicable |relevant )?Managers?\b,? (?:acting )?as (?:our )?(?:sales )?agents?\b", re.I)
"""Shares sold through a Manager acting as the issuer's agent ("shares of our common stock are sold
through such Manager, as our agent, under the Distribution Agreement"): an equity distribution
program, not an MTN "Distribution Agreement" (notes sold through agents)."""
_NOTES_WORD_RE = re.compile(r"the notes|notes due|debentures", re.I)
_UPTO_NAMES = r"(?:[^.]|\b(?:No|Nos|Inc|Co|Corp|[A-Z])\.|\.\d)"
"""Any character of the same sentence, firm names' initials ("B. Riley") included."""
_ATM_NOTES_RE = re.compile(r"(?:at[\s-]the[\s-]market (?:offerings?|(?:issuance )?sales agreement)|415\(a\)\(4\)|\bat market issuance sales agreement\b|"
                           r"\bfrom time to time\b" + _UPTO_NAMES + r"{0,200}?\bas (?:our |its )?(?:sales )?agent\b|"
                           r"\bsales agreement\b" + _UPTO_NAMES + r"{0,300}?\bfrom time to time\b" + _UPTO_NAMES
                           + r"{0,200}?\b(?:to or through|through) the (?:sales )?agent\b)", re.I)
"""Listed notes sold at the market: the words, the agreement's name ("at-the-market sales agreement"), or notes offered
"from time to time ... to or through the Agent" under a sales agreement, or "from time to time through B. Riley Securities,
Inc. as our sales agent"."""
_DEEMED_UNDERWRITER_RE = re.compile(r"\bdeemed\s+(?:to\s+be\s+)?(?:an?\s+)?[\"'\u201c]?$", re.I)
_UNDERWRITTEN_RE = re.compile(r"\bunderwriters?\b|\bpricing supplement\b|\bmarket measure|\bdealer[- ]manager\b", re.I)
_COVER_START_RE = re.compile(r"^(?:prospectus supplement|prospectus|pricing supplement|supplement no\.|\(to (?:the )?prospectus)", re.I)


def is_atm_sentence(text: str) -> bool:
    """A sentence that names an ATM agreement or the at-the-market offering at all."""
    # Substring tests first: most sentences of a prospectus name no agreement and no ATM.
    low = text.lower()
    named = "sales agent" in low or "continuous" in low or "controlled equity" in low  # words of _PROGRAM_NOUN_RE alone
    if not named and "agent" in low and ("as our agent" in low or "as agent" in low or "acting as" in low or "(the" in low):
        named = True  # AGENT_ROLE_NAMED_RE (names_program decides)
    if ("agreement" not in low and "market" not in low and "atm" not in low and "415(a)(4)" not in low and not named
            and "net asset value" not in low):
        return sold_through_firms(text)
    return bool(ATM_WORDS_RE.search(text) or AGREEMENT_RE.search(text)
                or (named and (_PROGRAM_NOUN_RE.search(text) or AGENT_ROLE_NAMED_RE.search(text))) or sold_through_firms(text))


_PROSPECTUS_NAMED_RE = re.compile(r"\s+prospectus\b", re.I)


def names_program(text: str, doc_atm: bool = False) -> bool:
    """A sentence that refers to a concrete ATM program, not generic base-prospectus talk.
    `doc_atm`: the document speaks of at-the-market offerings somewhere."""
    generic = bool(GENERIC_RE.search(text)) and not (find_agents(text) or DATE_RE.search(text))
    for m in AGREEMENT_RE.finditer(text):
        if generic and _INDEFINITE_RE.search(text[max(0, m.start() - 60):m.start()]):
            continue
        span = text[max(0, m.start() - 40):m.end() + 5]
        if NOT_ATM_AGREEMENT_RE.search(span):
            continue
        if _PROSPECTUS_NAMED_RE.match(text, m.end()):
            continue  # "our sales agreement prospectus dated ...": a prospectus, named after the agreement

        name = canonical_agreement(m.group(0)) or ""
        if name == "Distribution Agreement" and not (ATM_WORDS_RE.search(text) or re.search(r"sales agent|distribution agent|distributor|equity", text, re.I)
                                                     or MANAGER_AS_AGENT_RE.search(text) or _AGENTS_FOR_RESALE_RE.search(text)
                                                     or (doc_atm and (find_agents(text) or re.search(r"\bentered into\b", text))
                                                         and not re.search(r"\bnotes\b|debt securities|medium-term", text, re.I))):
            continue  # "Distribution Agreement" alone is also the MTN programs' word
        return True
    # A fund's program has no agreement noun on its cover: "The Fund currently intends to distribute the
    # shares offered pursuant to this prospectus supplement primarily through transactions deemed
    # 'at the market'".
    noun = _PROGRAM_NOUN_RE.search(text)
    if noun is not None and generic and re.search(r"agreement|program|facility", noun.group(0), re.I) \
            and _INDEFINITE_RE.search(text[max(0, noun.start() - 60):noun.start()]):
        noun = None  # "We may enter into an at-the-market sales agreement with one or more agents": one it may have
    if noun is not None or (ATM_WORDS_RE.search(text) and _THIS_PROSPECTUS_SALES_RE.search(text)):
        return True
    # "relate to the issuance and sale from time to time of ... having an aggregate offering price of up to $500,000,000
    # through Citigroup Global Markets Inc., as our sales agent": the program, by its named agent.
    return bool(_SOLD_THROUGH_AGENT_RE.search(text) and find_agents(text)) or sold_through_firms(text)


_NO_END = r"(?:[^.]|" + ABBREVIATION + r"|\.\d)"
"""Text within one sentence, firms' abbreviations and initials ("Goldman, Sachs & Co.", "J.P. Morgan") and decimals
("$0.01") included."""
_AGENTS_FOR_RESALE_RE = re.compile(
    r"\bfrom time to time\b" + _NO_END + r"{0,400}?\bas (?:our )?(?:sales )?agents?\b" + _NO_END + r"{0,200}?,\s+for resale\b", re.I)
"""The equity distribution cover that names no at-the-market words: shares offered "from time to time through
Goldman, Sachs & Co., as our sales agent, or to Goldman, Sachs & Co., for resale"."""


_SOLD_THROUGH_AGENT_RE = re.compile(
    r"\b(?:issuance|offer)\s+and\s+sale\s+from\s+time\s+to\s+time\b" + _NO_END + r"{0,400}?\bthrough\b" + _NO_END
    + r"{0,200}?\bas (?:our )?(?:sales )?agents?\b", re.I)


SOLD_THROUGH_FIRMS_RE = re.compile(
    r"(?i:\b(?:issuance|offer)\s+and\s+sale\s+from\s+time\s+to\s+time\s+of\s+(?P<what>[^.$]{0,250}?)\baggregate\s+"
    r"(?:gross\s+)?(?:sales?\s+proceeds|offering\s+price|sales\s+price|gross\s+proceeds)\s+of\s+up\s+to\s+(?:US)?\$\s?[\d,.]+"
    r"(?:\s*(?:million|billion))?,?\s+(?:from\s+time\s+to\s+time\s+)?(?:to\s+or\s+)?through\s+)(?=[A-Z])")
"""An ATM cover cut before its agents' role and agreement: "relate to the offer and sale from time to time of shares of
our common stock ... having aggregate gross sale proceeds of up to $2,500,000,000 through Barclays Capital Inc., BNP
Paribas Securities Corp., ..." - an amount sold over time through named broker-dealers. A firm offering names a price
or a number of shares, not an aggregate "up to" sold "from time to time through" firms."""
_EQUITY_RE = re.compile(r"\b(?:shares|stock|common units|depositary)\b", re.I)


def _time_to_time(text: str) -> bool:
    # Substring tests: this runs on every sentence that names no agreement; lower() would cost a copy of each.
    return "time to time" in text or "Time to Time" in text or "TIME TO TIME" in text


def sold_through_match(text: str) -> re.Match[str] | None:
    """The first SOLD_THROUGH_FIRMS_RE for equity (not notes), with a firm the agent table knows right after "through"."""
    if not _time_to_time(text) or "through" not in text:
        return None
    for m in SOLD_THROUGH_FIRMS_RE.finditer(text):
        what = m.group("what")
        if _EQUITY_RE.search(what) and not _NOT_SALES_AGENT_RE.search(what) \
                and find_agents(text[m.end():m.end() + 80]):
            return m
    return None


def sold_through_firms(text: str) -> bool:
    return sold_through_match(text) is not None


def names_program_by_agent(text: str, doc_atm: bool) -> bool:
    """A named firm as the issuer's agent in an at-the-market document (AGENT_ROLE_NAMED_RE): the
    program without its agreement's name. Asked only when no sentence names the program otherwise
    (find_agents is the costly part)."""
    return bool((doc_atm or _AGENTS_FOR_RESALE_RE.search(text)) and AGENT_ROLE_NAMED_RE.search(text)
                and not _NOT_SALES_AGENT_RE.search(text)
                and (ATM_WORDS_RE.search(text) or re.search(r"from time to time|sales agent|\(the [\"\u201c]?agent", text, re.I))
                and find_agents(text))


def cover(doc: Document) -> Window:
    """The cover page: from the "PROSPECTUS SUPPLEMENT" line (skipping a fee table before
    it) up to the table of contents, at most about 6,000 characters."""
    paragraphs = doc.paragraphs
    start = first = 0
    for i, (_, p) in enumerate(paragraphs[:80]):
        if _COVER_START_RE.match(p):
            start, first = max(0, i - 2), i
            break
    out, size = [], 0
    for k, (offset, p) in enumerate(paragraphs[start:], start):
        low = p.lower()
        if size > 1200 and (low.startswith("table of contents") or low.startswith("about this prospectus")):
            break
        out.append((offset, p))
        if k >= first:
            # The two paragraphs kept before the start line (a fee table's notes, which can be
            # long) do not use up the cover's length: a mirror's "Table of Contents" page header
            # after them would end the cover before its first line.
            size += len(p) + 1
        if size > 6000:
            break
    return Window(out, "\n")


_BARE_OFFERING_RE = re.compile(r"we are offering (?:shares of )?(?:our )?(?:common stock|common shares|shares)"
                               r"(?:\s*\([^()]{0,60}\))?\s*\.", re.I)
"""A fund cover's opening line that names what is sold and nothing of how: it decides no mechanism, so the
agreement that follows does."""


_NO_PROCEEDS_RE = re.compile(
    r"\b(?:we|the company) will not receive any (?:of the )?(?:net )?proceeds (?:from|of) (?:any |the )?(?:sales?|offers?|resales?)\b"
    r"(?![^.]{0,120}\b(?:borrowed|forward)\b)", re.I)
"""Someone else sells at the market ("UMB may offer and sell up to 1,500,000 shares ... We will not receive any of the
proceeds from any sales of common stock by BofA"): a resale, not the issuer's program. A forward seller's borrowed
shares ("we will not receive any proceeds from the sale of borrowed shares by the forward sellers") are the issuer's."""


_LIFECYCLE_COVER_RE = re.compile(
    r"\b(?:terminat(?:e|ed|es|ing)|suspend(?:ed|s|ing)?|discontinu(?:e|ed|ing))\s+(?:the\s+|our\s+|its\s+|that\s+certain\s+)?"
    r"(?:[\w-]+\s+){0,4}?(?:sales|distribution|sale|offering|atm|sales\s+agency)\s+agreement\b", re.I)
_LIFECYCLE_PASSIVE_COVER_RE = re.compile(
    r"\b(?:sales|distribution|sale|offering|atm|sales\s+agency)\s+agreement\b[^.;]{0,160}?\b(?:(?:was|were|has\s+been|have\s+been|"
    r"had\s+been)\s+(?:terminated|cancell?ed|suspended|discontinued)|(?:has\s+|had\s+)?expired|terminated\s+by\s+its\s+(?:own\s+)?terms)\b",
    re.I)
"""The cover ends or halts the agreement itself ("terminating the Open Market Sale Agreement", "we terminated our Equity
Distribution Agreement"), or says it ended ("Our Sales Agreement with Roth ..., dated June 1, 2023, was terminated on June
1, 2025", "... expired by its terms on June 1, 2025")."""


def is_program_prospectus(head: str) -> bool:
    """The cover's first offering mechanism is the ATM (not a firm offering that mentions one), and the issuer sells."""
    atm = ATM_OFFER_RE.search(head) or sold_through_match(head)
    if atm is None:
        # A notice that only ends or halts the program ("we delivered written notice to Jefferies LLC terminating the
        # Open Market Sale Agreement"): the program's own, when the cover offers nothing else.
        return bool(_LIFECYCLE_COVER_RE.search(head) or _LIFECYCLE_PASSIVE_COVER_RE.search(head)) \
            and FIRM_OFFER_RE.search(head) is None
    if "not receive" in head and _NO_PROCEEDS_RE.search(head):
        return False
    firm = None
    for cand in FIRM_OFFER_RE.finditer(head):
        # "We are offering up to 25,000,000 common shares ... through Jefferies LLC as sales
        # agent": a firm-sounding verb whose own sentence describes an ATM is not a firm deal.
        sentence_end = head.find(". ", cand.end())
        sentence = head[cand.start():sentence_end if sentence_end > 0 else len(head)]
        if cand.group(0).lower().startswith("we are offering") and re.search(
                r"sales agents?|at[\s-]the[\s-]market|(?:sales|distribution|sale) agreement", sentence, re.I):
            continue
        if _BARE_OFFERING_RE.match(sentence + "."):
            continue  # "We are offering shares of our common stock (“Common Stock”).": no count, no price, no mechanism
        if _NOTES_WORD_RE.match(cand.group(0)) and _ATM_NOTES_RE.search(head) and not _underwritten(head):
            continue  # listed notes sold at the market ("7.75% Notes due 2029" through a sales agent)
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


def _underwritten(head: str) -> bool:
    """Underwriters, a pricing supplement or a dealer-manager on the cover; an ATM agent that "may be
    deemed to be an 'underwriter'" is not one."""
    return any(not _DEEMED_UNDERWRITER_RE.search(head, max(0, m.start() - 40), m.start())
               for m in _UNDERWRITTEN_RE.finditer(head))


_OWN_REGISTRATION_RE = re.compile(r"\b(?:Registration(?: Statement)?|File)\s+No\.?:?\s*(333-\d+)", re.I)
_PRIOR_SHELF_RE = re.compile(r"\b(?:prior|previous|earlier|former)\s+prospectus(?:\s+supplement)?\b[^.]{0,200}?\b(?:Registration(?: Statement)?|File)"
                             r"\s+No\.?:?\s*(333-\d+)", re.I)
"""The earlier supplement tied to its own shelf ("that prior prospectus supplement and accompanying base prospectus
contained in our Registration Statement on Form S-3 (File No. 333-239318)"); sales made "pursuant to our prior
registration statement" say nothing of which shelf the amended supplement belongs to."""


def moves_to_new_shelf(text: str) -> bool:
    """The cover replaces a prospectus supplement of an earlier shelf: a prior prospectus "contained in our Registration
    Statement on Form S-3 (File No. 333-239318)" while this supplement is filed under Registration No. 333-261049. Such a
    supplement re-registers the program under the new shelf; it is not a notice that amends the program."""
    own = _OWN_REGISTRATION_RE.search(text[:600])
    if own is None:
        return False
    return any(m.group(1) != own.group(1) for m in _PRIOR_SHELF_RE.finditer(text))


AMENDMENT_COVER_RE = re.compile(
    r"\bamendment\s?no\. ?\d+\s+(?:dated\s+[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s+)?to (?:the |our )?prospectus supplement\b|"
    r"\bthis amendment(?:\s?no\. ?\d+)?\b[^.]{0,120}?\bamends\b[^.]{0,80}?\bprospectus supplement\b|"
    + _UNNUMBERED_AMENDMENT_TITLE, re.I)
"""The document is itself an amendment of the program's prospectus supplement ("AMENDMENT NO. 1 DATED June 1, 2020 To
Prospectus Supplement dated March 27, 2020", "This Amendment No. 1 to Prospectus Supplement ... amends our prospectus
supplement dated ...", a cover line "Amendment to Prospectus Supplement" with no number): unlike a supplement that only adds a sales figure ("Supplement No. 2", "This prospectus
supplement supplements ..."), it changes the program's prospectus even when its text names no new amount."""


def is_amendment(head: str) -> bool:
    """The cover calls the document an amendment of a prospectus supplement (AMENDMENT_COVER_RE)."""
    return bool(AMENDMENT_COVER_RE.search(head))


def notice(head: str, doc_date: date | None) -> re.Match[str] | None:
    """The words by which the cover amends an ATM prospectus supplement (SUPPLEMENT_NOTICE_RE), if it does. A cover
    "(To Prospectus Supplement dated August 14, 2023)" is a later notice only when the document's own date is later:
    an annex "(To Prospectus Supplement Dated November 4, 2025 ...)" filed with that supplement, or one whose date
    is not known, supplements it without changing it."""
    for m in SUPPLEMENT_NOTICE_RE.finditer(head):
        supplemented = m.group("supplemented")
        if supplemented is not None:
            earlier = parse_date(supplemented)
            if doc_date is None or earlier is None or earlier >= doc_date:
                continue
        return m
    return None


COVER_DATED_RE = re.compile(
    r"(?:^|\n|[\"\u201d]\)[ \t]+)[ \t]*(?:this )?(?:prospectus supplement|supplement|amendment)(?:\s+amendment)?(?:\s+no\.\s?\d+)?(?: to (?:the )?prospectus supplement)?"
    r",?[ \t]+dated\s+(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})", re.I)
"""A cover line that dates the document itself: "Prospectus Supplement dated February 22, 2023",
"Amendment No. 1 dated November 24, 2023", "Prospectus Supplement Amendment No. 1 dated ...", "Supplement No. 2 dated May 3, 2024", "This supplement no. 1
dated January 7, 2022, or this supplement, supplements ...". It must open its line (or follow the issuer's defined
name where a mirror ran the cover's lines together: "... Income Fund (the "Fund") Supplement dated September 30, 2021"): "(To Prospectus Supplement dated ...)" dates an earlier document."""


FLAT_COVER_DATED_RE = re.compile(
    r"\b(?:Registration(?: Statement)?|File) No\.?\s*333-\d+\s+(?:prospectus supplement\s+)?(?:(?:prospectus )?supplement|amendment)"
    r"(?:\s+no\.\s?\d+)?,?\s+dated\s+(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})", re.I)
"""COVER_DATED_RE where a mirror page ran the cover's lines together: the dated line right after the registration
number ("Registration No. 333-258322 AMENDMENT NO. 1 DATED NOVEMBER 30, 2021 To Prospectus Supplement ...")."""


COVER_DATE_CELL_RE = re.compile(
    r"(?:^|\n)[ \t]*prospectus supplement\b(?:[^\n]{0,200}?\|[ \t|]*|(?:\n[ \t]*\([^\n]{0,200})*\n[ \t]*)"
    r"(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,\s*\d{4})[ \t]*(?:\||\n|$)", re.I)
"""The supplement's date in a cell or line of its own under the cover's heading: "PROSPECTUS SUPPLEMENT (To
Prospectus dated June 7, 2021 ...) | | August 17, 2021 |", or "PROSPECTUS SUPPLEMENT / (To Prospectus dated
June 7, 2021) / December 12, 2022" (the dates in parentheses are earlier documents')."""


BASE_DATED_RE = re.compile(r"\(\s*to\s+(?:the\s+)?(?:base\s+)?prospectus,?\s+dated\s+(?P<date>[A-Z][a-z]+\.?\s*\d{1,2}\s*,?\s*\d{4})", re.I)
"""The cover's "(To Prospectus dated October 30, 2023)": the base prospectus this supplement goes with."""


def cover_amount(cover: str) -> tuple[Decimal, int, int] | None:
    """The cover's dollar amount line ("Up to $30,000,000"): value and offsets into the cover."""
    m = cover_cap(cover)
    value = money(m) if m else None
    if m is None or value is None:
        return None
    return value, dollar_start(cover, m.start("num")), m.end("num")


def supplemented_date(cover: str) -> date | None:
    """The date of the program's earlier supplement a notice's cover says it supplements ("(To Prospectus Supplement dated
    September 26, 2024 to Prospectus dated August 16, 2024)", SUPPLEMENT_NOTICE_RE's "supplemented"): what was dated by then
    is that supplement's news."""
    for m in SUPPLEMENT_NOTICE_RE.finditer(cover):
        if m.group("supplemented") is not None:
            return parse_date(m.group("supplemented"))
    return None


def base_prospectus_date(cover: str) -> date | None:
    """The base prospectus's date on the cover: the earliest this supplement can be dated."""
    m = BASE_DATED_RE.search(cover)
    dm = DATE_RE.search(m.group("date")) if m else None
    return to_date(dm) if dm else None


_AS_OF_RE = re.compile(r"\b(?i:as of)\s+(?=[A-Z])|\b(?:On|on)\s+(?=[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4},?\s+the\s+(?:last\s+reported|closing))|"
                       r"\b(?i:(?:last\s+reported|closing)\s+(?:sales?\s+)?price\b[^.]{0,80}?\bon)\s+(?=[A-Z])")


def earliest_date(cover: str) -> date | None:
    """The earliest this supplement can be dated: its base prospectus's date, or a later date its
    cover reports figures "as of" ("As of June 11, 2021, 10,589,001 Common Shares have been sold",
    "As of May 31, 2021, the last reported sale price") or a last reported price on ("On February 11, 2021
    the last reported sale price", "the closing price of our shares on October 25, 2022"): a supplement is
    never older than any of them."""
    found = [d for d in (base_prospectus_date(cover),) if d is not None]
    for m in _AS_OF_RE.finditer(cover):
        dm = DATE_RE.match(cover, m.end())
        day = to_date(dm) if dm else None
        if day is not None:
            found.append(day)
    return max(found) if found else None


def _own_cover_dated(head: str) -> re.Match[str] | None:
    """COVER_DATED_RE, skipping a line that only continues the "(To Prospectus dated May 19, 2025 and" parenthetical of the
    line before ("Prospectus Supplement dated July 9, 2025)"): that dates the earlier document."""
    for m in COVER_DATED_RE.finditer(head):
        before = head[max(0, head.rfind("\n", 0, max(0, m.start("date") - 1)) - 200):m.start("date")]
        if before.rfind("(") > before.rfind(")"):
            continue
        return m
    return None


def document_date(text: str) -> date | None:
    """The date the cover gives itself: DOC_DATE_RE ("The date of this prospectus supplement is
    ..."), else a dated cover line near the top (COVER_DATED_RE)."""
    found = document_date_span(text)
    return found[0] if found else None


def document_date_span(text: str) -> tuple[date, Span] | None:
    """document_date with where the text says it."""
    m = (DOC_DATE_RE.search(text[:400_000]) or _own_cover_dated(text[:3000]) or COVER_DATE_CELL_RE.search(text[:1500])
         or FLAT_COVER_DATED_RE.search(text[:1500]))
    if m:
        dm = DATE_RE.search(m.group("date"))
        day = to_date(dm) if dm else None
        if dm is not None and day is not None:
            start = m.start("date") + dm.start()
            return day, Span(start, start + len(dm.group(0)))
    return None
