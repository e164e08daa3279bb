"""Agent names: firms added to the canonical table (docs/atm-domain.md 4.2), and the forward
purchasers' counterparty list, which names banks and agents that are not the agent list."""

from __future__ import annotations

import pytest

from edgar_atm.extract import parse_filing
from edgar_atm.extract.agents import canonical_agent, find_agents, short_names

from .doc import events


@pytest.mark.parametrize("written, canonical", [
    ("Synovus Securities, Inc.", "Synovus Securities, Inc."),
    ("BOK Financial Securities, Inc.", "BOK Financial Securities, Inc."),
    ("HSBC Securities (USA) Inc.", "HSBC Securities (USA) Inc."),
    ("Yorkville Securities, LLC", "Yorkville Securities, LLC"),
    ("Spartan Capital Securities, LLC", "Spartan Capital Securities, LLC"),
    ("Moelis & Company LLC", "Moelis & Company LLC"),
    ("Stifel Nicolaus Canada Inc.", "Stifel Nicolaus Canada Inc."),
    ("TCBI Securities, Inc.", "TCBI Securities, Inc."),
    ("Texas Capital Securities", "TCBI Securities, Inc."),
    ("Santander Investment Securities Inc.", "Santander US Capital Markets LLC"),
    ("Titan Partners Group LLC", "Titan Partners Group LLC"),
    ("Desjardins Securities Inc.", "Desjardins Securities Inc."),
    ("Daiwa Capital Markets America Inc.", "Daiwa Capital Markets America Inc."),
    ("CastleOak Securities, L.P.", "CastleOak Securities, L.P."),
    ("Sandler O\u2019Neill & Partners, L.P.", "Sandler O'Neill & Partners, L.P."),
    ("BB&T Capital Markets, a division of BB&T Securities, LLC", "BB&T Securities, LLC"),
    ("Stephens Inc.", "Stephens Inc."),
    ("InspereX LLC", "InspereX LLC"),
    ("Clarksons Platou Securities, Inc.", "Clarksons Securities, Inc."),
    ("Fearnley Securities, Inc.", "Fearnley Securities, Inc."),
    ("DNB Markets, Inc.", "DNB Markets, Inc."),
    ("PI Financial (US) Corp.", "PI Financial (US) Corp."),
    ("Haywood Securities Inc.", "Haywood Securities Inc."),
    ("National Bank Financial Inc.", "National Bank Financial Inc."),
    ("Red Cloud Securities Inc.", "Red Cloud Securities Inc."),
])
def test_table_names_in_a_defining_sentence(written, canonical):
    ev = events(f"We have entered into a Sales Agreement, dated May 5, 2025, with {written}, as agent, relating to "
                "shares of our common stock having an aggregate offering price of up to $10,000,000.")[0]
    assert ev.agents == [canonical]


def test_stifel_canada_and_stifel_are_two_firms():
    assert find_agents("with Stifel Nicolaus Canada Inc. and Stifel, Nicolaus & Company, Incorporated") == [
        "Stifel Nicolaus Canada Inc.", "Stifel, Nicolaus & Company, Incorporated"]


@pytest.mark.parametrize("text, agents", [
    ("BMO Nesbitt Burns Inc. and BMO Capital Markets Corp. (together, the \"Agents\")",
     ["BMO Nesbitt Burns Inc.", "BMO Capital Markets Corp."]),
    ("RBC Dominion Securities Inc. and RBC Capital Markets, LLC", ["RBC Dominion Securities Inc.", "RBC Capital Markets, LLC"]),
    ("Scotia Capital Inc. and Scotia Capital (USA) Inc.", ["Scotia Capital Inc.", "Scotia Capital (USA) Inc."]),
    ("TD Securities Inc. and TD Securities (USA) LLC", ["TD Securities Inc.", "TD Securities (USA) LLC"]),
    ("CIBC World Markets Inc. and CIBC World Markets Corp.", ["CIBC World Markets Inc.", "CIBC World Markets Corp."]),
    ("Canaccord Genuity Corp. and Canaccord Genuity LLC", ["Canaccord Genuity Corp.", "Canaccord Genuity LLC"]),
    ("Raymond James Ltd. and Raymond James & Associates, Inc.", ["Raymond James Ltd.", "Raymond James & Associates, Inc."]),
    ("Cantor Fitzgerald Canada Corporation and Cantor Fitzgerald & Co.",
     ["Cantor Fitzgerald Canada Corporation", "Cantor Fitzgerald & Co."]),
    ("Laurentian Bank Securities Inc. and Laurentian Capital (USA) Inc.",
     ["Laurentian Bank Securities, Inc.", "Laurentian Capital (USA) Inc."]),
    # the Asian affiliates of an ADS program
    ("Goldman Sachs (Asia) L.L.C., UBS Securities LLC and China International Capital Corporation Hong Kong Securities "
     "Limited", ["Goldman Sachs (Asia) L.L.C.", "UBS Securities LLC",
                 "China International Capital Corporation Hong Kong Securities Limited"]),
    # near misses: the US firms alone stay the US firms
    ("BMO, RBC, Scotia, TD Cowen and Canaccord", ["BMO Capital Markets Corp.", "RBC Capital Markets, LLC",
                                                  "Scotia Capital (USA) Inc.", "TD Securities (USA) LLC", "Canaccord Genuity LLC"]),
])
def test_foreign_dealers_and_their_us_affiliates_are_two_firms(text, agents):
    assert find_agents(text) == agents


def test_tcbi_doing_business_as_texas_capital_is_one_agent():
    assert find_agents("TCBI Securities, Inc., doing business as Texas Capital Securities, and BTIG, LLC") == [
        "TCBI Securities, Inc.", "BTIG, LLC"]


def test_bare_bank_name_is_not_an_agent():
    # near miss: the bank (a lender or forward purchaser), not its broker-dealer
    assert find_agents("a credit agreement with Synovus Bank and BOK Financial Corporation") == []


# FORWARD_COUNTERPARTY_LIST_RE: "forward sale agreements ... between us and (each of) <list>" / "... with one or more of <list>".
@pytest.mark.parametrize("sentence", [
    "The sales agency agreements provide that we also may enter into forward sale agreements between us and each "
    "of Barclays Bank PLC, an affiliate of Barclays, Goldman Sachs & Co. LLC, and Mizuho Markets Americas LLC "
    "(with Mizuho Securities USA LLC acting as agent).",
    "In addition, we may enter into forward sales transactions under separate master forward confirmations between "
    "the Company and Morgan Stanley & Co. LLC, Royal Bank of Canada and Jefferies LLC.",
    "The equity distribution agreement contemplates that we may enter into one or more forward purchase contracts "
    "between us and each of Citibank, N.A., Wells Fargo Bank, National Association and Goldman Sachs & Co. LLC, "
    "as forward purchasers.",
    # "... with one or more of <list>" (the list may run to the page's end before its defined term)
    "We may also enter into one or more forward sale agreements under separate master forward sale agreements and "
    "related supplemental confirmations with one or more of Bank of Montreal, Jefferies LLC, KeyBanc Capital Markets "
    "Inc. and Raymond James & Associates, Inc.",
    "We may enter into forward sale agreements with each of Jefferies LLC and Robert W. Baird & Co. Incorporated",
])
def test_forward_counterparties_are_not_agents(sentence):
    assert find_agents(sentence) == []


def test_agents_before_the_counterparty_list_are_kept():
    sentence = ("We have entered into a sales agreement with BofA Securities, Inc. and Truist Securities, Inc., and "
                "we may enter into forward sale agreements between us and each of Bank of America, N.A. and "
                "Goldman Sachs & Co. LLC.")
    assert find_agents(sentence) == ["BofA Securities, Inc.", "Truist Securities, Inc."]


def test_forward_sellers_named_outside_a_counterparty_list_stay_agents():
    # near miss: agents acting as forward sellers are still agents
    sentence = ("We have entered into an equity distribution agreement with Goldman Sachs & Co. LLC and Jefferies "
                "LLC, as sales agents and forward sellers, and we may enter into forward sale agreements.")
    assert find_agents(sentence) == ["Goldman Sachs & Co. LLC", "Jefferies LLC"]


# _GLUED_SUFFIX_RE: a space lost before the corporate suffix in extracted text.
@pytest.mark.parametrize("written, canonical", [
    ("JefferiesLLC", "Jefferies LLC"),
    ("Mizuho Securities USALLC and BTIG, LLC", "Mizuho Securities USA LLC"),
    ("B. Riley Securities,Inc. and Needham & Company, LLC", "B. Riley Securities, Inc."),
    ("Piper Sandler & Co. and Lake Street Capital MarketsLLC", "Piper Sandler & Co."),
])
def test_glued_suffix(written, canonical):
    assert find_agents(f"with each of {written}, as sales agents")[0] == canonical


def test_glued_suffix_keeps_unknown_firms_whole():
    assert find_agents("with Harbor Row SecuritiesLLC, as agent", keep_unknown=True) == ["Harbor Row Securities LLC"]


# _ISSUER_SIDE_RE: the issuer's adviser, administrator or operating partnership beside the agents.
@pytest.mark.parametrize("sentence", [
    "with each of Truist Securities, Inc. and Regions Securities LLC, and our investment adviser, Ares Capital "
    "Management LLC, and our administrator, Ares Operations LLC",
    "with Truist Securities, Inc. and Regions Securities LLC and our external manager, Harbor Row Advisors LLC",
    "among the Company, our operating partnership, Harbor Row Operating LP, and Truist Securities, Inc. and Regions "
    "Securities LLC",
])
def test_issuer_side_parties_are_not_agents(sentence):
    assert find_agents(sentence, keep_unknown=True) == ["Truist Securities, Inc.", "Regions Securities LLC"]


def test_unknown_firm_named_as_agent_is_kept():
    # near miss: an unknown firm in the agent list itself stays
    assert find_agents("with Truist Securities, Inc. and Harbor Row Securities LLC, as our sales agents",
                       keep_unknown=True) == ["Truist Securities, Inc.", "Harbor Row Securities LLC"]


@pytest.mark.parametrize("written, canonical", [
    ("R.F. Lafferty & Co., Inc.", "R.F. Lafferty & Co., Inc."),
    ("R.F. Lafferty & Co. Inc.", "R.F. Lafferty & Co., Inc."),
    ("D. Boral Capital LLC", "D. Boral Capital LLC"),
    ("Cohen & Company Capital Markets, a division of Cohen & Company Securities, LLC",
     "Cohen & Company Capital Markets, a division of Cohen & Company Securities, LLC"),
])
def test_small_cap_agents_in_the_table(written, canonical):
    assert canonical_agent(written) == canonical


@pytest.mark.parametrize("written, canonical", [
    ("BMOCapital Markets Corp. (“BMO”)", ["BMO Capital Markets Corp."]),
    ("B. RileySecurities, Inc.", ["B. Riley Securities, Inc."]),
    ("Wells FargoSecurities, LLC and Hancock Whitney Investment Services, Inc.",
     ["Wells Fargo Securities, LLC", "Hancock Whitney Investment Services, Inc."]),
])
def test_names_with_a_space_lost_where_a_mirror_page_broke_a_line(written, canonical):
    assert find_agents(written) == canonical


@pytest.mark.parametrize("sentence", [
    "The Company has entered into an equity distribution agreement dated June 4, 2020, with Ladenburg Thalmann & Co. "
    "Inc. and Example Fund Capital Corp.'s (the \"Company\") investment adviser, Example Fund Management, LLC (the "
    "\"Adviser\").",
    "We, our adviser, Example Advisors, LLC, and Ladenburg Thalmann & Co. Inc. are parties to the equity distribution "
    "agreement.",
    "We have entered into an equity distribution agreement with Ladenburg Thalmann & Co. Inc. and Example Fund "
    "Management, LLC (the \"Adviser\").",
])
def test_the_issuer_and_its_adviser_are_not_agents(sentence):
    assert find_agents(sentence, keep_unknown=True) == ["Ladenburg Thalmann & Co. Inc."]


def test_an_unknown_firm_in_the_agent_list_is_still_kept():
    found = find_agents("We have entered into a sales agreement with Ladenburg Thalmann & Co. Inc. and Example "
                        "Capital Markets, LLC (the \"Agents\").", keep_unknown=True)
    assert found == ["Ladenburg Thalmann & Co. Inc.", "Example Capital Markets, LLC"]


@pytest.mark.parametrize("text, agents", [
    # renamed firms as 2009-2012 filings name them
    ("through Morgan Stanley & Co. Incorporated and Merrill Lynch & Co., as our sales agents",
     ["Morgan Stanley & Co. LLC", "BofA Securities, Inc."]),
    ("through Deutsche Bank Securities Inc., or Deutsche Bank Securities, and Knight Capital Americas, L.P., or Knight, "
     "as our agents", ["Deutsche Bank Securities Inc.", "Knight Capital Americas LLC"]),
    ("with Knight Capital Americas LLC, as our sales agent", ["Knight Capital Americas LLC"]),
    ("with Knight Capital Markets LLC, as our sales agent", ["Knight Capital Americas LLC"]),
    ("with Knight Capital Americas, L.P., successor to Knight Capital Markets LLC (\"Knight\"), as sales agent",
     ["Knight Capital Americas LLC"]),
    ("through J.P. Morgan Securities LLC and Mitsubishi UFJ Securities (USA), Inc., as our agents",
     ["J.P. Morgan Securities LLC", "MUFG Securities Americas Inc."]),
])
def test_renamed_firms_by_their_canonical_names(text, agents):
    assert find_agents(text) == agents


def test_the_cover_sentence_that_sells_through_the_agent_names_the_cap():
    evs = events("This prospectus supplement and the accompanying prospectus relate to the issuance and sale from time to "
                 "time of common units representing limited partner interests having an aggregate offering price of up "
                 "to $500,000,000 through Citigroup Global Markets Inc., as our sales agent. These sales, if any, will be "
                 "made pursuant to the terms of an equity distribution agreement between us and the sales agent.",
                 security="Common Units")
    assert evs[0].type == "program_established" and evs[0].max_amount == 500_000_000
    assert evs[0].agents == ["Citigroup Global Markets Inc."]


def test_every_alias_starts_with_a_capital():
    # find_agents skips every position that is not a capital letter before trying the aliases
    from edgar_atm.extract.agents import AGENTS
    assert [alias for aliases in AGENTS.values() for alias in aliases if not alias[:1].isupper()] == []


@pytest.mark.parametrize("text, agents", [
    ("Credit Suisse High Yield Bond Fund (the \"Fund\") has entered into a sales agreement with JonesTrading "
     "Institutional Services LLC", ["JonesTrading Institutional Services LLC"]),
    ("Morgan Stanley Emerging Markets Domestic Debt Fund has entered into a sales agreement with Cantor Fitzgerald & Co.",
     ["Cantor Fitzgerald & Co."]),
    # near miss: the firm itself, or the firm beside a fund it sells for
    ("The Fund has entered into a sales agreement with Credit Suisse Securities (USA) LLC", ["Credit Suisse Securities (USA) LLC"]),
])
def test_a_fund_named_after_a_bank_is_not_its_agent(text, agents):
    assert find_agents(text) == agents


# agents._FIRM_RE: an unknown firm right after a known one whose suffix ends the list item ("Inc., Rosenblatt ...").
@pytest.mark.parametrize("sentence, agents", [
    ("We have entered into a Sales Agreement with Macquarie Capital (USA) Inc., Rosenblatt Securities Inc. and Roth "
     "Capital Partners, LLC (each, a \"Sales Agent\").",
     ["Macquarie Capital (USA) Inc.", "Rosenblatt Securities Inc.", "Roth Capital Partners, LLC"]),
    ("We have entered into an equity distribution agreement with Jefferies LLC, Harbor Row Securities LLC and B. Riley "
     "Securities, Inc., as our sales agents.",
     ["Jefferies LLC", "Harbor Row Securities LLC", "B. Riley Securities, Inc."]),
    ("The Sales Agents are Truist Securities, Inc., Harbor Row Capital Corp. and Roth Capital Partners, LLC.",
     ["Truist Securities, Inc.", "Harbor Row Capital Corp.", "Roth Capital Partners, LLC"]),
])
def test_an_unknown_firm_after_a_known_one_in_a_list(sentence, agents):
    assert find_agents(sentence, keep_unknown=True) == agents


@pytest.mark.parametrize("written", [
    "Cohen & Company Capital Markets, a division of Cohen & Company Securities, LLC",
    "Cohen & Company Capital Markets",
])
def test_a_division_is_named_with_its_firm(written):
    assert find_agents(f"We have entered into a Sales Agreement with {written}, as sales agent.", keep_unknown=True) \
        == ["Cohen & Company Capital Markets, a division of Cohen & Company Securities, LLC"]


@pytest.mark.parametrize("sentence, agents", [
    ("We have entered into a Sales Agreement with Cowen and Company, LLC, or TD Cowen, relating to shares of our "
     "common stock.", ["Cowen and Company, LLC"]),
    ("We have entered into a Sales Agreement with Cowen and Company, LLC (\u201cTD Cowen\u201d) and B. Riley Securities, "
     "Inc. (\u201cB. Riley\u201d), relating to shares of our common stock.",
     ["Cowen and Company, LLC", "B. Riley Securities, Inc."]),
    ("We have entered into a Sales Agreement with Cowen and Company, LLC (the \u201cTD Cowen\u201d), relating to shares "
     "of our common stock.", ["Cowen and Company, LLC"]),
])
def test_a_short_name_given_to_the_firm_just_named_is_that_firm(sentence, agents):
    # "TD Cowen" alone is TD Securities (USA) LLC; as the short name of Cowen and Company it is no second agent.
    assert find_agents(sentence) == agents


@pytest.mark.parametrize("sentence, agents", [
    # two firms with their legal names, the second an alternative: both are agents
    ("Shares may be sold through Cantor Fitzgerald & Co., or B. Riley Securities, Inc., as agent.",
     ["Cantor Fitzgerald & Co.", "B. Riley Securities, Inc."]),
    ("We have entered into a Sales Agreement with Cowen and Company, LLC and TD Securities (USA) LLC.",
     ["Cowen and Company, LLC", "TD Securities (USA) LLC"]),
])
def test_a_second_firm_by_its_legal_name_is_kept(sentence, agents):
    assert find_agents(sentence) == agents


@pytest.mark.parametrize("opening", ["through one or more of", "through any of", "through each of"])
def test_a_firm_missing_from_the_table_stands_in_a_list_after_through_one_or_more_of(opening):
    doc = ("PROSPECTUS SUPPLEMENT\nCommon Units\nHaving an Aggregate Offering Price of Up to $250,000,000\nThis prospectus "
           "supplement relates to the offer and sale from time to time of common units having an aggregate offering price of "
           "up to $250,000,000. The issuance and sale of the common units under this prospectus supplement, if any, will be "
           f"made {opening} RBC Capital Markets, LLC, Citigroup Global Markets Inc., Commerz Markets LLC and Jefferies LLC, "
           "as our sales agents, in \"at the market\" offerings.\n")
    ev = parse_filing(doc.encode(), path="passage.md").events[0]
    assert ev.agents == ["RBC Capital Markets, LLC", "Citigroup Global Markets Inc.", "Commerz Markets LLC", "Jefferies LLC"]


def test_an_unknown_firm_outside_the_agents_list_is_not_an_agent():
    # near miss: a firm named elsewhere in the paragraph (a trustee) is no agent
    doc = ("PROSPECTUS SUPPLEMENT\nCommon Units\nHaving an Aggregate Offering Price of Up to $250,000,000\nThis prospectus "
           "supplement relates to the offer and sale from time to time of common units having an aggregate offering price of "
           "up to $250,000,000. The issuance and sale of the common units, if any, will be made through one or more of RBC "
           "Capital Markets, LLC and Jefferies LLC, as our sales agents, in \"at the market\" offerings. Our transfer agent is "
           "Computershare Trust Company, N.A.\n")
    ev = parse_filing(doc.encode(), path="passage.md").events[0]
    assert ev.agents == ["RBC Capital Markets, LLC", "Jefferies LLC"]


CUT_COVER = ("PROSPECTUS SUPPLEMENT\nUp to $300,000,000\nCommon Stock\nSales of our common stock, if any, will be made in "
             "\"at the market offerings\" as defined in Rule 415(a)(4). We have entered into an at-the-market sales "
             "agreement relating to shares of our common stock having an aggregate offering price of up to $300,000,000 "
             "with Ladenburg Thalmann & Co. Inc. and ")


@pytest.mark.parametrize("cut", ["Compass Point Research and Tradin", "Scotia Capi", "B. Riley Securi", "BNY Me"])
def test_a_firm_name_the_page_stops_in_is_left_out(cut):
    # a page copy that stops mid-name names no firm there (the corpus convention of exc 2025 and sar 2023)
    evs = parse_filing((CUT_COVER + cut).encode(), path="cut.md").events
    assert [e.agents for e in evs] == [["Ladenburg Thalmann & Co. Inc."]]


@pytest.mark.parametrize("whole, agent", [
    ("Compass Point Research & Trading, LLC", "Compass Point Research & Trading, LLC"),
    ("B. Riley Securities, Inc.", "B. Riley Securities, Inc."),
    ("Scotia Capital (USA) Inc", "Scotia Capital (USA) Inc."),
    # the page stops after a whole word of the firm's name: a short name, not a cut one
    ("Compass Point", "Compass Point Research & Trading, LLC"),
    ("Jefferies", "Jefferies LLC"),
])
def test_a_whole_name_at_the_end_of_the_page_stays(whole, agent):
    # near miss: the page stops after a legal suffix or a whole word of the name
    evs = parse_filing((CUT_COVER + whole).encode(), path="cut.md").events
    assert evs and agent in evs[0].agents


def test_agents_before_a_with_one_or_more_of_counterparty_list_are_kept():
    sentence = ("We have entered into an equity distribution agreement with Jefferies LLC and Wells Fargo Securities, LLC. "
                "We may also enter into forward sale agreements with one or more of Jefferies LLC and Bank of Montreal.")
    assert find_agents(sentence.split(". ")[0]) == ["Jefferies LLC", "Wells Fargo Securities, LLC"]
    # near miss: "with" a named firm (no "one or more of") is no counterparty list
    assert find_agents("We may enter into forward sale agreements with the help of Jefferies LLC, as forward seller.") \
        == ["Jefferies LLC"]


def test_wm_smith_is_an_agent_of_the_table():
    assert canonical_agent("Wm Smith & Co.") == "Wm Smith & Co." == canonical_agent("Wm. Smith & Co.")


@pytest.mark.parametrize("text, expected", [
    ("with Jefferies LLC, or Jefferies, relating to", {"Jefferies"}),
    ("with Jefferies LLC (\u201cJefferies\u201d), relating to", {"Jefferies"}),
    ("with Cantor Fitzgerald & Co. (\"Cantor\") relating to", {"Cantor"}),
    ("with B. Riley Securities, Inc. (the \u201cAgent\u201d) relating to", set()),
    ("with Jefferies LLC relating to our common stock", set()),
])
def test_short_names_are_the_ones_the_filing_gives_its_firms(text, expected):
    assert short_names(text) == expected
