"""program_established: a new program, or an existing agreement registered under a new
prospectus supplement (re-registration), when no amendment, suspension or termination is the
filing's news.

Ways filings say it: "We have entered into a sales agreement, dated as of X, with Y"; "On X,
we entered into"; "dated the date hereof"; "we previously entered into ... and are filing this
prospectus supplement"; a cover "Up to $X" with a plan of distribution naming the agreement.
"""

from __future__ import annotations

import re

from ..model import Detection, Program

ENTERED_RE = re.compile(r"\b(?:have |has |had )?(?:entered into|are (?:a )?party to|is (?:a )?party to|executed)\b|\bdated the date hereof\b", re.I)
"""The agreement stated as entered into / party to / executed (explicit), as against a program
known only from a cover amount or a plan of distribution (inferred)."""


def has_identity(program: Program) -> bool:
    """Enough of a program to report: an agreement, agents, a cap, or the sales agents' commission
    (a fee table of the program's own prospectus names nothing else)."""
    return bool(program.agreement_type or program.agents or program.max_amount or program.max_shares
                or program.commission_rate is not None)


def detect(program: Program) -> Detection:
    how = "explicit" if program.excerpt and ENTERED_RE.search(program.excerpt) else "inferred"
    # A re-registration can name a newcomer ("On X and the date hereof as it relates to Y, we entered into").
    return program.event("program_established", trigger=program.source, how=how, excerpt=program.excerpt,
                         agents_added=list(program.agents_added), agents_removed=list(program.agents_removed),
                         spans={k: program.spans[k] for k in ("agents_added", "agents_removed") if k in program.spans})
