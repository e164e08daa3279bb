"""Canonical ATM sales agents (docs/atm-domain.md 4.2): full legal name, the aliases and
former names filings use, and a matcher that turns a sentence into canonical names.

Forward purchasers (banks such as "Bank of America, N.A.") are deliberately absent, and
short aliases refuse to match when the name continues as a bank ("Wells Fargo Bank"), so
they never become agents.
"""

from __future__ import annotations

import re
from functools import lru_cache

# canonical legal name -> aliases (regex fragments, matched case-sensitively on word edges)
AGENTS: dict[str, tuple[str, ...]] = {
    # Canadian dealers first: see the note at Stifel Nicolaus Canada below. Likewise the Asian affiliates that sell
    # an ADS program beside US firms ("Goldman Sachs (Asia) L.L.C.", not Goldman Sachs & Co. LLC).
    "Goldman Sachs (Asia) L.L.C.": (r"Goldman Sachs \(Asia\) L\.L\.C\.?",),
    "China International Capital Corporation Hong Kong Securities Limited": (
        r"China International Capital Corporation Hong Kong Securities Limited", r"CICC(?= |,|\))"),
    "Cantor Fitzgerald Canada Corporation": (r"Cantor Fitzgerald Canada(?: Corporation)?",),
    "TD Securities Inc.": (r"TD Securities Inc\.?",),
    "Cantor Fitzgerald & Co.": (r"Cantor Fitzgerald(?: & Co\.?)?", r"Cantor", r"CF&Co"),
    "H.C. Wainwright & Co., LLC": (r"H\.\s?C\. Wainwright(?: & Co\.?,? LLC)?", r"Wainwright", r"HCW"),
    "TD Securities (USA) LLC": (r"TD Securities(?: \(USA\) LLC)?", r"TD Cowen"),
    "Cowen and Company, LLC": (r"Cowen and Company(?:, LLC)?", r"Cowen(?! Inc)"),
    "B. Riley Securities, Inc.": (r"B\.? ?Riley Securities(?:, Inc\.?)?", r"B\.? ?Riley FBR(?:, Inc\.?)?", r"B\. ?Riley", r"B Riley",
                                  r"FBR Capital Markets & Co\.?", r"FBR", r"MLV & Co\.? LLC", r"MLV",
                                  r"McNicoll,? Lewis & Vlak(?: LLC)?"),
    "Jefferies LLC": (r"Jefferies(?: LLC)?(?! Financial)", r"Jeffries(?: LLC)?"),
    # The Canadian dealers of cross-listed issuers are separate legal persons from their US affiliates; listed
    # first so that, at the same place, "BMO Nesbitt Burns" wins over "BMO" and "Scotia Capital Inc." over "Scotia Capital".
    "Stifel Nicolaus Canada Inc.": (r"Stifel Nicolaus Canada(?: Inc\.?)?",),
    "BMO Nesbitt Burns Inc.": (r"BMO Nesbitt Burns(?: Inc\.?)?",),
    "RBC Dominion Securities Inc.": (r"RBC Dominion Securities(?: Inc\.?)?",),
    "Scotia Capital Inc.": (r"Scotia Capital Inc\.?",),
    "CIBC World Markets Inc.": (r"CIBC World Markets Inc\.?",),
    "Canaccord Genuity Corp.": (r"Canaccord Genuity Corp\.?",),
    "Raymond James Ltd.": (r"Raymond James Ltd\.?",),
    "Laurentian Bank Securities, Inc.": (r"Laurentian Bank Securities,? Inc\.?",),
    "Laurentian Capital (USA) Inc.": (r"Laurentian Capital \(USA\),? Inc\.?",),
    "Stifel, Nicolaus & Company, Incorporated": (r"Stifel,? Nicolaus & Company,? Incorporated", r"Stifel(?:,? Nicolaus)?(?! Canada)"),
    "BTIG, LLC": (r"BTIG(?:, LLC)?",),
    "JonesTrading Institutional Services LLC": (r"JonesTrading(?: Institutional Services,? LLC)?", r"Jones Trading"),
    "Roth Capital Partners, LLC": (r"Roth Capital Partners(?:, LLC)?", r"Roth Capital", r"Roth(?= |,|\))"),
    "Ladenburg Thalmann & Co. Inc.": (r"Ladenburg Thalmann(?: & Co\.? Inc\.?)?", r"Ladenburg"),
    "A.G.P./Alliance Global Partners": (r"A\.G\.P\./Alliance Global Partners", r"A\.G\.P\.", r"AGP", r"Alliance Global Partners"),
    "Canaccord Genuity LLC": (r"Canaccord Genuity(?: LLC)?", r"Canaccord"),
    "Leerink Partners LLC": (r"Leerink Partners(?: LLC)?", r"SVB Securities(?: LLC)?", r"SVB Leerink(?: LLC)?", r"Leerink"),
    "Piper Sandler & Co.": (r"Piper Sandler(?: & Co\.?)?", r"Piper Jaffray(?: & Co\.?)?", r"Piper(?= |,|\))"),
    "Citizens JMP Securities, LLC": (r"Citizens JMP(?: Securities,? LLC)?", r"JMP Securities(?:,? LLC)?", r"JMP"),
    "Raymond James & Associates, Inc.": (r"Raymond James(?: & Associates,? Inc\.?)?",),
    "RBC Capital Markets, LLC": (r"RBC Capital Markets(?:, LLC)?", r"RBC"),
    "BofA Securities, Inc.": (r"BofA Securities(?:, Inc\.?)?", r"Merrill Lynch,? Pierce,? Fenner & Smith(?: Incorporated)?",
                              r"Merrill Lynch & Co\.?(?:,? Inc\.?)?",
                              r"BofA Merrill Lynch", r"BofA(?! Finance)(?! Merrill)"),
    "Goldman Sachs & Co. LLC": (r"Goldman Sachs & Co\.?(?: LLC)?", r"Goldman,? Sachs(?! Bank)(?! International)", r"Goldman(?= |,|\))"),
    "Morgan Stanley & Co. LLC": (r"Morgan Stanley & Co\.?(?: LLC)?", r"Morgan Stanley(?! Bank)(?! MUFG)"),
    "J.P. Morgan Securities LLC": (r"J\.?\s?P\.? Morgan Securities(?: LLC)?", r"J\.\s?P\. Morgan(?! Chase)", r"JP Morgan(?! Chase)", r"JPMorgan(?! Chase)", r"JPM"),
    "Citigroup Global Markets Inc.": (r"Citigroup Global Markets(?: Inc\.?)?", r"Citigroup", r"Citi(?=[ ,)])"),
    "Wells Fargo Securities, LLC": (r"Wells Fargo Securities(?:, LLC)?", r"Wells Fargo(?! Bank)(?! &)"),
    "Barclays Capital Inc.": (r"Barclays Capital(?: Inc\.?)?", r"Barclays(?! Bank)"),
    "Credit Suisse Securities (USA) LLC": (r"Credit Suisse Securities(?: \(USA\) LLC)?", r"Credit Suisse(?! International)"),
    "UBS Securities LLC": (r"UBS Securities(?: LLC)?", r"UBS(?! AG)"),
    "Deutsche Bank Securities Inc.": (r"Deutsche Bank Securities(?: Inc\.?)?",),
    "Mizuho Securities USA LLC": (r"Mizuho Securities USA(?: LLC)?", r"Mizuho(?! Markets)(?! Bank)"),
    "BMO Capital Markets Corp.": (r"BMO Capital Markets(?: Corp\.?)?", r"BMO(?= |,|\))"),
    "KeyBanc Capital Markets Inc.": (r"KeyBanc Capital Markets(?: Inc\.?)?", r"KeyBanc"),
    "Truist Securities, Inc.": (r"Truist Securities(?:, Inc\.?)?", r"SunTrust Robinson Humphrey(?:, Inc\.?)?", r"Truist(?! Bank)"),
    "Scotia Capital (USA) Inc.": (r"Scotia Capital(?: \(USA\) Inc\.?)?", r"Scotia(?= |,|\))"),
    "Robert W. Baird & Co. Incorporated": (r"Robert W\. Baird & Co\.?(?: Incorporated)?", r"Baird"),
    "Evercore Group L.L.C.": (r"Evercore Group(?: L\.L\.C\.?)?", r"Evercore(?: ISI)?"),
    "Nomura Securities International, Inc.": (r"Nomura Securities International(?:, Inc\.?)?", r"Nomura(?! Global)"),
    "SMBC Nikko Securities America, Inc.": (r"SMBC Nikko Securities America(?:, Inc\.?)?", r"SMBC Nikko", r"SMBC"),
    # Mitsubishi UFJ Securities (USA), Inc. took the MUFG name in 2010.
    "MUFG Securities Americas Inc.": (r"MUFG Securities Americas(?: Inc\.?)?", r"Mitsubishi UFJ Securities \(USA\),? Inc\.?",
                                      r"Mitsubishi UFJ Securities \(USA\)", r"MUFG(?! Bank)"),
    "BNP Paribas Securities Corp.": (r"BNP Paribas Securities(?: Corp\.?)?", r"BNP Paribas(?! SA)"),
    "Credit Agricole Securities (USA) Inc.": (r"Cr[ée]dit Agricole Securities(?: \(USA\) Inc\.?)?", r"Cr[ée]dit Agricole(?! Corporate)", r"CA-CIB"),
    "Regions Securities LLC": (r"Regions Securities(?: LLC)?", r"Regions(?! Bank)(?! Financial)"),
    "Fifth Third Securities, Inc.": (r"Fifth Third Securities(?:, Inc\.?)?",),
    "Huntington Securities, Inc.": (r"Huntington Securities(?:, Inc\.?)?",),
    "CIBC World Markets Corp.": (r"CIBC World Markets(?: Corp\.?)?", r"CIBC(?= |,|\))"),
    "BNY Mellon Capital Markets, LLC": (r"BNY Mellon Capital Markets(?:, LLC)?", r"BNY Capital Markets(?:, LLC)?", r"BNY Mellon", r"BNY(?= |,|\)|\")"),
    "BBVA Securities Inc.": (r"BBVA Securities(?: Inc\.?)?", r"BBVA"),
    "Santander US Capital Markets LLC": (r"Santander US Capital Markets(?: LLC)?", r"Santander Investment Securities(?: Inc\.?)?"),
    "Samuel A. Ramirez & Company, Inc.": (r"Samuel A\. Ramirez & Company(?:, Inc\.?)?", r"Ramirez"),
    "Oppenheimer & Co. Inc.": (r"Oppenheimer & Co\.?(?: Inc\.?)?", r"Oppenheimer"),
    "Needham & Company, LLC": (r"Needham & Company(?:, LLC)?", r"Needham"),
    "Macquarie Capital (USA) Inc.": (r"Macquarie Capital \(USA\) Inc\.?", r"Macquarie Capital(?! Markets)(?! \(Europe\))"),
    "Northland Securities, Inc.": (r"Northland Securities(?:, Inc\.?)?", r"Northland Capital Markets", r"Northland"),
    "Craig-Hallum Capital Group LLC": (r"Craig-Hallum Capital Group(?: LLC)?", r"Craig-Hallum"),
    "Lake Street Capital Markets, LLC": (r"Lake Street Capital Markets(?:, LLC)?", r"Lake Street"),
    "Seaport Global Securities LLC": (r"Seaport Global Securities(?: LLC)?", r"Seaport Global"),
    "The Benchmark Company, LLC": (r"The Benchmark Company(?:, LLC)?", r"Benchmark Company"),
    "Compass Point Research & Trading, LLC": (r"Compass Point Research & Trading(?:, LLC)?", r"Compass Point"),
    "Keefe, Bruyette & Woods, Inc.": (r"Keefe,? Bruyette (?:&|and) Woods(?:, Inc\.?)?", r"KBW"),
    "SG Americas Securities, LLC": (r"SG Americas Securities(?:, LLC)?",),
    "Berenberg Capital Markets LLC": (r"Berenberg Capital Markets(?: LLC)?", r"Berenberg"),
    "Virtu Americas LLC": (r"Virtu Americas(?: LLC)?", r"Virtu(?!\s+Financial)(?= |,|\))"),
    "Wedbush Securities Inc.": (r"Wedbush Securities(?: Inc\.?)?", r"Wedbush"),
    "IFS Securities, Inc.": (r"IFS Securities(?:, Inc\.?)?", r"Brinson Patrick"),
    "Wm Smith & Co.": (r"Wm\.? Smith & Co\.?", r"Wm\.? Smith", r"William Smith & Co\.?"),
    "Maxim Group LLC": (r"Maxim Group(?: LLC)?",),
    "ThinkEquity LLC": (r"ThinkEquity(?: LLC)?",),
    "EF Hutton LLC": (r"EF Hutton(?: LLC)?",),
    "Dawson James Securities, Inc.": (r"Dawson James Securities(?:, Inc\.?)?", r"Dawson James"),
    "Chardan Capital Markets LLC": (r"Chardan Capital Markets(?: LLC)?", r"Chardan"),
    "Aegis Capital Corp.": (r"Aegis Capital Corp\.?",),
    "Ascendiant Capital Markets, LLC": (r"Ascendiant Capital Markets(?:, LLC)?", r"Ascendiant"),
    "Lucid Capital Markets, LLC": (r"Lucid Capital Markets(?:, LLC)?",),
    "Guggenheim Securities, LLC": (r"Guggenheim Securities(?:, LLC)?",),
    "William Blair & Company, L.L.C.": (r"William Blair & Company(?:, L\.L\.C\.?)?", r"William Blair"),
    "D.A. Davidson & Co.": (r"D\.\s?A\. Davidson(?: & Co\.?)?",),
    "Janney Montgomery Scott LLC": (r"Janney Montgomery Scott(?: LLC)?", r"Janney"),
    "Loop Capital Markets LLC": (r"Loop Capital Markets(?: LLC)?",),
    "PNC Capital Markets LLC": (r"PNC Capital Markets(?: LLC)?",),
    "Capital One Securities, Inc.": (r"Capital One Securities(?:, Inc\.?)?",),
    "Roth Capital Partners, LLC ": (),  # placeholder removed below
    # "TCBI Securities, Inc., doing business as Texas Capital Securities": one firm, two names.
    "TCBI Securities, Inc.": (r"TCBI Securities(?:,? Inc\.?)?", r"Texas Capital Securities(?:,? (?:LLC|Inc\.?))?"),
    "Academy Securities, Inc.": (r"Academy Securities(?:, Inc\.?)?",),
    "Siebert Williams Shank & Co., LLC": (r"Siebert Williams Shank(?: & Co\.?,? LLC)?",),
    "Telsey Advisory Group LLC": (r"Telsey Advisory Group(?: LLC)?",),
    "Cowen and Company, LLC ": (),
    "Clear Street LLC": (r"Clear Street(?: LLC)?",),
    "Rodman & Renshaw LLC": (r"Rodman & Renshaw(?: LLC)?",),
    "Roth MKM": (),
    "Oppenheimer & Co. Inc. ": (),
    "Brookline Capital Markets": (r"Brookline Capital Markets",),
    "National Securities Corporation": (r"National Securities Corporation",),
    "Raymond James": (),
    "StockBlock Securities LLC": (r"StockBlock Securities(?: LLC)?",),
    "Noble Capital Markets, Inc.": (r"Noble Capital Markets(?:, Inc\.?)?",),
    "Tigress Financial Partners LLC": (r"Tigress Financial Partners(?: LLC)?",),
    "Drexel Hamilton, LLC": (r"Drexel Hamilton(?:, LLC)?",),
    "Penserra Securities LLC": (r"Penserra Securities(?: LLC)?",),
    "Cabrera Capital Markets LLC": (r"Cabrera Capital Markets(?: LLC)?",),
    "C.L. King & Associates, Inc.": (r"C\.\s?L\. King & Associates(?:, Inc\.?)?",),
    "R. Seelaus & Co., LLC": (r"R\. Seelaus & Co\.?(?:, LLC)?",),
    "Huntington Securities, Inc. ": (),
    "Comerica Securities, Inc.": (r"Comerica Securities(?:, Inc\.?)?",),
    # Regional-bank, foreign-bank and boutique dealers seen as ATM agents; the bare bank name
    # is not an alias (it would also match the bank as forward purchaser or lender).
    "Synovus Securities, Inc.": (r"Synovus Securities(?:,? Inc\.?)?",),
    "BOK Financial Securities, Inc.": (r"BOK Financial Securities(?:,? Inc\.?)?", r"BOKF(?= |,|\))"),
    "HSBC Securities (USA) Inc.": (r"HSBC Securities(?: \(USA\))?(?: Inc\.?)?",),
    "Yorkville Securities, LLC": (r"Yorkville Securities(?:,? LLC)?",),
    "Spartan Capital Securities, LLC": (r"Spartan Capital Securities(?:,? LLC)?", r"Spartan Capital(?! Holdings)"),
    "Moelis & Company LLC": (r"Moelis & Company(?: LLC)?", r"Moelis(?= |,|\))"),
    "Titan Partners Group LLC": (r"Titan Partners Group(?:,? LLC)?", r"Titan Partners"),
    "Univest Securities, LLC": (r"Univest Securities(?:,? LLC)?",),
    "Desjardins Securities Inc.": (r"Desjardins Securities(?: Inc\.?)?",),
    "National Bank of Canada Financial Inc.": (r"National Bank of Canada Financial(?: Inc\.?)?", r"NBF Securities"),
    "Natixis Securities Americas LLC": (r"Natixis Securities Americas(?: LLC)?",),
    "Daiwa Capital Markets America Inc.": (r"Daiwa Capital Markets America(?: Inc\.?)?", r"Daiwa Capital Markets"),
    "ING Financial Markets LLC": (r"ING Financial Markets(?: LLC)?",),
    "CastleOak Securities, L.P.": (r"CastleOak Securities(?:,? L\.P\.)?", r"CastleOak"),
    "Mischler Financial Group, Inc.": (r"Mischler Financial Group(?:,? Inc\.?)?",),
    "Blaylock Van, LLC": (r"Blaylock Van(?:,? LLC)?",),
    "Tuohy Brothers Investment Research, Inc.": (r"Tuohy Brothers(?: Investment Research)?(?:,? Inc\.?)?",),
    "Zions Direct, Inc.": (r"Zions Direct(?:,? Inc\.?)?",),
    "Lazard Frères & Co. LLC": (r"Lazard Fr[eè]res & Co\.?(?: LLC)?",),
    "Kingswood Capital Partners, LLC": (r"Kingswood Capital (?:Partners|Markets)(?:,? LLC)?",),
    "Joseph Gunnar & Co., LLC": (r"Joseph Gunnar & Co\.?(?:,? LLC)?",),
    "Laidlaw & Company (UK) Ltd.": (r"Laidlaw & Company(?: \(UK\))?(?: Ltd\.?)?",),
    "Alexander Capital, L.P.": (r"Alexander Capital,? L\.P\.",),
    "Newbridge Securities Corporation": (r"Newbridge Securities(?: Corporation)?",),
    "Boustead Securities, LLC": (r"Boustead Securities(?:,? LLC)?",),
    # Closed-end funds sell at the market through their own distributor.
    "Nuveen Securities, LLC": (r"Nuveen Securities(?:,? LLC)?",),
    "ALPS Distributors, Inc.": (r"ALPS Distributors(?:,? Inc\.?)?",),
    "Paralel Distributors LLC": (r"Paralel Distributors(?:,? LLC)?",),
    "Foreside Fund Services, LLC": (r"Foreside Fund Services(?:,? LLC)?",),
    "Hancock Whitney Investment Services, Inc.": (r"Hancock Whitney Investment Services(?:,? Inc\.?)?",),
    "R.F. Lafferty & Co., Inc.": (r"R\.\s?F\. Lafferty & Co\.?(?:,? Inc\.?)?", r"R\.\s?F\. Lafferty"),
    # A division, named with the firm it belongs to as the filings write it (agri 2025, bkkt 2026).
    "Cohen & Company Capital Markets, a division of Cohen & Company Securities, LLC": (
        r"Cohen & Company Capital Markets(?:,? a division of Cohen & Company Securities,? LLC)?",),
    "D. Boral Capital LLC": (r"D\. Boral Capital(?: LLC)?",),
    # Regional, boutique and foreign dealers seen as ATM agents (shippers' Nordic banks, Canadian
    # dealers of cross-listed miners).
    "Sandler O'Neill & Partners, L.P.": (r"Sandler O['\u2019]Neill (?:&|\+) Partners,? L\.P\.", r"Sandler O['\u2019]Neill"),
    "Stephens Inc.": (r"Stephens Inc\.",),
    # BB&T's dealer before the 2019 merger made it part of Truist Securities; filings of the time name it apart.
    "BB&T Securities, LLC": (r"BB&T Capital Markets,? a division of BB&T Securities,? LLC", r"BB&T Securities(?:,? LLC)?",
                             r"BB&T Capital Markets"),
    "Hovde Group, LLC": (r"Hovde Group(?:,? LLC)?",),
    # Knight's dealer of 2010-2013 (a limited partnership until 2012; later KCG, then Virtu), successor to Knight
    # Capital Markets LLC, the name 2010 filings give it.
    "Knight Capital Americas LLC": (r"Knight Capital Americas,? (?:LLC|L\.P\.)", r"Knight Capital Americas",
                                    r"Knight Capital Markets,? LLC"),
    "InspereX LLC": (r"InspereX(?: LLC)?",),
    # Sales agents of 1990s-2010 programs (pricing-period supplements of "sales agency agreements"; small caps' 2010 ATMs).
    "PaineWebber Incorporated": (r"PaineWebber Incorporated", r"Paine ?Webber(?! Group)"),
    "Barrington Research Associates, Inc.": (r"Barrington Research Associates(?:,? Inc\.?)?", r"Barrington Research"),
    "WR Hambrecht + Co, LLC": (r"W\.?\s?R\.? Hambrecht \+ Co\.?(?:,? LLC)?", r"W\.?\s?R\.? Hambrecht(?= |,|\))"),
    "Incapital LLC": (r"Incapital(?: LLC)?",),
    "Craft Capital Management LLC": (r"Craft Capital Management(?: LLC)?",),
    "WestPark Capital, Inc.": (r"WestPark Capital(?:,? Inc\.?)?",),
    "Dominari Securities LLC": (r"Dominari Securities(?: LLC)?",),
    "US Tiger Securities, Inc.": (r"US Tiger Securities(?:,? Inc\.?)?",),
    "Roberts & Ryan, Inc.": (r"Roberts (?:&|and) Ryan(?:,? Inc\.?)?",),
    "Clarksons Securities, Inc.": (r"Clarksons (?:Platou )?Securities(?:,? Inc\.?)?",),
    "Fearnley Securities, Inc.": (r"Fearnley Securities(?:,? Inc\.?)?",),
    "DNB Markets, Inc.": (r"DNB Markets(?:,? Inc\.?)?",),
    "Arctic Securities LLC": (r"Arctic Securities(?: LLC)?",),
    "Haywood Securities Inc.": (r"Haywood Securities(?: Inc\.?)?",),
    "PI Financial (US) Corp.": (r"PI Financial \(US\) Corp\.?",),
    "PI Financial Corp.": (r"PI Financial Corp\.?",),
    "Paradigm Capital Inc.": (r"Paradigm Capital(?: Inc\.?)?",),
    "Eight Capital": (r"Eight Capital(?! Partners)",),
    "Cormark Securities Inc.": (r"Cormark Securities(?: Inc\.?)?",),
    "Ventum Financial Corp.": (r"Ventum Financial(?: Corp\.?)?",),
    "Research Capital Corporation": (r"Research Capital Corporation",),
    "Red Cloud Securities Inc.": (r"Red Cloud Securities(?: Inc\.?)?",),
    "Beacon Securities Limited": (r"Beacon Securities(?: Limited)?",),
    "National Bank Financial Inc.": (r"National Bank Financial(?: Inc\.?)?",),
    "TD Securities (USA) LLC ": (),
    "Jones": (),
}
# Entries with no aliases are placeholders for spelling variants above; drop them.
AGENTS = {name: aliases for name, aliases in AGENTS.items() if aliases}

# A role phrase after a name that means "not a sales agent" (forward purchasers).
_FORWARD_PURCHASER_RE = re.compile(r"[^;]{0,40}?\bas (?:the )?forward purchasers?\b", re.I)

# "we may enter into forward sale agreements ... between us and each of X Bank, an affiliate of
# Barclays, Goldman Sachs & Co. LLC, ...", "... forward sale agreements and related supplemental confirmations with one
# or more of Bank of Montreal, ...": the counterparties listed there are the forward purchasers (agents' affiliates or
# the agents themselves), not a list of sales agents.
FORWARD_COUNTERPARTY_LIST_RE = re.compile(
    r"\bforward (?:sale|sales|purchase) (?:agreements?|transactions?|contracts?|confirmations?)\b[^.;]{0,200}?"
    r"\b(?:between (?:us|the Company|the Trust|[A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,4}) and (?:each of )?|"
    r"with (?:one or more of|each of|any of) )", re.I)
# Where that counterparty list stops: its defined term, or the next sentence.
_FORWARD_LIST_END_RE = re.compile(r"forward purchasers?\b|\.\s+(?=(?:We|The|In|Our|Each|Under|Such|Any|If)\b)", re.I)


def forward_counterparty_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in FORWARD_COUNTERPARTY_LIST_RE.finditer(text):
        end = _FORWARD_LIST_END_RE.search(text, m.end())
        spans.append((m.end(), end.start() if end else len(text)))
    return spans


@lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern[str], dict[str, str]]:
    parts = []
    group_to_name: dict[str, str] = {}
    # Each agent lists its longest alias first, so "Cantor Fitzgerald & Co." wins over
    # "Cantor"; across agents the left-to-right scan decides ("TD Cowen" before "Cowen").
    entries = [(alias, name) for name, aliases in AGENTS.items() for alias in aliases]
    for i, (alias, name) in enumerate(entries):
        group = f"a{i}"
        group_to_name[group] = name
        # Mirror pages glue words where a line broke ("BMOCapital Markets Corp."): a space between
        # the words of a name may be missing.
        parts.append(f"(?P<{group}>{alias.replace(' ', ' ?')})")
    # Every alias starts with a capital (tests/extract/rules/test_agents.py holds the table to it): the
    # lookahead spares the long alternation at every other position.
    pattern = re.compile(r"(?<![\w.&])(?=[A-Z])(?:" + "|".join(parts) + r")(?!\w)")
    return pattern, group_to_name


# A firm's legal name as written: capitalised words ending in a corporate suffix.
_FIRM_RE = re.compile(
    r"(?<![\w.])(?!(?:LLC|L\.L\.C\.|Inc\.|Incorporated|Corp\.|Corporation|L\.P\.|LP|Ltd\.|Limited|plc|PLC)[,\s])(?:[A-Z][\w.&'/-]*,? (?:(?:of|and|&|[A-Z][\w.&'/()-]*),? ){0,6}?)"
    r"(?:LLC|L\.L\.C\.|Inc\.|Incorporated|Corp\.|Corporation|L\.P\.|LP|Ltd\.|Limited|plc|PLC)(?![\w])"
)
_NOT_AGENT_RE = re.compile(r"\bBank\b|N\.A\.|National Association|Financial Products|Trust Company|Holdings|"
                           r"Group,? Inc\.|Depository|Securities and Exchange|Nasdaq|NYSE|Exchange", re.I)


# A corporate suffix glued to the name before it ("JefferiesLLC", "Mizuho Securities USAInc.").
_GLUED_SUFFIX_RE = re.compile(r"(?<=[a-z]{3})(?=(?:LLC|Inc\.|Corp\.|Incorporated)(?!\w))")
# Issuer-side parties to an agreement, named beside the agents ("and our investment adviser,
# Ares Capital Management LLC, and our administrator, Ares Operations LLC"): not agents.
_ISSUER_SIDE_RE = re.compile(
    r"\b(?:our|the Company's|its) (?:external |investment |sub-?)?(?:adviser|advisor|administrator|manager|sponsor|"
    r"operating partnership|general partner|parent)\s*,?\s*\(?$|"
    r"\b(?:investment |sub-?)?(?:adviser|advisor|administrator)\s*,?\s*\(?$", re.I)
# The issuer or its adviser named by its role right after the name ("Oxford Lane Capital Corp.'s (the
# "Company") investment adviser", "Oxford Lane Management, LLC (the "Adviser")"): not an agent.
_ISSUER_NAMED_RE = re.compile(
    r"\s*(?:['\u2019]s\b|\((?:the |our )?[\"\u201c]?(?:Company|Adviser|Advisor|Administrator|Fund|Trust|Issuer|"
    r"Partnership|Sponsor|Operating Partnership|Parent|REIT|Corporation)[\"\u201d]?[),])")


_PART_OF_A_FUNDS_NAME_RE = re.compile(r"(?:\s+[A-Z][\w&.'-]*){0,6}?\s+(?:Fund|Funds|Trust|BDC|Portfolios?|Asset Management)\b")


# What stands between a firm's name and the short name a filing gives it ("X, or TD Cowen", "X (“TD Cowen”)",
# "X (the “TD Cowen”)"): the short name may be another row of the table (TD Cowen is TD Securities), but it names X.
_SHORT_NAME_RE = re.compile(r",?\s*(?:,\s*or|\(\s*(?:the\s+|together,?\s+|collectively,?\s+)?[\"\u201c\u2018']?|\(\s*or\s+)\s*")


_SUFFIX_RE = re.compile(r"\b(?:LLC|L\.L\.C\.|Inc\.?|Incorporated|Corp\.?|Corporation|L\.P\.|LP|Ltd\.?|Limited|plc|PLC)(?!\w)")


_SHORT_NAME_GIVEN_RE = re.compile(r"(?:" + _SUFFIX_RE.pattern + r"|\bCo\.)" + _SHORT_NAME_RE.pattern
                                  + r"(?P<alias>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})(?=[\"\u201d\u2019',)\s])")
_ROLE_WORDS = frozenset({"agent", "agents", "sales agent", "sales agents", "manager", "managers"})


def short_names(text: str) -> set[str]:
    """The short names a text gives the firms it names ("Jefferies LLC, or Jefferies", "Jefferies LLC (“Jefferies”)"), not
    the role a firm is given ("(the “Agent”)")."""
    return {m.group("alias") for m in _SHORT_NAME_GIVEN_RE.finditer(text) if m.group("alias").lower() not in _ROLE_WORDS}


_FORMERLY_RE = re.compile(r"\b(?:formerly(?: known as)?|f/k/a|previously known as)\s*$", re.I)


_NOT_SUFFIX = r"(?!(?:LLC|L\.L\.C\.|Inc|Co|Corp|Ltd|L\.P|LP|plc|PLC|Incorporated|Corporation|Limited|Company)\b)"
_CUT_NAME_RE = re.compile(r"(?:(?:\b" + _NOT_SUFFIX + r"[A-Z][\w.'-]*|&|and|of)\s+)*\b" + _NOT_SUFFIX + r"[A-Z][A-Za-z'-]*$")
"""The capitalised words a document stops on ("... and Compass Point Research and Tradin", "Scotia Capi"), after the
last legal suffix (the firm before it is whole)."""
SENTENCE_END = ".;:!?)\"\u201d\u2019|"
"""Characters a page copy that was not cut ends on (a sentence's end, a closing quote or parenthesis, a table cell)."""


def cut_name_start(text: str) -> int | None:
    """Where the firm name a page copy stops in, mid-word, begins ("Compass Point Research and Tradin", "Scotia Capi"),
    or None when the text ends on a sentence's end, a legal suffix or a whole word of a firm's name."""
    if not text or text[-1] in SENTENCE_END:
        return None
    m = _CUT_NAME_RE.search(text, max(0, len(text) - 120))
    if m is None:
        return None
    if re.search(r"\b(?:pursuant to|in accordance with)\s*$", text[:m.start()]):
        return None  # "... pursuant to General": an instruction or a document, not a firm, is what sales are pursuant to
    last = m.group(0).rsplit(None, 1)[-1].lower()
    # A whole word of a firm's name ("... in order to add SMBC", "and Lucid") is a name the page gives, short or not;
    # a word no firm's name has ("Capi", "Tradin") is cut.
    return None if last in _name_words() else m.start()


@lru_cache(maxsize=1)
def _name_words() -> frozenset[str]:
    return frozenset(w.lower() for name, aliases in AGENTS.items() for written in (name, *aliases)
                     for w in re.findall(r"[A-Za-z]{2,}", written))


_ENDS_IN_SUFFIX_RE = re.compile(r"(?:\bCo\.|" + _SUFFIX_RE.pattern + r")$")


def find_agents(text: str, *, keep_unknown: bool = False) -> list[str]:
    """Canonical agent names mentioned in `text`, in order of first mention, without
    forward purchasers. With `keep_unknown`, firms missing from the table (a legal name
    ending in LLC, Inc., ...) are kept as written, so a new agent is never dropped."""
    pattern, group_to_name = _matcher()
    if "\n" in text or "  " in text:
        text = " ".join(text.split())  # a name broken across lines ("Cantor\nFitzgerald & Co.")
    if _GLUED_SUFFIX_RE.search(text):
        text = _GLUED_SUFFIX_RE.sub(" ", text)  # "JefferiesLLC": a space lost in text extraction
    hits: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    counterparties = forward_counterparty_spans(text) if "orward" in text else []
    for m in pattern.finditer(text):
        before = covered[-1][1] if covered else -1
        covered.append((m.start(), m.end()))
        if any(a <= m.start() < b for a, b in counterparties):
            continue
        name = group_to_name[m.lastgroup or ""]
        if hits and before >= 0 and _SHORT_NAME_RE.fullmatch(text, before, m.start()) and not _SUFFIX_RE.search(m.group(0)):
            continue  # "Cowen and Company, LLC, or TD Cowen": the firm just named, by its short name (no legal suffix)
        if _PART_OF_A_FUNDS_NAME_RE.match(text, m.end()):
            continue  # "Credit Suisse High Yield Bond Fund", "Morgan Stanley Emerging Markets Fund": an issuer named after a bank
        if _FORMERLY_RE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "EF Hutton LLC (formerly Kingswood Capital Markets, ...)": the firm's old name, not another agent
        if _FORWARD_PURCHASER_RE.match(text, m.end()) and "forward seller" not in text[m.end():m.end() + 60].lower():
            continue
        hits.append((m.start(), name))
    if keep_unknown:
        # Known names written out to their legal suffix are blanked first, so that a firm listed right after one is read
        # from its own first word, not from the "Co.," that ends the name before it ("Cantor Fitzgerald & Co., Halcyon
        # Capital Partners, LLC"); a short alias ("Brinson Patrick") stays, or the rest of its name would pass for a firm.
        masked = text
        for a, b in covered:
            if _ENDS_IN_SUFFIX_RE.search(text, a, b):
                masked = masked[:a] + " " * (b - a) + masked[b:]
        for m in _FIRM_RE.finditer(masked):
            name = m.group(0).strip(" ,")
            if any(a <= m.end() and m.start() <= b for a, b in covered):
                continue
            if _NOT_AGENT_RE.search(name) or _FORWARD_PURCHASER_RE.match(text, m.end()):
                continue
            if any(a <= m.start() < b for a, b in counterparties):
                continue
            if re.search(r"(?:(?:division|affiliate|subsidiary) of|f/k/a|formerly known as|formerly)$", text[max(0, m.start() - 25):m.start()].rstrip(" ,("), re.I):
                continue
            if _ISSUER_SIDE_RE.search(text[max(0, m.start() - 40):m.start()]) or _ISSUER_NAMED_RE.match(text, m.end()):
                continue
            hits.append((m.start(), name))
    found: list[str] = []
    for _, name in sorted(hits):
        if name not in found:
            found.append(name)
    return found


def canonical_agent(name: str) -> str | None:
    """The canonical legal name for one written name, or None if unknown."""
    found = find_agents(name)
    return found[0] if found else None
