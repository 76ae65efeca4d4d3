"""What kind of thing a definition says its term is: the genus of "X: A device that …".

An examiner rejects a "which term is described here?" item whose options are of different kinds
(a model among ratios and checks, a procedure among substances): the learner who knows only what
kind of thing the description names eliminates the rest unread. Notes rarely say a term's kind
outright, but a definition usually opens with it: "A device that …", "The process of …",
"Inflammation of the udder …", "Cleaning to reduce …". ``kind`` reads that opening noun (the
genus) and places it in one of a few broad classes of general English (an activity, a device, a
substance, a rule, a record, a condition, a quantity, a person or body, a place, an organism, an
ability, a model); a noun outside them is a kind of its own ("other:wasp"), and a definition
that does not open with a noun ("Modulates brake pressure …") has none (None). Concept items
offer only options whose kind equals the key's (concepts._same_kind).
"""

from __future__ import annotations

import re
from functools import lru_cache

from lemminflect import getAllLemmas, getInflection

# Broad classes of general English nouns that open definitions ("A <genus> that …"). Words with
# two common senses of different classes ("act", "way", "point", "board", "set") are left out, and so is
# "reaction": a chemical reaction is no task a worker does (h52's examiner: "Hydration" among tamping,
# floating and a setting-out method, picked by plain sense).
_CLASSES = {
    "activity": """process procedure practice method technique action activity task operation routine
        removal application treatment destruction test check inspection assessment examination analysis
        calculation measurement monitoring request step sequence series handling disposal approach
        response management movement adjustment replacement development placement payment
        improvement recruitment""",
    "device": """device instrument equipment machine appliance tester analyser analyzer meter gauge alarm
        detector sensor valve pump switch breaker fuse guard cage barrier cover plate knife blade brush
        clipper scissors comb vessel container component fitting joint weld pipe cable kit apparatus trap
        autoclave boiler truck vehicle ladder scaffold harness tool implement tray cabinet helmet
        platform frame strap net rope lanyard tower belt hook clamp coupler clip""",
    "substance": """substance material chemical compound mixture mix solution liquid fluid gas powder paste
        agent admixture ingredient metal alloy filler hormone drug medicine medication coolant compost
        coating coat layer dough flour yeast oil grease acid salt cream lotion disinfectant detergent
        solvent catalyst enzyme protein""",
    "rule": """law regulation legislation requirement rule duty right standard policy code guidance guideline
        obligation principle equation formula""",
    "record": """document record log certificate licence license form chart register prescription label
        notice report documentation information agreement statement""",
    "condition": """condition disease illness infection inflammation injury disorder syndrome symptom fault
        defect failure breach damage deficiency lameness""",
    "quantity": """amount number quantity rate ratio level value temperature pressure speed percentage
        proportion limit range period time duration interval distance weight mass capacity score count
        maximum minimum total fraction portion
        reading impedance current voltage frequency volume length depth size dose density concentration
        thickness height width""",
    "agent": """person someone individual worker employee officer practitioner professional pharmacist nurse
        adult child employer manager role body organisation organization authority agency team forum
        committee""",
    "place": "area zone room site space region place location premises position",
    "organism": """organism wasp mite worm insect bacterium virus fungus mould mold pest predator parasite
        parasitoid plant weed animal species larva beetle fly aphid nematode microbe micro-organism""",
    "ability": "ability skill competence capability knowledge awareness",
    "model": """model framework mnemonic acronym cycle hierarchy scale classification scheme theory triad
        plan matrix""",
}
_CLASS_OF = {w: cls for cls, ws in _CLASSES.items() for w in ws.split()}
# A quantity's dimension, where its genus names one: "The mass of dry coffee in the basket" beside
# "Time from starting the pump" and "the percentage of solids" is told apart unread (h8's examiner).
# A genus that names none ("amount", "value", "level", "limit") stays a plain quantity.
_DIMENSION = {w: dim for dim, ws in {
    "mass": "mass weight dose",
    "time": "time period duration interval",
    "proportion": "percentage proportion fraction ratio portion",
    "length": "length depth height width thickness distance size",
    "volume": "volume capacity",
    "temperature": "temperature", "pressure": "pressure", "speed": "speed",
}.items() for w in ws.split()}
# "A type of steel …": the kind is the steel's.
_OF_WHICH = frozenset("type kind form sort variety class category".split())
_DETERMINERS = frozenset("a an the any each one some every its their your this these those".split())
# Words that end the opening noun phrase.
_STOP = frozenset("""of for to in on at with by from between into that which who whose where when used
    made designed is are was were or and as than so such like including within without under over
    through during after before around about behind beside across along against among per via
    towards toward up down off out near inside outside beyond below above until e.g i.e
    must can cannot should will would may might could shall""".split())  # "Liquid mix must be kept …"
# A noun of medicine's word-building names a condition whatever the lexicon says: "dermatitis".
_CONDITION_ENDING = re.compile(r"(?:itis|osis|aemia|emia|algia|pathy)$")
# A noun made from a verb with -tion/-sion names the act of it: "division", "inspection" (nouns of
# this ending that name something else are in the classes above, "solution", "position", or here).
_ACTION_ENDING = re.compile(r"(?:tion|sion)$")
_NOT_ACTS = frozenset("""direction section junction function station fraction foundation nation notion emotion
    caution option edition ration potion question intention attention tension pension dimension mansion
    version vision profession occasion session passion television emulsion suspension extension
    proportion portion reaction""".split())  # (a chemical reaction is no act of a worker, h52)
# Prepositions that follow a participle ("a frame cut to the profile …", "stones set on edge …").
_AFTER_PARTICIPLE = frozenset("to on onto in into by at from with against along across between under over before after during "
                               "for through within without".split())
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'-]*|[^\sA-Za-z]")


def _noun(word: str) -> str | None:
    """The lexicon's singular of ``word`` when it can be a noun ("regulations" -> "regulation")."""
    lemmas = getAllLemmas(word, upos="NOUN").get("NOUN", ())
    return lemmas[0] if lemmas else None


def _is_verb_form(word: str) -> bool:
    return bool(getAllLemmas(word, upos="VERB").get("VERB"))


def _own_participle(word: str) -> bool:
    """A verb whose past participle is the word itself ("cut", "set", "spread"): after a noun and
    before a preposition it is a participle, not a compound's head ("a frame cut to …")."""
    return word in getInflection(word, "VBN") or any(
        word in (getInflection(lemma, "VBN") or ()) for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()))


_FIGURE_MODIFIER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?-[a-z]+\b")
_OPENING_ADVERB = re.compile(r"^\s*[A-Za-z]+ly\s+(?=[a-z]+ing\b)")
_POSSESSOR = re.compile(r"^(\s*(?:the|a|an)\s+)?[a-z]+'s\s+(?:own\s+)?", re.IGNORECASE)


def _is_adjective(word: str) -> bool:
    """An adjective that cannot be a noun ("small", "precise", "emotional")."""
    return bool(getAllLemmas(word).get("ADJ")) and _noun(word) is None


def _modifies(tokens: list[str]) -> bool:
    """``tokens[0]`` (in -ing) modifies what follows it: an adjective, or a plural noun that ends the phrase."""
    after = tokens[1]
    if not after[:1].isalpha() or after in _STOP or after in _DETERMINERS:
        return False
    if _is_adjective(after) and len(tokens) > 2 and tokens[2][:1].isalpha() and tokens[2] not in _STOP:
        # ("lasting emotional bond": only an -ing word that is itself an adjective; "keeping new concrete damp" is a
        # gerund and its object)
        return bool(getAllLemmas(tokens[0]).get("ADJ"))
    singular = _noun(after)
    return bool(singular) and singular != after and (len(tokens) == 2 or tokens[2] in (",", ".", ";", "("))


@lru_cache(maxsize=1 << 16)
def genus(definition: str) -> str | None:
    """The noun a definition opens with, singular: "A device that trips …" -> "device"; a definition
    that opens with a gerund ("Cleaning to reduce …") -> "-ing"; None when it opens otherwise."""
    # "A 32-bit address": a figure joined to a word is a modifier; "Gradually increasing …": an
    # opening adverb qualifies the gerund; "the business's own record": a possessor is a determiner
    text = _FIGURE_MODIFIER.sub(" ", definition[:200])
    text = _OPENING_ADVERB.sub("", text)
    text = _POSSESSOR.sub(r"\1 the ", text)
    raw = _TOKEN.findall(text)
    tokens = [t.lower() for t in raw]
    if not tokens:
        return None
    first = tokens[0]
    # "spore-forming bacterium found in soil": a compound in -ing before a noun is its modifier (h42: a
    # bacterium was offered among activities)
    compound = "-" in first and len(tokens) > 1 and bool(_noun(tokens[1])) and tokens[1] not in _STOP
    # "buffering capacity, measured …", "holding time": a gerund before a noun of quantity names the quantity (h56:
    # "Alkalinity" offered among activities)
    measure = len(tokens) > 1 and _CLASS_OF.get(tokens[1]) == "quantity" and (len(tokens) == 2 or tokens[2] in _STOP
                                                                           or not tokens[2][0].isalpha())
    if measure and first.endswith("ing"):
        return tokens[1]
    if first.endswith("ing") and len(raw) > 2 and _modifies(tokens):
        # "gliding strokes, usually …", "lasting emotional bond with …": an -ing word before an adjective, or before
        # a plural noun that ends the phrase, is a participle modifying it, not a gerund (h62, h63: a bond and
        # strokes were offered among activities, and the option of the key's own kind was left out)
        return genus(text[text.lower().index(first) + len(first):])
    if first.endswith("ing") and len(first) > 4 and first not in _CLASS_OF and not compound and (
            _is_verb_form(first) and _noun(first) in (None, first) or len(first) > 6 and not getAllLemmas(first)):
        return "-ing"  # "Cleaning to reduce …", "Degassing the dough …" (a verb the lexicon lacks)
    i = 0
    if first not in _DETERMINERS and _is_verb_form(first) and _noun(first) is None:
        return None  # "Modulates brake pressure …", "Carried out …": a predicate, not a genus
    while True:
        while i < len(tokens) and tokens[i] in _DETERMINERS:
            i += 1
        run: list[str] = []
        while i < len(tokens) and len(run) < 5:
            w = tokens[i]
            if w in ("and", "or") and run and _noun(run[-1]) is None and i + 1 < len(tokens):
                i += 1  # "the written or electronic chart": two modifiers, one noun
                continue
            if w == "/" and run and i + 2 < len(tokens) and tokens[i + 1][:1].isalpha() and tokens[i + 2][:1].isalpha():
                i += 2  # "hand/finger movements": two modifiers, one noun (h62)
                continue
            if w in _STOP or w in _DETERMINERS or not w[0].isalpha():
                break
            if run and _is_verb_form(w) and (_noun(w) is None or w.endswith(("ing", "ed")) and (
                    _noun(w) != w or (_noun(run[-1]) or run[-1]) in _CLASS_OF)):
                break  # "a pump driven by …", "a competent person inspects …": the noun phrase has ended
            if run and _noun(run[-1]) and _own_participle(w) and i + 1 < len(tokens) \
                    and tokens[i + 1] in _AFTER_PARTICIPLE:
                break  # "a wooden frame cut to the profile …": "cut" is a participle, the genus "frame"
            if i and raw[i][0].isupper():
                return None  # "The Lifting Operations … Regulations": a name, not a genus
            run.append(w)
            i += 1
        if not run:
            return None
        if i + 1 < len(tokens) and tokens[i] == "," and all(getAllLemmas(w).get("ADJ") for w in run) and tokens[i + 1][0].isalpha():
            i += 1  # "small, precise hand/finger movements": adjectives in a list before the noun (h62)
            continue
        head = _noun(run[-1]) or run[-1]
        if head in _OF_WHICH and i < len(tokens) and tokens[i] == "of":
            i += 1
            continue
        return head


@lru_cache(maxsize=1 << 16)
def kind(definition: str) -> str | None:
    """The broad class of the definition's genus ("activity", "device", …); for a noun outside the
    classes, the noun itself ("other:wasp"); None when the definition does not open with a noun."""
    g = genus(definition)
    if g == "-ing":
        return "activity"
    if not g:
        return None
    if g in _CLASS_OF:
        cls = _CLASS_OF[g]
        return f"quantity:{_DIMENSION[g]}" if cls == "quantity" and g in _DIMENSION else cls
    if _CONDITION_ENDING.search(g):
        return "condition"
    if _ACTION_ENDING.search(g) and g not in _NOT_ACTS:
        return "activity"  # "division", "collection", "inspection": a noun made from a verb names an act
    if g != "-ing" and getAllLemmas(g, upos="NOUN").get("NOUN"):
        return f"other:{g}"  # a noun outside the classes is a kind of its own: only "a wasp" beside "a wasp"
    return None
