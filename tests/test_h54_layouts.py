"""Layouts of h54's notes (bookkeeping, vet nursing) that made serious items: a worked example's figures keyed as
facts when the case sat under its own line below "Worked example", a later sentence spliced onto the label of the
one before it, and a glossary set out as a table quoted with its pipes."""

from __future__ import annotations

from pathlib import Path

from qbank.generate import build_bank
from qbank.model import Essay
from qbank.reader import read_topics

_TOP = ("Title: Running a market stall\n\nTopic Synopsis\nTaking and recording money at a market stall.\n\n"
        "Key Concepts & Core Principles\n- Float: the cash put in the till before trading starts.\n"
        "- Takings: the money received from sales in a day.\n\n")


def _items(tmp_path: Path, body: str):
    (tmp_path / "5c1e9a07.txt").write_text(_TOP + body, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    return [i for i in build_bank(topics, seed=0, diagnostics=diags).items if not isinstance(i, Essay)], topics[0]


def _quoted(items) -> str:
    return "\n".join(i.stem for i in items)


_CASE = ("Worked example\n==============\n\nSam opens a stall. What happens (ignore VAT):\n"
         "1. Pays £2,500 of his savings into a business account.\n2. Buys stock on credit from Lee Ltd, £1,400.\n"
         "3. Sells goods on credit to a café, £650.\n\n")
_FIGURES = ("Figures to know\n==============\n\n"
            "- Pitch fee: £45 a day on the Saturday market (from April 2025). Stall deposit £150.\n")


def test_a_case_under_its_own_line_below_a_worked_example_heading_gives_no_value_item(tmp_path):
    items, _ = _items(tmp_path, _CASE + _FIGURES)
    stems = _quoted(items)
    assert "Pitch fee: £____ a day" in stems, stems  # the figures under their own heading are still asked
    assert not any(x in stems for x in ("of his savings", "Lee Ltd", "a café")), stems


def test_a_later_sentence_with_a_name_and_value_of_its_own_is_not_led_by_the_label_before_it(tmp_path):
    items, _ = _items(tmp_path, _FIGURES)
    stems = _quoted(items)
    assert "“Stall deposit £____.”" in stems and "Pitch fee: Stall deposit" not in stems, stems


def test_a_glossary_set_out_as_a_table_is_read_without_its_pipes(tmp_path):
    (tmp_path / "9d0b3f4e.txt").write_text(
        "Fluids for small animals\n\nTopic Synopsis\nFluid therapy basics.\n\nKey Concepts & Core Principles\n\n"
        "  TERM                  | MEANING\n  ----------------------+-----------------------------------------\n"
        "  Total body water      | About 60% of body weight in an adult.\n"
        "  Crystalloid           | Water plus electrolytes; crosses capillary walls\n"
        "                        | freely, so most leaves the circulation.\n"
        "  Colloid               | Contains large molecules that stay in the vessels.\n"
        "  CRT                   | Capillary refill time; normal is under 2 seconds.\n\n"
        "Exam Tips & Revision Strategies\n- Show your working.\n", encoding="utf-8")
    topics, _ = read_topics([tmp_path / "9d0b3f4e.txt"])
    concepts = {c.term: c.definition for c in topics[0].concepts}
    assert list(concepts) == ["Total body water", "Crystalloid", "Colloid", "CRT"], concepts
    assert concepts["Crystalloid"] == "Water plus electrolytes; crosses capillary walls freely, so most leaves the circulation."
    assert not any("|" in d for d in concepts.values())


def test_a_value_under_a_sub_heading_naming_its_subject_says_that_subject_in_the_stem(tmp_path):
    """h54's second examiner: "Deregistration threshold £____." under "VAT essentials (UK, 2025)" in bookkeeping
    notes never said VAT (serious). The stem names the sub-heading, less its aside, where it names something the
    topic's name does not; a heading that only says figures follow ("Figures to know") adds nothing."""
    items, _ = _items(tmp_path, _FIGURES + "\nCard payments (2025)\n===================\n\n"
                      "- Chargeback window: 120 days from the sale (most schemes).\n")
    stems = {i.stem.split("\n")[-1]: i.stem.split("\n")[0] for i in items}
    card = next(lead for quoted, lead in stems.items() if "Chargeback" in quoted)
    assert "about Running a market stall (Card payments)" in card, card
    fee = next(lead for quoted, lead in stems.items() if "Pitch fee" in quoted)
    assert "(Figures" not in fee and "about Running a market stall" in fee, fee


def test_a_sub_heading_with_figures_of_its_own_is_not_printed_beside_a_number_gap(tmp_path):
    """h55's examiner: "… (Making 250.0 cm³ of standard sodium carbonate solution)" put a stray number beside the gap."""
    items, _ = _items(tmp_path, "Exam Tips & Revision Strategies\n- Count the float twice.\n\n"
                      "Setting up with a £50.00 float\n==============================\n\n"
                      "- Pitch fee: £45 a day on the Saturday market (from April 2025). Stall deposit £150.\n")
    [lead] = [i.stem.split("\n")[0] for i in items if "Stall deposit" in i.stem.split("\n")[-1]]
    assert "50.00" not in lead and "about Running a market stall" in lead, lead
