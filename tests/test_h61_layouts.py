"""Layouts of h61-h63's notes (EV charging, beekeeping, bank reconciliation, barbering, forklifts, early years,
plastering, package holidays, sports massage), read blind: an examiner found stems citing the glossary for every
figure of the file, titles printed with their "-- subtitle" and "::", a myth spliced onto a value, and most of
the notes' glossaries, mistakes and sample questions unread. Each test plants one layout."""

from __future__ import annotations

from qbank.generate import build_bank
from qbank.generate.misconceptions import read as read_mistake
from qbank.generate.statements import leans_back
from qbank.model import Bullet, Section, Source
from qbank.questions import block_heading, question_blocks
from qbank.reader import read_topics
from qbank.syntax import keyword_heading

RULE = "-" * 60


def _topic(tmp_path, text, name="12333c5c.txt"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    assert topics, [str(d) for d in diags]
    return topics[0]


def test_numbered_sections_after_one_named_in_the_tutors_words(tmp_path):
    """h61: "1. WORDS YOU MUST BE ABLE TO DEFINE" (a keyword heading) did not count as section 1, so "2. NUMBERS",
    "3. LAW" … were read as key concepts and every figure's feedback cited the glossary."""
    topic = _topic(tmp_path, (
        "EV CHARGING POINT INSTALLATION -- LEVEL 3 ELECTRICAL\n\nWHAT THIS COVERS\n  Installing a dedicated charge point.\n\n"
        f"{RULE}\n1. WORDS YOU MUST BE ABLE TO DEFINE\n{RULE}\n EVSE           | Electric Vehicle Supply Equipment\n"
        f" Mode 3         | Dedicated AC charging equipment with a control pilot\n"
        f" PME            | Protective Multiple Earthing, a supply combining neutral and earth\n\n"
        f"{RULE}\n2. NUMBERS  (learn these cold - they come up every paper)\n{RULE}\n"
        " * Part S: new homes need a charge point of at least 7 kW.\n\n"
        f"{RULE}\n3. LAW & PAPERWORK (short version)\n{RULE}\n - Part P: a new circuit is notifiable.\n"))
    assert [c.term for c in topic.concepts] == ["EVSE", "Mode 3", "PME"], topic.concepts
    assert [h for _, h in topic.note_headings][-2:] == ["2. NUMBERS (learn these cold - they come up every paper)",
                                                        "3. LAW & PAPERWORK (short version)"], topic.note_headings
    assert topic.synopsis.startswith("Installing"), topic.synopsis
    assert topic.title == "EV charging point installation", topic.title


def test_headings_boxed_between_rules_and_marked_in_lower_case(tmp_path):
    """h62/h63: an indented heading between two rules (" 1.  WORDS …", "  GLOSSARY (…)") and lower-case headings
    marked ">> where learners go wrong", "~~ glossary (13) ~~" were no headings: glossaries and mistakes unread."""
    assert keyword_heading(">> where learners go wrong") is Section.MISCONCEPTIONS
    assert keyword_heading("## glossary (13)") is Section.CONCEPTS
    assert keyword_heading("where learners go wrong") is None  # (unmarked lower case stays a line of text)
    topic = _topic(tmp_path, (
        "EARLY YEARS :: CHILD DEVELOPMENT\n\n>> OVERVIEW\nChildren develop at different rates.\n\n"
        f"{'=' * 50}\n  GLOSSARY (learn to define in ONE sentence each)\n{'=' * 50}\n"
        "Gross motor: large movements using whole limbs.\nFine motor: small movements of hands and fingers.\n\n"
        "~~ classic mistakes ~~\nWRONG: \"Every baby crawls.\" RIGHT: Some bottom-shuffle.\n"))
    assert [c.term for c in topic.concepts] == ["Gross motor", "Fine motor"], topic.concepts
    assert len(topic.misconceptions) == 1, topic.misconceptions
    assert topic.title == "Early years", topic.title


def test_columns_of_terms_without_colons(tmp_path):
    """h62: "FULCRUM             the front axle …" (capitals, spaces, definition) and h61: "bee space - the gap …"
    over "brood - eggs, …" in lower case were read as one concept or skipped."""
    topic = _topic(tmp_path, (
        "Counterbalance forklift\n\nIN A NUTSHELL\n   A counterweight stops the truck tipping.\n\nPART A -- QUICK-FIRE GLOSSARY\n"
        "   FULCRUM             the front axle; the truck pivots over it if overloaded\n"
        "   COUNTERWEIGHT       mass at the rear that balances the load\n"
        "   LOAD CENTRE         horizontal distance from fork face (vertical\n"
        "                       front of forks) to the load's centre of gravity\n"
        "   DERATING            reduced capacity because of height\n"), "156fd234.txt")
    assert [c.term for c in topic.concepts] == ["FULCRUM", "COUNTERWEIGHT", "LOAD CENTRE", "DERATING"], topic.concepts
    assert topic.concepts[2].definition.endswith("to the load's centre of gravity"), topic.concepts[2]
    other = tmp_path / "bees"  # (one file per folder)
    other.mkdir()
    topic = _topic(other, (
        "commercial beekeeping\n\n>> what this topic is about\nRunning colonies as a business.\n\n>> glossary (term - meaning)\n"
        "   bee space - the gap bees leave open, roughly 6-9 mm. Smaller gets\n               propolised.\n"
        "   brood - eggs, larvae and pupae.\n   super - shallower box above the brood box.\n"), "fc115361.txt")
    assert [c.term for c in topic.concepts] == ["bee space", "brood", "super"], topic.concepts


def test_mistakes_crossed_arrowed_and_hanging(tmp_path):
    """h61: " x … -> fix" lines (no tick lines) and "!! …" lines; h62: quoted beliefs at the margin with their fix
    indented under them — each section was read as one mistake."""
    files = {
        "18fde4d4.txt": "+" + "-" * 40 + "+\n|  BANK RECONCILIATION  --  small business bookkeeping (UK)  |\n+" + "-" * 40 + "+\n\n"
                        "OVERVIEW\nThe cash book and the statement differ.\n\n"
                        "+---------------- MISTAKES I MARK EVERY TERM ----------------+\n"
                        "  !! Reading the statement \"credit\" as money out. It's money IN.\n"
                        "  !! Putting bank charges into the reconciliation instead of the\n     cash book.\n",
        "12333c5c.txt": "EV charging\n\nOVERVIEW\nInstalling a charge point.\n\n6. MISTAKES I SEE EVERY YEAR\n"
                        " x \"Use diversity on the charger like a cooker.\"\n   -> NO diversity. 32 A for 8 hours is the design case.\n"
                        " x Assuming the house RCD covers it.  -> Each charging point needs its\n   own RCD.\n",
        "156fd234.txt": "Counterbalance forklift\n\nIN A NUTSHELL\nA counterweight stops the truck tipping.\n\n"
                        "PART C -- \"I THOUGHT...\"  (misconceptions)\n"
                        "  \"My licence lasts forever.\"   -> There is no UK forklift licence,\n     only a training certificate.\n"
                        "  \"Tilt forward to stop the load slipping.\" -> Tilt BACK to travel.\n",
    }
    for n, (name, text) in enumerate(files.items()):
        folder = tmp_path / str(n)
        folder.mkdir()
        topic = _topic(folder, text, name)
        texts = [b.text for b in topic.misconceptions]
        assert len(texts) == 2, (name, texts)
        assert not texts[0].startswith(("!!", "x ")) and "\"Tilt" not in texts[0] and "Assuming" not in texts[0], texts
        if name == "18fde4d4.txt":
            assert topic.title == "Bank reconciliation", topic.title


def test_an_arrow_turns_a_mistake_to_its_correction():
    """h61: "Assuming the house RCD covers it. -> Each charging point needs its own RCD; …" gave the claim "The house
    RCD covers it. -> Each charging point needs its own RCD", keyed False with the correction inside it; an
    unmarked practice before an arrow ("Mode 2 lead on an extension reel") was read as a claim."""
    src = Source("x.txt", 1, Section.MISCONCEPTIONS)
    r = read_mistake(Bullet("Assuming the house RCD covers it. -> Each charging point needs its own RCD; a shared "
                            "upstream RCD is not compliant.", src))
    assert r.claim == "The house RCD covers it", r
    assert r.correction.startswith("Each charging point needs its own RCD"), r
    r = read_mistake(Bullet("Mode 2 lead on an extension reel. -> Manufacturers & IET CoP say no: hours at 10 A+ "
                            "through a reel is a fire risk.", src))
    assert r.claim is None and r.correction is None, r
    r = read_mistake(Bullet("\"Vygotsky invented scaffolding.\" --> The TERM comes from Wood, Bruner & Ross (1976). "
                            "It builds on Vygotsky's ZPD.", src))
    assert r.correction is None or "It builds" not in r.correction, r


def test_sample_question_headings_and_mark_columns():
    """h61-h63: "8. SAMPLE QUESTIONS + MARK SCHEMES", "PART E -- SAMPLE QUESTION  (written paper)" between dotted
    rules, "[I] PRACTICE QUESTION", "+---- SAMPLE EXAM QUESTION ----+" were no question blocks; a marks column at
    the right ("… one organiser)        1"), "TOTAL [7]" and a cap line without a colon were misread."""
    blocks = {
        "8. SAMPLE QUESTIONS + MARK SCHEMES": "Q3. State TWO reasons a Type AC RCD is unsuitable here.          [2]\n"
                                              "  MS (any two): EVs can produce smooth DC (1); DC can blind it (1).\n",
        "+---------------- SAMPLE EXAM QUESTION ----------------+":
            "Explain why the cash book is updated first.   [2]\n  MARK SCHEME\n  - bank charges are real (1)\n  - so balance is right (1)\n",
    }
    for head, body in blocks.items():
        _, tips = question_blocks([head, *body.splitlines()])
        assert len(tips) == 1 and "Marks" in tips[0][1], (head, tips)
    dotted = "." * 60
    lines = [dotted, "PART E -- SAMPLE QUESTION  (written paper)", dotted,
             "  Q. A truck's data plate reads 2,000 kg at 500 mm.",
             "     (a) Explain why this lift may be unsafe.                 [3]",
             "     (c) Give TWO ways lateral stability can be lost when",
             "         travelling.                                          [2]",
             "                                                       TOTAL [5]",
             "  MARK SCHEME", "   (a) 1 mark each, max 3:", "       - a bigger load centre", "       - capacity falls",
             "   (c) 1 mark each, max 2:", "       - turning too fast", "       - load raised"]
    _, tips = question_blocks(lines)
    assert len(tips) == 2 and "(2 marks)" in tips[1][1] and "....." not in tips[0][1], tips
    lines = ["[I] PRACTICE QUESTION",
             "    Jas books a flight + hotel package, total price £2,000, and is told of a £240 surcharge.",
             "    (a) Explain Jas's options and rights.                            [6 marks]",
             "    MARK SCHEME",
             "    (a) 1 mark each, max 6",
             "        - identifies it as a package (flight + hotel, one organiser)     1",
             "        - rise allowed only if the contract permits it and is due to fuel/tax/   1",
             "          exchange rates; notice on a durable medium",
             "        - increase = 240/2,000 = 12%, which is MORE than 8%              1"]
    _, tips = question_blocks(lines)
    assert len(tips) == 1, tips
    text = tips[0][1]
    assert "(1 mark each, max 6)" in text and "fuel/tax/ exchange rates; notice on a durable medium (1)" in text, text
    assert "one organiser) (1)" in text and " 1;" not in text, text
    assert block_heading("[I] PRACTICE QUESTION") == "[I] PRACTICE QUESTION"


def test_asides_and_continued_lists_are_not_asked(tmp_path):
    """h61: "(Many wallboxes have ____ mA DC detection built in - check the data sheet.)" and "OR make the charge
    point circuit TT … ____ m …" were asked; both lean on what the notes say around them."""
    assert leans_back("OR make the charge point circuit TT, kept 2.5 m from PME-earthed metalwork.")
    assert leans_back("And no rise at all is allowed in the last 20 days.")
    assert not leans_back("Oral doses are measured in millilitres.")
    topic_text = ("EV charging\n\nTopic Synopsis\nInstalling a charge point.\n\nKey Concepts & Core Principles\n"
                  "- EVSE: the charge point itself, including its control.\n\nNUMBERS TO KNOW\n"
                  " * RCD: each charging point its own RCD, at least Type A, rated at 30 mA.\n"
                  "   (Many wallboxes have 6 mA DC detection built in - check the data sheet.)\n"
                  " * Socket mounting height: 0.5 m to 1.5 m above ground.\n"
                  " * Insulation resistance: 500 V DC test, minimum 1 MOhm.\n")
    (tmp_path / "ev.txt").write_text(topic_text, encoding="utf-8")
    topics, diags = read_topics([tmp_path])
    stems = [i.stem for i in build_bank(topics, seed=0, diagnostics=diags).items]
    assert stems, diags
    assert not [s for s in stems if "Many wallboxes" in s], stems


def test_a_question_pointing_at_a_case_it_does_not_give_and_the_end_marker():
    """h61: "State TWO reasons a Type AC RCD is unsuitable here." was set as an essay ("here" is a case the prompt
    does not give); h62: "## end ##" after the mark scheme was printed in the essay's guidance."""
    from qbank.generate.essays import skip_reason
    marks = " Marks (any two): EVs can produce smooth DC (1); DC can blind it (1); s722 requires Type A (1)."
    assert "points at a case" in skip_reason('Sample question (2 marks): "State TWO reasons a Type AC RCD is unsuitable '
                                             'here."' + marks)
    assert skip_reason('Sample question (2 marks): "State TWO reasons a Type AC RCD is unsuitable for an EV charge '
                       'point."' + marks) == ""
    lines = ["Sample question", "Explain why the load centre matters.   [2]", "MARK SCHEME",
             "- a bigger load centre increases the load moment (1)", "- so capacity falls (1)", "## end ##"]
    _, tips = question_blocks(lines)
    assert len(tips) == 1 and "end" not in tips[0][1].split("Marks", 1)[1], tips


def test_kinds_read_past_participles_adjective_lists_and_slashes():
    """h62/h63: "lasting emotional bond" and "gliding strokes" were read as activities (a bond offered among
    movements), "small, precise hand/finger movements" as a kind "small" (so "Fine motor" was never offered
    beside "Gross motor")."""
    from qbank.generate.kinds import kind
    assert kind("lasting emotional bond with main carer(s) (Bowlby)") == "other:bond"
    assert kind("gliding strokes, usually towards the heart") == kind("percussive strokes (hacking, cupping)")
    assert kind("small, precise hand/finger movements (pincer grasp)") == kind("large movements using whole limbs")
    # (a gerund with its object stays an activity)
    assert kind("keeping new concrete damp and protected so it hydrates") == "activity"
    assert kind("cutting stems at an angle under water") == "activity"


def test_a_term_that_is_a_prepositional_phrase_is_not_asked(tmp_path):
    """h62: "With the grain" among "Taper", "Stropping", "Honing" was answered by the idiom."""
    topic = _topic(tmp_path, (
        "Razor shaving\n\nTopic Synopsis\nThe wet shave, step by step.\n\nKey Concepts & Core Principles\n"
        "- With the grain: shaving in the direction the hair grows.\n"
        "- Stropping: dragging the razor along leather to re-align the edge.\n"
        "- Honing: grinding a new edge on a stone.\n- Taper: shortening only at the natural hairline.\n"
        "- Lathering: working soap into a foam on the beard.\n"), "e751a20e.txt")
    bank = build_bank([topic], seed=0, diagnostics=[])
    text = " ".join(i.stem + " " + " ".join(c.text for c in getattr(i, "choices", ())) for i in bank.items)
    assert "Stropping" in text, text
    assert "With the grain" not in text, text


def test_wrapped_mark_points_keep_their_words_together():
    """h62/h63: '(or "as stated on    (1)' over '  the bag")' and 'o … (use corrected age)' over '  affect timing (1)'
    were printed as '… as stated on (1); the bag' and '… (use corrected age); affect timing'; '-> 2 mm (1)' kept
    its arrow."""
    lines = ["PRACTICE QUESTION + MARK SCHEME", "Q1. Describe how to mix a bag of finish plaster.  [3]", "Mark scheme",
             "    - clean water put in the bucket first                               (1)",
             "    - correct amount of water, about 11.5 L per 25 kg (or \"as stated on    (1)",
             "      the bag\")",
             "     o culture or prematurity (use corrected age)",
             "       affect timing (1)",
             "    -> plaster added to the water (1)"]
    _, tips = question_blocks(lines)
    assert len(tips) == 1, tips
    text = tips[0][1]
    assert '(or "as stated on the bag") (1)' in text, text
    assert "(use corrected age) affect timing (1)" in text, text
    assert "; plaster added to the water (1)" in text and "->" not in text, text


def test_a_marks_column_of_bracketed_marks_ends_each_point():
    """(the rule above must not join a worked answer's steps, each with its own "(1)" at the right: h61's
    voltage-drop marks were read as one point once, while the rule was written)"""
    lines = ["Sample question", "Q1. Calculate the voltage drop.   [3]", "  MARK SCHEME",
             "    (a) VD = (mV/A/m x Ib x L) / 1000                       (1)",
             "        = (7.3 x 32 x 25) / 1000                            (1)",
             "        = 5.84 V  (accept 5.8 V; unit required)             (1)"]
    _, tips = question_blocks(lines)
    assert len(tips) == 1 and tips[0][1].count("(1);") == 2, tips
