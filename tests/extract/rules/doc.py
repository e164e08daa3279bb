"""Build a minimal ATM prospectus supplement around a passage, so the role rule sees the
program's own prospectus, and parse it."""

from __future__ import annotations

from edgar_atm.extract import parse_filing

COVER = "PROSPECTUS SUPPLEMENT\n{cap}\n{security}\n"
ATM = ("Sales of our {security}, if any, under this prospectus supplement may be made in sales deemed to be "
       "\"at the market offerings\" as defined in Rule 415(a)(4).")


def events(body: str, cap: str = "", security: str = "Common Stock", cover: str | None = None) -> list:
    head = COVER.format(cap=cap, security=security) if cover is None else cover
    doc = head + body + "\n" + ATM.format(security=security.lower())
    return parse_filing(doc.encode("utf-8"), path="passage.md").events


def by_type(evs) -> dict:
    return {e.type: e for e in evs}


def types(evs) -> list[str]:
    return [e.type for e in evs]


def document_events(text: str) -> list[dict]:
    """The events of a whole short document as written (no cover or at-the-market sentence added), as `parse --json`
    gives them."""
    return [e.to_json() for e in parse_filing(text.encode("utf-8"), path="doc.md").events]


def only_event(text: str, type_: str) -> dict:
    """The one event of `type_` in the whole document `text`; fails when there is none or more than one."""
    found = [e for e in document_events(text) if e["type"] == type_]
    assert len(found) == 1, document_events(text)
    return found[0]
