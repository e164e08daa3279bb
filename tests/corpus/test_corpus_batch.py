"""scripts/corpus_batch.py: the checks a new batch passes on its way into the corpus."""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

from .conftest import CORPUS

_SPEC = importlib.util.spec_from_file_location("corpus_batch", Path(__file__).parents[2] / "scripts" / "corpus_batch.py")
assert _SPEC is not None and _SPEC.loader is not None
corpus_batch = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(corpus_batch)

CELLECTAR = "cellectar-424b3-2022-10-20"
TEXT = ("We have entered into an Equity Distribution Agreement, dated August 11, 2020, with Oppenheimer & Co. Inc. "
        "relating to shares of our common stock offered by this prospectus supplement. ") * 4


def _label(doc_id: str, url: str, **change) -> dict:
    label = json.loads((CORPUS / f"{CELLECTAR}.labels.json").read_text(encoding="utf-8"))
    for key in ("batch", "split"):
        label.pop(key, None)
    label.update(id=doc_id, document=f"{doc_id}.txt", source_url=url, **change)
    return label


def _write(folder: Path, doc_id: str, url: str, text: str = TEXT, **change) -> None:
    folder.mkdir(exist_ok=True)
    (folder / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    (folder / f"{doc_id}.labels.json").write_text(json.dumps(_label(doc_id, url, **change)), encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    """A small corpus: the Cellectar document, its label and a README ending in a Totals line."""
    root = tmp_path / "corpus"
    root.mkdir()
    for name in (f"{CELLECTAR}.labels.json", f"{CELLECTAR}.md"):
        if (CORPUS / name).exists():
            shutil.copy(CORPUS / name, root / name)
    (root / "README.md").write_text("# corpus\n\n| id | kind |\n|---|---|\n| `cellectar` | atm |\n\nTotals: stale\n",
                                    encoding="utf-8")
    return root


def test_wordcmp_passes_the_page_text_and_its_chrome():
    page = "SEC Form 424B5 filed by Example Inc.\n----Filed Pursuant to Rule 424(b)(5)\n" + TEXT
    assert corpus_batch.wordcmp("Filed Pursuant to Rule 424(b)(5)\n" + TEXT, page) == []
    assert corpus_batch.wordcmp(TEXT.replace("  ", " "), page) == []


@pytest.mark.parametrize("document, expect", [
    (TEXT.replace("Oppenheimer", "Jefferies", 1), "replace"),
    (TEXT + " and more words the page never had", "past the end"),
    ("Site title " + TEXT, "before the page text"),
])
def test_wordcmp_reports_every_kind_of_difference(document, expect):
    found = corpus_batch.wordcmp(document, "Header\n" + TEXT)
    assert found and any(expect in line for line in found), found


def test_check_finds_what_keeps_a_folder_out(corpus, tmp_path):
    cellectar_url = json.loads((CORPUS / f"{CELLECTAR}.labels.json").read_text(encoding="utf-8"))["source_url"]
    one, two = tmp_path / "h1", tmp_path / "h2"
    _write(one, "abc-424b5-2024-atm", "https://example.test/abc")
    _write(one, "dup-424b5-2024-atm", cellectar_url)
    _write(two, "abd-424b5-2024-atm", "https://example.test/abc", text=TEXT.replace("Oppenheimer", "Jefferies"))
    _write(two, "bad-424b5-2024-atm", "https://example.test/bad", kind="maybe")
    (two / "orphan.txt").write_text(TEXT, encoding="utf-8")
    problems = corpus_batch.check([one, two], corpus)
    text = "\n".join(problems)
    assert "dup-424b5-2024-atm" in text and "already in the corpus" in text
    assert "source also taken by h1/abc-424b5-2024-atm" in text
    assert "bad-424b5-2024-atm" in text and "kind" in text
    assert "orphan.txt: document without a label" in text
    assert not any(line.startswith("h1/abc-424b5-2024-atm") for line in problems)


def test_merge_adds_the_batch_with_every_third_document_frozen(corpus, tmp_path):
    folder = tmp_path / "h1"
    for n in range(4):
        _write(folder, f"x{n}-424b5-2024-atm", f"https://example.test/{n}", text=TEXT + f" Document {n}.")
    ids = corpus_batch.merge("b99", [folder], corpus)
    assert ids == [f"x{n}-424b5-2024-atm" for n in range(4)]
    splits = [json.loads((corpus / f"{i}.labels.json").read_text(encoding="utf-8"))["split"] for i in ids]
    assert splits == ["dev", "dev", "test", "dev"]
    assert all((corpus / f"{i}.txt").read_text(encoding="utf-8").endswith(f"Document {n}.") for n, i in enumerate(ids))
    readme = (corpus / "README.md").read_text(encoding="utf-8")
    assert readme.count("| `x") == 4 and readme.index("| `x3-424b5-2024-atm`") < readme.index("Totals:")
    assert readme.rstrip().splitlines()[-1].startswith("Totals: 5 documents (5 ATM, 0 negatives; 4 dev, 1 test;")
    with pytest.raises(FileExistsError):
        corpus_batch.merge("b100", [folder], corpus)


def test_labelcmp_reports_disagreements_field_by_field(tmp_path):
    harvest, cold = tmp_path / "h1", tmp_path / "cold"
    _write(harvest, "abc-424b5-2024-atm", "https://example.test/abc")
    cold.mkdir()
    label = _label("abc-424b5-2024-atm", "https://example.test/abc")
    blind = {"kind": label["kind"], "atm_related": True, "events": json.loads(json.dumps(label["events"]))}
    blind["events"][0]["agreement_date"] = "2020-08-12"
    (cold / "abc-424b5-2024-atm.json").write_text(json.dumps(blind), encoding="utf-8")
    lines, agree, total = corpus_batch.labelcmp(harvest, cold)
    assert total > 0 and agree == total - 1
    assert lines == [f"abc-424b5-2024-atm: {label['events'][0]['type']}.agreement_date harvest='2020-08-11' cold='2020-08-12'"]


def test_the_command_line_says_one_line_for_a_wrong_folder(capsys, tmp_path):
    assert corpus_batch.main(["check", str(tmp_path / "nowhere")]) == 2
    assert capsys.readouterr().err.strip().startswith("corpus_batch: not a folder:")


def test_a_broken_cold_label_is_one_line_not_a_traceback(capsys, tmp_path):
    harvest, cold = tmp_path / "h1", tmp_path / "cold"
    _write(harvest, "abc-424b5-2024-atm", "https://example.test/abc")
    cold.mkdir()
    (cold / "abc-424b5-2024-atm.json").write_text("{not json", encoding="utf-8")
    assert corpus_batch.main(["labelcmp", str(harvest), str(cold)]) == 1
    assert capsys.readouterr().err.startswith("corpus_batch: JSONDecodeError:")
