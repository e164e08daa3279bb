"""sales_reported: cumulative sales under the program to a date (explicit zero included).

Ways filings say it: "As of X, we have sold N shares ... for aggregate gross proceeds of $Y";
"we had not sold any shares under the Sales Agreement"; "no shares have been sold"; "N shares
were sold"; "we previously sold"; remaining capacity in the same or the next sentence
("$Z remains available", "leaving $Z").

Not a report: sales windows for I.B.6 or a quarter ("during the 12 months"), dilution
arithmetic ("assuming all shares were sold"), conditionals ("if no shares have been sold"),
future or possible sales ("may sell"), underwriters and placement agents.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from .. import when
from ..agents import find_agents
from ..agreements import AGREEMENT_RE, name_start, written_agreement
from ..amounts import DOLLAR, MONEY_RE, as_dollars, money, shares
from ..dates import DATE_RE, MONTH_NAME, to_date
from ..model import Detection, Document, Program, Sentence, Span, Window, dollar_start, norm
from ..vocab import ABBREVIATION, ATM_WORDS_RE, NOT_ATM_AGREEMENT_RE

_NO_NAMED_SHARES_SOLD = r"\bno\s+(?:[A-Z][\w-]*\s+){1,3}(?:Shares|Stock|Units)\s+(?:were|was|have\s+been|had\s+been)\s+(?:issued\s+(?:or|and)\s+)?sold\b"
"""An explicit zero naming the security: "no Common Shares were sold" (in both SALES_RE and ZERO_SALES_RE)."""

_FIRM_TEXT = r"(?:[^.;$\d]|" + ABBREVIATION + ")"
"""Text naming the firms sales went through: no sentence end, amount or figure, but "Goldman, Sachs & Co." may
stand in it ("we sold, through Goldman, Sachs & Co. (Goldman Sachs), as our sales agent, or to Goldman Sachs, for
resale, an aggregate of 38,491,650 shares")."""
SALES_RE = re.compile(
    r"\b(?:have|has|had)\s+(?:previously\s+|already\s+|collectively\s+)?(?:offered\s+and\s+)?(?:issued\s+and\s+)?sold(?![a-z])|"
    r"\b(?:have|has|had)\s+not\s+(?:yet\s+)?(?:offered\s+(?:or|and)\s+)?(?:issued\s+(?:or|and)\s+)?sold\s+any\b|"
    r"\bno\s+(?:shares|sales)\b[^.]{0,80}?\b(?:have|has|had)\s+(?:yet\s+)?been\s+(?:sold|made)\b|"
    + _NO_NAMED_SHARES_SOLD + r"|"
    r"\brelates?\s+to\s+(?:the\s+)?sales?\s+made\b(?=(?:[^.;$]|\.\d){0,160}?\bof\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,4}?(?:shares|ADSs|units)\b)|"
    r"\bsold\s+no\s+shares\b|\b(?:we|the\s+(?:company|fund|trust|partnership))\s+sold\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,]+\s+(?:(?:common|ordinary|preferred)\s+)?(?:shares|ADSs|units)\b|\b(?:we|the\s+(?:company|fund|trust|partnership))\s+sold\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+|approximately\s+)?" + DOLLAR + r"|\bwe\s+(?:have\s+)?sold,?\s+(?:through|to|via)\s+" + _FIRM_TEXT + r"{1,160}?(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,3}?shares|\b(?:were|was|have been|had been) (?:issued and |offered and )?sold\b|"
    r"\bpreviously\s+(?:issued\s+and\s+|offered\s+and\s+)?sold\b|\b(?:did|has|have)\s+not\s+(?:yet\s+)?(?:issue\s+or\s+)?sell\s+any\b|"
    r"\b(?:we|the\s+(?:company|fund|trust|partnership))\s+(?:has\s+|had\s+)?(?:issued\s+and\s+|offered\s+and\s+)sold\b|"
    r"\bcompleted\s+the\s+sale\s+of\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,3}?(?:shares|ADSs|units)\b|"
    r"\b(?:have|has|had)\s+(?:previously\s+)?issued\s+(?:a total of\s+|an aggregate of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,4}?(?:shares|ADSs|units)\b|"
    r"\b(?:we|the\s+(?:company|fund|trust|partnership))\s+issued\s+(?:a total of\s+|an aggregate of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,4}?"
    r"(?:shares|ADSs|units)\b(?=[^.;]{0,80}?\b(?:under|pursuant\s+to|through)\s+(?:the|our|this)\b[^.;]{0,60}?"
    r"(?:[Aa]greement|[Pp]rogram|at[\s-]the[\s-]market|ATM))|"
    r"\bfrom\s+the\s+(?:issuance\s+and\s+)?sale\s+of\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,4}?(?:shares|ADSs|units)\b|"
    r"\bhas\s+been\s+(?:issued\s+and\s+|offered\s+and\s+)?sold\b|"
    r"\b(?:have|has|had)\s+been\s+issued\b(?=[^.;]{0,60}?\b(?:under|pursuant\s+to|through)\s+(?:the|our|this)\b[^.;]{0,60}?"
    r"(?:[Aa]greement|program|at[\s-]the[\s-]market|ATM))|"
    r"\b(?:have|has|had)\s+(?:previously|already|to date)\s+been\s+(?:issued\s+and\s+|offered\s+and\s+)?sold\b|"
    r"\bof\s+which\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?[\d,.]+(?:\s*million)?\s+(?:[\w.%-]+\s+){0,5}?(?:shares|ADSs|units)\b"
    r"[^.;$]{0,60}?\b(?:have|has|had)\s+been\s+issued\b|"
    r"\bsales\s+of\s+(?:[^.;]|\.\d){0,160}?\b(?:have|has|had)\s+been\s+(?:made|completed|effected)\b|"
    r"\b(?:have|has|had)\s+(?:made|effected|completed)\s+sales\s+of\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+|approximately\s+)?"
    r"(?:[\d,.]+(?:\s*million)?\s+(?:[\w-]+\s+){0,4}?(?:shares|ADSs|units)\b|" + DOLLAR + r")|"
    r"\b(?:have|has|had)\s+(?:received|generated|raised|realized)\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\s+of\s+"
    r"(?:[^.;]|\.\d){0,80}?\bfrom\s+(?:the\s+)?(?:sales?|issuance)\b|"
    r"\b(?:we|the\s+company)\s+(?:received|generated|raised|realized)\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\s+of\s+"
    r"(?:[^.;]|\.\d){0,80}?\b(?:from|through)\s+(?:the\s+)?(?:sales?|issuance)\s+of\b|"
    r"\bsales\s+(?:under|pursuant\s+to|through)\s+(?:the|our)\s+(?:[\w-]+\s+){0,5}?(?:[Aa]greements?|[Pp]rogram|ATM)\b[^.;]{0,60}?"
    r"\btotal(?:ed|led)\s+(?:approximately\s+|an\s+aggregate\s+of\s+)?(?:" + DOLLAR + r"|[\d,]+\s+shares)|"
    r"\b(?:have|has|had)\s+(?:received|generated|raised|realized)\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\s+of\s+"
    r"(?:approximately\s+|about\s+)?" + DOLLAR + r"[\d,.]+(?:\s*(?:million|billion))?\s+(?:under|pursuant\s+to|through)\s+(?:the|our|this)\b|"
    r"\b(?:have|has|had)\s+not\s+(?:yet\s+)?(?:made|effected|completed)\s+any\s+sales\b|"
    r"\b(?:have|has|had)\s+not\s+(?:yet\s+)?issued\s+(?:or\s+sold\s+)?any\b(?=[^.;]{0,80}?\b(?:under|pursuant\s+to|through)\b)|"
    r"\b(?:have|has|had)\s+(?:received|generated|raised|realized)\s+(?:aggregate\s+|total\s+)?(?:approximately\s+|about\s+)?" + DOLLAR + r"[\d,.]+"
    r"(?:\s*(?:million|billion))?\s+(?:in|of)\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\b[^.;]{0,60}?"
    r"\b(?:from|through|by)\s+(?:the\s+)?(?:sales?|issuance)\b|"
    r"\b(?:includes?|including|reflects?|reflecting|after|following)\s+(?:the\s+)?(?:aggregate\s+|total\s+)?gross\s+proceeds\s+of\s+"
    r"(?:approximately\s+)?" + DOLLAR + r"[\d,.]+(?:\s*(?:million|billion))?\s+(?:received\s+)?from\s+(?:the\s+)?(?:sales?|issuance)\s+of\b|"
    r"\b(?:utiliz(?:ed|ation\s+of)|used|exhausted)\s+(?:approximately\s+|substantially\s+|nearly\s+)?(?:all\s+of\s+|the\s+full\s+|the\s+entire\s+)"
    r"[^.;]{0,20}?" + DOLLAR + r"[\d,.]+(?:\s*(?:million|billion))?\s+(?:of\s+)?(?:availability|capacity|available)",
    re.I,
)
"""The sales verb: "have sold", "had not sold any", "This prospectus supplement relates to sales made in at-the-market and
privately negotiated transactions for the week ending June 28, 2002 of an aggregate of 454,700 shares" (a pricing-period
report), "no shares have been sold", "were sold",
"we sold N shares" ("the Company sold N shares", "we sold N common shares"), "we sold $X", "we sold through X as our sales agent an aggregate of N shares", "we issued and sold"
("The Company issued and sold"), "we completed the sale of N shares", "we have issued N shares", "the Company issued N shares under the ATM program" (bare "issued" only under the program), "previously sold", "proceeds ... from
the sale of N shares", "$X of our common stock has been sold", "N shares had been issued under the Sales Agreement" (issued, only
under the program), "sales of N shares [with an aggregate offering price of $6.0 million] have been made",
"we have received gross proceeds of $X from sales of", "we have raised $X in gross proceeds through the sale of", "we have raised gross proceeds of $X under
the agreement", "we have effected (completed, made) sales of N shares", "we have not made any sales", "we have not issued any shares under the agreement", "our utilization of approximately the full $X
of availability" (the whole capacity used)."""

PROCEEDS_FIRST_RE = re.compile(
    DOLLAR + r"[\d,.]+(?:\s*(?:million|billion))?\s+(?:of|in)\s+(?:aggregate\s+|total\s+)?(?:gross\s+|net\s+)?proceeds\s+(?:that\s+|which\s+)?"
    r"(?:we|the\s+company)\s+(?:have|has|had)\s+(?:previously\s+|already\s+)?(?:received|generated|raised|realized)\s+"
    r"(?:from|for|through)\s+(?:the\s+)?(?:sales?|issuance)\b", re.I)
"""The sales verb after the proceeds it brought: "the approximately $2.7 million of gross proceeds we have received for
sales of our common stock". Apart from SALES_RE, whose branches all start on a word boundary: a branch starting on "$"
there made every search several times slower."""

UTILIZED_RE = re.compile(
    r"\b(?:utiliz(?:ed|ation\s+of)|used|exhausted)\s+(?:approximately\s+|substantially\s+|nearly\s+)?(?:all\s+of\s+|the\s+full\s+|the\s+entire\s+)"
    r"[^.;$]{0,20}?" + MONEY_RE.pattern + r"\s+(?:of\s+)?(?:availability|capacity|available)", re.I)
"""The capacity used up, as a sales figure: "utilization of approximately the full $300,000,000 of
availability" (gross sales of about that amount)."""

ZERO_SALES_RE = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:made|effected|completed)\s+any\s+sales\b|\bnot\s+(?:yet\s+)?issued\s+(?:or\s+sold\s+)?any\b(?=[^.;]{0,80}?\b(?:under|pursuant\s+to|through)\b)|"
    r"\bnot\s+(?:yet\s+)?(?:offered\s+(?:or|and)\s+)?(?:issued\s+(?:or|and)\s+)?sold\s+any\b|\bnot\s+(?:yet\s+)?(?:issue\s+or\s+)?sell\s+any\b|\bno\s+(?:shares|sales)\b[^.]{0,80}?\bbeen\s+(?:sold|made)\b|\bsold\s+no\s+shares\b|"
    + _NO_NAMED_SHARES_SOLD,
    re.I,
)
"""An explicit zero: "have not sold any", "no shares have been sold", "sold no shares", "we have not made any
sales", "we have not issued any shares under the agreement"."""

WINDOW_SALES_RE = re.compile(r"(?:12|twelve)[\s-](?:calendar[\s-])?months?|I\.B\.6|since such filing|"
                             r"\b(?:pursuant to|under) General(?:\s+Instruction\b|\s*$)", re.I)
"""Sales over a window (I.B.6 arithmetic), not cumulative program sales; sales counted "pursuant to General Instruction
I.B.6" are the shelf's, even where the page is cut after "General"."""
PERIOD_SALES_RE = re.compile(r"during the (?:three|six|nine) months|quarter ended", re.I)
"""A quarter's sales: not the program's sales to date, except in a supplement that updates the program's prospectus
(periodic=True) or a pricing-period supplement (its cover counts the shares sold), whose news they are ("PROSPECTUS
SUPPLEMENT NO. 3 ... This prospectus supplement supplements our prospectus supplement dated May 5, 2006 ... During the
quarter ended June 30, 2007, we sold 412,300 shares")."""
_ALL_OF_WHICH_RE = re.compile(r",\s+all\s+of\s+which\b|,?\s+(?:though|although|but|and)\s+none\s+of\s+(?:such|these|those|the|which)\b", re.I)
"""A closing clause that says when the counted shares were sold ("we have sold 1,903,880 shares ..., all of which
shares were sold ... during the three months ended March 31, 2019") or that they were not sold in a window ("...,
though none of such sales was made pursuant to General Instruction I.B.6"): its window qualifies a cumulative
figure."""


def _counted(t: str, after: int) -> str:
    """The sentence without a closing "all of which" clause after `after`: what was counted, and as of when."""
    c = _ALL_OF_WHICH_RE.search(t, after)
    return t[:c.start()] if c else t

YEAR_SALES_RE = re.compile(r"\b(?:in|during|for) (?:the )?(?:fiscal )?year ended\b|\b(?:in|during) (?:fiscal (?:year )?)?(?:19|20)\d\d\b", re.I)
"""Sales in a year ("In the year ended December 31, 2024, we sold N shares"): the program's sales to date when
nothing else is said (a program that began that year), but a later cumulative figure ("As of March 1, 2025, we had
sold an aggregate of ...") is the report."""

PREVIOUSLY_RE = re.compile(r"\bpreviously (?:entered into|filed)|\b(?:prior|previous|original|earlier) prospectus\b|"
                           r"\b(?:pursuant\s+to|under)\s+the\s+" + MONTH_NAME + r"\s+(?:\d{1,2}(?:,\s+\d{4})?|\d{4})\s+prospectus(?:\s+supplement)?\b|"
                           r"\b(?:pursuant\s+to|under)\s+the\s+prospectus\s+supplement,?\s+(?:dated|filed(?:\s+with\s+the\s+SEC)?\s+on)\s+"
                           + MONTH_NAME + r"\s+\d{1,2},\s+\d{4}", re.I)
"""Sales under a named earlier prospectus ("under the prior prospectus", "pursuant to the August 11 prospectus",
"under the March 2021 prospectus supplement", "pursuant to the prospectus supplement dated August 20, 2020", "an
earlier prospectus supplement")."""

GROSS_RE = re.compile(
    r"(?:aggregate\s+(?:gross\s+)?(?:(?:offering|sales|sale|purchase)\s+)?price|gross\s+(?:sales?\s+)?proceeds|aggregate\s+gross\s+proceeds|"
    r"aggregate\s+(?:offering|sales)\s+amount|aggregate\s+(?:gross\s+)?value(?=\s+of\b)|for\s+(?:total|aggregate)\s+(?:gross\s+)?(?:consideration|proceeds)|"
    r"for\s+(?:an\s+aggregate|a\s+total)\s+of(?=\s+(?:approximately\s+|about\s+)?" + DOLLAR + r"))"
    r"[^$.]{0,40}?(?:of\s+)?(?:approximately\s+|about\s+)?" + MONEY_RE.pattern,
    re.I,
)
"""Gross proceeds named before the amount: "aggregate gross proceeds of approximately $Y", "shares ... with an aggregate value
of $4.3 million" (not "aggregate market value", a public float), or the price of the shares
just counted: "sold 164,900 shares ... for an aggregate of $579,546" (only where a dollar figure follows at once, so
"for an aggregate of 500,000 shares at $2.00" is no proceeds)."""
GROSS_AFTER_RE = re.compile(MONEY_RE.pattern + r"\s+(?:in|of)\s+(?:aggregate\s+)?gross\s+(?:sales\s+)?proceeds", re.I)
"""Gross proceeds named after the amount: "$Y in gross proceeds"."""
GROSS_SOLD_RE = re.compile(
    r"\bsold\s+(?:a total of\s+|an aggregate of\s+|approximately\s+)*" + MONEY_RE.pattern
    + r"(?:\s+(?:of\s+|in\s+)?(?:our\s+)?(?:shares|ADSs|American Depositary Shares|common stock|common shares|ordinary shares|common units|units)\b"
    r"|(?=\s+(?:under|pursuant to|through)\s+(?:the|our|this)\b)"
    r"|(?=\s+(?:to\s+or\s+)?through\s+(?-i:[A-Z]))"
    r"|\s+(?:in\s+)?aggregate\s+principal\s+amount\s+of\s+(?:the|our)\b(?=[^.;]{0,80}?\b(?:under|pursuant to|through)\s+(?:the|our|this)\b)"
    r"|\s+of\s+(?:our\s+)?securities(?=\s+(?:under|pursuant to|through)\s+(?:the|our|this)\s+(?!General\s+Instruction)"
    r"(?:[\w-]+\s+){0,5}?(?:Agreements?|Program|ATM)\b))",
    re.I,
)
"""A dollar amount of securities sold: "sold an aggregate of $22.2 million ADSs", "sold $3.5 million of our
common stock", "we have sold $50.0 million under the prospectus", "we have sold approximately $7,000,000 through Ladenburg", "We have sold $1,840,337 of securities pursuant to the
Sales Agreement", listed notes' "sold $12,500,000 aggregate principal amount of the notes under the sales agreement" (not "... of securities pursuant to General Instruction I.B.6", which counts the shelf's sales)."""
GROSS_PASSIVE_RE = re.compile(
    MONEY_RE.pattern + r"\s+(?:of|in)\s+(?:our\s+)?(?:shares|ADSs|American Depositary Shares|common stock|common shares|ordinary shares|"
    r"common units|units|preferred stock)\b[^.;$]{0,60}?\b(?:(?:have|has|had)\s+(?:previously\s+)?been|were|was|previously)\s+"
    r"(?:(?:issued\s+and\s+|offered\s+and\s+)?sold\b|issued(?=\s+(?:under|pursuant\s+to|through)\s+(?:the|our|this)\b))",
    re.I,
)
"""A dollar amount sold, passive: "approximately $21.4 million of our common stock has been sold",
"$2.1 million of shares of our common stock were sold", "$6.0 million of shares have been issued under the Sales
Agreement"."""
GROSS_PREVIOUSLY_RE = re.compile(MONEY_RE.pattern + r"\s+(?:of\s+(?:our\s+)?(?:shares|ADSs|common stock|common shares|units)\s+)?"
                                 r"(?:(?:that|which)\s+)?(?:we\s+(?:have|had)\s+)?(?:(?:previously|already)\s+"
                                 r"(?:issued\s+and\s+)?sold\b|sold(?=\s+(?:under|pursuant\s+to)\s+(?:the|our)\b))", re.I)
"""A dollar amount sold, as an adjective clause: "in addition to the approximately $71.8 million previously sold under
the ATM Agreement", "the $1,100,000 of shares we have previously (already) sold", "the $3,100,000 of shares sold under
the Sales Agreement prior to the date hereof"."""
GROSS_WHICH_RE = re.compile(r"\bof which\s+(?:(?:shares|ADSs|units)\s+having\s+an\s+aggregate\s+(?:gross\s+)?(?:sales|offering)\s+price\s+of\s+)?"
                            r"(?:approximately\s+)?" + MONEY_RE.pattern
                            + r"\s+(?:have|has|had)\s+(?:previously\s+|already\s+)?been\s+(?:issued\s+and\s+)?sold\b", re.I)
"""Sales as a part of the cap: "up to $500,000,000 ..., of which $261,471,363 have been sold as of March 21", "of
which shares having an aggregate gross sales price of $2,609,801,302 have previously been sold"."""
NET_RE = re.compile(r"net\s+proceeds[^$.]{0,60}?(?:of\s+)?(?:approximately\s+|about\s+)?" + MONEY_RE.pattern, re.I)
"""Net proceeds before the amount: "net proceeds of $Y"."""
_NET_OF_THESE_RE = re.compile(r"(?:our|the)\s+(?:aggregate\s+)?net\s+proceeds\s+(?:from|of|as\s+a\s+result\s+of|resulting\s+from)\s+(?:such|these|those|the)\s+sales\b", re.I)
"""A next sentence that gives the net proceeds of the sales just reported ("Our aggregate net proceeds from
such sales were $Z", "The net proceeds as a result of these sales of common stock were approximately $Z")."""
_PROCEEDS_NET_OF_RE = re.compile(
    r"(?:the|our)\s+(?:aggregate\s+)?proceeds\s+to\s+(?:us|the\s+company)\s+(?:of|from)\s+(?:such|these|those|the)\s+sales\b"
    r"[^$.]{0,80}?,?\s+net\s+of\s+(?:sales\s+|agents?['\u2019]?s?\s+)?(?:commissions|discounts)\b[^$.]{0,80}?"
    r"\b(?:was|were|totaled|totalled|amounted\s+to)\s+(?:approximately\s+|about\s+)?" + MONEY_RE.pattern, re.I)
"""A next sentence that gives the net proceeds in other words: "The proceeds to us of the sales of the shares, net of
commissions and before payment of other expenses, were $293,999,994.91"."""
_RAISED_BY_THESE_RE = re.compile(
    r"(?:the|our)\s+(?:total\s+|aggregate\s+)?(?:amount\s+of\s+)?(?:capital|gross\s+proceeds|proceeds)\s+(?:(?:we\s+)?raised\s+)?"
    r"(?:as\s+a\s+result\s+of|from|of|resulting\s+from|through)\s+(?:such|these|those|the\s+foregoing)\s+sales\b[^$.]{0,80}?"
    r"\b(?:was|were|is|totaled|totalled|amounted\s+to)\s+(?:approximately\s+|about\s+)?" + MONEY_RE.pattern, re.I)
"""A next sentence that gives the gross proceeds of the sales just reported ("The total amount of capital raised as
a result of these sales of our common stock was approximately $99.3 million and net proceeds were approximately $98.8
million"): its net figure comes with it."""
NET_AFTER_RE = re.compile(MONEY_RE.pattern + r"\s+(?:in|of)\s+(?:aggregate\s+)?net\s+proceeds", re.I)
"""Net proceeds after the amount: "$Y in net proceeds"."""
SOLD_SHARES_RE = re.compile(
    r"\b(?:sold|issued(?: and sold)?|(?:issuance(?: and sale)?|sales?) of|total(?:ed|led)),?\s*(?:(?:through|to|via)\s+" + _FIRM_TEXT + r"{1,160}?\s)?"
    r"(?:(?:in|under|pursuant to) (?:this|the) (?:offering|program|prospectus(?: supplement)?)\s+)?"
    r"(?:(?:on our behalf|on behalf of the company|for our account)\s+)?"
    r"(?:a total of\s+|an? [a-z]{6,10} of\s+|approximately\s+|aggregate\s+)*"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?(?:\s+(?:[\w.%-]+\s+){0,4}?|(?<=\d,\d\d\d))"
    r"(?:shares|ADSs|American Depositary Shares|units)\b",
    re.I,
)
"""Shares sold: "sold 422,160 shares" (also "1,895,204shares", a page that lost the space), "issued and sold an
aggregate of 1.2 million shares", sales that "totaled 1,200,000 shares", "sold in this offering an aggregate of 735,024
shares", "Roth had sold on our behalf 1,250,000 shares" (also misspelt, "an aggerate of"; words between the count and
"shares": "249,173 post reverse split shares")."""
SALE_MADE_SHARES_RE = re.compile(
    r"\bsales?\s+made\b(?:[^.;$]|\.\d){0,160}?\bof\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+(?:[\w.%-]+\s+){0,4}?(?:shares|ADSs|units)\b", re.I)
"""Shares of a pricing-period report: "relates to the sale made in a privately negotiated transaction on April 28, 2006 of
3,000,000 shares"."""
OF_WHICH_ISSUED_RE = re.compile(
    r"\bof\s+which\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+"
    r"(?:[\w.%-]+\s+){0,5}?(?:shares|ADSs|units)\b[^.;$]{0,60}?\b(?:have|has|had)\s+been\s+issued\b", re.I)
"""Shares issued out of the program's cap: "we could initially offer and sell up to 3,700,000 shares ..., of which
871,600 shares of common stock had been issued as of December 31, 2009" (the relative clause ties them to the cap)."""

PASSIVE_SHARES_RE = re.compile(
    r"(?<![$\d,.])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?:\s*(?P<scale>million))?\s+(?:[\w.%-]+\s+){0,5}?(?:shares|ADSs|American Depositary Shares|units)\b"
    r"(?:[^.;$]{0,40}?,\s*(?:with|for|having)\s+(?:an\s+)?aggregate\s+(?:gross\s+)?(?:offering|sales?)\s+(?:price|proceeds)\s+of\s*"
    r"(?:approximately\s*)?" + DOLLAR + r"\s?[\d,]+(?:\.\d+)?(?:\s*(?:million|billion))?,)?"
    r"(?:(?!\d{1,3},\d{3})[^.;$]){0,80}?\b(?:(?:have|has|had)\s+been|were|was)\s+(?:(?:offered\s+and\s+|issued\s+and\s+)?sold\b|"
    r"issued\b(?=[^.;]{0,60}?\b(?:under|pursuant\s+to|through)\s+(?:the|our|this)\b))",
    re.I,
)
"""Shares sold, passive: "an aggregate of 1,234,567 shares of our common stock have been sold",
"2.5 million shares were issued and sold", "1,807,093 shares of common stock, with an aggregate offering price of
approximately $44.2 million, were sold" (the price in a clause of its own)."""
SOLD_COUNT_RE = re.compile(
    r"\bsold\s*(?:a total of\s+|an aggregate of\s+)?(?P<num>\d{1,3}(?:,\d{3})+)(?![\d,])(?P<scale>)"
    r"(?=\s*$|\s*[.;]|\s+(?:under|pursuant|through|in (?:the|our)|since)\b)",
    re.I,
)
"""A share count without the word "shares" (cut-off or glued mirror text): "we have sold 1,204,551"
at the end of the sentence or before "under/pursuant to ..." (dollar amounts carry "$")."""
REMAINING_RE = re.compile(
    MONEY_RE.pattern + r"(?:[^.;$]{0,120}?(?<!the )\bremain(?:s|ed|ing)?\b(?!\s+(?:approximately\s+)?" + DOLLAR + r")(?:\s+(?:available|unsold|to be sold))?| (?:are|is|were|remain) (?:still )?available (?:for (?:offer and )?(?:sale|issuance)|to be (?:offered and )?(?:sold|issued)))|"
    r"\bremaining(?=[^.;$]{0,120}?\b(?:offering|sales?|shares|stock|securities|amount|capacity|available|offered|sold|program|agreement|ATM)\b)"
    r"[^.;$]{0,120}?(?:of|is|was)\s+(?:approximately\s+)?(?P<num2>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\b(?:leaving|leaves|which\s+left)\s+(?:[^.;$]{0,80}?\b(?:of|price)\s+)?(?:up\s+to\s+)?(?:an?\s+aggregate\s+of\s+|approximately\s+)?(?P<num3>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\b(?:as such|as a result|accordingly|consequently|therefore|thus|which means(?: that)?|meaning(?: that)?),?\s+"
    r"(?:from\s+time\s+to\s+time,?\s+)?(?:we\s+)?(?:may|can)\s+"
    r"(?:still\s+)?(?:offer and |issue and )?sell\b"
    r"[^.]{0,200}?\bup to\s+(?:an\s+additional\s+)?(?:approximately\s+)?(?P<num4>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\b(?:at|as of)\s+(?:" + MONTH_NAME + r"\s+\d{1,2},\s+\d{4}|the date (?:hereof|of this prospectus supplement)),\s+we\s+(?:could|may|can)\s+"
    r"(?:still\s+)?(?:offer\s+and\s+)?sell\b[^.]{0,120}?\bup\s+to\s+(?:an\s+additional\s+)?(?:approximately\s+)?"
    r"(?P<num5>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\bthe\s+remaining\s+(?:approximately\s+)?(?P<num6>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)|"
    r"\b(?:as a result|accordingly|consequently|therefore|thus),?\s+(?:up\s+to\s+)?(?:an\s+additional\s+)?(?:approximately\s+)?"
    r"(?P<num7>" + DOLLAR + r"\s?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|billion))?)[^.;$]{0,80}?\b(?:may|can)\s+(?:still\s+)?be\s+"
    r"(?:offered\s+and\s+|issued\s+and\s+)?sold\b",
    re.I,
)
"""Remaining capacity: "$Z remains available" (the amount nearest the verb: the second in "$1.9 million, leaving
$23,100,000 remaining"), "$Z are available for sale", "remaining ... of $Z", "leaving $Z", "leaving
offered shares having an aggregate gross sales price of up to $Z available", "the remaining aggregate offering price of Common
Shares that may be offered and sold under the sales agreement is $Z",
"As such, we may sell ... up to $Z" / "..., which means that we may sell ... up to $Z" / "Accordingly, from time to time we may
offer and sell ... up to an additional approximately $Z" right after the sales figure, "At September 30, 2010, we could sell ... up to an
additional $Z" (what is left at a date), "The remaining $Z of shares may be sold", "As a result, up to $Z of common stock may still be sold", "... $Z are still available to
be sold" ("we may
sell up to an additional $Z" is not: filings say so of a new registration after the sales, smlr 2024)."""

_IN_ADDITION_RE = re.compile(r"\bin\s+addition\s+to\b", re.I)
_SOLD_UNDER_RE = re.compile(r"(?:[^.;]|\.\d){0,160}?\b(?P<verb>sold)\s+(?:under|pursuant\s+to|through)\b", re.I)


def _sold_in_addition(t: str) -> re.Match[str] | None:
    """The sales verb of a cap stated "in addition to" what was sold: "up to $8,250,000, which is in addition to the
    $3,100,000 of shares sold under the Sales Agreement prior to the date hereof", "in addition to the 1,200,000 shares
    ..., for gross proceeds of $3,100,000, that we sold under the Sales Agreement". The match starts at "sold" so the
    cap's modal before "in addition to" is not taken for a future sale (_detect looks from "in addition to" on)."""
    if "in addition to" not in t.lower():
        return None
    for a in _IN_ADDITION_RE.finditer(t):
        v = _SOLD_UNDER_RE.match(t, a.end())
        if v is not None:
            return re.compile(r"sold").match(t, v.start("verb"))
    return None


_CONDITIONAL_RE = re.compile(r"\bif (?:no|any|all|we have)\b|\bnot previously sold\b", re.I)
_OTHER_ISSUANCE_RE = re.compile(
    r"[^.;]{0,40}?\b(?:upon (?:the )?(?:exercise|conversion|vesting|settlement)|in connection with (?:the |our )?(?:acquisition|merger|exercise)|"
    r"under (?:our|the) [\w ]{0,30}?(?:incentive|option|employee|purchase) plan|as (?:consideration|dividends?)|"
    r"(?:in|through) (?:an? |the |our )?(?:underwritten|registered direct|firm[- ]commitment|private placement|confidentially marketed|"
    r"best[- ]efforts|rights) (?:public )?(?:offering|placement|transaction))", re.I)
"""Shares issued or sold some other way than at the market: on an exercise, in a merger, under a plan, as dividends, or
in (or through) an underwritten, registered direct or private offering ("In 2022, we sold 2,000,000 shares in an underwritten public
offering")."""
_MODAL_BEFORE_RE = re.compile(r"\b(?:will|would|may|might|could|shall)\s+(?:\w+\s+)?$", re.I)
_HYPOTHETICAL_RE = re.compile(r"\bassum(?:e|es|ed|ing|ption)\b|\bwould (?:be|receive|have)\b|\bhypothetical", re.I)
_FUTURE_RE = re.compile(r"\b(?:may|will|would|could)\s+(?:be\s+)?(?:offer|sell|sold|issue)|\bif any\b|\bunderwriters?\b|\bplacement agent\b", re.I)
_RELATIVE_CAP_RE = re.compile(r"\b(?:that|which)\s+$")
"""A modal in a relative clause about the cap ("of the 16,065,000 Common Shares that may be offered and
sold under the Distribution Agreement, 7,658,619 Common Shares have been sold") is not a future sale."""
_PROGRAM_WORDS_RE = re.compile(r"sales agents?|this program|the program|\bthrough the (?:Distributor|Dealer)\b|\b(?:remains?|remaining) unsold under\b", re.I)
_CAP_WORDS_RE = re.compile(r"up to|in excess of", re.I)
_OWN_SENTENCE_RE = re.compile(r"proceeds|utiliz|used|exhausted", re.I)
_UNDER_IT_RE = re.compile(r"\b(?:under|pursuant\s+to)\s+(?:the|this|that|such)\s+(?:sales\s+)?(?:agreement|program|arrangement)\b", re.I)
"""Proceeds "under the agreement" that the paragraph named before ("We entered into an at-the-market sales agreement
with Roth ... To date, we have received gross proceeds of $2,350,000 from the sale of 800,000 shares under the agreement")."""


def _other_verbs(t: str) -> bool:
    """Cheap test for the sales verbs beyond "sold"/"issued" (substring tests: most sentences
    have none of them)."""
    if "effected sales" in t or "completed sales" in t or "made sales" in t:
        return True
    if "proceeds" in t:
        return ("received" in t or "raised" in t or "generated" in t or "realized" in t or "includ" in t or "reflect" in t
                or "after" in t or "following" in t or "totaled" in t or "totalled" in t)
    return "utiliz" in t or "exhausted" in t or "used" in t and (" all " in t or " full " in t or " entire " in t) \
        or "been completed" in t or "been effected" in t or "totaled" in t or "totalled" in t


_DEFINED_AGREEMENT_RE = re.compile(r"\b(?:the|our) (?:[A-Z][\w-]*\s+){1,3}Agreements?\b")
"""The program's agreement by a defined term the agreement table does not know ("under the Offering Agreement")."""


def _about_program(text: str) -> bool:
    if AGREEMENT_RE.search(text) or ATM_WORDS_RE.search(text) or PREVIOUSLY_RE.search(text) or _PROGRAM_WORDS_RE.search(text):
        return True
    defined = _DEFINED_AGREEMENT_RE.search(text)
    return defined is not None and not NOT_ATM_AGREEMENT_RE.search(defined.group(0))


RELATES_TO_SALES_RE = re.compile(r"\brelates?\s+to\s+(?:the\s+)?sales?\s+made\b", re.I)
"""A pricing-period supplement says what it reports: "This prospectus supplement relates to sales made in at-the-market and
privately negotiated transactions for the week ending June 28, 2002 of ...", "... relates to the sale made in a privately
negotiated transaction on April 28, 2006 of 3,000,000 shares ..., pursuant to the Sales Agreement"."""


def _named_next(sentences: list[Sentence], s: Sentence) -> bool:
    """One of the two sentences after `s` names the program."""
    return any(_about_program(x.text) for x in sentences[s.index + 1:s.index + 3])


_INCLUDES_RE = re.compile(r"\b(?:which (?:amount |figure |total )?)?includ(?:es|ing)\b", re.I)


def _includes_before(t: str, end: int) -> int:
    """Where the last "includes"/"including" before `end` starts (-1: none)."""
    found = -1
    for x in _INCLUDES_RE.finditer(t, 0, end):
        found = x.start()
    return found


_LOOK_BACK = 3


_CUMULATIVE_START_RE = re.compile(r"^(?:As of|Through|Since|To date|From [^,]{0,40}? through)\b", re.I)
"""A report that opens on its cumulative frame ("As of March 31, 2024, we had sold ...", "To date, we have sold ...")."""


def _named_earlier(sentences: list[Sentence], s: Sentence) -> bool:
    """One of the few sentences before `s` in its paragraph names the program; or `s` opens a paragraph of its own on a
    cumulative frame right after a paragraph whose last sentence names it ("... we may offer and sell ... through Cantor.
    / As of March 31, 2024, we had sold 1,000,000 shares of common stock for gross proceeds of $3.1 million.")."""
    for i in range(s.index - 1, max(-1, s.index - 1 - _LOOK_BACK), -1):
        prev = sentences[i]
        if prev.para != s.para:
            return prev.para == s.para - 1 and i == s.index - 1 and bool(_CUMULATIVE_START_RE.match(s.text)) \
                and _about_program(prev.text)
        if _about_program(prev.text):
            return True
    return False


def detect(sentences: list[Sentence], doc_date: date | None, program: Program, *, periodic: bool = False,
           cover_shares: int | None = None) -> Detection | None:
    """The first sentence that reports cumulative program sales, with its figures; a year's sales
    only when no other sentence reports them (YEAR_SALES_RE). A quarter's sales only in a supplement to the program's
    own supplement (`periodic`) or under a cover whose share count is the number the quarter sold (`cover_shares`: a
    pricing-period supplement, "27,057,554 Shares ... during the three months ended September 30, 2008, we sold
    27,057,554 shares")."""
    years: list[Sentence] = []
    found = _detect(sentences, sentences, doc_date, program, years, periodic, cover_shares)
    if found is None and years:
        found = _detect(years, sentences, doc_date, program, None, periodic, cover_shares)
    return found


def _detect(candidates: list[Sentence], sentences: list[Sentence], doc_date: date | None, program: Program,
            years: list[Sentence] | None, periodic: bool = False, cover_shares: int | None = None) -> Detection | None:
    """Scan `candidates`; neighbours come from the whole document's `sentences` (a sentence's index
    is its place there). `years` collects the year's (and, when `periodic`, the quarter's) sales sentences set aside
    (None: take them)."""
    for s in candidates:
        t = s.text
        if ("sold" not in t and "been made" not in t and "sell any" not in t and "sale of" not in t and "issued" not in t
                and "any sales" not in t
                and "proceeds" not in t and "utiliz" not in t and "exhausted" not in t and "used" not in t
                and "been completed" not in t and "been effected" not in t and "total" not in t and "ed sales of" not in t
                and "made sales" not in t and "sale made" not in t and "sales made" not in t):
            continue
        if ("sold" not in t and "issued" not in t and "sale of" not in t and "been made" not in t and "sell any" not in t
                and "any sales" not in t and "sale made" not in t and "sales made" not in t and not _other_verbs(t)):
            continue
        m = SALES_RE.search(t) or ("proceeds" in t and PROCEEDS_FIRST_RE.search(t)) or None
        counted_from = 0
        if m is None:
            m = _sold_in_addition(t)
            # The cap's own reason ("As a result of the limitations of General Instruction I.B.6, we are reducing ...,
            # which is in addition to the $X sold under the Sales Agreement") is no sales window.
            counted_from = t.lower().rfind("in addition to", 0, m.start()) if m is not None else 0
        if not m or WINDOW_SALES_RE.search(_counted(t, m.end()), counted_from):
            continue
        if PERIOD_SALES_RE.search(_counted(t, m.end()), counted_from):
            count = SOLD_SHARES_RE.search(t) or PASSIVE_SHARES_RE.search(t) or SOLD_COUNT_RE.search(t)
            if not periodic and (cover_shares is None or count is None or shares(count) != cover_shares):
                continue
            if years is not None:
                years.append(s)  # a cumulative figure elsewhere is the report
                continue
        if years is not None and YEAR_SALES_RE.search(t):
            years.append(s)
            continue
        if _CONDITIONAL_RE.search(t[max(0, m.start() - 80):m.end()]):
            continue
        if _MODAL_BEFORE_RE.search(t, max(0, m.start() - 30), m.start()):
            continue  # "net proceeds will reflect gross proceeds of $X from the sale": not sales made
        if _OTHER_ISSUANCE_RE.match(t, m.end()):
            continue  # shares issued on a warrant exercise or under a plan, not sold at the market
        if _HYPOTHETICAL_RE.search(t):
            continue  # dilution arithmetic ("assuming all shares were sold at $4.00"), not a report
        # "we may offer and sell ... up to $500,000,000, of which $261,471,363 have been sold" / "up to
        # US$9.6 million ..., less approximately US$2.4 million of ADSs previously sold" / "to $3,250,000, which is
        # in addition to the $1,100,000 of shares we have previously sold" / "up to $75,000,000, which amount includes
        # the $21,400,000 of shares previously sold": the modal governs the cap, the report starts at "of which" /
        # "less" / "in addition to" / "includes".
        part = max(t.rfind("of which", 0, m.start() + 8), t.rfind(", less ", 0, m.start()), t.rfind("in addition to", 0, m.start()),
                   _includes_before(t, m.start()))
        part = part if part >= 0 else 0
        if any(not _RELATIVE_CAP_RE.search(t, max(0, f.start() - 12), f.start())
               for f in _FUTURE_RE.finditer(t, part, m.end() + 20)):
            continue
        if _OWN_SENTENCE_RE.search(m.group(0)) and not _about_program(t) \
                and not (_UNDER_IT_RE.search(t) and _named_earlier(sentences, s)):
            continue  # proceeds received or capacity used: only when the sentence names the program itself, or points back at it
        if not _about_program(t):
            # The program may be named earlier in the same paragraph ("We entered into a Sales Agreement
            # ... As of the date of this prospectus supplement, we have sold N"; "... terminating the Sales
            # Agreement. As a result, we will make no further sales. Prior to termination, we sold N"), or, in a
            # pricing-period supplement, right after the report ("This prospectus supplement relates to sales made ... /
            # Cantor acted as sales agent with respect to the sales pursuant to the Sales Agreement ...").
            if not _named_earlier(sentences, s) and not (RELATES_TO_SALES_RE.search(t) and _named_next(sentences, s)):
                continue
        spans: dict[str, Span] = {}
        fields: dict = {}
        zero = ZERO_SALES_RE.search(t)
        if zero:
            # Explicit zero: shares_sold 0; proceeds stay unstated unless the text gives them.
            fields["shares_sold"] = 0
            spans["shares_sold"] = s.match(zero)
        else:
            sm = SOLD_SHARES_RE.search(t) or PASSIVE_SHARES_RE.search(t) or OF_WHICH_ISSUED_RE.search(t) or SOLD_COUNT_RE.search(t) \
                or SALE_MADE_SHARES_RE.search(t)
            if sm:
                fields["shares_sold"] = shares(sm)
                spans["shares_sold"] = s.match(sm, "num")
            # The proceeds figure nearest the "sold" verb: a cap may share the sentence.
            gms = list(GROSS_RE.finditer(t)) + list(GROSS_AFTER_RE.finditer(t)) + list(GROSS_SOLD_RE.finditer(t)) + list(GROSS_PASSIVE_RE.finditer(t)) + list(GROSS_WHICH_RE.finditer(t)) + list(GROSS_PREVIOUSLY_RE.finditer(t))
            gms = [g for g in gms if not _CAP_WORDS_RE.search(t[g.start():g.end()])]
            if not gms:
                gms = list(UTILIZED_RE.finditer(t))
            if any((money(g) or 0) >= 1000 for g in gms):
                # "sold 7,989,040 shares ... at an aggregate gross offering price of $0.4192 ... for aggregate gross
                # sale proceeds of $3,349,104": a figure under $1,000 beside a real one is a price per share.
                gms = [g for g in gms if (money(g) or 0) >= 1000]
            if gms:
                gm = min(gms, key=lambda g: min(abs(g.start() - m.start()), abs(g.end() - m.start())))
                fields["gross_proceeds"] = as_dollars(money(gm))
                spans["gross_proceeds"] = s.sub(dollar_start(t, gm.start("num")), gm.end())
            nm = NET_RE.search(t) or NET_AFTER_RE.search(t)
            if nm:
                fields["net_proceeds"] = as_dollars(money(nm))
                spans["net_proceeds"] = s.match(nm)
            if fields.get("shares_sold") is None and fields.get("gross_proceeds") is None:
                continue
            nxt_s = sentences[s.index + 1] if s.index + 1 < len(sentences) else None
            raised = _RAISED_BY_THESE_RE.match(nxt_s.text) if nxt_s is not None and nxt_s.para == s.para else None
            if raised is not None and nxt_s is not None and fields.get("gross_proceeds") is None:
                # "... we sold a total of 9,002,887 shares ... The total amount of capital raised as a result of these sales
                # of our common stock was approximately $99.3 million and net proceeds were approximately $98.8 million."
                fields["gross_proceeds"] = as_dollars(money(raised))
                spans["gross_proceeds"] = nxt_s.sub(dollar_start(nxt_s.text, raised.start("num")), raised.end())
                nm = nm or NET_RE.search(nxt_s.text, raised.end())
                if nm is not None and "net_proceeds" not in fields:
                    fields["net_proceeds"] = as_dollars(money(nm))
                    spans["net_proceeds"] = nxt_s.match(nm)
            if nm is None and nxt_s is not None and nxt_s.para == s.para and _NET_OF_THESE_RE.match(nxt_s.text):
                # "... for aggregate gross proceeds of $Y. Our aggregate net proceeds from such sales were $Z."
                nm = NET_RE.search(nxt_s.text)
                if nm:
                    fields["net_proceeds"] = as_dollars(money(nm))
                    spans["net_proceeds"] = nxt_s.match(nm)
            net_of = _PROCEEDS_NET_OF_RE.match(nxt_s.text) if nm is None and nxt_s is not None and nxt_s.para == s.para else None
            if net_of is not None and nxt_s is not None:
                fields["net_proceeds"] = as_dollars(money(net_of))
                spans["net_proceeds"] = nxt_s.sub(dollar_start(nxt_s.text, net_of.start("num")), net_of.end())
        # Remaining capacity: this sentence or the next in the same paragraph (or the one after,
        # when a short aside stands between: "... (File No. 333-1). Accordingly, $Y remains").
        pieces = [s]
        nxt = s.index + 1
        if nxt < len(sentences) and sentences[nxt].para == s.para:
            pieces.append(sentences[nxt])
        window = Window.of(pieces)
        # A cap clause before the report ("we may sell up to $Y ..., which includes the $X previously sold") is no
        # remainder: look from where the report starts.
        rm = REMAINING_RE.search(window.text, part)
        after = s.index + 2
        if rm is None and len(pieces) == 2 and len(pieces[1].text) < 200 and after < len(sentences) \
                and sentences[after].para == s.para:
            wider = Window.of(pieces + [sentences[after]])
            rm = REMAINING_RE.search(wider.text, len(window.text))
            if rm is not None:
                pieces.append(sentences[after])
                window = wider
        remaining = None
        if rm:
            if rm.group("num"):
                remaining = as_dollars(money(rm))
            else:
                raw = rm.group("num2") or rm.group("num3") or rm.group("num4") or rm.group("num5") or rm.group("num6") or rm.group("num7")
                mm = MONEY_RE.search(raw)
                remaining = as_dollars(money(mm)) if mm else None
            if remaining is not None:
                spans["remaining_amount"] = window.match(rm)
        fields["remaining_amount"] = remaining
        found = when.as_of(_counted(t, 0), doc_date)
        if found:
            fields["as_of"] = found[0]
            spans["as_of"] = s.sub(found[1], found[2])
        elif s.index > 0 and sentences[s.index - 1].para == s.para:
            prev = sentences[s.index - 1]
            found = when.as_of(prev.text, None)
            if found:
                fields["as_of"] = found[0]
                spans["as_of"] = prev.sub(found[1], found[2])
        if remaining is None and fields.get("as_of") is not None:
            dated = _remaining_dated(sentences, s, fields["as_of"])
            if dated is not None:
                fields["remaining_amount"], spans["remaining_amount"] = dated
        trigger = window.sub(0, len(window.text)) if remaining is not None and len(pieces) > 1 else s.span
        excerpt = norm(window.text if remaining is not None and len(pieces) > 1 else t)
        return program.event("sales_reported", trigger=trigger, spans=spans, excerpt=excerpt, **fields)
    return None


def report_in(s: Sentence, sentences: list[Sentence], doc_date: date | None, program: Program) -> Detection | None:
    """The sales report sentence `s` makes for `program`, if it makes one (another class's program: assemble)."""
    return _detect([s], sentences, doc_date, program, None)


def _remaining_dated(sentences: Sequence[Sentence], report: Sentence, as_of: date) -> tuple[Decimal, Span] | None:
    """What remains, said apart from the sales figure but measured the same day: "Of this amount, as of April 12, 2022,
    $3,868,212 remains available for issuance under the Sales Agreement." a paragraph before "Through April 12, 2022, we
    have sold $31,788 ..." (the nearest such sentence within two paragraphs; the shared date ties the two figures)."""
    best: tuple[int, Decimal, Span] | None = None
    for x in sentences:
        if x is report or "remain" not in x.text or abs(x.para - report.para) > 2:
            continue
        rm = REMAINING_RE.search(x.text)
        if rm is None or not rm.group("num") or _REMAINS_NOT_RE.search(x.text) or not _about_program(x.text):
            continue
        when_x = when.as_of(x.text, None)
        value = as_dollars(money(rm))
        if when_x is None or when_x[0] != as_of or value is None:
            continue
        distance = abs(x.index - report.index)
        if best is None or distance < best[0]:
            best = (distance, value, x.match(rm))
    return (best[1], best[2]) if best is not None else None


REMAINS_UNDER_RE = re.compile(
    MONEY_RE.pattern + r"(?:\s+(?:of|in)\s+(?:our\s+)?[\w\s-]{0,40}?)?\s+(?:remains|remained|remain|is|was|are)\s+(?:still\s+)?(?:available|unsold)\s+"
    r"(?:(?:to\s+be\s+)?(?:offered\s+and\s+)?(?:sold|issued)|for\s+(?:offer\s+and\s+)?(?:sale|issuance))?\s*"
    r"(?:under|pursuant\s+to)\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,4}?(?:agreements?|program|ATM)(?:SM|TM)?\b|"
    + MONEY_RE.pattern.replace("(?P<num>", "(?P<num5>").replace("(?P<scale>", "(?P<scale5>")
    + r"\s+(?:remaining|left|unsold)\s+(?:available\s+)?(?:for\s+(?:offer\s+and\s+)?(?:sale|issuance)|to\s+be\s+(?:offered\s+and\s+)?(?:sold|issued))?\s*"
    r"(?:under|pursuant\s+to)\s+(?:the|our|this)\s+(?:[\w-]+\s+){0,4}?(?:agreements?|program|ATM)(?:SM|TM)?\b|"
    r"\bof\s+which\s+(?:[\w\s]{0,60}?\bhaving\s+an\s+aggregate\s+(?:offering|sales)\s+price\s+of\s+)?(?:up\s+to\s+)?(?:approximately\s+)?"
    + MONEY_RE.pattern.replace("(?P<num>", "(?P<num6>").replace("(?P<scale>", "(?P<scale6>")
    + r"\s+(?:remain|remains|remained)\s+(?:unsold|available)\b|"
    + MONEY_RE.pattern.replace("(?P<num>", "(?P<num7>").replace("(?P<scale>", "(?P<scale7>")
    + r"\s+(?:(?:were|was)\s+not|(?:had|have|has)\s+not\s+been)\s+(?:yet\s+)?(?:issued\s+(?:or|and)\s+)?sold\s+(?:under|pursuant\s+to)\s+"
    r"(?:the|our|this)\s+(?:[\w-]+\s+){0,4}?(?:agreements?|program|ATM)(?:SM|TM)?\b",
    re.I,
)
"""Sales to date told by what is left: "As of the date of this prospectus supplement, $159,416,327
remains available to be sold under the sales agreement" (the program has sold the rest); "we have
$17,213,510 remaining for sale pursuant to the Sales Agreement"; "having an aggregate offering price of up to
$500,000,000, of which common shares having an aggregate offering price of up to $279,323,518.49 remain unsold";
"shares ... having an aggregate offering price of up to $57,328,678 remained unsold under the prior Open Market Sale
AgreementSM" (a service mark the text glued on); "shares ... having an aggregate offering price of approximately $440.15
million were not sold under the Prior Distribution Agreement"."""
_REMAINS_NOT_RE = re.compile(r"\b(?:if|may|would|assum\w*|registration statement|shelf)\b", re.I)


def remaining_only(sentences: list[Sentence], doc_date: date | None, program: Program) -> Detection | None:
    """A sentence that gives only the program's unsold remainder, below its cap: sales have been
    made, and this is how the filing reports them."""
    for s in sentences:
        t = s.text
        if "$" not in t or ("available" not in t and "remaining" not in t and "left" not in t and "unsold" not in t
                            and "not sold" not in t and "not yet sold" not in t and "not been sold" not in t):
            continue
        m = REMAINS_UNDER_RE.search(t)
        if m is None:
            continue
        group = next(g for g in ("num", "num5", "num6", "num7") if m.group(g) is not None)
        # A conditional or a shelf limit speaks of no sales made; the "of which ... remain unsold" clause is read
        # on its own (the sentence around it may add "if applicable, as forward sellers").
        if _REMAINS_NOT_RE.search(t[max(0, m.start() - 60):m.end()] if group == "num6" else t):
            continue
        mm = MONEY_RE.match(t, dollar_start(t, m.start(group)))
        remaining = as_dollars(money(mm)) if mm else None
        found = when.as_of(t, doc_date)
        if remaining is None or (program.max_amount is None and found is None) \
                or (program.max_amount is not None and remaining >= program.max_amount):
            # With no cap to compare, only a dated remainder ("As of June 30, 2023, $14.2 million remained available
            # for sale under the program") is what is left after sales rather than the amount offered.
            continue
        spans = {"remaining_amount": s.sub(dollar_start(t, m.start(group)), m.end(group))}
        fields: dict = {"remaining_amount": remaining}
        if found:
            fields["as_of"] = found[0]
            spans["as_of"] = s.sub(found[1], found[2])
        return program.event("sales_reported", trigger=s.span, spans=spans, excerpt=norm(t), **fields)
    return None


_ENDED_TERM_RE = re.compile(r"\b(?:such termination|the (?:Original|Prior|Previous|Former|Existing) [A-Z][\w ]{0,40}?Agreement|"
                            r"(?i:the [“\"]?(?:prior|previous|former) (?:[\w-]+ ){0,4}?agreements?)|"
                            r"(?:our|the) [“\"]?prior (?:at[\s-]the[\s-]market (?:offering )?program|sales agreement|registration statement))\b")


_DATED_AGREEMENT_RE = re.compile(
    r"\b(?:this|that|the|our)\s+(?P<date>" + DATE_RE.pattern + r")\s+(?:[\w-]+\s+){0,3}?agreement\b|"
    r"\b(?i:agreement)(?:SM|TM)?,?\s+(?:with\s+(?:[^.;$\d]|" + ABBREVIATION + r"){1,80}?,?\s+)?dated\s+(?:as\s+of\s+)?(?P<date2>" + DATE_RE.pattern.replace("(?P<month>", "(?P<m2>").replace("(?P<day>", "(?P<d2>").replace("(?P<year>", "(?P<y2>") + r")")


def _by_agreement_date(sales: Detection, program: Program, doc_text: str) -> Detection:
    """Sales "pursuant to this January 28, 2009 sales agreement" (or "under a prior equity distribution agreement with Maxim
    dated June 2, 2020") when the program's agreement is dated otherwise: an earlier agreement's sales (scope "prior"), not
    this program's."""
    if program.agreement_date is None or sales.trigger is None:
        return sales
    start = sales.trigger.start
    text = doc_text[start:sales.trigger.end]
    m = _DATED_AGREEMENT_RE.search(text)
    dm = DATE_RE.search(text, m.start(), m.end()) if m else None
    day = to_date(dm) if dm else None
    if dm is None or day is None or day == program.agreement_date:
        return sales
    ev = replace(sales.event, agreement_date=day, max_amount=None, max_shares=None, scope="prior")
    spans = {k: v for k, v in sales.spans.items() if k not in ("agreement_date", "max_amount", "max_shares")}
    spans["agreement_date"] = Span(start + dm.start(), start + dm.end())
    return Detection(ev, sales.trigger, spans, sales.how, sales.program)


def attribute(sales: Detection, program: Program, others: list[Program], doc_text: str = "") -> Detection:
    """Sales stated for a terminated prior agreement ("We sold no shares under the Stifel
    Sales Agreement") belong to that agreement, not to the new program (scope "prior")."""
    text = sales.event.excerpt or ""
    named = set(find_agents(text))
    # "At the time of such termination, no Common Shares were sold ... pursuant to the Original
    # Sales Agreement": the ended agreement, named by its term rather than its agents.
    by_term = bool(others) and not named and bool(_ENDED_TERM_RE.search(text))
    if not by_term and (not named or named <= set(program.agents)):
        return _by_agreement_date(sales, program, doc_text)
    for other in others:
        if by_term or named & set(other.agents):
            ev = replace(sales.event, agreement_type=other.agreement_type, agreement_date=other.agreement_date,
                         agents=list(other.agents), security=other.security or sales.event.security,
                         max_amount=other.max_amount, max_shares=other.max_shares,
                         commission_rate=other.commission_rate, scope="prior")
            spans = {k: v for k, v in sales.spans.items() if k not in ("agreement_type", "agreement_date", "agents",
                                                                      "security", "max_amount", "max_shares",
                                                                      "commission_rate", "amendment_date", "offered_amount")}
            for k in ("agreement_type", "agreement_date", "agents", "max_amount", "max_shares", "commission_rate"):
                if k in other.spans:
                    spans[k] = other.spans[k]
            security_span = other.spans.get("security") or sales.spans.get("security")
            if security_span is not None:
                spans["security"] = security_span
            return Detection(ev, sales.trigger, spans, sales.how, other)
    if named and program.agents and not named & set(program.agents) and _PRIOR_NAMED_RE.search(text) \
            and sales.trigger is not None:
        # "..., we sold 2,000,000 shares ... under our prior Sales Agreement with Cantor Fitzgerald & Co., dated June 15,
        # 2023" in Piper's program supplement, where no ended program was read: the earlier agreement's sales, by the
        # agents and date the sentence gives.
        dated = _by_agreement_date(sales, program, doc_text)
        spans = {k: v for k, v in dated.spans.items() if k not in ("agents", "max_amount", "max_shares", "commission_rate")}
        spans["agents"] = sales.trigger
        start = sales.trigger.start
        said = doc_text[start:sales.trigger.end]
        prior = _PRIOR_NAMED_RE.search(said)
        agreement = AGREEMENT_RE.search(said, prior.start()) if prior else None
        kind = dated.event.agreement_type
        if agreement is not None:
            begin = name_start(said, agreement.start())
            kind = written_agreement(said[begin:agreement.end()])
            spans["agreement_type"] = Span(start + begin, start + agreement.end())
        ev = replace(dated.event, agents=sorted(named, key=text.find), scope="prior", max_amount=None, max_shares=None,
                     commission_rate=None, agreement_type=kind)
        return Detection(ev, sales.trigger, spans, sales.how, sales.program)
    return sales


_PRIOR_NAMED_RE = re.compile(r"\b(?:our|the|a|its)\s+(?:prior|previous|former|earlier|original)\s+(?:[\w-]+\s+){0,4}?agreements?\b", re.I)
"""A sales sentence that names the agreement the sales were made under as an earlier one."""


# --------------------------------------------------------------------------- tables

TABLE_LABELS = (
    ("shares_sold", re.compile(r"\b(?:shares|ADSs|units)\b(?:[\w ]{0,30})?\b(?:sold|issued)\b|\bnumber of (?:shares|ADSs|units)\b", re.I)),
    ("gross_proceeds", re.compile(r"\bgross (?:sales )?proceeds\b|\baggregate (?:gross )?(?:offering|sales) (?:price|amount)\b|\bgross sales\b", re.I)),
    ("net_proceeds", re.compile(r"\bnet proceeds\b", re.I)),
    ("remaining_amount", re.compile(r"\bremaining\b|\bavailable\b", re.I)),
)
"""Sales-table headings: shares sold, gross proceeds / aggregate offering price, net proceeds,
remaining or available capacity."""
_NUMBER_RE = re.compile(r"^\(?(?:US)?\$?\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>thousand|million|billion))?\)?$", re.I)
_SALES_CONTEXT_RE = re.compile(r"\bsold\b|\bsales\b|\bissued\b", re.I)


def _cells(offset: int, line: str) -> list[tuple[int, str]]:
    """A table row's cells with their offsets; a cell holding only "$" (HTML tables put the
    sign in a column of its own) is folded into the amount after it."""
    out: list[tuple[int, str]] = []
    at, dollar = 0, False
    for part in line.split("|"):
        stripped = part.strip()
        start = offset + at + (len(part) - len(part.lstrip()))
        at += len(part) + 1
        if stripped in ("$", "US$"):
            dollar = True
            continue
        if dollar and stripped and not stripped.startswith("$"):
            stripped = "\x00" + stripped  # marks an amount whose "$" stood in the cell before
        dollar = False
        out.append((start, stripped))
    return out


def _label(text: str) -> str | None:
    for name, pattern in TABLE_LABELS:
        if pattern.search(text):
            return name
    return None


def _value(name: str, cell: str):
    money_cell = cell.startswith("\x00") or "$" in cell
    cell = cell.lstrip("\x00")
    m = _NUMBER_RE.match(cell)
    if not m:
        return None
    if name == "shares_sold":
        return None if money_cell else shares(m)
    if not money_cell:
        return None
    mm = MONEY_RE.search(cell if "$" in cell else "$" + cell)
    return as_dollars(money(mm)) if mm else None


def table(doc: Document, doc_date: date | None, program: Program) -> Detection | None:
    """Cumulative sales set out as a table under a sentence about the program ("The following
    table summarizes sales under the Sales Agreement as of March 31, 2024:"): headings in one
    row and figures in the next, or one heading and figure per row."""
    paras = doc.paragraphs
    for i, (offset, line) in enumerate(paras):
        if "|" not in line:
            continue
        heads = _cells(offset, line)
        labels = [_label(c) for _, c in heads]
        if not any(labels):
            continue  # neither a headings row nor a heading-and-figure row
        # The sentence that introduces the table; hard-wrapped text may end it on the heading row.
        context = [paras[j] for j in range(max(0, i - 2), i)] + [(offset, line[:line.find("|")])]
        about = [(o, p) for o, p in context if _SALES_CONTEXT_RE.search(p) and (AGREEMENT_RE.search(p) or ATM_WORDS_RE.search(p))]
        if not about:
            continue
        found: dict = {}
        spans: dict[str, Span] = {}
        if sum(1 for x in labels if x) >= 2 and i + 1 < len(paras):
            row = _cells(*paras[i + 1])
            shift = len(row) - len(heads)
            for k, name in enumerate(labels):
                if name and 0 <= k + shift < len(row) and name not in found:
                    at, cell = row[k + shift]
                    value = _value(name, cell)
                    if value is not None:
                        found[name], spans[name] = value, Span(at, at + len(cell.lstrip("\x00")))
            last = i + 1
        else:
            last = i - 1
            for j in range(i, min(len(paras), i + 6)):
                row = _cells(*paras[j])
                label = _label(row[0][1]) if len(row) >= 2 else None
                if label is None:
                    break
                name = label
                for at, cell in row[1:]:
                    value = _value(name, cell)
                    if value is not None and name not in found:
                        found[name], spans[name] = value, Span(at, at + len(cell.lstrip("\x00")))
                        break
                last = j
        if found.get("shares_sold") is None and found.get("gross_proceeds") is None:
            continue
        ctx_offset, ctx = about[-1]
        when_found = when.as_of(ctx, doc_date)
        if when_found:
            found["as_of"] = when_found[0]
            spans["as_of"] = Span(ctx_offset + when_found[1], ctx_offset + when_found[2])
        end_offset, end_line = paras[last]
        trigger = Span(ctx_offset, end_offset + len(end_line))
        excerpt = norm(doc.text[trigger.start:trigger.end].replace("\n", " "))
        return program.event("sales_reported", trigger=trigger, spans=spans, excerpt=excerpt, **found)
    return None
