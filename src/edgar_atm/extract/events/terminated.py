"""terminated: the sales agreement itself ends (not merely the prospectus offering).

Ways filings say it: "we terminated the prior Equity Distribution Agreement"; "the Sales
Agreement was terminated effective X"; "Cantor delivered written notice to terminate";
"in connection with [the new agreement], we terminated ...". A prior agreement ended alongside
a new one is a program of its own (scope "prior").

Not a termination: "may terminate", "will terminate upon the earlier of", "right to
terminate"; terminating the continuous offering or the prospectus supplement while the agreement
"remains in full force" (a suspension).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from .. import when
from ..amounts import as_dollars, money
from ..agents import find_agents
from ..agreements import AGREEMENT_RE
from ..dates import DATE_RE, to_date
from ..identity import program_from
from ..model import Detection, Program, Sentence, Span, dollar_start, norm
from ..vocab import ABBREVIATION

TERMINATE_RE = re.compile(
    r"\b(?:(?:we|the company|it|they|[A-Z][\w.&,' -]{1,60}) ?(?:have |has |had )?(?:voluntarily |mutually )?"
    r"(?:terminated|elected to terminate|agreed to terminate|(?<=we )are terminating|delivered (?:a )?(?:written )?notice.{0,160}?terminat|"
    r"gave (?:written )?notice.{0,120}?terminat|provided (?:written )?notice.{0,120}?terminat)|"
    r"\b(?:acknowledged|accepted).{0,120}?notice (?:to terminate|of termination)|"
    r"(?:was|were|has been|have been|is|are|will be) (?:being )?(?:terminated|cancell?ed)(?! upon)(?! at)(?! by either)|"
    r"\bterminated (?:effective|as of|on)\b|\bin connection with [^.]{0,80}?we terminated|"
    r"\b(?:[Pp]rior to|[Bb]efore|[Uu]ntil) its termination (?:on|effective(?: as of)?|as of)\b)",
)
"""A termination stated as done: active ("we terminated", "X delivered notice ... to terminate"),
passive ("was terminated", "has been cancelled"), dated ("terminated effective X") or told beside the sales made before
it ("Prior to its termination on July 8, 2024, we sold ... under our prior Sales Agreement with Cantor")."""

SUPERSEDE_RE = re.compile(
    r"\b(?:this|the|our|these)\s+(?:new\s+)?(?:[\w-]+\s+){0,3}?(?:agreement|program)s?\s+(?:(?:with|between)\s+[^.;]{1,80}?\s+)?"
    r"(?:replaces|supersedes|replace|supersede|will replace|will supersede)"
    r"(?:\s+and\s+(?:replaces|supersedes|replace|supersede))?\s+(?:the|our|its|that)\s+[^.;]{0,80}?\b(?:agreement|program)s?\b|"
    r"\b(?:replac(?:e[sd]?|ing)|supersed(?:e[sd]?|ing)|will replace|will supersede)(?:\s+and\s+(?:replace[sd]?|supersede[sd]?))?\s+"
    r"(?:the|our|its|a)\s+"
    r"(?:prior|previous|existing|former|earlier)\s+[^.;]{0,60}?\b(?:agreement|program)\b", re.I)
"""A new agreement or program that takes the place of an earlier one, which thereby ends: "This new
sales agreement replaces and supersedes our prior sales agreement with the Agent", "This offering
program supersedes and replaces the $400 million offering program we commenced on August 4, 2020", "The
offer and sale of our common stock as described in this prospectus supplement replaces the prior continuous
offering program" (any subject, when the object is named as earlier)."""

TERMINATE_BOILER_RE = re.compile(
    r"\b(?:may(?!\s+\d)|will terminate upon|terminate upon|shall terminate|right to terminate|may be terminated|"
    r"can be terminated|will be terminated (?:\w+ )?(?:upon|at|by|if|when|in the event)|until (?:the )?terminat|upon (?:the )?termination|"
    r"if (?:the )?[\w ]*agreement is terminated|earlier of|earliest of|unless (?:sooner |earlier )?terminated|"
    r"will (?:expire|terminate) on)\b",
    re.I,
)
"""Termination rights and mechanics: "may terminate", "will terminate upon the earlier of", a term still running ("will
expire on June 1, 2026 unless terminated earlier")."""

OFFERING_ONLY_RE = re.compile(r"continuous offering|prospectus supplement (?:is|was|has been) terminated|"
                              r"\bterminat\w*\s+(?:the\s+|our\s+)?(?:offering|offer\s+and\s+sale|sales?)\b[^.;]{0,80}?"
                              r"\b(?:under|pursuant\s+to)\s+(?:the|our|that)\s+(?:[\w-]+\s+){0,2}?prospectus\b|"
                              r"\bterminat\w*\s+(?:the\s+|our\s+)(?:atm\s+|at[\s-]the[\s-]market\s+)?prospectus(?:\s+supplement)?\b", re.I)
"""The offering or the prospectus ended, not the agreement (a suspension): "terminated the offering of our common stock
under the prospectus supplement dated June 1, 2023", "we have terminated the ATM prospectus"."""
_STAYS_IN_FORCE_RE = re.compile(r"\bremains?\s+in\s+(?:full\s+force|effect)\b", re.I)
"""The agreement said to stay ("The Sales Agreement remains in full force and effect"), in the sentence or the next."""
KEPT_AGREEMENT_RE = re.compile(r"\bwithout (?:also )?terminating (?:the |our )?(?:underlying |related )?[\w\s-]{0,40}agreement", re.I)
"""The agreement said to stay: "we terminated the original prospectus ... without terminating the underlying sales
agreement" (a suspension)."""
AGREEMENT_TERMINATED_RE = re.compile(
    r"terminat\w* (?:the |our |that certain )?(?:prior |previous |existing |original )?[\w\s-]{0,40}agreement", re.I)
PRIOR_AGREEMENT_RE = re.compile(
    r"\b(?:our|the|its|that certain) (?:prior|previous|former|existing|original|old) [\w\s\"-]{0,40}agreement|"
    r"\b(?:a |our |the )?(?:prior|previous|former) [\w\s\"-]{0,30}?(?:at[\s-]the[\s-]market|ATM) (?:offering )?program", re.I)
"""An earlier agreement named as such: "our prior sales agreement", "the existing Equity Distribution
Agreement", "in connection with our prior at-the-market offering program"."""

UPON_ENTRY_RE = re.compile(
    r"\b(?:upon|in connection with|concurrently with|simultaneously with|contemporaneously with) (?:the |our )?"
    r"(?:entering into|entry into|execution of|entrance into)\b", re.I)
"""A termination that comes with the new agreement ("Upon entering into the sales agreement, we
simultaneously terminated ..."): the agreement terminated is another one."""


def states_termination(text: str) -> bool:
    """A sentence that says an agreement was terminated or superseded (not boilerplate)."""
    # Substring test first: TERMINATE_RE needs "terminat" or "cancel", SUPERSEDE_RE "replac" or "supersed",
    # EXPIRED_PRIOR_RE "expired".
    low = text.lower()
    if "terminat" not in low and "cancel" not in low and "replac" not in low and "supersed" not in low \
            and "expired" not in low:
        return False
    return bool(TERMINATE_RE.search(text) or SUPERSEDE_RE.search(text) or EXPIRED_PRIOR_RE.search(text)) \
        and not TERMINATE_BOILER_RE.search(_NO_FURTHER_SALES_RE.sub("", text))


_NO_FURTHER_SALES_RE = re.compile(r"\b(?:and\s+)?(?:no|there will be no)\s+(?:further|more|additional)\s+(?:sales|shares)\b[^.;]{0,60}?"
                                  r"\b(?:may|will|can|shall)\s+(?:be\s+)?(?:made|sold|issued|offered)\b[^.;]{0,40}", re.I)
"""What a notice adds after the ending ("..., and no further sales may be made under it"): its "may" is no termination
right (TERMINATE_BOILER_RE)."""


EXPIRED_PRIOR_RE = re.compile(
    r"\b(?:prior|previous|former|earlier)\s+[^.;]{0,40}?\bagreements?\b(?:[^.;]|" + ABBREVIATION + r"){0,120}?"
    r"\b(?:(?:which|that)\s+)?(?:has\s+|had\s+)?expired\b|"
    r"\b(?:the|our|such)\s+(?:[\w-]+\s+){0,5}?agreements?\b(?:(?:[^.;]|" + ABBREVIATION + r"){0,160}?,)?\s+(?:has\s+|have\s+|had\s+)?expired\b"
    r"(?=\s+(?:on|as of|in accordance with|by (?:its|their) (?:own )?terms|pursuant to))", re.I)
"""An agreement that ended by its own term: an earlier one ("which replaced a prior sales agreement with B. Riley FBR as
sales agent which expired on April 16, 2018", "Our prior sales agreement with Cantor expired on April 16, 2018"), or the
program's own ("The Sales Agreement expired on June 1, 2024 in accordance with its terms", "Our Sales Agreement with Roth
..., dated June 1, 2023, expired by its terms on June 1, 2025")."""


CLAUSE_RESUMES_RE = re.compile(
    r",\s+(?:relating\s+to|related\s+to|having\s+an\s+aggregate|under\s+which|pursuant\s+to\s+which|for\s+the\s+(?:offer|sale))\b",
    re.I)
"""Where a sentence returns from a clause about the replaced agreement to the new program's own terms."""
REPLACING_CLAUSE_RE = re.compile(r",?\s+(?:which|that)\s+(?:has\s+)?(?:replaced|replaces|superseded|supersedes|will\s+replace)\b|"
                                 r",\s+replacing\b", re.I)
"""Where a sentence that defines the new program turns to the agreement it replaced (", which replaced a prior ...")."""

_REPLACE_VERB_RE = re.compile(r"\b(?:replac(?:e[sd]?|ing)|supersed(?:e[sd]?|ing)|will replace|will supersede)\b", re.I)
_EARLIER_RE = re.compile(r"\b(?:prior|previous|former|earlier|old|existing|original)\b", re.I)


def replaced_by_this(text: str) -> bool:
    """A supersession whose subject is this program ("The offer and sale ... described in this
    prospectus supplement replaces the prior program"): the sentence is about this program too."""
    if not SUPERSEDE_RE.search(text):
        return False
    verb = _REPLACE_VERB_RE.search(text)
    return verb is not None and not _EARLIER_RE.search(text[:verb.start()])


_ANAPHORIC_AGREEMENT_RE = re.compile(r"^(?:(?:That|Such)\s+(?:[\w-]+\s+){0,3}?|The\s+(?:prior|previous|former|earlier)\s+)agreement\b|"
                                     r"\bterminat(?:ed|ing)\s+(?:that|such)\s+(?:[\w-]+\s+){0,2}?agreement\b")
"""A sentence that opens on the agreement the one before it named ("That agreement was terminated on January 4, 2021"), or
ends it as its object ("we have terminated that agreement effective as of August 15, 2013")."""


_ENDING_VERB_RE = re.compile(r"terminat|cancel|expir", re.I)
"""Where the sentence starts to tell the ending: a date before it names the agreement, one after it dates the end."""


def named_before(s: Sentence, sentences: Sequence[Sentence]) -> Sentence | None:
    """The sentence before `s`, in its paragraph, when `s` ends "That agreement" (its subject, or its object: "we terminated
    that agreement") and the one before names an agreement."""
    if s.index <= 0 or s.index >= len(sentences) or not _ANAPHORIC_AGREEMENT_RE.search(s.text) or not states_termination(s.text) \
            or SUPERSEDE_RE.search(s.text):
        return None
    verb = _ENDING_VERB_RE.search(s.text)
    subject = _ANAPHORIC_AGREEMENT_RE.match(s.text) is not None
    if find_agents(s.text) or (subject and DATE_RE.search(s.text, 0, verb.start() if verb else len(s.text))):
        # "The Prior Sales Agreement with Roth Capital Partners, LLC, dated March 3, 2021, has been terminated": named here.
        # A date before the verb of "On August 15, 2013, we terminated that agreement" is the day it ended.
        return None
    before = sentences[s.index - 1]
    if before.para != s.para or not AGREEMENT_RE.search(before.text):
        return None
    return before


def _called_short(agent: str, text: str) -> bool:
    """The text calls the firm by the first word of its name, as the filing defined it ("Maxim Group LLC, or Maxim")."""
    first = agent.split()[0]
    return len(first) >= 4 and first[0].isupper() and first.isalpha() and re.search(r"\b" + re.escape(first) + r"\b", text) is not None


def ends_on_entry(text: str) -> bool:
    """"Upon entry into the Sales Agreement, we terminated our prior ...": a termination that comes
    with the new agreement ends an earlier arrangement, even where the sentence names it no further."""
    m = UPON_ENTRY_RE.search(text)
    return m is not None and m.start() < 40 and bool(re.search(r"\b(?:we|the company) (?:have |has )?terminated (?:our|its|the) prior\b", text, re.I)) \
        and not TERMINATE_BOILER_RE.search(text)


_DEFINES_PRIOR_RE = re.compile(r"\(\s*(?:the\s+)?[“\"](?:Prior|Previous|Former|Old)\b[^”\"]{0,60}[”\"]\s*\)")
"""A sentence that defines an earlier program's term: "... by means of a prospectus supplement dated
November 13, 2020 (the “Prior Program”)". Not "(the “Original Sales Agreement”)": that is often
the agreement an amendment changes, this program itself."""


_RESTATES_PRIOR_RE = re.compile(r"\b(?:amends?\s+and\s+restates?|amended\s+and\s+restated)\s+(?:in\s+(?:its|their)\s+entirety\s+)?"
                                r"(?:our|the|its)\s+(?:prior|previous|existing|original)\b", re.I)
"""An agreement that "amends and restates our prior sales agreement": the prior agreement lives on in it, so the
sentence is about the program, not about one that ended."""


def about_other_program(text: str) -> bool:
    """A sentence about an agreement that is ending or was replaced, not the program itself."""
    if states_termination(text):
        return True
    prior = PRIOR_AGREEMENT_RE.search(text)
    if prior is not None and _RESTATES_PRIOR_RE.search(text) and len(PRIOR_AGREEMENT_RE.findall(text)) == 1:
        prior = None
    if prior is not None and _SELLS_UNDER_EXISTING_RE.search(text) and len(PRIOR_AGREEMENT_RE.findall(text)) == 1 \
            and not re.search(r"\b(?:replac|supersed|new)\w*", text, re.I):
        prior = None  # "In accordance with the terms of our existing ... Sales Agreement ..., we may offer and sell ..."
    return bool(prior or _DEFINES_PRIOR_RE.search(text))


_SELLS_UNDER_EXISTING_RE = re.compile(r"\b(?:our|the|its) existing\b[^;]{0,250}?\bwe may (?:offer and |issue and )?sell\b", re.I)
"""A re-registration names the agreement it goes on selling under "existing": the program itself, not an earlier one."""


UNSOLD_RE = re.compile(
    r"(?:US)?\$\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s*(?P<scale>million|billion)\b)?"
    r"[^.;$]{0,80}?\b(?:(?:remain(?:s|ed|ing)?|were|was|are|is|left)\s+)?unsold\b", re.I)
"""What an ended program left unsold: "shares ... having an aggregate gross sales price of up to
$137,024,610 remained unsold under such prior program", "the approximately $140 million of
securities that remain unsold under that program", "terminated with shares ... of approximately $1.5
million unsold"."""


def _unsold(sentences: Sequence[Sentence], at: Sentence) -> tuple[Decimal, Span] | None:
    """The unsold amount of the ended program, in its termination sentence or the next one of its
    paragraph (`sentences` is the document's list: a sentence's index is its place in it)."""
    after = sentences[at.index + 1] if at.index + 1 < len(sentences) else None
    for s in [at] + ([after] if after is not None and after.para == at.para else []):
        m = UNSOLD_RE.search(s.text)
        value = money(m) if m else None
        if m and value is not None:
            return as_dollars(value) or value, s.sub(dollar_start(s.text, m.start("num")), m.end("num"))
    return None


_SELF_ONLY_RE = re.compile(r"\bwith respect to (?:itself|it only)\b", re.I)

_TERMINATION_EFFECTIVE_RE = re.compile(
    r"^(?:The|Such|This|That|The\s+\w+)?\s*termination\b[^.]{0,60}?\b(?:will be|became|becomes|is|was|shall be|will become)\s+"
    r"effective\s+(?:on\s+|as\s+of\s+)?(?P<date>" + DATE_RE.pattern + ")", re.I)
"""The next sentence dates the end ("On June 1, 2024, we provided written notice ... to terminate the Sales
Agreement. The termination will be effective on June 11, 2024."): the notice's date is not the end's."""


def _effective_next(sentences: Sequence[Sentence], at: Sentence) -> tuple[date, Span] | None:
    after = sentences[at.index + 1] if at.index + 1 < len(sentences) else None
    if after is None or after.para != at.para:
        return None
    m = _TERMINATION_EFFECTIVE_RE.search(after.text)
    dm = DATE_RE.search(m.group("date")) if m else None
    day = to_date(dm) if dm else None
    if m is None or day is None:
        return None
    return day, after.sub(m.start("date"), m.end("date"))


def detect(specific: list[Sentence], program: Program, doc_date: date | None,
           sentences: Sequence[Sentence]) -> list[Detection]:
    """The first sentence that terminates an agreement: this program's, or a prior one's
    (another date, other agents, or "our prior ... agreement")."""
    for s in specific:
        t = s.text
        if not states_termination(t):
            continue
        if OFFERING_ONLY_RE.search(t) and not AGREEMENT_TERMINATED_RE.search(t) and not SUPERSEDE_RE.search(t):
            continue  # terminating the offering, not the agreement: a suspension
        if _STAYS_IN_FORCE_RE.search(t) or _SELF_ONLY_RE.search(t) or KEPT_AGREEMENT_RE.search(t):
            continue  # the agreement stays in force ("terminate the Sales Agreement with respect to itself": an agent leaves)
        nxt = sentences[s.index + 1] if 0 <= s.index + 1 < len(sentences) else None
        if nxt is not None and nxt.para == s.para and OFFERING_ONLY_RE.search(t) and _STAYS_IN_FORCE_RE.search(nxt.text):
            continue  # "we have terminated the ATM prospectus relating to our Sales Agreement. The Sales Agreement remains in effect"
        replaced = SUPERSEDE_RE.search(t)
        before = named_before(s, sentences)
        if before is not None:
            # "We previously entered into an equity distribution agreement with Maxim dated June 2, 2020 ... That
            # agreement was terminated on January 4, 2021": the agreement is the one the sentence before named.
            prior = program_from(before, doc_date)
            if not prior.agents:
                prior.agents = [a for a in program.agents if _called_short(a, before.text)]
        elif replaced is not None and replaced.start() > 40:
            # "Our Sales Agreement, dated X, with Y, replaces our earlier agreement with Z": the
            # ended agreement is the verb's object; the subject is this program, and so are the terms
            # after the object (", relating to shares ... of up to $9,400,000").
            back = CLAUSE_RESUMES_RE.search(t, replaced.end())
            obj = t[replaced.start():back.start() if back else len(t)]
            prior = program_from(Sentence(s.index, s.para, s.start + replaced.start(), obj), doc_date)
        else:
            prior = program_from(s, doc_date)
        other = bool(PRIOR_AGREEMENT_RE.search(t) or UPON_ENTRY_RE.search(t) or SUPERSEDE_RE.search(t)
                     or _DEFINED_NAME_RE.search(t))
        if prior.agreement_date and program.agreement_date and prior.agreement_date != program.agreement_date:
            other = True
        if prior.agents and program.agents and set(prior.agents) - set(program.agents):
            # Another agreement: a different agent's (Cantor's ends, Wainwright's begins), or one
            # with an agent this program does not have ("among Cantor, Canaccord and us, which has
            # been terminated" beside a new agreement with Cantor and A.G.P.).
            other = True
        eff = when.effective_date(t, doc_date)
        spans = {"effective_date": s.sub(eff[1], eff[2])} if eff else {}
        effective = eff[0] if eff else None
        later = _effective_next(sentences, s)
        if later is not None:
            effective, spans["effective_date"] = later
        unsold = _unsold(sentences, s)
        if unsold is not None:
            spans["remaining_amount"] = unsold[1]
        if not other:
            _named_in_termination(program, prior)
            return [program.event("terminated", trigger=s.span, spans=spans, effective_date=effective, excerpt=norm(t),
                                  remaining_amount=unsold[0] if unsold else None)]
        _fill_from_definition(prior, t, specific, doc_date)
        if not prior.security and program.security:
            prior.security = program.security
            if "security" in program.spans:
                prior.spans["security"] = program.spans["security"]
        return [prior.event("terminated", trigger=s.span, spans=spans, scope="prior", effective_date=effective,
                            excerpt=norm(t), remaining_amount=unsold[0] if unsold else None)]
    return []


_NAMED_IN_TERMINATION = ("agreement_type", "agreement_date", "agents", "security")


def _named_in_termination(program: Program, named: Program) -> None:
    """The sentence that ends this program names the agreement it ends ("terminating the Equity Distribution
    Agreement, dated November 5, 2021"). A notice that only terminates has no sentence that defines the program,
    so what the termination states is the program's identity where nothing else gave it (its sales report
    included)."""
    for name in _NAMED_IN_TERMINATION:
        if not getattr(program, name) and getattr(named, name):
            setattr(program, name, getattr(named, name))
            if name in named.spans:
                program.spans[name] = named.spans[name]


_DEFINED_NAME_RE = re.compile(r"\b[Tt]he ((?:Prior|Previous|Former|Existing|Original|Old)(?: [A-Z][\w-]*){0,4} (?:Agreement|Program|Offering))\b")
"""A prior agreement called by its defined term: "We have terminated the Prior Distribution Agreement",
"The Prior Program has been terminated and is no longer effective"."""


_DEFINED_NAME_LOWER_RE = re.compile(r"\bthe ((?:prior|previous|former|existing|original|old)(?: [a-z][\w-]*){0,4}? (?:agreements?|program|offering))\b")
"""The same term defined in lower case: "(the “prior sales agreement”)", "(the prior equity distribution agreements)";
read only where the text defines it."""


def ends_defined_prior(text: str) -> bool:
    """A sentence that ends an earlier program called by its defined term ("The Prior Offering has
    been terminated"): it may stand apart from the sentences that name an agreement."""
    return bool(_DEFINED_NAME_RE.search(text)) and states_termination(text)


def _fill_from_definition(prior: Program, text: str, specific: list[Sentence], doc_date: date | None) -> None:
    """The prior agreement's identity from the sentence that defines its term ("... the equity
    distribution agreement, dated December 11, 2019, among ... (the “Prior Distribution
    Agreement”)"), for what the termination sentence itself does not say."""
    for m in [*_DEFINED_NAME_RE.finditer(text), *_DEFINED_NAME_LOWER_RE.finditer(text)]:
        defined = re.compile(r"\(\s*(?:the\s+)?[“\"]?" + re.escape(m.group(1)) + r"[”\"]?\s*\)")
        found = next(((x, hit) for x in specific if (hit := defined.search(x.text))), None)
        if found is None:
            continue
        source, cut = found[0], found[1].start()
        head = Sentence(source.index, source.para, source.start, source.text[:cut])
        named = program_from(head, doc_date)
        if named.agreement_type and (prior.agreement_type is None or m.group(1) == prior.agreement_type
                                     or m.group(1).endswith(prior.agreement_type)):
            prior.agreement_type, prior.spans["agreement_type"] = named.agreement_type, named.spans["agreement_type"]
        for name in ("agreement_date", "max_amount", "agents", "security"):
            if not getattr(prior, name) and getattr(named, name):
                setattr(prior, name, getattr(named, name))
                if name in named.spans:
                    prior.spans[name] = named.spans[name]
        return
