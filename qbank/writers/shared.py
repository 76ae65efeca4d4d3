"""What several writers need: Moodle's fixed grade fractions, category paths."""

from __future__ import annotations

from functools import lru_cache

# question/format/xml/format.php and question_bank::fraction_options_full(): an answer
# grade must be one of these (or its negative) within 0.00001 when importing in 'error' mode.
MOODLE_FRACTIONS: tuple[float, ...] = (
    1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3,
    0.25, 0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05, 0.0,
)


@lru_cache(maxsize=256)  # a handful of distinct grades, asked for once per option
def moodle_percent(fraction: float) -> str:
    """A fraction (-1..1) as the percentage Moodle accepts, e.g. 1/3 -> '33.33333'."""
    sign = -1 if fraction < 0 else 1
    nearest = min(MOODLE_FRACTIONS, key=lambda f: abs(f - abs(fraction)))
    if abs(nearest - abs(fraction)) > 0.0005:
        raise ValueError(f"{fraction} is not a grade Moodle accepts")
    text = f"{sign * nearest * 100:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "0") else text


def multi_answer_fractions(n_correct: int, n_wrong: int) -> tuple[str, str]:
    """Percentages for a multi-answer item: each key 100/k; each wrong option -100/w (floor 0 overall)."""
    right = moodle_percent(1 / n_correct)
    wrong = moodle_percent(-1 / n_wrong) if n_wrong else "0"
    return right, wrong


def category_path(root: str, *names: str) -> str:
    """A Moodle category path under ``root``; a '/' inside a name is written '//' as Moodle expects."""
    return "/".join([root.rstrip("/"), *(n.replace("/", "//") for n in names)])
