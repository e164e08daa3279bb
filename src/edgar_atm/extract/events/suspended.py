"""suspended: offers and sales stop while the agreement stays in force.

Ways filings say it: "The purpose of this supplement is to suspend ..."; "We are filing this prospectus supplement
to suspend the offering ..."; "we are hereby
suspending / terminating the continuous offering"; "we have suspended the ATM"; "we will not
make any sales ... unless and until a new prospectus supplement is filed"; "the prospectus
supplement relating to the Sales Agreement was terminated", "we terminated the original prospectus relating to the ATM
program without terminating the underlying sales agreement"; "we have elected to discontinue sales under the
Equity Distribution Agreement", "we have ceased / paused / stopped sales", "we have discontinued our at-the-market offering
program" (the program stops; the agreement is not said to end); a fund's "temporarily suspended its "at the market"
offering ... as of the close of business on March 13, 2020" under its net asset value undertaking; "the Fund's
at-the-market offering has been suspended".

Not a suspension: the rights every agreement gives ("we may suspend the offering at any time",
"sales will be suspended until", "notify the other"), conditionals ("if we", "in the event").
"""

from __future__ import annotations

import re
from datetime import date

from .. import when
from ..model import Detection, Program, Sentence, norm
from ..vocab import ABBREVIATION

_UNTIL_NEW = (r"(?:unless and until|until (?:we (?:have )?(?:file|filed|deliver)|(?:the filing of )?(?:a|an) (?:new|additional|further|"
              r"subsequent|updated|amended|supplemental) (?:prospectus|registration)|a post-effective|further notice))")
"""Sales held back until the program is put back in place: "unless and until a new prospectus supplement is filed", "until we
file a new prospectus supplement" (not "until the earlier of", which ends a term)."""

_IN_SENTENCE = r"(?:[^.]|" + ABBREVIATION + r"){0,160}?"

SUSPEND_RE = re.compile(
    r"purpose of this [^.]{0,60}?is to (?:suspend|terminate)|\bhereby (?:suspend|terminat)|"
    r"\b(?:we are filing this|(?:is|are) being filed)\b[^.]{0,60}?\bto (?:suspend|terminate the continuous offering)\b|"
    r"\b(?:we|the company) (?:are|is|have|has|had) (?:hereby )?(?:suspend(?:ed|ing)?|terminat(?:ed|ing) the (?:continuous )?offering)|"
    r"\bsuspend(?:ed|ing)? (?:the |our |all |its )?[\"\u201c]?(?:atm\b|at[\s-]the[\s-]market|offers and sales|offers or sales|sales\b|offering\b|program\b|continuous offering)|"
    r"\bterminat(?:e|ed|ing) the continuous offering|"
    r"\b(?:at[\s-]the[\s-]market|ATM)[\"'\u201d\u2019]?\s+(?:equity\s+)?(?:offering|program)\b[^.]{0,80}?\b(?:has|have|had)\s+been\s+(?:temporarily\s+)?suspended\b|"
    r"\bwill not (?:make|effect|conduct) any (?:further |additional )?(?:offers or |offers and )?sales? " + _IN_SENTENCE + _UNTIL_NEW + "|"
    r"\bwill not (?:offer or )?(?:sell|issue) any (?:further |additional |more )?(?:shares|securities|ADSs|units)\b" + _IN_SENTENCE
    + _UNTIL_NEW + "|"
    r"\bno (?:further |additional )?(?:offers or |offers and )?sales (?:will|shall) be made " + _IN_SENTENCE + _UNTIL_NEW + "|"
    r"\bno (?:further |additional )?(?:shares|securities|ADSs|units) (?:will|shall) be (?:offered or )?(?:sold|issued) " + _IN_SENTENCE
    + _UNTIL_NEW + "|"
    r"\bprospectus (?:supplement )?(?:related to|relating to|for) [^.]{0,80}?(?:was|has been|is) terminated|"
    r"\b(?:we|the company) (?:have |has |had )?terminated (?:the |our )?(?:original |prior |previous |existing |current )?"
    r"(?:atm |at[\s-]the[\s-]market )?prospectus(?: supplement)?\b|"
    r"\b(?:we|the company) (?:have |has |had |are |is )?(?:elected |decided |determined |chosen )?(?:to )?"
    r"(?:temporarily |voluntarily |also )?"
    r"(?:discontinu(?:e|ed|ing)|ceas(?:e|ed|ing)|stop(?:ped|ping)?|halt(?:ed|ing)?|paus(?:e|ed|ing))\s+"
    r"(?:(?:making\s+)?(?:all\s+|any\s+|further\s+)?(?:offers\s+(?:and|or)\s+)?sales\b|"
    r"(?:our|the|its)\s+(?:atm|at[\s-]the[\s-]market)\s+(?:equity\s+)?(?:offering\s+)?(?:program|offering|facility)\b)",
    re.I,
)
"""A suspension stated as done or declared by this supplement (see the module docstring)."""

SUSPEND_BOILER_RE = re.compile(
    r"\b(?:may (?:also )?suspend|may at any time suspend|right to suspend|can suspend|could suspend|"
    r"will be suspended until|be suspended if|suspend the offering (?:of|at any time)(?! effective)|"
    r"may be suspended|notify the other)\b",
    re.I,
)
"""Suspension rights and mechanics, never an event."""

_CONDITIONAL_RE = re.compile(r"\bmay\b(?!\s+\d)|\bcould\b|\bif (?:we|the|its|our|their)\b|\bin the event\b|"
                             r"\b(?:will|would|shall|must) (?:temporarily )?suspend\b[^.]{0,200}?\b(?:if|when|whenever|should)\b", re.I)
"""A suspension that would follow a condition (a fund's undertaking: "the Fund will suspend its at the market offering if
its net asset value declines more than 10%"), not one made."""
_DECLARED_RE = re.compile(r"purpose of this|hereby|we are filing this|being filed\b[^.]{0,60}?\bto (?:suspend|terminate)", re.I)


_ABOUT_OFFERING_RE = re.compile(r"agreement|at[\s-]the[\s-]market|\bATM\b|continuous offering|prospectus supplement|program", re.I)


def declared(detection: Detection) -> bool:
    """A suspension this filing makes ("The purpose of this supplement is to suspend", "we hereby suspend"), as against
    one it recalls."""
    return bool(detection.event.excerpt and _DECLARED_RE.search(detection.event.excerpt))


_BOTH_IN_TITLE_RE = re.compile(r"\bsuspension (?:and|&) (?:recommencement|resumption|reinstatement|restart)\b", re.I)


def titled_with_restart(cover: str) -> bool:
    """The supplement's own heading reports the suspension beside the restart ("Suspension and Recommencement of
    Offering"): both are this filing's news, where a restart alone only recalls the suspension it ends."""
    return bool(_BOTH_IN_TITLE_RE.search(cover))


def detect(sentences: list[Sentence], program: Program, doc_date: date | None) -> Detection | None:
    """The first sentence that suspends the program (the filing is already known to be the
    program's own prospectus, so "terminating the continuous offering under the prospectus
    supplement" counts without naming the agreement)."""
    for s in sentences:
        t = s.text
        low = t.lower()
        if "suspend" not in low and "terminat" not in low and "until" not in low and "discontinu" not in low \
                and "ceas" not in low and "stop" not in low and "halt" not in low and "paus" not in low:
            continue
        if not _ABOUT_OFFERING_RE.search(t):
            continue
        if not SUSPEND_RE.search(t) or (SUSPEND_BOILER_RE.search(t) and not _DECLARED_RE.search(t)):
            continue  # a right to suspend, unless this filing says it is the suspension ("filing this ... to suspend the offering of")
        if _CONDITIONAL_RE.search(t) and not _DECLARED_RE.search(t):
            continue
        eff = when.effective_date(t, doc_date)
        spans = {"effective_date": s.sub(eff[1], eff[2])} if eff else {}
        return program.event("suspended", trigger=s.span, spans=spans,
                             effective_date=eff[0] if eff else None, excerpt=norm(t))
    return None
