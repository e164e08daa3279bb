"""resumed: sales restart after a suspension.

Ways filings say it: "we are resuming sales under the Sales Agreement"; "we reinstated the
ATM program by filing this prospectus supplement"; "the Company recommenced sales"; "This prospectus
supplement is being filed with respect to the reactivation of our ... program"; a fund's "The Offering recommenced on
March 20, 2020" (the offering its supplement defined, restarting).

Not a resumption: "may resume", "until we resume", "prior to the resumption of", "if".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .. import when
from ..model import Detection, Program, Sentence, norm

RESUME_RE = re.compile(r"\b(?:resum(?:e|ed|ing|ption)|reinstat(?:e|ed|ing)|recommenc(?:e|ed|ing)|reactivat(?:e|ed|ing))\b", re.I)
"""The restart words: resume, reinstate, recommence, reactivate."""

RESUME_BOILER_RE = re.compile(r"\bmay\b(?!\s+\d)|\bcould\b|\bif\b|\bwill not\b|\buntil\b|\bresumption of\b|\bprior to\b", re.I)
"""Conditional or future restarts: no event."""

ISSUER_RESUMES_RE = re.compile(r"\b(?:we|the (?:company|fund|trust|partnership)|the (?:offering|program)|(?:offers and )?sales)\b"
                               r"[^.]{0,60}?\b(?:resum|reinstat|recommenc|reactivat)|"
                               r"\b(?:offering|program)\b[^.]{0,120}?\b(?:has|have|was|were|is)\s+(?:been\s+)?(?:resum|reinstat|recommenc|reactivat)",
                               re.I)
"""The issuer, or its offering, is the one restarting ("we are resuming", "the Company reinstated", "The Offering
recommenced on March 20, 2020", "The Fund's at-the-market offering ..., which was suspended on August 3, 2022, has
resumed")."""


FILED_FOR_RESTART_RE = re.compile(
    r"\b(?:this (?:prospectus )?supplement|we are filing|is being filed|are filing this)\b[^.]{0,80}?"
    r"\b(?:reactivation|resumption|reinstatement|recommencement) of (?:(?:offers (?:and|or) )?sales (?:of [^.]{0,60}?)?"
    r"(?:under|pursuant to) )?(?:our|the|its)\b[^.]{0,80}?\b(?:program|agreement|offering)\b", re.I)
"""The filing is made for the restart: "This prospectus supplement is being filed with respect to the
reactivation of our previously announced “at-the-market” equity program", "This prospectus supplement relates to the
resumption of sales under our At The Market Offering Agreement"."""


_ABOUT_OFFERING_RE = re.compile(r"agreement|at[\s-]the[\s-]market|\bATM\b|continuous offering|equity (?:offering )?program|"
                                r"offering program|(?:sales|distribution) agents?\b|(?-i:\bOffering\b)", re.I)
"""A restart sentence that does not name the program still speaks of it ("We are filing this prospectus
supplement to reactivate the at-the-market offering")."""


def detect(specific: list[Sentence], program: Program, doc_date: date | None,
           sentences: Sequence[Sentence] = ()) -> Detection | None:
    """The first sentence that says the issuer restarts the program: the program's own sentences
    first, then any sentence about the offering."""
    named = {id(s) for s in specific}
    rest = [s for s in sentences if ("esum" in s.text or "einstat" in s.text or "ecommenc" in s.text or "eactivat" in s.text)
            and id(s) not in named and RESUME_RE.search(s.text) and _ABOUT_OFFERING_RE.search(s.text)]
    for s in [*specific, *rest]:
        t = s.text
        filed_for = FILED_FOR_RESTART_RE.search(t)
        said = filed_for is not None and not re.search(r"\b(?:may|might|could|if)\b", t[:filed_for.start()], re.I)
        if not said and (not RESUME_RE.search(t) or RESUME_BOILER_RE.search(t) or not ISSUER_RESUMES_RE.search(t)):
            continue
        eff = when.effective_date(t, doc_date)
        spans = {"effective_date": s.sub(eff[1], eff[2])} if eff else {}
        return program.event("resumed", trigger=s.span, spans=spans,
                             effective_date=eff[0] if eff else None, excerpt=norm(t))
    return None
