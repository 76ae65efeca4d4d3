"""Odd but valid topic files never crash a generator; every item they do produce is well formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qbank.generate import build_bank
from qbank.model import Matching, MultipleChoice
from qbank.reader import read_topics
from topicmaker import topic_file

WORDS = st.sampled_from(
    "the a customer cell ledger Always never all every only HEAT (Hear, Empathise) SMART: "
    "Failing to Assuming that Believing Not involving Confusing with leading to, which é — ; "
    "Award credit for explaining how Expect identification of Use In written answers, x 1 2".split()
)
PHRASE = st.lists(WORDS, min_size=1, max_size=14).map(" ".join)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    concepts=st.lists(st.tuples(PHRASE, PHRASE), max_size=7),
    tips=st.lists(PHRASE, max_size=4),
    mistakes=st.lists(PHRASE, max_size=5),
    marking=st.lists(PHRASE, max_size=4),
)
def test_generators_survive_arbitrary_bullets(tmp_path_factory, concepts, tips, mistakes, marking):
    folder = tmp_path_factory.mktemp("odd")
    concepts = [(t.replace(":", " "), d) for t, d in concepts if t.replace(":", " ").strip()]
    topic_file(folder, "odd", concepts=concepts, tips=tips, mistakes=mistakes, marking=marking)
    topic_file(folder, "plain", concepts=[("Alpha", "The first letter of the Greek alphabet."),
                                          ("Beta", "The second letter, used for a test release."),
                                          ("Gamma", "The third letter, also a kind of radiation.")],
               mistakes=["Failing to check the release notes before upgrading."])
    topics, diags = read_topics([folder])
    a, b = build_bank(topics, seed=1, diagnostics=diags), build_bank(topics, seed=1, diagnostics=diags)
    assert a.items == b.items
    assert len({i.id for i in a.items}) == len(a.items)
    for item in a.items:
        assert item.stem.strip() and item.general_feedback.strip()
        if isinstance(item, MultipleChoice):
            assert 3 <= len(item.choices) <= 5 and item.keys
            assert len({c.text for c in item.choices}) == len(item.choices)
            assert all(c.text.strip() and c.feedback for c in item.choices)
        if isinstance(item, Matching):
            assert len(item.pairs) >= 3 and item.extra_answers
