"""Paragraph -> sentences, aware of the abbreviations prospectuses are full of
("Oppenheimer & Co. Inc.", "B. Riley", "Amendment No. 1", "U.S.")."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    "inc co corp ltd no nos l.l.c u.s s.a n.a jr sr st mr ms mrs dr approx e.g i.e vs "
    "sec secs reg regs p.c l.p lp plc ag n.v b.v s.p.a a.g.p u.s.a dept est fig jan feb mar apr jun "
    "jul aug sep sept oct nov dec art para cf par".split()
)
_BOUNDARY_RE = re.compile(r"[.!?;][\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9$])")
_WORD_BEFORE_RE = re.compile(r"([A-Za-z][A-Za-z.&]*)\.$")
# Words that start a new sentence even after "Inc." or "Co." ("... & Co. Inc. We will ...").
_STARTERS = frozenset("We The As In Our On Pursuant Sales Each This Under Any If Upon Such Since Prior "
                      "There Accordingly However Following Effective Concurrently Simultaneously Additionally Also "
                      "Therefore Thus Through From During After Before Until Unless Although While Because Instead "
                      "Neither No All Of To Subject Between Together Further Furthermore Moreover Notwithstanding "
                      "Except Both Shares Common".split())


def split_sentences(paragraph: str) -> list[str]:
    return [text for _, text in sentence_spans(paragraph)]


def sentence_spans(paragraph: str) -> list[tuple[int, str]]:
    """(offset into the paragraph, sentence) pairs; each sentence is
    paragraph[offset:offset + len(sentence)] exactly (stripped of surrounding blanks)."""
    out: list[tuple[int, str]] = []
    start = 0
    for m in _BOUNDARY_RE.finditer(paragraph):
        punct = paragraph[m.start()]
        if punct == ";":
            # Semicolons end a clause, not a sentence, unless the clause is long.
            if m.start() - start < 400:
                continue
        elif punct == ".":
            before = paragraph[max(start, m.start() - 25):m.start() + 1]
            w = _WORD_BEFORE_RE.search(before)
            if w:
                word = w.group(1).lower().rstrip(".")
                # Initials ("W." in "Robert W. Baird", "H.C.") and abbreviations never end a sentence.
                nxt = paragraph[m.end():m.end() + 20].split(" ", 1)[0].strip("\"'(").rstrip(",;:")
                if word in ("inc", "co", "corp", "ltd", "l.l.c", "l.p", "n.a", "plc") and nxt in _STARTERS:
                    pass
                elif word in _ABBREVIATIONS or len(word.replace(".", "")) <= 1 or (
                        "." in word and len(word) <= 5):
                    continue
        end = m.end()
        _append(out, paragraph, start, end)
        start = end
    _append(out, paragraph, start, len(paragraph))
    return out


def _append(out: list[tuple[int, str]], paragraph: str, start: int, end: int) -> None:
    piece = paragraph[start:end]
    text = piece.strip()
    if text:
        out.append((start + (len(piece) - len(piece.lstrip())), text))
