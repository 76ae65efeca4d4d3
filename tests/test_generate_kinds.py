"""Concept options of one kind: a model is not offered among checks, ratios and forms (issue 11)."""

from __future__ import annotations

from topicmaker import topic_file

from qbank.generate import build_bank
from qbank.generate.concepts import concept_kind, definition_text, term_text
from qbank.generate.kinds import genus, kind
from qbank.model import MultipleChoice
from qbank.reader import read_topics

COACHING = dict(
    synopsis="This topic covers planning coaching sessions for young athletes and keeping them safe.",
    concepts=[
        ("Long-term athlete development", "A staged model for developing athletes over many years, matching training to growth and maturity."),
        ("STEP", "A model for adapting an activity by changing the space, task, equipment or people involved."),
        ("Coaching process cycle", "A cyclical model in which the coach plans, delivers and then reviews each session."),
        ("GROW", "A coaching model that moves a conversation through goal, reality, options and way forward."),
        ("Teaching games for understanding", "A model of teaching games that starts from a modified game rather than isolated drills."),
        ("Supervision ratio", "The number of qualified adults needed for each group of children in a session."),
        ("Enhanced DBS check", "A check of criminal records that includes a search of the children's barred list."),
        ("Risk assessment", "A documented check of the venue and equipment for hazards before every session."),
        ("Session plan", "A written record of the aims, activities, timings and equipment for one coaching session."),
        ("Safeguarding lead", "The person in a club who receives and acts on any concern about a child's welfare."),
        ("Parental consent form", "A signed document giving permission for a child to take part and listing medical needs."),
    ],
    tips=["Name the stage of long-term development that fits the age group in any scenario."],
    mistakes=["Believing that a DBS check lasts for life; in fact clubs recheck at set intervals."],
    marking=["Award credit for explaining how the STEP model adapts an activity."],
)


def test_genus_is_the_opening_noun_and_its_class():
    assert genus("A device that continuously compares the current") == "device"
    assert genus("The process of rendering drugs irretrievable") == "process"
    assert genus("A type of steel that resists corrosion") == "steel"  # "type of" looks through
    assert genus("Inflammation of the mammary gland") == "inflammation"
    assert genus("The regulations requiring employers to assess") == "regulation"
    assert genus("Cleaning to reduce the growth of micro-organisms") == "-ing"
    assert genus("a centrifugal impeller pump driven by the belt") == "pump"
    # Not a genus: a predicate, a name, a claim.
    assert genus("Modulates brake pressure to stop the wheels locking") is None
    assert genus("The Lifting Operations and Lifting Equipment Regulations 1998") is None
    assert kind("A staged model for developing athletes") == "model"
    assert kind("The number of people per square metre") == "quantity"
    assert kind("A signed document giving permission") == "record"
    assert kind("Joining panels with a copper-silicon wire") == "activity"
    assert kind("Inflammation of the mammary gland") == "condition"
    assert kind("Contagious ovine digital dermatitis, a severe infection") == "condition"  # -itis
    assert kind("Cell division that produces two identical cells") == "activity"  # -sion: the act of a verb
    # an equation is no act, whatever its ending (offered beside pipetting techniques, it stood out)
    assert kind("The dilution equation, where C1 and V1 are the stock used") == "rule"
    # a modal ends the noun phrase: the genus is the noun before it, never "must"
    assert genus("Liquid ice cream mix must be kept at 5°C or below") == "mix"
    assert kind("A tiny parasitic wasp used against whitefly") == "organism"
    # a participle spelt like its verb ("cut", "set") after a noun ends the phrase; "test" does not
    assert genus("A wooden frame cut to the profile of the wall") == "frame"
    assert genus("The stones set on edge along the top of the wall") == "stone"
    assert genus("A pressure test on the pipework") == "test"
    # nor does an irregular participle ("left", "kept", h39: "sticky layer left on top" had the genus "left")
    assert genus("sticky layer left on top after curing") == "layer"
    assert genus("A record kept on file for three years") == "record"
    # a compound in -ing before a noun is its modifier, not a gerund (h42: a bacterium among activities)
    assert genus("spore-forming bacterium found in soil, cereals and dried foods") == "bacterium"
    assert genus("fast-acting insulin given before meals") == "insulin"
    assert genus("Hand-washing with soap for 20 seconds") == "-ing"
    assert genus("A safety check to confirm the valve closes") == "check"
    # A noun outside the classes is a kind of its own; no opening noun, no kind.
    assert kind("The slightly acidic film of sebum on the skin") == "other:film"
    assert kind("Modulates brake pressure to stop the wheels locking") is None


def test_concept_options_are_all_of_one_kind(tmp_path):
    topic_file(tmp_path, "coaching", **COACHING)
    read, diags = read_topics([tmp_path])
    bank = build_bank(read, seed=0, diagnostics=diags)
    concepts = [c for t in read for c in t.concepts]
    by_text = {}
    for c in concepts:
        by_text[term_text(c)] = c
        by_text[definition_text(c)] = c
    items = [i for i in bank.items if i.family == "concept" and isinstance(i, MultipleChoice)]
    assert items, "the planted topic has five models: at least one concept item can be made of models"
    for item in items:
        kinds = {concept_kind(by_text[ch.text]) for ch in item.choices}
        assert len(kinds) == 1, (item.stem, [(ch.text, concept_kind(by_text[ch.text])) for ch in item.choices])


def test_terms_that_share_their_head_noun_are_of_one_kind(tmp_path):
    """h19 (dog grooming): five coat types whose descriptions open with different words ("short,
    close-lying hair", "harsh outer coat", "long, fine hair") had no item ("only 0 other terms of its
    kind"). Terms that end in one noun ("Smooth coat", "Wire coat", "Silky coat") are kinds of one
    thing: offered together they are homogeneous options. A one-word term has no head of its own."""
    from qbank.generate.concepts import skip_reason, term_head
    from qbank.generate.facts import build_facts
    from qbank.model import Concept, Source

    assert term_head(Concept("Curly (non-shedding) coat", "x", Source("t.txt", 1))) == "coat"
    assert term_head(Concept("Heatstroke", "x", Source("t.txt", 1))) is None
    topic_file(tmp_path, "grooming", synopsis="Dog grooming: coat types and clipping.", concepts=[
        ("Smooth coat", "Short, close-lying hair, as on a Boxer or Whippet; groomed with a rubber curry brush."),
        ("Wire coat", "Harsh outer coat with a softer undercoat, as on a Border Terrier; hand-stripped."),
        ("Silky coat", "Long, fine hair with little or no undercoat, as on a Yorkshire Terrier; tangles easily."),
        ("Clipper burn", "Redness or rash from a hot or blunt blade, most often on the groin."),
        ("Grooming loop", "A restraint that holds the dog's head on the table; never leave a dog alone in one.")])
    topics = read_topics([tmp_path])[0]
    facts = build_facts(topics)
    for concept in topics[0].concepts[:3]:
        assert "of its kind" not in skip_reason(concept, topics[0], facts) or "left a cue" in skip_reason(
            concept, topics[0], facts), (concept.term, skip_reason(concept, topics[0], facts))
    bank = build_bank(topics, seed=0)
    coats = [i for i in bank.items if isinstance(i, MultipleChoice) and i.family == "concept"
             and any(c.correct and c.text.endswith("coat") for c in i.choices)]
    assert coats, [i.stem for i in bank.items]
    for item in coats:
        assert all(c.text.endswith("coat") for c in item.choices), [c.text for c in item.choices]


def test_a_word_of_the_description_inside_the_term_is_a_cue():
    """h23's examiner (serious): "Sowing seed into an existing lawn" for "Overseeding"."""
    from qbank.generate.concepts import clang

    assert clang("Overseeding", "Sowing seed into an existing lawn to thicken thin areas.")
    assert not clang("Scarifying", "Raking out thatch and moss with a spring-tine rake.")


def test_a_gerund_before_a_quantity_names_a_quantity_and_an_expansion_names_its_kind():
    """h56's examiner: "Alkalinity: buffering capacity, measured as mg/L CaCO3" was read as an activity, and "RAS:
    Recirculating Aquaculture System; …" as one too, so a measure was keyed among a process and a system."""
    from qbank.model import Concept, Source
    assert kind("buffering capacity, measured as mg/L CaCO3.") == "quantity:volume"
    assert kind("holding time before serving") == "quantity:time"
    assert kind("checking equipment regularly") == "activity" and kind("cleaning surfaces with detergent") == "activity"
    src = Source("x.txt", 1)
    assert concept_kind(Concept("RAS", "Recirculating Aquaculture System; water is treated and reused.", src)) == "other:system"
    # (a list is no name: AIDA's "Action" is no kind of what AIDA is)
    assert concept_kind(Concept("AIDA", "Attention, Interest, Desire, Action - the model used to plan windows.", src)) != "activity"
