"""The cheap first gate: can these bytes possibly be about an ATM program?

It runs on the raw bytes before any HTML parsing. A filing passes when it mentions an
at-the-market offering (in any spelling, including entity-separated words), Rule
415(a)(4), an ATM agreement noun (also "distribution agency" and "sales and registration"
agreements), a "continuous (equity) offering program", a fund's daily price floor, a fund's distributor or sub-placement agent, Managers selling "as our agent" (or a firm selling
shares "as our sales agent") under a "Distribution Agreement", or a fee table's "Sales Agents' commission". Bank structured notes on 424B2 mention none of
these ("distribution agreement" alone is deliberately not enough: MTN programs use it),
so they are rejected after one lower-casing pass and a few substring searches.
"""

from __future__ import annotations

import re

from .text import looks_like_html

_LITERALS = (
    b"415(a)(4)", b"equity distribution agreement",
    b"sales agreement", b"open market sale", b"at market issuance", b"controlled equity offering",
    b"capital on demand", b"sales agency agreement", b"sales agency financing agreement", b"atm program", b"atm offering",
    b"minimum price on any",  # a fund's daily NAV floor (vocab.NAV_FLOOR), its cover cut before "at the market"
)
# Words separated by markup, entities or odd spaces ("at&nbsp;the&#8209;market").
_SEP = rb"(?:\s|-|&nbsp;|&#160;|&#xa0;|&#8209;|&#8208;|&#8211;|&#x2011;|&#45;|\xc2\xa0|\xe2\x80[\x90\x91\x93]|\xa0|<[^>]{0,300}>)+"
# Checked only in the bytes just before each "market" / "agreement": a regex over the whole
# document would cost ten times the rest of the gate.
_BEFORE_MARKET_RE = re.compile(rb"\bat" + _SEP + rb"the" + _SEP + rb"$")
_BEFORE_AGREEMENT_RE = re.compile(rb"(?:\bsales|\batm[\"'\x9d]?|\bequity" + _SEP + rb"distribution|\bdistribution" + _SEP + rb"agency|"
                                  rb"\bsales" + _SEP + rb"agency" + _SEP + rb"financing|\bsales" + _SEP + rb"and"
                                  + _SEP + rb"registration)" + _SEP + rb"$")
_BEFORE_PROGRAM_RE = re.compile(rb"\bcontinuous" + _SEP + rb"(?:equity" + _SEP + rb")?offering" + _SEP + rb"$")
_WINDOW = 400


# "Distribution Agreement" is also the MTN programs' word; with "Managers" acting "as our agent"
# (equity distribution programs) or a fee table's "Sales Agents' commission" it is worth a parse.
_MANAGER_AGENT = (b"as our agent", b"as our sales agent", b"as sales agent", b"as agent for us", b"as the sales agents",
                  b"as our distribution agent", b"exclusive sales agent",
                  # the firm defined as the "Sales Agent" ("J.P. Morgan Securities LLC (which we refer to as the “Sales Agent”)")
                  b"\xe2\x80\x9csales agent", b'"sales agent', b"&#8220;sales agent", b"&ldquo;sales agent")
# A closed-end fund's program: shares sold "from time to time through the Distributor" or through
# a dealer "as sub-placement agent" under the fund's distribution agreement (its cover may be cut
# before the at-the-market words).
_FUND_DISTRIBUTOR = (b"from time to time through the distributor", b"sub-placement agent")
_EQUITY_WORDS = (b"common stock", b"shares of", b"common units", b"depositary shares")
_AGENT_EQUITY_WORDS = _EQUITY_WORDS + (b"common shares",)
_SALES_AGENT_FEE_RE = re.compile(rb"sales" + _SEP + rb"agents?(?:'|&#8217;|&#x2019;|\xe2\x80\x99|&rsquo;)s?" + _SEP + rb"(?:commission|compensation|fee)")


def may_be_atm(data: bytes) -> bool:
    """True when full parsing is worthwhile. False is certain: nothing ATM-like is there. A plain-text filing
    wraps its lines ("separate distribution\nagreements"): when the bytes as they are show nothing, they are
    asked again with every run of whitespace made one space."""
    low = data.lower()
    if _hit(low):
        return True
    if (b"\n" not in low and b"\t" not in low and b"  " not in low) or looks_like_html(low):
        # An HTML source's line breaks fall inside tags and text alike, but the words a wrapped HTML line splits
        # are the ones _preceded already reads across any whitespace; only plain text needs the second look
        # (and the structured notes of the daily mix, all HTML, do not pay for it).
        return False
    # bytes.replace runs at memory speed; the checks that already allow any whitespace (_preceded) are not repeated.
    flat = low.replace(b"\r", b" ").replace(b"\n", b" ").replace(b"\t", b" ")
    while b"  " in flat:
        flat = flat.replace(b"    ", b" ").replace(b"  ", b" ")
    return _hit(flat, spaced=False)


def _hit(low: bytes, *, spaced: bool = True) -> bool:
    for literal in _LITERALS:
        if literal in low:
            return True
    if _managers_as_agents(low) or _agents_for_resale(low):
        return True
    if b"sales agent" in low and _SALES_AGENT_FEE_RE.search(low):
        return True
    if b"sale from time to time of" in low and _sold_through_firms(low):
        return True
    if not spaced:
        return False
    # "at the market" needs a word boundary ("...that the market prices" is not it).
    return (_preceded(low, b"market", _BEFORE_MARKET_RE) or _preceded(low, b"agreement", _BEFORE_AGREEMENT_RE)
            or (b"continuous" in low and _preceded(low, b"program", _BEFORE_PROGRAM_RE)))


def _managers_as_agents(low: bytes) -> bool:
    """A "Distribution Agreement" with a Manager acting "as our agent" near it, or a firm "as our
    sales agent" for shares of stock (one sentence either side): searched around each mention,
    not over the whole document. MTN programs sell notes through their agents, so a window that
    speaks of notes needs the Manager wording."""
    pos = low.find(b"distribution agreement")
    if pos >= 0 and any(m in low for m in _FUND_DISTRIBUTOR):
        return True
    while pos >= 0:
        near = low[max(0, pos - 600):pos + 600]
        if any(m in near for m in _MANAGER_AGENT) and (
                b"manager" in near
                or ((b"sales agent" in near or b"distribution agent" in near)
                    and any(w in near for w in _AGENT_EQUITY_WORDS) and b"notes" not in near)):
            return True
        pos = low.find(b"distribution agreement", pos + 22)
    return False


_AS_AGENTS = (b"as our sales agent", b"as our agent", b"as sales agent", b"as our sales agents", b"as our agents")


def _agents_for_resale(low: bytes) -> bool:
    """The equity distribution cover of 2009-2012, which may name no agreement and no at-the-market words: shares
    offered "from time to time ... through Goldman, Sachs & Co., as our sales agent, or to Goldman, Sachs & Co., for
    resale". Notes sold through agents for resale (MTN programs) say "notes" in the same window."""
    pos = low.find(b"for resale")
    while pos >= 0:
        near = low[max(0, pos - 600):pos + 200]
        if (b"from time to time" in near and any(a in near for a in _AS_AGENTS) and b"notes" not in near
                and any(w in near for w in _AGENT_EQUITY_WORDS)):
            return True
        pos = low.find(b"for resale", pos + 10)
    return False


_THROUGH_FIRMS_RE = re.compile(rb"\baggregate" + _SEP + rb"(?:gross" + _SEP + rb")?(?:sales?|offering|gross)" + _SEP
                               + rb"(?:proceeds|price)" + _SEP + rb"of" + _SEP + rb"up" + _SEP + rb"to" + _SEP
                               + rb"(?:us)?\$" + rb"[\d,.]+(?:" + _SEP + rb"(?:million|billion))?,?" + _SEP
                               + rb"(?:from" + _SEP + rb"time" + _SEP + rb"to" + _SEP + rb"time" + _SEP + rb")?"
                               + rb"(?:to" + _SEP + rb"or" + _SEP + rb")?through" + _SEP)


def _sold_through_firms(low: bytes) -> bool:
    """The ATM cover cut before its agents' role (role.SOLD_THROUGH_FIRMS_RE): shares sold "from time to time" for an
    aggregate "of up to $X through" firms; the parse decides whether the firms are broker-dealers."""
    pos = low.find(b"sale from time to time of")
    while pos >= 0:
        near = low[pos:pos + 700]
        if b"through" in near and b"notes" not in near and _THROUGH_FIRMS_RE.search(near):
            return True
        pos = low.find(b"sale from time to time of", pos + 25)
    return False


def _preceded(low: bytes, word: bytes, pattern: re.Pattern[bytes]) -> bool:
    pos = low.find(word)
    while pos >= 0:
        if pattern.search(low, max(0, pos - _WINDOW), pos):
            return True
        pos = low.find(word, pos + len(word))
    return False
