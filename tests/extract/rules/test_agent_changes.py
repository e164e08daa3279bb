"""Agents added and removed by an amendment (slot values: agents_added / agents_removed)."""

from __future__ import annotations

import pytest

from edgar_atm.extract.agents import canonical_agent

from .doc import by_type, events

BASE = ("On August 3, 2023, we entered into a Sales Agreement (the \"Original Sales Agreement\") with Cantor "
        "Fitzgerald & Co. and {old} relating to shares of our common stock having an aggregate offering price of up "
        "to $50,000,000. ")


def _prog(body):
    ev = by_type(events(body))
    return ev.get("program_amended") or ev.get("program_established")


# A legal name with "(USA)" in a removal clause is one name, not a clause opening at "(".
@pytest.mark.parametrize("old, clause", [
    ("Credit Suisse Securities (USA) LLC",
     "On February 15, 2024, we entered into an amendment to the Original Sales Agreement in order to (i) add UBS "
     "Securities LLC as an agent and (ii) remove Credit Suisse Securities (USA) LLC as an agent."),
    ("TD Securities (USA) LLC",
     "On May 2, 2024, we entered into an amendment to the Original Sales Agreement to remove TD Securities (USA) LLC "
     "as a sales agent and to add UBS Securities LLC as a sales agent."),
    ("Scotia Capital (USA) Inc.",
     "On June 9, 2025, we executed an amendment to the Original Sales Agreement pursuant to which we removed Scotia "
     "Capital (USA) Inc. as an agent and added UBS Securities LLC as an agent."),
])
def test_removed_agent_with_usa_in_its_name(old, clause):
    prog = _prog(BASE.format(old=old) + clause)
    assert prog is not None
    assert prog.agents_removed == [_canonical(old)]
    assert prog.agents_added == ["UBS Securities LLC"]


def _canonical(name):
    return canonical_agent(name)


# An amendment to the "Original Sales Agreement" adding agents changes this program's agents.
@pytest.mark.parametrize("clause, added", [
    ("On March 6, 2024, we entered into an amendment to the Original Sales Agreement to include Stifel, Nicolaus & "
     "Company, Incorporated and Virtu Americas LLC as additional agents.",
     ["Stifel, Nicolaus & Company, Incorporated", "Virtu Americas LLC"]),
    ("On March 6, 2024, we entered into an amendment to the Original Sales Agreement to add Needham & Company, LLC "
     "as an additional sales agent.", ["Needham & Company, LLC"]),
    ("On April 1, 2025, we and the agents entered into Amendment No. 1 to the Original Sales Agreement, adding BTIG, "
     "LLC as an agent.", ["BTIG, LLC"]),
])
def test_agents_added_to_the_original_agreement(clause, added):
    prog = _prog(BASE.format(old="B. Riley Securities, Inc.") + clause)
    assert prog is not None and prog.agents_added == added
    assert all(a in prog.agents for a in added)


def test_agents_of_a_terminated_agreement_are_not_added():
    # near miss: an amendment to an agreement that was then terminated adds nothing to this program
    body = (BASE.format(old="B. Riley Securities, Inc.") + "On March 6, 2024, we entered into an amendment to the "
            "prior sales agreement to add Needham & Company, LLC as an agent, and we terminated that agreement on "
            "May 1, 2024.")
    prog = _prog(body)
    assert prog is None or "Needham & Company, LLC" not in prog.agents_added
