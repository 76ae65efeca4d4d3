"""Essay prompts a tutor would set, from the Examiner Marking Points that ask for written work.

"Award credit for clearly explaining how X" -> "Explain how X." A marking point that asks
for something an assessor watches ("demonstrate", "coordinate", "negotiate", "through
practical evidence"...) is not an essay: it goes to the observation checklist
(:func:`observation_checklist`, written as ``observation-checklist.csv`` and a preview page).
A marking point whose verb cannot be turned into an instruction with a real English verb
form (lemminflect's dictionary, never a hand-made rule) is left out and reported by coverage,
as is one that is a calculation or worked task (it needs data the notes do not give), one that
refers to a client, case or data not given, and one whose list of creditworthy answers cannot
be dropped with the sentence still complete. An essay is set only when the topic's key concepts
and misconceptions give every demand of the prompt (:func:`demands`, :func:`plan`); those
bullets are its indicative content, and coverage names a demand they miss. A prompt leaning on
"the X" that only the topic's heading explains names the topic; a short-answer task ("Identify
three …") gets a short answer box.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from lemminflect import getAllLemmas

from qbank.generate.common import (
    has_name, item_id, learner_source, names_its_topic, readable_title, sentence, short_title,
)
from qbank.generate.practice import _MARK_LEAD, _MODAL_LEAD, from_marking
from qbank.generate.text import STOPWORDS, capitalise, content_stems, stem, words
from qbank.model import Bullet, Essay, Item, Source, Topic
from qbank.questions import NOTES_PART as _NOTES_PART

FAMILY = "essay"

# Work an assessor observes or a portfolio evidences, not something a learner writes in an essay.
PRACTICAL = re.compile(
    r"\b(?:demonstrat\w*|achiev(?:e|es|ed|ing)\b|wear(?:s|ing)?\b|monitor(?:s|ed|ing)? (?:\w+ )?(?:progress|performance)|coordinat\w*|co-ordinat\w*|negotiat\w*|(?<!\ba )(?<!\bthe )(?<!control )measur(?:e|ed|ing)\b|observ\w*|carr(?:y|ies|ied|ying) out|"
    r"perform(?:s|ed|ing)?\b|role[- ]?play\w*|practical evidence|practical task|in practice|on the job|"
    # "Can explain WHY … when questioned": oral questions during the practical (h28)
    r"when (?:questioned|asked)|(?:verbally|orally)\b|"
    r"workplace evidence|evidence of (?:\w+ )?(?:planning|working|collaborat\w*|use)|"
    # "linking practice to the EYFS framework and the setting's procedures": the candidate's own work
    r"(?:link|relat|reflect|apply|appli)\w* (?:on )?(?:their |own |his or her |the candidate's )?(?:own )?practice\b|"
    r"use (?:of )?(?:the |a )?(?:tools?|equipment|meter|multimeter)|fit(?:s|ted|ting)? |replac\w* |test(?:s|ed|ing)? the |"
    # record-keeping done as the work goes on: "complete an anaesthetic record … at regular intervals"
    r"at regular intervals|complet(?:e|es|ed|ing) (?:an? |the )?(?:\w+ )?(?:record|chart|log|form|checklist|sheet)s?|"
    # "identify fruit buds … on a sample shoot", "using the materials provided": a thing in the candidate's hands
    r"(?:on|from|using|with|in)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:samples?|specimens?)|(?:materials|items|equipment|tools) (?:provided|supplied))\b",
    re.IGNORECASE,
)
# "a given scenario" promises something the prompt does not give.
GIVEN = re.compile(r"\b(?:a|an|the) (?:given|chosen)\s+", re.IGNORECASE)
# "Compare a trench box with sheets for a given site, justifying the choice": the choice is judged
# against a case the prompt would have to supply ("a site" alone leaves nothing to justify against)
# (two searches, not one pattern with ".*" between: linear on a long hostile line)
_GIVEN_CASE = re.compile(r"\b(?:a|an|the) given\s+\w+", re.IGNORECASE)
_JUDGED = re.compile(r"\b(?:justify|justifying|justified|choose|choosing|choice|select|selecting|recommend|recommending)\b",
                     re.IGNORECASE)


def _given_to_judge(command: str) -> bool:
    return bool(_GIVEN_CASE.search(command) and _JUDGED.search(command))
# "mark the movement joints on a floor plan", "identify defects from a photograph": a drawing or an
# image the prompt does not supply (an examiner's find: a practical task set as an essay)
_DRAWN = re.compile(r"\b(?:on|from|in|using|onto)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}(?:plan|drawing|diagram|photograph|"
                    r"photo|picture|sketch|image|layout|elevation|schematic|video)s?\b"
                    # "Identify the meaning of three CLP pictograms": symbols the prompt would have to show (h10)
                    r"|\b(?:meaning|meanings)\s+of\s+(?:(?:at least|any|the)\s+)?(?:\w+\s+){0,3}"
                    r"(?:pictograms?|symbols?|signs?|icons?|labels?|markings?)\b", re.IGNORECASE)
# "Identify an appropriate lawful basis for holding employee bank details": a choice for a case, where
# the notes list the options and not the choice; guidance that lists them all has no key (h10)
_CHOOSE_FOR = re.compile(r"^(?:In the context of [^:]+:\s*)?(?:identify|select|choose|recommend|suggest)\s+(?:an?|the)\s+"
                         r"(?:most\s+)?(?:appropriate|suitable|best)\s+[\w\s-]{1,40}?\s+for\s+", re.IGNORECASE)
# "for each transaction", "the target shade", "the scenario": material the prompt does not supply
UNSUPPLIED = re.compile(r"\b(?:each|every|the) (?:target|transactions?|scenario|case study|data|results|figures|readings|"
                        r"table|diagram|chart|situation|sample|following)\b"
                        # "development for a named age": the setter names it, and the prompt does not (h15)
                        r"|\b(?:a|an|the) (?:named|particular)\s+\w+"
                        # "identify the correct rate for a list of supplies": a list the prompt does not give (h17)
                        r"|\b(?:for|from|on|in|to) (?:a|the) (?:given |following |short )?list of\b", re.IGNORECASE)


@dataclass(frozen=True)
class ObservationPoint:
    """A practical marking point: what an assessor watches for, and where the notes say so."""

    topic: str  # Topic.title
    point: str
    source: Source


# "Look for documented examples of X": evidence gathered at work (a portfolio), not an essay.
EVIDENCED = re.compile(r"^(?:clear |documented |practical |specific |workplace )*(?:evidence|examples?|instances|records?)"
                       r" (?:of|that)\b", re.IGNORECASE)


def is_practical(point: str) -> bool:
    """True for a marking point that asks for something done and observed (or evidenced at work), not written:
    a practical phrase, evidence gathered at work, or a task whose verb is not one of writing
    ("Apply and remove wax …", "Recess hinges flush …", "Move damaged goods to quarantine …")."""
    text = point.strip()
    if written_label(text) is not None:
        return False  # "Written: explain why … when measuring Ze": the notes say the task is written (h36)
    if _quoted(text):
        return False  # '"State FOUR precautions …" One mark each for …': a written question, quoted (h39)
    lead = _MARK_LEAD.match(text) or _MODAL_LEAD.match(text)
    body = text[lead.end():] if lead else text
    body = re.sub(r"^(?:providing|seeing|the (?:candidate|learner)['’]s ability to show)\s+", "", body, flags=re.IGNORECASE)
    if PRACTICAL.search(point) or EVIDENCED.match(body):
        return True
    command = _command(point)
    ws = words(command) if command else []
    if not ws:
        # "Patch test done and recorded in time.", "Even, balanced, symmetrical result", "Correct
        # selection of curl, length and thickness": an outcome the assessor sees, with no task of
        # writing in it (h28: 29 of 32 marking points were reported as unreadable instead)
        said = {stem(w) for w in words(body)}
        return not said & _WRITTEN_STEMS and not re.search(r"\b(?:why|explain\w*|describ\w*|discuss\w*)\b", body, re.I)
    if ws[0] == "apply" and set(ws[1:5]) & _IDEAS:
        return False  # "Apply the hierarchy to a scenario": thinking on paper, not wax on skin
    return ws[0] not in WRITTEN_VERBS


_IDEAS = frozenset("""model models principle principles hierarchy framework theory concept concepts rule rules
    knowledge understanding method approach process test cycle criteria""".split())
# The verbs of a task done on paper. A marking point whose task has another verb ("apply",
# "label and rotate", "recess", "move") is done and watched, so it goes to the observation checklist.
WRITTEN_VERBS = frozenset("""explain describe state identify list name outline discuss evaluate compare contrast
    assess justify suggest define analyse analyze calculate summarise summarize write give distinguish
    differentiate recognise recognize interpret recommend propose classify draw sketch plan show predict
    determine estimate convert work relate link review critique reflect select choose decide prioritise
    prioritize consider weigh argue examine investigate illustrate annotate design""".split())


def _base(gerund: str) -> str | None:
    """'completing' -> 'complete', from lemminflect's dictionary only (None for an unknown word)."""
    if not gerund.lower().endswith("ing"):
        return None
    lemmas = getAllLemmas(gerund.lower(), upos="VERB").get("VERB", ())
    return lemmas[0] if lemmas else None


def imperative(practice: str) -> str | None:
    """'Explaining how X and suggesting Y' -> 'Explain how X and suggest Y'; None when a verb is unknown."""
    first, _, rest = practice.partition(" ")
    base = _base(first)
    if not base or not rest:
        return None
    # A second verb coordinated with the first, with only the first verb's object between them.
    m = re.match(r"^([^,]*?)\b(and|or) (\w+ing)\b(?!-)(.*)$", rest)
    if m and not any(w.endswith("ing") for w in m.group(1).split()):
        second = _base(m.group(3))
        if second:
            rest = f"{m.group(1)}{m.group(2)} {second}{m.group(4)}"
    return f"{capitalise(base)} {rest}".strip()


_PRODUCT = re.compile(r"^(?:an?|clear|well-reasoned) (?:clear |written |detailed )?(plan|rationale|report|summary|"
                      r"comparison|analysis|evaluation|explanation|justification|proposal|outline)\b(.*)$", re.IGNORECASE)


def _written_product(point: str) -> str | None:
    """'Assessors should look for a plan to review X' -> 'Write a plan to review X'."""
    text = _MARK_LEAD.sub("", point.strip().rstrip("."), count=1)
    if text == point.strip().rstrip("."):
        return None
    m = _PRODUCT.match(text)
    if not m:
        return None
    product = m.group(1).lower()
    return f"Write {'an' if product[0] in 'aeiou' else 'a'} {product}{m.group(2)}"  # "an explanation"


def _as_written(point: str) -> str | None:
    """'Candidates should explain how X and why Y' -> 'Explain how X and why Y': the verb is already
    in its base form, so nothing after it is rewritten ("the function and operating sequence" stays)."""
    m = _MODAL_LEAD.match(point)
    if not m:
        return None
    first, _, rest = point[m.end():].strip().rstrip(".").partition(" ")
    word = first.lower()
    if not rest or word not in getAllLemmas(word, upos="VERB").get("VERB", ()):
        return None
    return f"{capitalise(word)} {rest}"


# "(e.g. shallow trays, an ice bath)", ", including checking X and cleaning Y": the creditworthy answers
# "(cupping, bowing, twisting)": a bracketed list is the answers too. ", including the disinfectant
# used and the PPE worn" is not: it names parts of the answer the prompt must still ask for.
# ", including a worked example, and why …": further demands, not answers
_ASKED_AFTER_INCLUDING = (r"(?!\s+(?:the|its|their|any|how|what|which|why|when|an? (?:worked |relevant |suitable |practical )?"
                          r"example|(?:worked |relevant |suitable |practical )?examples)\b)")
_LISTED = re.compile(r"\s*\((?:e\.g\.|eg|for example|such as|including|i\.e\.)[^()]*\)|"
                     r",?\s+(?:e\.g\.|for example|such as|including" + _ASKED_AFTER_INCLUDING + r")"
                     r"\s+[^.;]*(?=[.;]?$)", re.IGNORECASE)
_LIST_SIGN = re.compile(r"\b(?:e\.g\.|eg|for example|such as|including|i\.e\.)|:|\([^()]*(?:,|\band\b|\bor\b)",
                        re.IGNORECASE)
_CALCULATION = re.compile(r"^(?:Calculate|Work out|Balance|Compute|Draw up|Convert)\b"
                          r"|\b(?:calculat\w*|subnet\w*|figures|workings|to the nearest)\b", re.IGNORECASE)
_STATED = re.compile(r"\b(?:a|the) (?:stated|specified|particular|set|known|described|measured|recorded|supplied)\s+\w+|"
                     r"\b(?:an?|the|each|every|your|their|specific|given|particular) (?:(?:given|chosen|specific|real|typical|new|relevant) )?"
                     r"(?:\w+ ){0,3}(?:client|patient|scenario|case study|case|transaction|customer's|learner's)s?\b",
                     re.IGNORECASE)


# "Identify three ways of …": a short answer, not an essay's fifteen lines
_SHORT = re.compile(r"^(?:In the context of [^:]+:\s*)?(?:Identify|Name|List|State|Give)\b", re.IGNORECASE)
_EXTENDED = re.compile(r"\b(?:explain|describe|discuss|evaluate|justify|compare|assess|analy[sz]e|why|how)\b",
                       re.IGNORECASE)
SHORT_ANSWER_LINES = 5


# Written-task verbs a marking point may open with when the tutor wrote it as the question itself
# ("Explain the difference between a timing difference and an error, with one example of each.")
_WRITTEN_VERBS = frozenset("""explain compare contrast describe discuss evaluate justify outline distinguish
    differentiate analyse analyze assess identify state list name give suggest summarise summarize define""".split())


def _already_asked(point: str) -> str | None:
    """The point itself when it opens with a written-task verb in the imperative: it is already the
    instruction ("Compare the treatment of X with Y"), and nothing is rewritten."""
    first, _, rest = point.strip().rstrip(".").partition(" ")
    return f"{first} {rest}" if first.istitle() and first.lower() in _WRITTEN_VERBS and len(rest.split()) >= 3 else None


# "Candidate names three …", "Learner identifies … and explains …", "States the …": what the candidate
# does, said in the third person; with a written-task verb it is the question in other words
_WHO = re.compile(r"^(?:the\s+)?(?:candidates?|learners?|students?|apprentices?|trainees?)\s+", re.IGNORECASE)


def _base_verb(word: str) -> str | None:
    """The base form of a third-person written-task verb ("names" -> "name"), or None."""
    if not word.islower() and not word.istitle() or not word.lower().endswith("s"):
        return None
    bases = [b for b in getAllLemmas(word.lower(), upos="VERB").get("VERB", ()) if b in _WRITTEN_VERBS]
    return bases[0] if bases else None


def _any_base_verb(word: str) -> str | None:
    """The base form of a third-person verb ("matches" -> "match"), or None."""
    bases = getAllLemmas(word.lower(), upos="VERB").get("VERB", ())
    return bases[0] if bases and bases[0] != word.lower() else None


def _third_person(point: str) -> str | None:
    """'Candidate names three treatments and the season each suits' -> 'Name three treatments and the
    season each suits'; a later "and explains" becomes "and explain". Only written-task verbs: "selects",
    "locates", "applies" are done, and watched, or need what the prompt cannot give."""
    text = _WHO.sub("", point.strip().rstrip("."), count=1)
    first, _, rest = text.partition(" ")
    base = _base_verb(first)
    if base is None or len(rest.split()) < 3:
        return None
    if re.match(r"(?:and|or)\s+(?!(?:correctly|accurately|clearly|fully)\b)([a-z]+)\b", rest) \
            and not _base_verb(rest.split()[1]) and not _any_base_verb(rest.split()[1]):
        # "Names and purpose of tools (hawk, trowel …)": a plural noun and another noun, not a verb and its
        # object ("Name and purpose of tools" is no English: h44's examiner)
        return None

    def later(m: re.Match) -> str:
        verb = _base_verb(m.group(2)) or _any_base_verb(m.group(2))
        return f"{m.group(1)} {verb}" if verb else m.group(0)

    # "States developer strengths … and matches them to the lift": the second verb of the same
    # subject, before its object (h19's examiner: "State … and matches them" is not English)
    rest = re.sub(r"\b(and|then)\s+([a-z]+s)\b(?=\s+(?:them|it|the|each|a|an|their|its|this|these|to|how|why|what|"
                  r"with)\b)", later, rest)
    # "Defines the stability triangle correctly and explains longitudinal …" (h19): a written-task
    # verb after "and" whatever follows it, and the marker's adverb before it dropped
    rest = re.sub(r"\b(and|then)\s+([a-z]+s)\b", lambda m: f"{m.group(1)} {b}" if (b := _base_verb(m.group(2)))
                  else m.group(0), rest)
    # "Identifies and correctly reports safeguarding concerns" (h33): the marker's adverb between "and"
    # and the second verb is dropped, and the verb is an order too
    rest = re.sub(r"\b(and|then)\s+(?:correctly|accurately|appropriately|clearly|fully)\s+([a-z]+s)\b",
                  lambda m: f"{m.group(1)} {b}" if (b := _base_verb(m.group(2)) or _any_base_verb(m.group(2)))
                  else m.group(0), rest)
    rest = re.sub(r"\s+(?:correctly|accurately|appropriately)(?=\s+(?:and|then)\s)", "", rest)
    return f"{capitalise(base)} {rest}"


# "(2 marks)", "(1 mark)", "(3)", "(1 each, max 2)": the marks a point carries, not part of the task (h11)
# (not "Regulation 26(9)": a bracket against the word before it is part of that reference, h43)
_MARK_ALLOCATION = re.compile(r"(?:\s+|(?<!\w))[(\[]\s*(?:\d+\s*(?:marks?)?(?:\s*each)?(?:,\s*max\.?\s*\d+)?|max\.?\s*\d+(?:\s*marks?)?)"
                              r"\s*[)\]]", re.IGNORECASE)


# "7.2 Written: “Explain why the main earthing conductor is disconnected …” - parallel paths …" (h36): the
# notes' own paragraph number, a label saying the task is written, an "e.g." and quotation marks round
# the question the tutor would set
_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})+\s+")
_WRITTEN_LABEL = re.compile(r"^(?:written|theory|written\s*/\s*(?:online|oral)|written (?:exam|test|questions?|tasks?|"
                            r"explanation tasks?|assignment)(?:\s*/\s*exam)?)(?:\s*\([^()]*\))?\s*:\s*(?:e\.g\.,?\s*)?",
                            re.IGNORECASE)
_QUOTED_TASK = re.compile(r"^[\"“](?P<task>[A-Z][^\"“”]{8,200}?)[\"”]\s*")


def written_label(point: str) -> str | None:
    """The point without a label that says its task is written ("Written: explain why …"), or None."""
    text = _SECTION_NUMBER.sub("", point.strip())
    m = _WRITTEN_LABEL.match(text)
    return text[m.end():] if m else None


def _without_marks(point: str) -> str:
    """The point without its mark allocations, its first letter a capital where it opens with a
    written-task verb in lower case ("explain heat work …" under "Good answers will …")."""
    text = _MARK_ALLOCATION.sub("", point).strip()
    text = _SECTION_NUMBER.sub("", text)
    text = written_label(text) or text
    if quoted := _QUOTED_TASK.match(text):
        # '"Explain why …" Marks for: …', '"State the difference …" - immune system vs not': the task, its
        # stop, then what earns the marks (scheme splits them)
        rest = text[quoted.end():].strip()
        task = quoted.group("task").rstrip(".?! ")
        text = task + (f". {rest}" if rest and not rest.startswith(("-", "–", "—")) else f" {rest}" if rest else "")
    text = re.sub(r"^(?:Q(?:uestion)?\s*\d*[.:)]|\d{1,2}[.)])\s+", "", text)  # "Q: Explain why …", "Q3. …"
    first = text.split(" ", 1)[0]
    if first.islower() and first in _WRITTEN_VERBS:
        text = text[:1].upper() + text[1:]
    return text


_WRITTEN_STEMS_WORDS = ("explain", "describe", "state", "identify", "list", "name", "outline", "discuss", "evaluate",
                        "compare", "define", "give", "justify", "analyse", "calculate", "summarise", "distinguish",
                        "recommend", "suggest", "assess")  # ("Recommend a rotation method …", h54)
# the verbs of a written answer: a marking point that names none of them, and has no task a prompt
# could set, is an outcome the assessor sees (is_practical)
_WRITTEN_STEMS = frozenset(stem(w) for w in """explain describe state identify list name outline discuss
    evaluate compare contrast justify define analyse analyze calculate summarise summarize distinguish
    interpret classify""".split())
# "Correctly defines …", "Clearly explains …": the marker's adverb before the candidate's verb
_LEAD_ADVERB = re.compile(r"^(?:correctly|accurately|clearly|confidently|fully|concisely)\s+(?=[a-z]+s\b)", re.IGNORECASE)
# "Able to explain …", "Can explain …", "Is able to describe …"
# "Can explain …", "Is able to describe …", and (h46) "You can describe the signs of anaphylaxis …"
_ABLE = re.compile(r"^(?:(?:you|they|learners?|candidates?)\s+)?(?:(?:is|are)\s+)?(?:able to|can)\s+(?P<verb>[a-z]+)\s+(?P<rest>.+)$",
                   re.IGNORECASE)


@lru_cache(maxsize=1 << 12)  # asked by is_practical and skip_reason for the same point
def _command(point: str) -> str | None:
    point = _LEAD_ADVERB.sub("", _without_marks(point).strip())
    point = point[:1].upper() + point[1:]
    if (able := _ABLE.match(point.rstrip("."))) and able.group("verb").lower() in WRITTEN_VERBS:
        return f"{capitalise(able.group('verb').lower())} {able.group('rest')}"
    point = re.sub(r"^Marks? (?:are |is )?(?:awarded |given )?for\s+(?:correctly\s+)?", "Award credit for ", point.strip(),
                   flags=re.I)
    command = _as_written(point) or _already_asked(point) or _third_person(point) or _passive(point)
    if command is None:
        practice = from_marking(point)
        command = imperative(practice) if practice else _written_product(point)
    return command


_PASSIVE_VERBS = {"described": "Describe", "explained": "Explain", "stated": "State", "identified": "Identify",
                  "named": "Name", "listed": "List", "outlined": "Outline", "compared": "Compare", "defined": "Define",
                  "justified": "Justify"}
_PASSIVE = re.compile(
    r"^(?P<np>(?:at least |any |all )?(?:(?:one|two|three|four|five|six|\d+)\s+)?[A-Za-z][\w'/-]*(?:\s+[\w'/-]+){0,5}?)"
    r"\s+(?:(?:correctly|clearly|fully|briefly)\s+)?(?P<verb>" + "|".join(_PASSIVE_VERBS) + r")"
    r"(?:\s+and\s+(?P<verb2>" + "|".join(_PASSIVE_VERBS) + r"))?(?P<rest>(?:\s+(?!by\b)[^.]*)?)\.?$", re.IGNORECASE)
_QUANTIFIED = re.compile(r"^(?:at least|any|all|one|two|three|four|five|six|\d+|the|a|an|each|every)\b(?!-)", re.IGNORECASE)


def _passive(point: str) -> str | None:
    """'Chain of infection described with all six links' -> 'Describe the chain of infection with all
    six links'; 'At least three SICPs named and explained' -> 'Name and explain at least three SICPs'.
    A marking point in the passive names what is credited; the task is its verb in the active
    (h21, h22: 41 of 44 marking points of one set were written so, and none was set)."""
    m = _PASSIVE.match(point.strip())
    if not m or re.search(r"\b(?:is|are|was|were|be|been|being)\s*$", m.group("np"), re.IGNORECASE) \
            or re.match(r"\s*(?:and|or)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b", m.group("rest")) \
            or re.search(r"\band\b[^,;]*?\b(?!(?:" + "|".join(_PASSIVE_VERBS) + r")\b)[a-z]{3,}(?:ed|en)\b", m.group("rest")):
        # "… named and applied to …"; "Background identified and suction or key treated to suit": a
        # second thing done, a practical one (h23's examiner)
        return None  # "… is described …": a sentence with its own verb, not a credited noun phrase
    np = m.group("np").strip()
    np = re.sub(r"^(?:correct|accurate|appropriate|clear|relevant|suitable)\s+(?=\w)", "", np, flags=re.IGNORECASE) \
        if not re.match(r"(?:relevant|suitable)\s", np, re.IGNORECASE) else np
    first = np.split()[0]
    if not (first.isupper() and len(first) > 1) and not re.match(r"[A-Z][a-z]+\s+[A-Z]", np):
        np = np[:1].lower() + np[1:]  # "Chain of infection" -> "chain of infection"; "SICPs", "Animal Welfare Act" kept
    verbs = _PASSIVE_VERBS[m.group("verb").lower()]
    if m.group("verb2"):
        verbs += " and " + _PASSIVE_VERBS[m.group("verb2").lower()].lower()
    article = "" if _QUANTIFIED.match(np) else "the "
    return f"{verbs} {article}{np}{m.group('rest').rstrip()}."


# "Describes the stem preparation correctly: foliage removed below the water line and a slanted cut
# …": the task, then the answers the marking scheme credits. Not "using 3:4:5" (a ratio: no space).
_SCHEME = re.compile(r"^(?P<head>[^:()]{12,}?[^\d\s])\s*:\s+(?P<credit>\S.{5,})$")
# "Explain the difference between ATOL and ABTA - ATOL = CAA financial protection …", "Explain why water is
# added before the chemical - marks for: reduces splashing …": a task in a written verb, a spaced dash
# (or "Marks for:") and what earns the marks (h35, h36)
_DASHED_SCHEME = re.compile(r"^(?P<head>[A-Z][^:;]{12,}?[^\d\s])\s*(?:\s[-–—]\s+(?:marks? (?:for|go for)\s*:?\s*)?|"
                            r"[.?]\s+(?:marks? (?:for|go for|awarded for)|marks?(?=\s*:)|credit for|full marks need|"
                            r"to get the marks)\s*[:\-\u2013]?\s*)(?P<credit>\S.{5,})$",
                            re.IGNORECASE)
# "Compare a full stocktake with cycle counting - advantages and disadvantages of each": the dash goes on
# with the task, it does not give the answer
_TASK_GOES_ON = re.compile(r"^(?:the\s+)?(?:advantages|disadvantages|pros|cons|similarities|differences|benefits|drawbacks|"
                           r"strengths|weaknesses|why|how|when|where|what|which|who|with|using|giving|including)\b"
                           r"|\b(?:of|for|in|to) (?:each|both|them|either)\b", re.IGNORECASE)
_JUDGED_WELL = re.compile(r"\s*\b(?:correctly|accurately|appropriately|clearly)\b", re.IGNORECASE)


_LIST_LEADS = frozenset("""of as to the a an for with by on in at from and or including include includes such
                         following two three four five six""".split())


@lru_cache(maxsize=1 << 12)  # asked by skip_reason, prompt_for and plan for the same point
def scheme(point: str) -> tuple[str, str] | None:
    """A marking point that gives its task, a colon, then the creditworthy answers: (task, answers),
    the task without the marker's adverb ("correctly"); None for another shape."""
    text = _without_marks(point).strip().rstrip(".")
    m = _SCHEME.match(text)
    dashed = _DASHED_SCHEME.match(text)
    if dashed and dashed.group("head").split()[0].lower() in WRITTEN_VERBS and (not m or dashed.end("head") < m.end("head")) \
            and not _TASK_GOES_ON.search(dashed.group("credit")):
        m = dashed
    if not m:
        return _quoted_scheme(point)
    head = _JUDGED_WELL.sub("", m.group("head")).strip()
    credit = m.group("credit").strip()
    credit = _before_advice(credit)
    if len(head.split()) < 3 or head.split()[-1].casefold() in _LIST_LEADS or ":" in credit or not re.search(r"[A-Za-z]{3}", credit) \
            or len(content_stems((_command(head) or head).split(" ", 1)[-1])) < 2:  # "explaining what to do: …"
        return _quoted_scheme(point)
    return head, credit


def _before_advice(credit: str) -> str:
    """A tutor's marks up to where the tip turns to revision advice: '… what happens after the date. Lists
    of the 14 allergens … come up a lot - learn them as a list. Know the temps.' credits nothing after
    "Lists" (h35's examiner)."""
    return _REVISION_ADVICE.split(credit, maxsplit=1)[0]


_REVISION_ADVICE = re.compile(r"(?<=[.!?])\s+(?=(?:[A-Z][^.!?]*\bcome up\b|(?:Learn|Know|Revise|Remember|Practise|Practice)\b))")


def _quoted(point: str) -> bool:
    """The point quotes a written question a tutor sets (:data:`_QUOTED_QUESTION`)."""
    return bool(_QUOTED_QUESTION.match(point.strip()))


def _quoted_scheme(point: str) -> tuple[str, str] | None:
    """A quoted written question and what earns its marks after it, however the marks are led in:
    '"State FOUR precautions to prevent fire … (4 marks)" One mark each for any four of: remove/protect
    fuel tank …' (h39: the lead "… any four of:" hid the answers, and the question went to the
    observation checklist). (task, answers), or None."""
    m = _QUOTED_SCHEME.match(point.strip())
    if not m or not _quoted(point):
        return None
    head = _without_marks(m.group("head")).strip().rstrip(".")
    credit = m.group("credit").strip()
    for _ in range(2):  # "Marking: one mark each for any four of these: vocalising …" (h41)
        credit = _MARKS_LEAD.sub("", credit, count=1).strip()
        credit = _EACH_LEAD.sub("", credit, count=1).strip()  # "1 mark each for - valid inspection tag …" (h48)
    credit = _before_advice(credit)
    # (a short question's one answer is enough: '"State the minimum depth of cover …" (1 mark) Answer: 750 mm.')
    if len(head.split()) < 3 or not re.search(r"[A-Za-z0-9]{2}", credit):
        return None
    return head, credit


# "Using the Karvonen method, calculate her training heart rate …": the task after the means it names (h54)
_TASK_LEAD = r"(?:Using|With|From|Based\s+on)\s[^,.?!\"“”]{3,60},\s*"
_LED_TASK = re.compile(r"^" + _TASK_LEAD + r"(?:" + "|".join(_WRITTEN_STEMS_WORDS) + r")\b", re.IGNORECASE)
# "Why must you wash with soap and water, not ABHR?": a tutor's question asked as a question (h53)
_QUESTION_WORDS = "Why|How|What|Which|When|Where|Who|Is|Was|Are|Were|Does|Did|Can|Should|Must"
_ASKED = re.compile(r"^(?:" + _QUESTION_WORDS + r")\b[^.!?]{8,250}\?$")


def _scenario_split(task: str) -> tuple[str, str]:
    """A quoted question's case and its task: ("A dog is recovering from a cruciate ligament repair.",
    "List FOUR signs of post-operative pain …"); ("", task) when it opens with its task."""
    parts = re.split(r"(?<=[.?!])\s+", task.strip())
    for i, part in enumerate(parts):
        if i and (part.split(" ", 1)[0].lower() in _WRITTEN_STEMS_WORDS or _ASKED.match(part) or _LED_TASK.match(part)):
            return " ".join(parts[:i]), " ".join(parts[i:])
    return "", task


# what may stand before a quoted question: "8.1 ", "Written:", "e.g.", "Sample question:", "Sample short
# question:", "Sample written question:", "Past paper Q3:" (h41: ten quoted questions with their marks, all
# under such labels, gave no essay)
_QUESTION_LABEL = (r"(?:\d{1,2}(?:\.\d{1,2})*\s+)?(?:(?:written|theory)[^:\"“]{0,20}:\s*|"
                   r"(?:[A-Za-z]+\s+){0,3}(?:question|q\d{0,2})(?:\s+\d{1,2})?(?:\s+\([a-h]\))?(?:\s+\([^()]{1,20}\))?\s*:\s*)?"
                   r"(?:e\.g\.,?\s*)?")
_QUOTED_SCHEME = re.compile(r"^" + _QUESTION_LABEL + r"[\"“](?P<head>[^\"“”]{8,400})[\"”]\s*"
                            r"(?:\(\s*\d+\s*marks?\s*\)\s*)?[-–—:.]?\s*(?P<credit>\S.{5,})$",
                            re.IGNORECASE)
# what leads in the answers after a quoted question: "One mark each for any four of:", "Marks come from:"
_MARKS_LEAD = re.compile(r"^(?:[^:.!?\"“”]{0,60}\b(?:marks?|marking|mark\s+scheme|credit|award\w*|answers?|any\s+\w+\s+of)\b[^:.!?\"“”]{0,30}:"
                         r"|marks?\s+(?:for|go\s+for)\b"
                         # ("Marks (Award 1 mark for each control identified and 1 further mark for each explanation,
                         # max 4): …": the tutor's cap, however long, h54)
                         r"|marks?\s*\([^()]{1,160}\)\s*:)\s*", re.IGNORECASE)

_EACH_LEAD = re.compile(r"^(?:\d|one)\s+(?:marks?\s+)?each\s+(?:for\s+)?(?:any\s+\w+\s+of\s+)?(?:these\s+|the\s+following\s+)?"
                        r"(?:[-–—:]\s+)", re.IGNORECASE)


def _task_stands(point: str) -> bool:
    """The point gives its task and then its answers, and the task alone is a sound prompt; a quoted
    question is written whatever its words ("… when MIG welding a replacement panel", h39)."""
    if not (split := scheme(point)):
        return False
    quoted = _quoted(point)
    case, task = _scenario_split(split[0]) if quoted else ("", split[0])
    reason = skip_reason(task)
    # the tutor's own question: its words and figures are the question's ("… a fully charged 12 V battery", h41;
    # "… cooled quickly and stored correctly", h42); a calculation on figures its own case gives ("Sam is paid
    # £600 for week 1. … Calculate Sam's tax …", h49)
    return not reason or quoted and (reason.startswith("practical") or bool(_ASKED.match(task)) or "prompt itself" in reason
                                     or "marking language" in reason
                                     or "calculation" in reason and bool(re.search(r"\d", case))
                                     or "client, case or data" in reason and _generic(task))


def _generic(task: str) -> bool:
    """The tutor's question names "a …" client, customer or case as anyone ("Describe how to bake a
    shortcrust flan case blind", h51), not material it would have to supply ("the case study", "a given …")."""
    m = _STATED.search(task)
    return bool(m) and re.match(r"an? ", m.group(0), re.IGNORECASE) is not None and not _SUPPLIED.match(m.group(0)) \
        and not UNSUPPLIED.search(task) and not _DRAWN.search(task) and not _given_to_judge(task)


_POINTS_AWAY = re.compile(r"\b(?:here|in (?:this|that|the above) (?:case|situation|scenario|example)|above|below)\s*[.?]?\s*$",
                          re.IGNORECASE)
# "a given …", "a stated …": material the prompt would have to supply
_SUPPLIED = re.compile(r"an? (?:given|stated|specified|particular|set |known|described|measured|recorded|supplied)",
                       re.IGNORECASE)


def skip_reason(point: str) -> str:
    """Why a written marking point gives no sound essay prompt, or ''."""
    if is_practical(point):
        return "practical: on the observation checklist"
    if _quoted(point) and _NOTES_PART.search(point.split("Marks", 1)[0]):
        return "no essay: its question refers to a part of the notes (“the readings in Part C”) the prompt would not give"
    if _quoted(point) and (asked := re.search(r"[\"“]([^\"“”]{4,600})[\"”]", point.split("Marks", 1)[0])) \
            and not re.search(r"[.!?]\s+\S", asked.group(1).strip()) and _POINTS_AWAY.search(asked.group(1)):
        # '"State TWO reasons a Type AC RCD is unsuitable here."': one sentence pointing at a case the notes set
        # out elsewhere (h61's examiner: "here" refers to a scenario the item does not give)
        return "no essay: its question points at a case (“… unsuitable here”) the prompt would not give"
    if _task_stands(point):
        # the task stands without its answers, which become the marker's guidance (plan)
        return ""
    command = _command(point)
    if _CALCULATION.search(command or point):
        return "no essay: a calculation or worked task needs data the notes do not give"
    if not command:
        return "no essay: its lead-in or verb could not be turned into an instruction safely"
    if UNSUPPLIED.search(command) or _STATED.search(command) or _given_to_judge(command) or _DRAWN.search(command):
        return "no essay: it refers to a client, case or data the prompt would not give"
    if _CHOOSE_FOR.search(command):
        return "no essay: it asks for the choice suited to a case, and the notes give the options, not the choice"
    if _SHORT.match(command) and not _EXTENDED.search(command) and re.search(r"\d", _drop_list(command) or command):
        return "no essay: it asks for values the prompt itself states"
    if re.match(r"^(?:In the context of [^:]+:\s*)?(?:Describe|Outline|State|Give|Identify|List|Name)\b", command,
                re.IGNORECASE) and _VALUE_WITH_UNIT.search(_drop_list(command) or command):
        return "no essay: it describes values the prompt itself prints (“intervals of 12 months”): the answer is given"
    if _STATES_ANSWER.match(command) or _DEFINES_AS.match(command) or _NAMES_ANSWER.search(command):
        return "no essay: the marking point states the answer (“stating that …”, “defining X as …”, “name X as the source”): the prompt would give it away"
    if gerund := _left_gerund(command):
        return f"no essay: a second task of the marking point (“… and {gerund} …”) could not be turned into an instruction"
    if _MARKING_ADVERB.search(command) or _MARKING_ADVERB.search(_drop_list(command) or ""):
        return "no essay: it is marking language (“accurately”, “correctly”), not a task a candidate can be set"
    including = re.search(r"\bincluding\s+(?:the|its|their|any)\b(.*)$", command, re.IGNORECASE)
    if including and (re.search(r"\d", including.group(1))
                      or any(len(content_stems(x)) > 3 for x in re.split(r",|\band\b|\bor\b", including.group(1)))):
        return "no essay: it lists the creditworthy answers (“including the …”) and the prompt would give them away"
    if _LIST_SIGN.search(command) and not _drop_list(command):
        return "no essay: it lists the creditworthy answers and the sentence does not stand without the list"
    if _vague(command):
        # "Give sound advice for customers" (an examiner: no focus, so no answer can fairly be required)
        return "no essay: it names no subject to write on (“Give sound advice for customers”), only a kind of answer"
    return ""


# words that say what kind of answer is wanted, not what it is about
_GENERIC = frozenset(content_stems("advice information guidance support help customers customer clients client "
                                   "people person sound good correct appropriate relevant suitable clear accurate "
                                   "useful helpful right proper full"))


def _vague(command: str) -> bool:
    """The task, past its command verb, names nothing but a kind of answer and its audience."""
    task = re.sub(r"^In the context of [^:]+:\s*", "", command)
    rest = task.split(" ", 1)[1] if " " in task else ""
    return bool(rest) and not (set(content_stems(rest)) - _GENERIC)


# "… and name Approved Document A as the source": the answer, named in the task
_NAMES_ANSWER = re.compile(r"\b(?:[Nn]am(?:e|ing)|[Cc]it(?:e|ing)|[Qq]uot(?:e|ing)|[Gg]iv(?:e|ing))\s+(?:the\s+)?"
                           r"(?:[A-Z0-9][\w-]*\s+){1,6}as\s+(?:the|its|their|a|an)\b"
                           # "Name BS 3621 and explain why …": the name asked for is printed (h9)
                           r"|^(?:In the context of [^:]+:\s*)?Name\s+(?:the\s+)?(?:[A-Z][A-Z0-9]*(?:\s+\d[\w.-]*)?|[A-Z]\w*\s+\d[\w.-]*)"
                           r"(?=\s+(?:and|to|for|as)\b|[,.]|$)")
_VALUE_WITH_UNIT = re.compile(r"\b\d+(?:[.,]\d+)?\s?(?:%|°C|mm|cm|m|km|kg|g|mg|ml|l|litres?|bar|ppm|V|A|W|kW|mph|"
                              r"months?|weeks?|days?|hours?|minutes?|seconds?|years?)\b")
# "Define IPM as a combination of control methods …": the definition the candidate is to give.
_DEFINES_AS = re.compile(r"^(?:In the context of [^:]+:\s*)?(?:define|describe|explain|identify|recogni[sz]e)\s+"
                         r"[^,.;]{1,60}?\s+as\s+(?:a|an|the|being|one)\b"
                         # "Identify endodontic files as single use": the class named is the answer
                         r"|^(?:In the context of [^:]+:\s*)?(?:identify|recogni[sz]e|classify)\s+[^,.;]{1,60}?\s+as\s+\w",
                         re.IGNORECASE)
# "Name two laws … and stating a duty from each": the second verb was left as the marking point had it.
_LEFT_GERUND = re.compile(r"\band (?:[a-z]+ly )?(?!during\b|including\b|according\b|regarding\b|concerning\b)[a-z]+ing\s+"
                          r"(?:a|an|the|their|its|each|any|every|all|at|how|why|what|which|one|two|three)\b", re.IGNORECASE)


def _left_gerund(command: str) -> str:
    """'Name two laws … and stating a duty from each' -> 'stating'; '' for a list after 'including'
    ('including cleaning the spray arms and checking the rinse jets')."""
    for m in _LEFT_GERUND.finditer(command):
        before = command[:m.start()]
        if re.search(r"\b(?:including|such as|e\.g\.|for example|by|when|while|before|after)\b", before, re.IGNORECASE):
            continue
        return m.group(0).split()[-2]
    return ""


# "State that yeast produces carbon dioxide and alcohol": the creditworthy answer itself.
_STATES_ANSWER = re.compile(r"^(?:In the context of [^:]+:\s*)?\w+(?: and \w+)? that\b", re.IGNORECASE)
# How a marker judges an answer, not what a candidate does: "State retention periods accurately".
_MARKING_ADVERB = re.compile(r"\b(?:accurately|correctly|appropriately|confidently|competently|effectively|"
                             r"clearly and concisely)\b(?:\W*$|,\s*(?:such as|e\.g\.|for example|including|giving|using|with|and)\b)",
                             re.IGNORECASE)


_BRACKETED = re.compile(r" ?\(([^()]*)\)")


def _drop_list(command: str) -> str:
    """The command without its list of creditworthy answers, or '' when what is left is not a sentence."""
    # "(NBU/bee inspector)": alternatives after a slash are a list of answers too
    text = _BRACKETED.sub(lambda m: "" if re.search(r",|\band\b|\bor\b|\w/\w", m.group(1)) else m.group(0), command)
    text = _LISTED.sub("", text).strip()
    if ":" in text:
        return ""  # "Explain what to do: listen calmly, do not promise ...": the answer after the colon
    if re.search(r"\b(?:e\.g\.|eg|for example|such as|i\.e\.)|\bincluding" + _ASKED_AFTER_INCLUDING, text, re.IGNORECASE):
        return ""
    words = text.rstrip(".").split()
    if len(words) < 4 or words[-1].lower() in ("and", "or", "of", "the", "a", "an", "to", "for", "with", "by", "on"):
        return ""
    return text


def prompt_for(point: str) -> str | None:
    """The essay prompt for a written marking point (None for a practical one or no sound prompt:
    :func:`skip_reason` says why)."""
    if skip_reason(point):
        return None
    case = ""
    tariff = re.search(r"\(\s*(\d{1,2})\s*(marks?)\s*\)", point) if _quoted(point) else None
    quoted_marks = f"{int(tariff.group(1))} mark{'s' if int(tariff.group(1)) != 1 else ''}" if tariff else ""
    quoted = _quoted(point)
    if _task_stands(point):
        # a quoted question keeps the case it sets: "A dog is recovering from … List FOUR signs …" (h41)
        case, point = _scenario_split(scheme(point)[0]) if quoted else ("", scheme(point)[0])
    # (the tutor's own task as written where no rewrite is needed: "Calculate her NEWS2 score", h49)
    command = _command(point) or (sentence(point) if quoted and (case or _ASKED.match(point)) else "")
    if not command:
        return None
    prompt = sentence(_drop_list(command) or command)
    if case:
        prompt = f"{sentence(case)} {prompt}"
    if quoted_marks:
        # the tutor's tariff tells the candidate how much to write ("(4 marks)", h42's examiner)
        prompt = f"{prompt} ({quoted_marks})"
    # "a chosen communication method": the candidate's choice, said plainly
    return GIVEN.sub(lambda m: "an " if prompt[m.end():m.end() + 1].lower() in ("a", "e", "i", "o") else "a ", prompt)


def observation_checklist(topics: Sequence[Topic]) -> list[ObservationPoint]:
    """Every practical marking point, topic by topic, for an assessor's observation record."""
    return [ObservationPoint(t.title, sentence(p.text), p.source)
            for t in topics for p in t.marking_points if is_practical(p.text)]


# --- what the prompt asks for, and whether the notes give it -------------------------------------
# The indicative content comes from the notes, so an essay is set only when it supports every
# demand of the prompt: each clause ("how X", "why Y", "linking it to Z", "when W") and each
# member of an "A, B and C" list. A demand is its content words less the words that say what
# kind of answer is wanted ("explain", "two", "examples", "types", "features" …) and less the
# topic's own subject words (in ten bullets on food safety, "food" tells nothing apart).
_ASKING = frozenset(stem(w) for w in """
    explain explaining describe describing identify identifying name naming state stating list listing give giving
    outline discuss evaluate compare assess justify suggest show write define analyse analyze link linking linked
    relate relating related refer referring reference example examples relevant least more most each every all
    one two three four five six seven eight nine ten several various main key different difference differences
    way ways type types kind kinds form forms feature features factor factors aspect aspects device devices
    use used using likely clear clearly correct correctly accurate accurately appropriate own possible
    must should can may could would might shall before after during within avoid
    function functions purpose purposes importance sequence principle principles effect effects impact
    advantage advantages disadvantage disadvantages benefit benefits limitation limitations characteristics
    technique techniques method methods strategy strategies approach approaches
    """.split())
_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
# Clause breaks: "… and why …", ", linking it to …", "…when …", "; …". "…, with an example of each" and
# "… and give an example of …" go: the example is the candidate's part, never the notes'.
_CLAUSES = re.compile(
    r",?\s+(?:and|or)\s+(?=(?:why|how|what|when|where|which|who)\b)|\s+(?=(?:when|if|where|before|after|unless)\s)|"
    r",?\s+(?:linking|linked|relating|related|referring)(?:\s+(?:it|them|this|these|each))?\s+to\s+|,\s+linking\s+|"
    r",?\s+with (?:an? |their |its )?(?:relevant |suitable |clear )?examples?\b[^,;]*|"
    r",?\s+and give (?:an? |their |its )?(?:relevant |suitable |clear )?examples?\b[^,;]*|"
    r",?\s+using (?:an? |their |its )?(?:relevant |suitable |clear )?(?:[\w-]+ ){0,3}examples?\b(?: of [^,;]*)?|"
    r",\s+(?:with|using|giving)\s+|;\s*|"
    r"\s+and (?=(?:give|suggest|explain|describe|identify|state|name|list|evaluate|justify|compare|outline)\b)",
    re.IGNORECASE)
# ", including the disinfectant used and the PPE worn": parts of the main demand, said of its subject
_INCLUDING = re.compile(r",?\s+including\s+(?=(?:the|its|their|any)\b)(.+)$", re.IGNORECASE)
_WORD_JOIN = re.compile(r",? (and|or) ([\w-]+)((?: [\w-]+)?)", re.IGNORECASE)


@dataclass(frozen=True)
class _WordList:
    start: int
    end: int
    members: list[str]
    conjunction: str  # "and": every member is asked about; "or": any one will do
    after: str  # the word after the last member: "deficiency"


def _word_list(clause: str) -> _WordList | None:
    """'the symptoms of nitrogen, potassium and magnesium deficiency': one-word members (three or
    more) sharing a head. Linear: each 'and'/'or' looks back over at most 20 members."""
    for j in _WORD_JOIN.finditer(clause):
        segments = clause[max(0, j.start() - 2000):j.start()].rsplit(", ", 20)
        chain: list[str] = []
        while len(segments) > 1 and re.fullmatch(r"[\w-]+", segments[-1]):
            chain.insert(0, segments.pop())
        first = re.search(r"([\w-]+)$", segments[-1])
        if not chain or not first:
            continue
        start = j.start() - len(", ".join(chain)) - 2 - len(first.group(1))
        return _WordList(start, j.end(), [first.group(1), *chain, j.group(2)], j.group(1).lower(), j.group(3).strip())
    return None


@lru_cache(maxsize=1 << 16)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(s for s in dict.fromkeys(stem(w) for w in words(text) if w not in STOPWORDS and len(w) > 1)
                 if s not in _ASKING)


def _same(a: str, b: str) -> bool:
    """'renew' ~ 'renewal': equal stems, or the shorter (five letters or more) begins the longer."""
    if a == b:
        return True
    short, long_ = sorted((a, b), key=len)
    return len(short) >= 5 and long_.startswith(short)


def _shared(demand: Sequence[str], text_stems: Sequence[str]) -> int:
    # The same count as pairing every stem with _same: beyond equal stems, two stems are _same only
    # if both have five letters or more and the same first five, so only those are paired.
    exact, heads = _heads(text_stems) if isinstance(text_stems, tuple) else _heads.__wrapped__(text_stems)
    return sum(1 for d in demand
               if d in exact or (len(d) >= 5 and any(_same(d, t) for t in heads.get(d[:5], ()))))


@lru_cache(maxsize=1 << 14)  # the stems of one bullet, asked about every demand of every prompt of its topic
def _heads(text_stems: Sequence[str]) -> tuple[frozenset[str], dict[str, list[str]]]:
    heads: dict[str, list[str]] = {}
    for t in text_stems:
        if len(t) >= 5:
            heads.setdefault(t[:5], []).append(t)
    return frozenset(text_stems), heads


def _parts(text: str) -> list[str]:
    return [p for p in re.split(r",|;|\s[–—-]\s|\band\b|\bor\b", text.split(":", 1)[-1]) if p.strip()]


def _enumeration(text: str) -> bool:
    """A bullet that only names things ('six links – agent, reservoir, portal of exit, …'): it
    gives nothing about each of them."""
    parts = _parts(text)
    return len(parts) >= 4 and sum(1 for p in parts if len(p.split()) <= 4) >= 0.7 * len(parts)


def _named_only(wanted: Sequence[str], text: str) -> bool:
    """'set corrective actions' in a list of seven principles: the bullet names the thing asked
    about as one item of a list, and says nothing about it."""
    hit = {i for i, p in enumerate(_parts(text)) for w in wanted if any(_same(w, t) for t in _stems(p))}
    return len(hit) == 1


@dataclass(frozen=True)
class Demand:
    text: str  # as the prompt says it
    stems: tuple[str, ...]
    head: tuple[str, ...] = ()  # a list member's shared head: the member must be said with it
    window: int = 3  # how close (in words) the member and its head must be said
    each: bool = False  # "how each X …", "two signs of each X": a bare list of the Xs does not answer it
    kind: tuple[str, ...] = ()  # "security features": the word that says which features must be there
    sides: tuple[tuple[str, ...], ...] = ()  # "how X and Y prevent Z": each side must be in the content
    member: bool = False  # one member of an "A, B and C" list

    @property
    def asks_why(self) -> bool:
        """'why a burn is cooled for 20 minutes': only a bullet that gives a reason answers it."""
        return bool(re.match(r"why\b", self.text.strip(), re.IGNORECASE))

    @property
    def manner(self) -> tuple[str, ...]:
        """'share the information sensitively': the stems of a manner adverb the answer turns on
        (a note that never says 'sensitive' does not say how to do it sensitively; h18's examiner:
        'Room sharing' was the guidance, serious). How a marker judges ('accurately') is no manner."""
        return tuple(stem(m.group(1)) for m in _MANNER.finditer(self.text)
                     if not _MARKING_ADVERB.match(m.group(0)) and m.group(0).lower() not in _NO_MANNER)

    @property
    def asks_effect(self) -> bool:
        """'how grind size affects flow rate': only a bullet that says which way it changes answers it."""
        return bool(_ASKS_EFFECT.match(self.text.strip()))


# an adverb made from an adjective of manner: sensitively, hygienically, discreetly, respectfully
_MANNER = re.compile(r"\b([a-z]{3,}(?:ive|ful|ous|ent|ant|ic|ate|ible|able|al|eet))(?:al)?ly\b", re.IGNORECASE)
# how often, how sure, how much: no manner the answer must say
_NO_MANNER = frozenset("""usually generally especially typically normally finally initially additionally actually
    really totally originally occasionally naturally potentially eventually partially frequently currently recently
    subsequently consequently apparently evidently significantly relatively respectively approximately ultimately
    separately adequately immediately fully""".split())
_ASKS_EFFECT = re.compile(r"how\b.{1,60}?\b(?:affects?|influences?|changes?|alters?)\b",  # not "determines": a mechanism
                          re.IGNORECASE)
# What a bullet says when it gives an effect, not only a target ("a finer grind slows the flow",
# "more …", "… increases …"); "a 1:2 shot usually targets 25–30 seconds, adjusted with grind size"
# names the link and says nothing of its direction (h8's examiner: serious)
_EFFECT = re.compile(r"\b(?:more|less|fewer|higher|lower|slower|faster|quicker|longer|shorter|finer|coarser|greater|"
                     r"smaller|larger|thicker|thinner|increas\w*|decreas\w*|reduc\w*|rais\w*|slows?|speeds? up|"
                     r"\w+er than|causes?|leads? to|results? in|too (?:fine|coarse|high|low|long|short|much|little)|"
                     # what a rule does to what it governs: "P medicines must not be sold while the RP is absent"
                     r"(?:must|may|can) not|cannot|can't|prevents?|stops?|allows?|permits?)\b",
                     re.IGNORECASE)


# What a bullet says when it gives a reason, not only the rule ("cool for 20 minutes, which stops
# the burning and reduces swelling", "because", "so that", "to prevent", "lowers the boiling point").
_REASON = re.compile(
    r"(?:,\s*so\b|,\s*which \w+s\b)|"  # "…, so it will not slip", "…, which insulates it"
    r"\b(?:because|since|as (?:it|they|this)|so that|so as to|in order to|otherwise|which (?:\w+ )?"
    r"(?:stops?|prevents?|reduces?|lowers?|raises?|causes?|allows?|means?|helps?|keeps?|protects?)|"
    r"to (?:prevent|stop|reduce|avoid|protect|keep|allow|limit|lower|ensure|show|confirm|prove|make sure)|"
    r"(?:stops?|prevents?|reduces?|lowers?|raises?|causes?|leads? to|results? in|helps?|protects?)\b)",
    re.IGNORECASE)


_KINDS = frozenset(stem(w) for w in "feature features type types way ways form forms kind kinds factor factors "
                                      "aspect aspects device devices sign signs method methods technique techniques strategy "
                                      "strategies".split())


def _kind(text: str) -> tuple[str, ...]:
    """'two security features of …' -> ('secur',): a class noun's modifier names what is asked for."""
    ws = words(text)
    return tuple(dict.fromkeys(stem(a) for a, b in zip(ws, ws[1:])
                               if stem(b) in _KINDS and a not in STOPWORDS and stem(a) not in _ASKING))


_DUTY_WORDS = r"(?:roles?|duty|duties|responsibilit(?:y|ies)|functions?|purposes?|aims?|objectives?)"
_BINOMIAL = re.compile(rf"\b{_DUTY_WORDS}$|^{_DUTY_WORDS}\b", re.IGNORECASE)


def _sides(text: str) -> tuple[tuple[str, ...], ...]:
    """'how colour-coded boards and cleaning between tasks prevent …': the words only one side of
    an 'and' says (each side is asked about)."""
    halves = re.split(r"\s+and\s+", text, maxsplit=1)
    if len(halves) < 2 or (_BINOMIAL.search(halves[0]) and _BINOMIAL.match(halves[1])):
        return ()  # "the role and responsibilities of the DSL": one thing asked, in two words
    before, after = halves[0].split(), halves[1].split()
    if before and after and _PARTICIPLE.fullmatch(before[-1]) and _PARTICIPLE.fullmatch(after[0]):
        # "how hot towels are prepared and tested": two things done to one subject; each verb is a
        # side of its own (the notes gave the test alone: h20's examiner)
        return ((stem(before[-1].lower()),), (stem(after[0].lower()),))
    left, right = _stems(halves[0]), _stems(halves[1])
    sides = tuple(tuple(s for s in a if s not in b) for a, b in ((left, right), (right, left)))
    return tuple(side for side in sides if side)


_PARTICIPLE = re.compile(r"[a-z]{3,}(?:ed|en)", re.IGNORECASE)


def _clause_demands(clause: str) -> list[Demand]:
    return [Demand(d.text, d.stems, d.head, d.window, d.each, _kind(d.text) if not d.head else (),
                   _sides(d.text) if not (d.head or d.member) else (), d.member)
            for d in _clause_demands_of(clause)]


# "… for a cold environment, a group of children, or a participant returning from injury": each
# case is asked about (h18's examiner: the guidance was one note on children, serious)
_JOIN = re.compile(r",? (?:and|or) (?=(?:the|its|their|any|an?) )", re.IGNORECASE)
_DETERMINED = re.compile(r"\b(?:the|its|their|any|an?) ", re.IGNORECASE)


_TOOL_PHRASE = re.compile(r"\b(?:using|with|by|to|on|from|at|into|onto|via)\b", re.IGNORECASE)


def _the_list(clause: str) -> tuple[int, list[str]] | None:
    """'… protects the individual, the business and the premises licence' -> where the list starts
    and its members (each a demand of its own); None when the clause ends in no such list.
    Linear in the clause's length (no backtracking over a hostile line)."""
    last = None
    for last in _JOIN.finditer(clause):
        pass
    if last is None or re.search(r"[,;]", clause[last.end():]):
        return None
    members = [clause[last.end():]]
    segments = clause[:last.start()].split(", ")
    while len(segments) > 1 and _DETERMINED.match(segments[-1]):
        members.insert(0, segments.pop())
    m = None
    for m in _DETERMINED.finditer(segments[-1]):
        pass  # the last: "how a warm-up is adapted for a cold environment" -> "a cold environment"
    if m and m.group(0).lower() in ("a ", "an ") and _TOOL_PHRASE.search(segments[-1][m.end():]):
        return None  # "a … mortar using gauge boxes and a drum mixer": the list is the tools, not the mortar
    if m:
        members.insert(0, segments[-1][m.start():])
        before = ", ".join(segments[:-1] + [segments[-1][:m.start()]])
    elif len(members) > 1:
        before = ", ".join(segments + [""])
    else:
        return None
    return len(before), members


def _clause_demands_of(clause: str) -> list[Demand]:
    clause = clause.strip(" ,")
    each = bool(re.search(r"\b(?:each|every)\b", clause, re.IGNORECASE))
    found = _the_list(clause)
    if found:
        start, members = found
        rest = clause[:start]
        out = [Demand(rest.strip(), tuple(_stems(rest)), each=each)] if _stems(rest) else []
        return out + [Demand(x.strip(), tuple(_stems(x)), member=True) for x in members if _stems(x)]
    m = _word_list(clause)
    if m and m.conjunction == "and":
        members, after = m.members, m.after
        before = re.search(r"([\w-]+) (?:of|in|for) $", clause[:m.start])
        head = tuple(_stems(" ".join(filter(None, (before.group(1) if before else "", after)))))
        out = [Demand(f"{x} {after}".strip(), tuple(_stems(x)), head if head else (), member=True)
               for x in members if _stems(x)]
        rest = [s for s in _stems(clause[:m.start] + clause[m.end:]) if s not in head]
        # what is left once the list is gone ("… in a mortar mix") is a demand only if it says much
        return out + ([Demand(clause.strip(), tuple(rest), each=each)] if len(rest) >= 3 else [])
    if m:  # "appetite, behaviour or faeces": any one of them will do
        clause = f"{clause[:m.start]}{m.members[0]} {m.after}{clause[m.end:]}"
    return [Demand(clause, tuple(_stems(clause)), each=each)] if _stems(clause) else []


_EXAMPLE_TAIL = re.compile(r",?\s+(?:using|with|giving|and give)\s+(?:an?|one|two|their|its)?\s*(?:relevant |suitable |clear |practical )?"
                           r"(?:[\w-]+ ){0,3}examples?\b[^,;]*$", re.IGNORECASE)
_COMPARED = re.compile(r"^(?:distinguish|differentiate|compare|contrast)\s+(?:between\s+)?(?P<a>.+?)\s+"
                       r"(?:from|with|and|to)\s+(?P<b>.+)$"
                       r"|^\w+ the (?:differences?|distinctions?) between\s+(?P<a2>.+?)\s+and\s+(?P<b2>.+)$", re.IGNORECASE)


# A closing phrase that says where the work happens, not what is asked: a note that shares only
# its words ("Ratios (group settings)" for "the role of the DSL within a group setting") is padding.
_SETTING = re.compile(r"\s+(?:within|in|at|across)\s+(?:an?|the|your|their|any)\s+(?:[\w-]+\s+){0,3}?"
                      r"(?:setting|settings|workplace|environment|organi[sz]ation|business|context|premises)$",
                      re.IGNORECASE)


def demands(prompt: str) -> list[Demand]:
    """What the prompt asks for, clause by clause and list member by list member."""
    body = re.sub(r"^In the context of [^:]+:\s*", "", prompt.strip().rstrip("."))
    body = body.split(" ", 1)[1] if " " in body else ""  # the command verb
    body = re.sub(r"^and \w+\s+", "", body)  # "Name and explain …"
    parts: list[str] = []
    m = _INCLUDING.search(body)
    if m:
        body, parts = body[:m.start()], re.split(r",? (?:and|or) |, ", m.group(1))
    # "…, using an office example": the example is the candidate's part, never a side to compare (h10)
    compared = _COMPARED.match(_EXAMPLE_TAIL.sub("", re.sub(r"^In the context of [^:]+:\s*", "", prompt.strip().rstrip("."))))
    if compared:
        # "Distinguish X from Y", "Compare X with Y", "the difference between X and Y": each side is
        # a demand of its own, so a note on Y that mentions X does not answer for X
        # "the difference between other work, periods of availability and rest": each of a list is a side
        first = compared.group('a') or compared.group('a2')
        listed = re.split(r",\s+", first)
        # (not "passive, assertive and aggressive responses": one head noun shared by one-word members)
        body = "; ".join([*(listed if all(len(x.split()) > 1 for x in listed) else [first]),
                          compared.group('b') or compared.group('b2')])
    clauses: list[str] = []
    for clause in filter(None, re.split(r";\s*", body) if compared else _CLAUSES.split(body)):
        if clauses and re.match(r"(?:when|if|where|before|after|unless)\s", clause) and (
                len(_stems(clauses[-1])) < 2 or re.match(r"why\b", clauses[-1], re.IGNORECASE)):
            # "why a voltage indicator is proved before and after testing": the time is part of the why
            clauses[-1] += " " + clause  # "three occasions when …": the clause says which occasions
        else:
            clauses.append(clause)
    out = []
    for clause in clauses:
        clause = _SETTING.sub("", clause)  # "… of the DSL within a group setting": where, not what
        found = _clause_demands(clause)
        if not found and out and re.fullmatch(r"\s*why(?:\s+(?:this|it|that)\s+(?:is so|matters))?\s*", clause, re.IGNORECASE):
            # "State how long defect records are kept, and why": the reason for the demand before it,
            # which only a note that gives a reason answers (h8: the guidance gave the 15 months alone)
            found = [Demand(f"why {out[-1].text}", out[-1].stems, out[-1].head, out[-1].window)]
        if not found and out and re.match(r"\s*(?:how|why)\b", clause, re.IGNORECASE):
            # ", with how each is corrected": only marking words of its own ("correct"), yet a demand
            # about the clause before it; the notes must say it of that subject, or the essay is not set
            own = tuple(dict.fromkeys(stem(w) for w in words(clause) if w not in STOPWORDS and len(w) > 2))
            if own:
                found = [Demand(clause.strip(), own, tuple(s for d in out[:1] for s in d.stems), window=10 ** 6)]
        out += found
    main = tuple(s for d in out[:1] for s in d.stems)
    return out + [Demand(p.strip(), tuple(_stems(p)), main, window=10 ** 6) for p in parts if _stems(p)]


def _near(stems_in_order: list[str], member: tuple[str, ...], head: tuple[str, ...], window: int) -> bool:
    at = [i for i, s in enumerate(stems_in_order) if any(_same(s, m) for m in member)]
    near = [i for i, s in enumerate(stems_in_order) if any(_same(s, h) for h in head)]
    return any(abs(i - j) <= window for i in at for j in near)


# What a demand asks for about its subject ("faults of", "signs of", "risks of"): a bullet gives it
# only if it says so.
_ASKED_NOUNS = frozenset(stem(w) for w in """fault faults defect defects sign signs symptom symptoms cause causes risk
    risks hazard hazards advantage advantages disadvantage disadvantages benefit benefits limitation limitations
    """.split())


_SPELLED = r"(?:one|two|three|four|five|six|seven|eight|nine|ten)"
_COUNTED = re.compile(rf"\b{_SPELLED}\s+((?:[a-z][a-z-]+\s+){{0,3}})", re.IGNORECASE)


def _counted(text: str) -> set[str]:
    """'three stages of language development' -> {'stage'}: the thing the demand counts (the last
    word before a minor word), which a bullet gives only if it names it or is about the demand's
    subject ('Under-proving: …' for 'two faults of under-proving'). A class noun ('three ways',
    'two types') says nothing: its modifier does (``Demand.kind``). Figures are not counts
    ('Schedule 2, 3 or 4 CD', '72 hours')."""
    found = set()
    for m in _COUNTED.finditer(text):
        phrase = []
        for w in m.group(1).split():
            if w.lower() in STOPWORDS:
                break
            phrase.append(w)
        if phrase and stem(phrase[-1]) not in _KINDS:
            found.add(stem(phrase[-1]))
    return found


def supports(demand: Demand, text: str, common: frozenset[str] = frozenset()) -> bool:
    """Does this bullet of the notes give what the demand asks? ``common``: the topic's subject words.
    A third of the demand's words (at least two, or all of fewer) must be in it; a bullet that only names things in a list
    gives nothing about one of them (only about the whole its term names)."""
    if demand.asks_why and not _REASON.search(text):
        return False  # the rule alone ("cool it for 20 minutes") does not say why
    if demand.asks_effect and not _EFFECT.search(text):
        return False  # "adjusted with grind size" does not say how the grind changes the flow
    if demand.manner and _shared(demand.manner, _stems(text)) < len(demand.manner):
        return False
    asked = {stem(w) for w in words(demand.text)} & _ASKED_NOUNS | _counted(demand.text)
    about = text.split(":", 1)[0] if ":" in text[:80] else ""
    subject = [s for s in demand.stems if s not in common and s not in asked] or [
        s for s in demand.stems if s not in asked] or list(demand.stems)
    if asked and not asked & set(_stems(text)) and _shared(subject, _stems(about)) * 2 < len(subject):
        # "two faults of under-proving": a bullet on another thing that mentions under-proving but no
        # fault gives none ("Iron deficiency: tiredness, pale skin" does give the symptoms it asks for)
        return False
    if demand.head:
        ordered = [stem(w) for w in words(text) if w not in STOPWORDS]
        return _near(ordered, demand.stems, demand.head, demand.window)
    wanted = [s for s in demand.stems if s not in common] or demand.stems
    term = text.split(":", 1)[0] if ":" in text[:80] else ""
    shared = _shared(wanted, _stems(text))
    if _shared(demand.kind, _stems(text)) < len(demand.kind):
        return False
    if shared < min(len(wanted), max(2, -(-len(wanted) // 3))):
        return False
    if _enumeration(text) and (demand.each or not _shared(wanted, _stems(term)) and _named_only(wanted, text)):
        return False
    return True


def _covers(side: Sequence[str], bullets: Sequence[str], common: frozenset[str]) -> bool:
    """One side of an 'X and Y' demand is said in these bullets."""
    said = [st for n in bullets for st in _stems(n)]
    wanted = [x for x in side if x not in common] or list(side)
    # the side's first word is what it is about ("… and on a reaction during service": a reaction);
    # a later word alone ("service", said of every para-dye service) does not say it (examiner's find)
    return bool(_shared(wanted[:1], said)) if len(wanted) > 1 else bool(_shared(wanted, said))


def about(demand: Demand, text: str, common: frozenset[str] = frozenset()) -> bool:
    """A supporting bullet (:func:`supports`) whose term names part of the demand, or that says two
    thirds of its words: where a demand has such bullets, the others, which share a word or two
    with it ("report" in a note on when reports are due, for "what the report must record"), are
    padding a marker could credit, and are left out of the indicative content."""
    wanted = [s for s in demand.stems if s not in common] or list(demand.stems)
    term = text.split(":", 1)[0] if ":" in text[:80] else ""
    said = _shared(wanted, _stems(text))
    # a demand of two or three words ("a cash lift") is said in passing by many notes ("add any cash
    # lifts"): in the body, three of its words at least, or only a note named for it is about it
    return bool(_shared(wanted, _stems(term))) or (said * 3 >= 2 * len(wanted) and said >= min(3, len(wanted) + 1))


def _says_all(demand: Demand, text: str, common: frozenset[str]) -> bool:
    """The note says every word of a demand of three words or more (its subject words aside)."""
    wanted = [s for s in demand.stems if s not in common] or list(demand.stems)
    return len(wanted) >= 3 and _shared(wanted, _stems(text)) == len(wanted)


def _subject_words(notes: Sequence[str]) -> frozenset[str]:
    """Stems said in a third or more of the topic's bullets (six bullets or more): its subject words."""
    if len(notes) < 6:
        return frozenset()
    counts: dict[str, int] = {}
    for n in notes:
        for st in set(_stems(n)):
            counts[st] = counts.get(st, 0) + 1
    return frozenset(st for st, k in counts.items() if k * 3 >= len(notes))


def _notes(topic: Topic) -> list[str]:
    """The bullets indicative content is drawn from, as the grader reads them (a misconception as
    "Common mistake: …"; "Avoid: …" read to examiners as an instruction to the marker)."""
    # a tip ending in a colon ("Paperwork behind linen control - know what each one is for:") is a
    # label over a list, no content; a step reads "Pricking out and hardening off — Lift each …" (h20)
    return [f"{c.term}: {c.definition}" for c in topic.concepts] + [f"Common mistake: {m.text}" for m in topic.misconceptions] \
        + [f"Tip: {t.text}" for t in topic.tips if not _ANSWERING.search(t.text) and not _STUDYING.match(t.text)
           and len(words(t.text)) >= MIN_TIP_WORDS and not t.text.rstrip().endswith(":")] \
        + [s.text for s in topic.steps]


MIN_TIP_WORDS = 6  # "Stocktake - the stages": a label over a list, which says nothing a marker credits


# A tip on answering ("In written answers give numbers with units", "Learn the numbers, they come up
# every year") is no content a marker credits; a tip that states the practice is ("Manual cleaning -
# always say 'immersion method': instruments held under the water …", the only note on the method
# an essay asked for, whose guidance was the ultrasonic cleaner's instead: h15's examiner)
# "Draw the decontamination cycle from memory …", "Tick each item that appears in both records …": how
# to study or set out an answer, not what the answer is
# "For due diligence, list concrete evidence: …": the order may follow a phrase that says when (h21)
_STUDYING = re.compile(r"(?:always\s+|never\s+)?(?:draw|tick|learn|practi[sc]e|revise|memori[sz]e|remember|show|label|"
                       r"sketch|know|think|read|underline|highlight|structure|use|give|name|state|include|link|refer|"
                       r"start|begin|plan|make sure|try|don't|do not)\b"
                       r"|(?:for|when|in|on|with)\b[^,.;:]{1,60},\s*(?:list|quote|mention|give|name|state|include|refer)\b",
                       re.IGNORECASE)
_ANSWERING = re.compile(r"\b(?:questions?|answers?|answering|marks?|exams?|examiners?|papers?|revise|revision|"
                        r"markers?|mark schemes?|come up|learn|remember|memorise|quote|write|written|mention|"
                        # "When you describe damping off, give the causes and at least three ways to
                        # prevent it": how to answer, not the ways (h20's examiner)
                        r"when (?:you(?:'re| are)? )?(?:asked|describ\w*|explain\w*|answer\w*|writ\w*|list\w*))\b",
                        re.IGNORECASE)


# "the annual maintenance tasks", "the three temperature safety devices": a definite thing the
# prompt does not name. It is clear only inside the topic, so the prompt names the topic.
_MODALS = frozenset("must should can may might could would shall worse better".split())  # "… the condition worse"
_QUALIFIED = frozenset("of for in on that which who whose to between from within at when where by used during "
                       "under with".split())


def unanchored(prompt: str, topic: Topic) -> list[str]:
    """Definite phrases ("the annual maintenance tasks") that only the topic's heading explains:
    two content words or more (or a number), no "of …"/"that …"/participle after them, not a
    capitalised name or one key term of the notes ("the danger zone"; "the weekly checks", a
    plural, is a list the topic's heading explains)."""
    tokens = re.findall(r"[\w'’-]+|[^\w\s]", prompt)
    terms = [content_stems(c.term) for c in topic.concepts]
    found = []
    for i, tok in enumerate(tokens):
        if tok.lower() != "the":
            continue
        phrase: list[str] = []
        for w in tokens[i + 1:i + 7]:
            if not re.match(r"[\w'’-]+$", w) or w.lower() in STOPWORDS or w.lower() in _QUALIFIED or w.lower() in _MODALS:
                break
            phrase.append(w)
        after = tokens[i + 1 + len(phrase)] if i + 1 + len(phrase) < len(tokens) else ""
        if len(phrase) > 1 and phrase[-1].lower().endswith("ed"):
            phrase, after = phrase[:-1], ""  # "the individuals affected": the participle says which
        if not phrase or after.lower() in _QUALIFIED:
            continue
        numbered = bool(re.fullmatch(_NUMBER, phrase[0], re.IGNORECASE))
        content = content_stems(" ".join(phrase))
        if len(content) < 2 and not (numbered and content):
            continue
        if all(w[:1].isupper() or w[:1].isdigit() for w in phrase):
            continue  # "the Five Welfare Needs", "the Equality Act": a name says what it is
        if not numbered and not re.search(r"[^s]s$", phrase[-1]) and content in terms:
            continue  # "the danger zone", "the fire tetrahedron": one named idea of the notes
        found.append("the " + " ".join(phrase))
    return found


def names_subject(prompt: str, topic: Topic) -> bool:
    """The prompt names its subject: with a readable title, a word of it or a name ("Explain how the
    load centre affects rated capacity" for forklift trucks does not; it is then set in the title's
    context); without one, a name or a term of the notes (common.names_its_topic) or two words of
    the synopsis's first sentence. "Describe safe working practices" (pruning) names nothing."""
    title = readable_title(topic)
    if title:
        # a word of the title or a name: a term of the notes is not enough for fifteen lines of
        # writing ("Identify the normal presentation …" for lambing: of a lamb, a calf, a baby?)
        return bool(content_stems(prompt) & content_stems(title)) or has_name(prompt)
    if names_its_topic(prompt, topic):
        return True
    # no title: two words of the synopsis's opening; one shared word does not say what the prompt
    # is about ("State the three rates …" for VAT never says VAT)
    first = re.split(r"(?<=[.!?])\s", topic.synopsis.strip(), 1)[0]
    return len(content_stems(prompt) & content_stems(first)) >= 2


@dataclass(frozen=True)
class EssayPlan:
    prompt: str | None
    content: tuple[str, ...]  # indicative content, as the notes say it
    reason: str  # why no essay ('' when there is one)
    lines: int = 15




CREDITED = "The marking point credits: "


def subject_of(title: str) -> str:
    """The subject a title names, without what kind of notes they are: "MIG welding of mild steel - revision
    notes (level 2/3 fabrication & welding)" -> "MIG welding of mild steel", "Level 2 Hairdressing - revision
    sheet" -> "Hairdressing" (h37's essay review: four prompts opened "In the context of … revision notes")."""
    text = re.sub(r"\s*[-–—:|]+\s*(?:(?:tutor'?s?\s+)?(?:revision|notes|revision notes|revision sheet|study notes|handout))\b.*$",
                  "", title, flags=re.IGNORECASE)
    text = re.sub(r"\s*\((?:level|l\d)[^()]*\)", "", text, flags=re.IGNORECASE)
    text = re.sub(r"^(?:level\s*\d(?:\s*/\s*\d)?|l\d(?:\s*/\s*l?\d)?)\s+(?=\w)", "", text, flags=re.IGNORECASE)
    text = text.strip(" -–—:")
    return text[:1].upper() + text[1:] if len(text) >= 4 else title


def plan(topic: Topic, point: Bullet) -> EssayPlan:
    """The essay for a written marking point, with the notes' indicative content for each of its
    demands; or no essay and the reason (coverage lists it)."""
    reason = skip_reason(point.text)
    if reason:
        return EssayPlan(None, (), reason)
    prompt = bare = prompt_for(point.text)
    assert prompt
    wanting = unanchored(prompt, topic)
    if not wanting and not names_subject(prompt, topic):
        # "Describe safe working practices." (pruning fruit trees): set in a mixed paper it names no activity
        wanting = ["no word of its subject"]
    if wanting and (split := scheme(point.text)) and _quoted(point.text) \
            and (_scenario_split(split[0])[0] or names_subject(prompt, topic)):
        # a tutor's question that sets its own case ("A twin lamb is found cold …") needs no context, nor one
        # that names its subject: the tutor wrote it to be set as it stands ("State the FOUR checks required
        # by GSIUR Regulation 26(9) after working on a gas appliance"; examiners called the lead-in clumsy)
        wanting = []
    if wanting:
        title = readable_title(topic)
        if not title:
            return EssayPlan(None, (), f"no essay: it refers to {', '.join(map(repr, wanting))} and the notes have "
                                       "no readable title to name")
        # "Florist: conditioning cut flowers" as a dash: one colon, before the task, as readers expect
        named = re.sub(r"\s*:+\s*", " – ", subject_of(title).rstrip("."))
        prompt = f"In the context of {named}: {prompt}"
    notes = _notes(topic)
    steps = {s.text for s in topic.steps}
    process = bool(_PROCESS.search(bare))  # a method, sequence or checks: the notes' list answers it
    common = _subject_words(notes)
    # what the task asks, not the title it is set in: "In the context of … Types, Classes and Siting:"
    # read as a demand made the siting note the content of a question on colour bands (h7)
    asked = demands(bare)
    given: list[list[str]] = []
    missing = []
    for d in asked:
        found = [n for n in notes if supports(d, n, common)]
        if not found or any(not _covers(side, found, common) for side in d.sides):
            missing.append(d.text)
        close = [n for n in found if about(d, n, common)]
        # a note that says every word of the demand beats one that shares its term's word: for "the
        # immersion method of manual cleaning", the tip on manual cleaning, not "Ultrasonic cleaner: …
        # instruments fully immersed" (h15's examiner: the guidance described the wrong method)
        whole = [n for n in close if _says_all(d, n, common)]
        close = whole if whole and all(_covers(side, whole, common) for side in d.sides) else close
        if close and process:
            # "Describe the sequence for making a soldered joint …": the steps the notes list under a
            # sub-heading of their own answer it, beside the term's definition (h17, h20 examiners)
            close += [n for n in found if n in steps and n not in close]
        given.append(close if close and all(_covers(side, close, common) for side in d.sides) else found)
    split = scheme(point.text)
    quoted = bool(split) and _quoted(point.text)  # the question a tutor sets, with its marks
    if quoted and asked:
        # the tutor's marks answer it all (and are its whole guidance, below)
        keep = [n for n, d in enumerate(asked) if d.text not in missing]
        missing, asked, given = [], [asked[n] for n in keep], [given[n] for n in keep]
    elif split and asked and missing in ([], [asked[-1].text]):
        # "Identifies sources of ethylene and how to control them: remove fruit, …": the answers the
        # marking point lists answer its last task; the notes must still answer any task before it.
        # Notes that share the last task's words are not added to the list: beside "Describe the stem
        # preparation", the note on soaking floral foam was off-task guidance (h25's examiner)
        missing, asked, given = [], asked[:-1], given[:-1]
    elif missing or not asked:
        what = "; ".join(f"“{m}”" for m in missing) or "anything it asks"
        return EssayPlan(None, (), f"no essay: the notes do not give what it asks for: {what}")
    content = _fewest(asked, given, notes)
    if quoted:
        content = []  # notes that only share the question's words pad the tutor's marks (h37's review)
    if split:
        # the tutor's own list of what earns credit comes first: the guidance a marker can trust
        content = [f"{CREDITED}{split[1]}", *content]
    if process:
        content = _whole_lists(content, topic)
    if unvalued := _values_missing(asked, content):
        return EssayPlan(None, (), f"no essay: it asks for a value (“{unvalued}”) and no note chosen as its "
                                   "indicative content gives one in that unit")
    if content and all(c.startswith("Common mistake:") for c in content) and not _ASKS_MISTAKES.search(bare) \
            and not all(d.asks_why for d in asked):  # "why a rear wheel …": a correction gives the reason
        # "List the pre-use checks in a logical order" with one mistake about the annual examination as
        # its guidance (h19's examiner): a mistake is not the content a task asks for
        return EssayPlan(None, (), "no essay: the only notes that bear on it are common mistakes, not what it asks for")
    if (one := _ONE_OF.match(bare)) and len(content) == 1 and \
            content_stems(content[0].split(":", 1)[0]) == content_stems(one.group(1)):
        # "Give a corrective action that deals with both the food and the cause" with the definition of
        # corrective action as its whole guidance (h21's examiner): it asks for a case the notes do not give
        return EssayPlan(None, (), "no essay: it asks for one case of something and the notes give only its definition")
    # (what the task asks for, not the figures of the case it sets: "… 8 hours old …. Describe the treatment")
    if few := _too_few(re.sub(r"\s*\(\d+ marks?\)$", "", _scenario_split(bare)[1]), content):
        return EssayPlan(None, (), f"no essay: it asks for {few} and the notes that answer it name fewer")
    if len(content) > MAX_CONTENT:
        return EssayPlan(None, (), f"no essay: {len(content)} bullets of the notes bear on it; a prompt that broad "
                                   "has no indicative content a marker can use")
    if missing := _bracketed_missing(prompt, content):
        # "Explain the tax relief on pensions (net pay arrangement vs relief at source vs salary sacrifice)"
        # with guidance on two of the three (h30's examiner): the prompt asks for each thing it names
        return EssayPlan(None, (), f"no essay: it names “{missing}” in brackets and no note of its indicative "
                                   "content gives it")
    lines = SHORT_ANSWER_LINES if _SHORT.match(prompt) and not _EXTENDED.search(prompt) else 15
    return EssayPlan(prompt, tuple(content), "", lines)


def _bracketed_missing(prompt: str, content: Sequence[str]) -> str:
    """The first thing a prompt lists in brackets ("(net pay arrangement vs relief at source vs salary
    sacrifice)", "(cement, lime and sand)") that no note of its indicative content names, or ''."""
    said = set(content_stems(" ".join(content)))
    task = re.sub(r"^In the context of [^:]+:\s*", "", prompt)  # not the title's "(England and Wales)"
    for inside in re.findall(r"\(([^()]{3,160})\)", task):
        members = [m.strip() for m in re.split(r"\s+(?:vs\.?|versus)\s+|,\s*(?:and |or )?|\s+(?:and|or)\s+|\s*/\s*", inside)]
        members = [m for m in members if content_stems(m)]
        if len(members) < 2 or re.match(r"(?:e\.g\.|eg|for example|such as|i\.e\.)", inside.strip(), re.IGNORECASE):
            continue
        for m in members:
            if not set(content_stems(m)) <= said:
                return m
    return ""


_ONE_OF = re.compile(r"^(?:give|suggest|describe|state|name|identify|propose)\s+(?:a|an|one)\s+((?:[\w-]+\s+){0,2}?[\w-]+)"
                     r"\s+(?:that|which|for|to|you)\b", re.IGNORECASE)
_ASKS_MISTAKES = re.compile(r"\b(?:mistakes?|misconceptions?|errors?|wrong|myths?|pitfalls?|avoid\w*|misunderst\w*|"
                           r"confus\w*)\b", re.IGNORECASE)
# "Identify at least three linen control procedures" with one note on one procedure as guidance
# (h18): a marker needs as many creditworthy points as the prompt asks for
_ASKS_COUNT = re.compile(r"\b(?:at least |any )?(two|three|four|five|six|seven|eight|[2-8])\s+(?!of\b|or\b|and\b)"
                         r"(?:[\w-]+\s+){0,3}?(?:[\w-]+s)\b", re.IGNORECASE)
_COUNTS = {w: n for n, w in enumerate("two three four five six seven eight".split(), start=2)}


def _too_few(prompt: str, content: Sequence[str]) -> str:
    """The number of things the prompt asks for ("at least four controls"), when the indicative
    content names fewer (each note counts its parts: "a, b and c" is three), or ''."""
    m = _ASKS_COUNT.search(prompt)
    if not m:
        return ""
    n = _COUNTS.get(m.group(1).lower()) or int(m.group(1))
    # ("1 mark each: handbrake on / controls in neutral / engine off / key removed": a tutor's marks parted by
    # slashes, h57)
    named = sum(max(1, len(re.split(r"[,;]|\band\b|\bor\b|\s/\s", c))) for c in content)
    return m.group(0) if named < n else ""


def _whole_lists(content: Sequence[str], topic: Topic) -> list[str]:
    """For a task that asks for a process, a list the guidance draws a step from is given whole and
    in its order, as one note ("The safe isolation procedure — (1) Get permission … (9) Only now
    begin work"): six of its nine steps, picked by shared words, left the test itself out (h20)."""
    lists: dict[str, list[str]] = {}
    for s in topic.steps:
        name, _, body = s.text.partition(" \u2014 ")
        lists.setdefault(name, []).append(body)
    out: list[str] = []
    for note in content:
        name, dash, _ = note.partition(" \u2014 ")
        if dash and name in lists and note in {f"{name} \u2014 {b}" for b in lists[name]}:
            whole = f"{name} \u2014 " + " ".join(f"({k}) {b}" for k, b in enumerate(lists[name], start=1))
            if whole not in out:
                out.append(whole)
        else:
            out.append(note)
    return out


# a task that asks for a process: the steps of a list answer it
_PROCESS = re.compile(r"\b(?:sequence|steps?|stages?|procedure|method|order|how to|checks?|tests|process)\b", re.IGNORECASE)


MAX_CONTENT = 6  # indicative content longer than this is most of the notes, not an answer to the prompt

# "State the holding temperature, time and pressure …": a prompt that asks for values is
# answered by a figure in that unit, not by a note that uses the word ("a daily test confirms
# temperature, pressure and holding time" gave the guidance for the sterilising conditions: h7)
_QUANTITY_UNITS = {
    "temperature": r"°\s?[CF]|degrees?\b",
    "time": r"\b(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b",
    "pressure": r"\b(?:bar|psi|kPa|Pa|mbar)\b",
    "depth": r"\d\s?(?:mm|cm|m)\b", "thickness": r"\d\s?(?:mm|cm|m)\b", "distance": r"\d\s?(?:mm|cm|m|km)\b",
    "height": r"\d\s?(?:mm|cm|m)\b", "voltage": r"\d\s?k?V\b",
    "resistance": r"Ω|\bohms?\b", "concentration": r"%|ppm|\d:\d", "dilution": r"%|ppm|\d:\d",
    "weight": r"\d\s?(?:kg|g|tonnes?)\b", "speed": r"mph|km/h|rpm",
}  # not "current" ("current liabilities") nor "load" ("a given load"): words of other meanings
# whole words, not stems: "timing differences" asks for no time
_QUANTITY_WORD = {w: w for w in _QUANTITY_UNITS}
_QUANTITY_WORD.update({f"{w}s": w for w in _QUANTITY_UNITS})
_QUANTITY_WORD.update({w: "time" for w in "interval intervals duration durations times period periods".split()})


def _values_missing(asked: Sequence[Demand], content: Sequence[str]) -> str:
    """The first quantity a prompt asks for ("temperature", "intervals", "duration") that no note of
    its indicative content states in that unit, or ''."""
    text = " ".join(content)
    for d in asked:
        if d.asks_why or d.asks_effect:
            continue  # "why the temperature matters": a reason, not a value
        for w in dict.fromkeys(words(d.text)):  # the text: "techniques and duration" keeps no stem of it
            quantity = _QUANTITY_WORD.get(w.lower())
            if quantity and not re.search(_QUANTITY_UNITS[quantity], text):
                return quantity
    return ""


def _fewest(asked: list[Demand], given: list[list[str]], notes: list[str]) -> list[str]:
    """Indicative content: every bullet that gives a demand of two words or more, then, for the
    members of a list ("cement, lime, sand …") not yet given, the fewest bullets that give them
    (most members first, then the notes' order): a note that only mentions one of them in
    passing ("cement" in a note on batching) is left out."""
    chosen = [n for d, found in zip(asked, given) if not d.member for n in found]
    open_ = {i for i, d in enumerate(asked) if d.member and not set(given[i]) & set(chosen)}
    while open_:
        best = max((n for i in open_ for n in given[i]),
                   key=lambda n: (sum(1 for i in open_ if n in given[i]), -notes.index(n)))
        chosen.append(best)
        open_ = {i for i in open_ if best not in given[i]}
    return sorted(set(chosen), key=notes.index)


def indicative(topic: Topic, point: Bullet) -> list[str]:
    """Indicative content: the bullets of the notes that give what the prompt asks for."""
    return list(plan(topic, point).content)


# " Marks: …", " Marks (1 mark each, max 6): …", " Mark scheme: …" after a quoted question: where its marks begin
_MARKS_TAIL = re.compile(r"(?<=[\"”.?!)])\s+(?:marks?|mark\s+scheme|marking(?:\s+\w+)?|what\s+earns\s+the\s+marks?)\b[^:]{0,80}:\s",
                         re.IGNORECASE)


def rubric(topic: Topic, point: Bullet, content: Sequence[str] | None = None) -> str:
    """Grader information: the targeted point, then indicative content from the same topic, one per '- ' line."""
    content = indicative(topic, point) if content is None else content
    target, cap = point.text, ""
    if any(c.startswith(CREDITED) for c in content) and (tail := _MARKS_TAIL.search(target)) and tail.start() > 0:
        # the tutor's question without its marks, which the credited line below gives, with the cap the marks label
        # carried ("Marks (1 mark each): …"): h61-h64's examiners found the mark scheme printed two times over
        target = target[:tail.start()].strip()
        aside = re.search(r"\(([^()]{2,80})\)", tail.group(0))
        cap = f" ({aside.group(1).strip()})" if aside else ""
    lines = [f"This prompt targets: {sentence(target)}"]
    if content:
        lines.append("Indicative content (from the notes):")
        lines += [f"- {CREDITED[:-2]}{cap}: {sentence(c[len(CREDITED):])}" if cap and c.startswith(CREDITED) else f"- {sentence(c)}"
                  for c in content]
    return "\n".join(lines)


def feedback(topic: Topic, point: Bullet, content: Sequence[str]) -> str:
    """What the learner reads once the essay is marked: the marking point, and what the notes say
    that answers it (the grader's indicative content), so the feedback teaches rather than
    restating the prompt."""
    # the tutor's marks are not the notes' words: "The marks go to: …", not "The notes give: “The marking
    # point credits: …”" (h41's essays)
    marks = [c[len(CREDITED):] for c in content if c.startswith(CREDITED)]
    said = " ".join(f"\u201c{sentence(c)}\u201d" for c in content if not c.startswith(CREDITED))
    notes = "".join(f" The marks go to: {sentence(m)}" for m in marks) + (f" The notes give: {said}" if said else "")
    if notes:
        # what earns the marks, not the prompt again above it (h54 and h55's examiners: "feedback repeats the stem")
        return f"{notes.strip()} {learner_source(topic, point.source)}"
    # the task as the learner was set it, not the marker's wording ("Award credit for …": h8, h9 examiners)
    asked = prompt_for(point.text) or sentence(point.text)
    return f"A strong answer does what was asked: {asked} {learner_source(topic, point.source)}"


# A tip that quotes the written question a tutor would set, and what earns its marks: '8.1 "Explain why the
# load should be kept close to the body." Marks for: leverage …', 'Written: "State three causes of lack of
# fusion" - low voltage, …' (h37: seven of eight files; none had a marking-points section)
# (a case of up to five sentences before the task, figures with decimals in it: "Mrs K, 82, … temperature 35.8 °C.";
# "Room-sealed combi at max rate. Air inlet: O2 20.3%, CO2 0.4%. Flue: …", h53)
_QUOTED_QUESTION = re.compile(r"^" + _QUESTION_LABEL + r"[\"“](?:[A-Z0-9](?:[^.?!\"“”]|\.(?=\d)){5,200}[.?!]\s+){0,5}(?:"
                              + _TASK_LEAD + r")?(?:"
                              + "|".join(sorted(w.capitalize() for w in _WRITTEN_STEMS_WORDS)) + r")\b[^\"“”]{8,250}[\"”]"
                              # a tutor's question asked as a question ("Why must you wash with soap and water, not
                              # ABHR?", h53)
                              r"|^" + _QUESTION_LABEL + r"[\"“](?:[A-Z0-9](?:[^.?!\"“”]|\.(?=\d)){5,200}[.?!]\s+){0,5}"
                              r"(?:" + _QUESTION_WORDS + r")\b[^\"“”.!?]{8,250}\?"
                              r"(?:\s+(?:Show|Give|Explain|State)\b[^\"“”.!?]{2,60}[.!])?[\"”]",  # ("… the 3:1 rule? Show working.", h56)
                              re.IGNORECASE)


def written_tasks(topic: Topic) -> list[Bullet]:
    """The topic's marking points, and its tips that quote a written question with what earns its marks."""
    tips = [_as_quoted(t) for t in topic.tips]
    return [*map(_as_quoted, topic.marking_points), *(t for t in tips if _quoted(t.text) and scheme(t.text))]


# "Sample question (6 marks): Describe how to administer eye drops safely. Marks awarded for: …": a
# question under its label, unquoted, then its marks (h48: four files wrote their questions so)
_LABELLED_QUESTION = re.compile(
    r"^(?P<label>(?:[A-Za-z]+\s+){0,3}question(?:\s+\d{1,2})?(?:\s*\([^()]{1,20}\))?\s*:)\s*"
    r"(?P<question>[A-Z][^\"“”]{8,400}?[.?])\s+(?P<rest>(?=" + _MARKS_LEAD.pattern.removeprefix("^") + r").*)$",
    re.IGNORECASE)


def _as_quoted(point: Bullet) -> Bullet:
    """A labelled question with its marks, its question in quotation marks as a quoted one is written."""
    m = _LABELLED_QUESTION.match(point.text.strip())
    if not m or _quoted(point.text):
        return point
    return Bullet(f'{m.group("label")} "{m.group("question")}" {m.group("rest")}', point.source)


def generate(topics: Sequence[Topic], seed: int) -> list[Item]:
    items: list[Item] = []
    for topic in topics:
        for point in written_tasks(topic):
            essay = plan(topic, point)
            if not essay.prompt:
                continue
            prompt = essay.prompt
            items.append(Essay(
                id=item_id(FAMILY, prompt), family=FAMILY, topic=topic.slug,
                title=short_title("Essay", prompt), stem=prompt,
                grader_info=rubric(topic, point, essay.content),
                general_feedback=feedback(topic, point, essay.content),
                sources=(point.source,), tags=(topic.slug, FAMILY), response_lines=essay.lines,
            ))
    return items
