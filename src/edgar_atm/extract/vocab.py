"""Words every rule shares: what marks a sentence as being about an at-the-market program,
and agreements that are never ATM sales agreements."""

from __future__ import annotations

import re

NAV_FLOOR = (r"\bminimum price on any (?:given )?(?:day|date) at which (?:[\w'\u2019-]+\s+){1,5}(?:may|will|can) be (?:sold|issued)\b"
             r"[^.]{0,40}?\bnot be less than\b[^.]{0,30}?\bnet asset value")
"""A closed-end fund's daily price floor ("The minimum price on any day at which Common Shares may be sold will not
be less than the current net asset value per share plus ... the commission"): only shares sold into the market day
by day have a price on any day, so the sentence is the fund's at-the-market offering even where the page stops
before it says "at the market"."""
SERVICE_MARK = r"\s*(?:tm|sm|\(tm\)|\(sm\)|\u2122|\u2120)?"
"""A service or trade mark glued to a program's name ("Controlled Equity OfferingSM", "Capital on Demand\u2122")."""
ATM_BRAND = r"\bcontrolled\s+equity\s+offering" + SERVICE_MARK
"""Cantor's name for its at-the-market programs ("In accordance with the terms of the Controlled Equity Offering(SM)
sa[les agreement]", "our Controlled Equity Offering program"): the program named, even where a page stops before the
agreement noun."""
ATM_WORDS_RE = re.compile(r"at[\s-]the[\s-]market|\bATM\b|415\(a\)\(4\)|continuous (?:equity )?offering program|" + NAV_FLOOR, re.I)
"""The offering itself named: "at-the-market", "ATM", "Rule 415(a)(4)", "continuous offering program", a fund's
daily price floor (NAV_FLOOR). (Cantor's ATM_BRAND is a program noun of role's, asked only where a sentence says
"controlled equity": this pattern also runs over whole documents.)"""

AGENT_ROLE_RE = re.compile(r"\b(?:sales agents?|agents?|managers?|forward sellers?)\b", re.I)
"""The roles agents are given in a defining sentence ("as sales agents", "each, a Manager")."""

NOT_ATM_AGREEMENT_RE = re.compile(
    r"(?:securities|stock|share|common stock|equity)\s+purchase\s+agreement|underwriting\s+agreement|"
    r"placement\s+agency\s+agreement|dealer[\s-]manager\s+agreement|purchase\s+agreement|lincoln\s+park|"
    r"receivables?\s+(?:sale|purchase)|purchase\s+and\s+sale|gas\s+sales|lng\s+sales|power\s+sales|conditional\s+sales|"
    r"standby\s+equity\s+(?:distribution|purchase)\s+agreement|\bSEDA\b|\bSEPA\b",
    re.I,
)
"""Agreements that share words with an ATM agreement but are not one (purchase, underwriting,
placement agency, dealer-manager agreements; commodity "sales agreements"; a "Standby Equity
Distribution Agreement" (SEDA) or "Standby Equity Purchase Agreement" is an equity line)."""

ABBREVIATION = r"\b(?:Co|Inc|Corp|Ltd|Bros|[A-Za-z])\."
"""A period that ends no sentence: a firm's abbreviation or an initial ("Goldman, Sachs & Co.", "J.P. Morgan"), for
patterns that must stay within one sentence."""

