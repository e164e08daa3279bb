"""HTML/text/markdown -> normalised text, on real filing markup."""

from __future__ import annotations

from edgar_atm.extract.text import decode, to_text

# A real paragraph of the NextEra 424B5 (entities, nbsp, curly quotes as the filing has them).
NEXTERA_P = (
    b'<P STYLE="margin-top:12pt; margin-bottom:0pt; text-indent:4%; font-size:10pt">This prospectus supplement and the '
    b"accompanying prospectus relate to the offer and sale from time to time of shares of NextEra Energy,\n"
    b"Inc.&#8217;s (&#8220;NEE&#8221;) common stock, having an aggregate offering price of up to $4,000,000,000 through BNY "
    b"Mellon Capital Markets, LLC (&#8220;BNY&#8221;)</P>"
)


def test_entities_quotes_and_wrapped_lines_are_normalised():
    text = to_text(b"<html><body>" + NEXTERA_P + b"</body></html>")
    assert text == (
        "This prospectus supplement and the accompanying prospectus relate to the offer and sale from time to time of "
        "shares of NextEra Energy, Inc.'s (\"NEE\") common stock, having an aggregate offering price of up to "
        "$4,000,000,000 through BNY Mellon Capital Markets, LLC (\"BNY\")"
    )


def test_table_cells_are_separated_and_rows_are_lines(filings_dir):
    html = (filings_dir / "whole" / "424B5-Alzamend-Neuro-Inc-0001214659-26-002941.html").read_bytes()
    text = to_text(html, kind="html")
    assert "Manner of offering: | \"At the market offering\" that may be made from time to time through our sales agent, ACM." in text


def test_inline_xbrl_hidden_header_does_not_leak():
    doc = (
        b'<html xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body>'
        b'<div style="display:none"><ix:header><ix:hidden><ix:nonNumeric name="dei:DocumentType">424B2</ix:nonNumeric>'
        b"0001513363false</ix:hidden></ix:header></div>"
        b'<p>Represents the Sales Agents&#8217; <ix:nonNumeric name="x">commission</ix:nonNumeric> of up to 1.50%.</p></body></html>'
    )
    text = to_text(doc, kind="html")
    assert text == "Represents the Sales Agents' commission of up to 1.50%."


def test_pre_text_keeps_paragraphs_and_joins_wrapped_lines():
    doc = (
        b"<html><body><pre>\nOn August 11, 2020, we entered into an Equity Distribution\n"
        b"Agreement with Oppenheimer &amp; Co. Inc.\n\nAs of the date of this Supplement, we have sold\n"
        b"an aggregate of 4,169 shares.\n</pre></body></html>"
    )
    lines = to_text(doc, kind="html").split("\n")
    assert lines == [
        "On August 11, 2020, we entered into an Equity Distribution Agreement with Oppenheimer & Co. Inc.",
        "As of the date of this Supplement, we have sold an aggregate of 4,169 shares.",
    ]


def test_cp1252_bytes_are_decoded():
    raw = "We entered into the \u201cSales Agreement\u201d\u00a0with Cantor \u2013 up to $50.0\u00a0million.".encode("cp1252")
    assert decode(raw).startswith("We entered into the \u201cSales Agreement\u201d")
    assert to_text(b"<p>" + raw + b"</p>") == 'We entered into the "Sales Agreement" with Cantor - up to $50.0 million.'


def test_nested_font_and_div_soup():
    inner = b"<font><b>Sales Agreement</b></font>"
    doc = b"<div>" * 50 + b"<font>We have entered into a " + inner + b" with <i>Jefferies LLC</i>.</font>" + b"</div>" * 50
    assert to_text(doc) == "We have entered into a Sales Agreement with Jefferies LLC."


def test_markdown_escapes_and_emphasis(filings_dir):
    text = to_text((filings_dir / "cellectar-424b3-2022-10-20-supplement.md").read_bytes(), kind="markdown")
    assert "up to $14,500,000" in text
    assert "**" not in text and "\\$" not in text
    assert text.splitlines()[0] == "CELLECTAR BIOSCIENCES, INC."


def test_a_short_line_ending_on_a_joining_word_goes_on():
    # A hard-wrapped passage where a sentence's first word ends a short line: "On" / "May 29, ...".
    raw = (b"through an at-the-market program (the \"ATM Program\"). On\n"
           b"May 29, 2020, we entered into an At Market Issuance Sales Agreement\n"
           b"with B. Riley Securities, Inc. relating to our common shares.\n\n"
           b"Up to $50,000,000\nCommon Shares\n")
    text = to_text(raw, kind="text")
    assert "On May 29, 2020, we entered into" in text
    assert "Up to $50,000,000\nCommon Shares" in text  # cover lines stay apart


def test_prose_cut_before_a_capitalised_word_is_joined_but_cover_lines_are_not():
    raw = (b"PROSPECTUS SUPPLEMENT\n"
           b"Amendment No. 1 to Prospectus dated May 1, 2024\n"
           b"Up to $11,091,100\n"
           b"Common Stock\n"
           b"We have entered into an Open Market Sale\n"
           b"AgreementSM (the \"sales agreement\") with Jefferies LLC.\n")
    text = to_text(raw, kind="text")
    assert "We have entered into an Open Market Sale AgreementSM" in text
    assert "May 1, 2024\nUp to $11,091,100\nCommon Stock\n" in text


def test_an_image_line_stands_apart_from_the_cover_amount():
    raw = (b"PROSPECTUS SUPPLEMENT\n(To Prospectus dated March 22, 2024)\n"
           b"![LOGO](https://capedge.com/proxy/424B5/0001193125-24-075452/g70662g01a01.jpg)\n"
           b"Up to $3,100,000\nCommon Stock\n")
    assert "\nUp to $3,100,000\nCommon Stock" in to_text(raw, kind="text")


def test_a_wrapped_line_opening_with_a_defined_term_goes_on_its_sentence():
    # A mirror's hard-wrapped cover (WidePoint 2020): the definitions after each agent's name start new lines.
    doc = ("We have entered into an At Market Issuance Sales Agreement (the\n"
           "\u201cSales Agreement\u201d) with B. Riley Securities, Inc.\n"
           "(\u201cB. Riley FBR\u201d), The Benchmark Company, LLC\n"
           "(\u201cBenchmark\u201d) and Spartan Capital Securities, LLC\n"
           "(each, an \u201cAgent\u201d), relating to our common stock.\n").encode("utf-8")
    assert to_text(doc, kind="text") == (
        'We have entered into an At Market Issuance Sales Agreement (the "Sales Agreement") with B. Riley Securities, '
        'Inc. ("B. Riley FBR"), The Benchmark Company, LLC ("Benchmark") and Spartan Capital Securities, LLC '
        '(each, an "Agent"), relating to our common stock.')


def test_a_cover_line_in_parentheses_stays_its_own_line():
    doc = b"PROSPECTUS SUPPLEMENT\n(To Prospectus dated June 29, 2020)\nWidePoint Corporation\n"
    assert to_text(doc, kind="text").split("\n") == [
        "PROSPECTUS SUPPLEMENT", "(To Prospectus dated June 29, 2020)", "WidePoint Corporation"]
