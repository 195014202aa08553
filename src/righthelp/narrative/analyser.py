"""From a practitioner's own words to suggested indicators of one pack, with their evidence.

1. The text is checked and cut into sentences and clauses (offsets into the original).
2. Topics of the concept lexicon are found in each clause; cues say whether a mention is
   negated, uncertain, historical, and about the child, a parent or someone else.
3. Each mention is matched to the pack's indicators that carry its tag: lexical similarity
   (BM25) of the sentence to the row's wording, and how well the row's level fits the
   severity the words express, choose the row(s).
4. Red-flag topics are always matched to a red-flag row when the words say them: safety
   before precision.
5. Patterns no single sentence makes (signs of exploitation together, many kinds of basic
   care failing at once) are looked for across the whole narrative (ADR 6).
6. If no red flag was found, a learned model of significant-harm narratives has the last
   word: when it says the narrative reads like one, the pack's general red-flag row (or the
   one most like the sentences) is suggested with the sentences that weighed most (ADR 8).
   It adds, never removes.
7. A note whose last lines close it without onward help ("No further action", "Plan:
   universal pathway") met its Level 2 needs: they are shown, not ticked. Nothing graver is
   closed so.
8. What is going well (Level 1 rows) is ticked only when no need above Level 1 is: beside
   needs it is shown for the practitioner to tick.
A clause that no topic explains is still compared with every row (BM25); a strong match is
suggested too.

Suggestions are for a person to confirm or reject: `proposed` are those the analyser takes
as present (not negated, not about someone else, not only in the past).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from righthelp.framework.schema import Indicator, Pack
from righthelp.narrative import ages, harm_model
from righthelp.narrative.cues import (
    Cues,
    Experiencer,
    closing_outcome,
    cues_for,
    guess_child_gender,
    is_concern,
    persistent_despite_support,
)
from righthelp.narrative.lexicon import Topic, document_words, topics
from righthelp.narrative.scoring import Scorer, get_scorer
from righthelp.narrative.segment import Span, clauses, prepare, sentences

RED_FLAG_FALLBACK_TAGS = ("disclosure", "abuse-allegation", "significant-harm", "physical-abuse")
UNDER_16 = 16
MAX_BLIND_CANDIDATES = 3  # a topic with more rows than this needs shared words to pick one
KEEP_PER_MENTION = 3
KEEP_RATIO = 0.85  # rows scoring within this share of the best are all suggested
STRENGTH_MIN_SCORE = 8.0  # BM25 a concern-free clause needs to describe a level 1 row
GRAVE = 2  # the severity of "despite support", "significantly affects", "DASH high"...
LEXICAL_WEIGHT = 0.6  # against how well a row's level fits the severity of the words


@dataclass(frozen=True)
class Suggestion:
    indicator: Indicator
    score: float
    evidence: tuple[Span, ...]
    negated: bool = False
    uncertain: bool = False
    historical: bool = False
    other_person: bool = False
    topics: tuple[str, ...] = ()
    harm_words: bool = False  # said in words of significant harm (a red-flag topic)
    reason: str = ""  # why, when no topic of the lexicon explains it (the learned model)
    resolved_by: Span | None = None  # the writer's closing outcome that met this need
    beside_needs: bool = False  # a strength, in a narrative that names needs above Level 1

    @property
    def proposed(self) -> bool:
        """Taken as present: a person still confirms it. Past abuse told now still is."""
        if self.negated or self.other_person or self.resolved_by or self.beside_needs:
            return False
        return not self.historical or self.indicator.historical or self.harm_words


@dataclass(frozen=True)
class Analysis:
    pack_id: str
    method: str
    suggestions: tuple[Suggestion, ...]
    age: int | None
    age_evidence: Span | None
    warnings: tuple[str, ...] = ()
    truncated: bool = False
    closure: Span | None = None  # the writer's closing outcome ("No further action")

    @property
    def safety_net(self) -> str | None:
        """The learned significant-harm model in use, said so that a reader knows (ADR 8)."""
        model = harm_model.shipped()
        if model is None:
            return None
        return f"a model learned from {model.narratives} labelled narratives"

    @property
    def proposed_ids(self) -> tuple[str, ...]:
        return tuple(s.indicator.id for s in self.suggestions if s.proposed)


@dataclass
class _Mention:
    topic: Topic
    tags: tuple[str, ...]
    span: Span
    sentence: Span
    cues: Cues
    positive: bool = False


def analyse(
    pack: Pack, text: str | bytes, age: int | None = None, method: str = "lexical"
) -> Analysis:
    """Suggest the pack's indicators that the narrative evidences.

    Raises NarrativeInputError for unusable text, MethodUnavailable when `method` needs an
    extra that is not installed.
    """
    scorer = get_scorer(method)
    prepared = prepare(text)
    body = prepared.text
    found_age = ages.child_age(body)
    child_age = age if age is not None else (found_age.age if found_age else None)
    age_span = (
        Span(found_age.start, found_age.end, body[found_age.start : found_age.end])
        if found_age and age is None
        else None
    )
    warnings = list(prepared.warnings)
    if not pack.has_indicator_tables:
        warnings.append(f"{pack.metadata.title} has no indicator tables: nothing to match.")
        return Analysis(pack.id, scorer.name, (), child_age, age_span, tuple(warnings))
    gender = guess_child_gender(body, found_age.end if found_age else 0)
    mentions = list(_mentions(body, child_age, gender))
    suggestions: dict[str, Suggestion] = {}
    for mention in mentions:
        for indicator, score in _match(pack, scorer, mention, child_age):
            _merge(suggestions, indicator, score, mention)
    for indicator, score, clause in _strengths(pack, scorer, body, mentions):
        suggestions.setdefault(
            indicator.id, Suggestion(indicator, score, (clause,), topics=("strengths",))
        )
    for indicator, score, clause, cue in _unexplained_clauses(pack, scorer, body, mentions):
        suggestions.setdefault(
            indicator.id,
            Suggestion(
                indicator,
                score,
                (clause,),
                cue.negated,
                cue.uncertain,
                cue.historical,
                cue.experiencer is Experiencer.OTHER,
                ("wording",),
            ),
        )
    closure = closing_outcome(body)
    if closure is not None:
        _close_level_two_needs(suggestions, closure)
    if not any(s.proposed and s.indicator.red_flag for s in suggestions.values()):
        learned = _learned_red_flag(pack, scorer, body, child_age)
        if learned is not None:
            suggestions[learned.indicator.id] = learned
    _set_strengths_beside_needs(suggestions)
    ordered = sorted(
        suggestions.values(),
        key=lambda s: (not s.proposed, not s.indicator.red_flag, -s.score, s.indicator.id),
    )
    return Analysis(
        pack.id,
        scorer.name,
        tuple(ordered),
        child_age,
        age_span,
        tuple(warnings),
        prepared.truncated,
        closure,
    )


def _set_strengths_beside_needs(suggestions: dict[str, Suggestion]) -> None:
    """What is going well is a Level 1 row ("good attendance"): the documents' picture of a
    child whose needs are met. Beside needs above Level 1 it is shown for the practitioner to
    tick, not taken as present: ticked, it would read as evidence of a level it is not."""
    if not any(s.proposed and s.indicator.level > 1 for s in suggestions.values()):
        return
    for key, s in list(suggestions.items()):
        if s.indicator.level == 1 and "strengths" in s.indicator.tags:
            suggestions[key] = replace(s, beside_needs=True)


def _close_level_two_needs(suggestions: dict[str, Suggestion], closure: Span) -> None:
    """A note that ends "No further action" or "Plan: universal pathway" says its Level 2
    needs were met without more help (a worry raised and answered in the same note): they are
    shown, not ticked. A graver need, or any harm, is never the writer's to close: the
    threshold document decides those, and the note may have missed them."""
    for key, s in list(suggestions.items()):
        if s.proposed and s.indicator.level == 2 and not (s.indicator.red_flag or s.harm_words):
            suggestions[key] = replace(s, resolved_by=closure)


# -- finding mentions --------------------------------------------------------------------


# Care and parenting concerns that the documents grade by persistence "despite support".
PERSISTENT_TAGS = frozenset(
    {
        "neglect",
        "basic-care",
        "parenting-capacity",
        "hygiene-self-care",
        "diet-nutrition",
        "health-appointments",
        "dental",
        "development-delay",
        "housing",
        # a parent's drinking or illness that persists despite support "significantly
        # affects" their care: the documents' level 4 wording
        "parental-substance-misuse",
        "parental-mental-health",
    }
)


def _mentions(body: str, child_age: int | None, gender: str | None) -> Iterable[_Mention]:
    found = list(_sentence_mentions(body, child_age, gender))
    # "despite two years of support" said once, or many kinds of care failing at once (no
    # food, no heating, soiled nappies, no beds), make every care concern grave
    neglected = _pervasive_neglect(found)
    grave = neglected or persistent_despite_support(body)
    for mention in found:
        if grave and set(mention.tags) & PERSISTENT_TAGS and not mention.cues.negated:
            mention.cues = replace(mention.cues, severity=max(mention.cues.severity, GRAVE))
    yield from found
    yield from _exploitation_cluster(found)
    if neglected:
        first = next(m for m in found if set(m.tags) & NEGLECT_TAGS)
        cue = replace(first.cues, severity=GRAVE, experiencer=Experiencer.CHILD)
        yield _Mention(PERVASIVE, ("neglect", "basic-care"), first.span, first.sentence, cue)


# poor housing is the landlord's failure, not the carer's: not a sign of neglect here
NEGLECT_TAGS = frozenset({"basic-care", "hygiene-self-care", "diet-nutrition", "neglect"})
PERVASIVE_NEGLECT = 4  # separate signs of basic care failing, said of now
PERVASIVE = Topic(
    "pervasive-neglect",
    (),
    tag="neglect",
    hint="persistent neglect neglected inadequate clothing bedding nutrition significant",
)


def _pervasive_neglect(mentions: list[_Mention]) -> bool:
    signs = {
        m.span.start
        for m in mentions
        if set(m.tags) & NEGLECT_TAGS
        and not (m.cues.negated or m.cues.historical or m.positive)
        and m.cues.experiencer is not Experiencer.OTHER
    }
    return len(signs) >= PERVASIVE_NEGLECT


# Signs of sexual or criminal exploitation that, together with going missing, drugs, gifts or
# a child's sexual activity, make a pattern the national guidance treats as exploitation
# until shown otherwise.
EXPLOITATION_SIGNS = frozenset({"sexual-exploitation", "criminal-exploitation"})
EXPLOITATION_COMPANIONS = frozenset(
    {"missing-from-home", "child-substance-misuse", "online-safety", "sexual-activity"}
)
MIN_EXPLOITATION_SIGNS = 3  # e.g. older men, a gift she won't explain, going missing
GRADED_BELOW_HIGH = re.compile(
    r"\b(low|standard|medium)\b.{0,30}\b(risk|score)|"
    r"\b(risk|scor\w*|tool|screening)\b.{0,40}\b(low|standard|medium)\b",
    re.IGNORECASE,
)
EXPLOITATION = {
    "sexual-exploitation": Topic(
        "exploitation-pattern",
        (),
        tag="sexual-exploitation",
        red_flag=True,
        also=("adult-sexual-relationship",),
        hint="sexual exploitation",
    ),
    "criminal-exploitation": Topic(
        "exploitation-pattern",
        (),
        tag="criminal-exploitation",
        red_flag=True,
        also=("sexual-exploitation",),  # the documents often name both in one row
        hint="criminal exploitation",
    ),
}


def _exploitation_cluster(mentions: list[_Mention]) -> Iterable[_Mention]:
    """Older men, gifts she won't explain, going missing, being intoxicated: each alone is a
    need, three together a red flag for a person to confirm."""
    present = [
        m
        for m in mentions
        if not m.cues.negated
        and not m.cues.historical
        and m.cues.experiencer is not Experiencer.OTHER
    ]
    signs = [m for m in present if set(m.tags) & EXPLOITATION_SIGNS and not m.topic.red_flag]
    if any(GRADED_BELOW_HIGH.search(m.sentence.text) for m in signs):
        return  # a screening tool already graded the risk: the practitioner's grade stands
    companions = {t for m in present for t in m.tags} & EXPLOITATION_COMPANIONS
    distinct_signs = {m.span.start for m in signs}
    if signs and len(distinct_signs) + len(companions) >= MIN_EXPLOITATION_SIGNS:
        sign = signs[0]
        kind = next(t for t in sign.tags if t in EXPLOITATION_SIGNS)
        topic = EXPLOITATION[kind]
        yield _Mention(topic, (kind, *topic.also), sign.span, sign.sentence, sign.cues)


def _sentence_mentions(body: str, child_age: int | None, gender: str | None) -> Iterable[_Mention]:
    every = sentences(body)
    for n, sentence in enumerate(every):
        neighbours = tuple(every[i] for i in (n - 1, n + 1) if 0 <= i < len(every))
        for clause in clauses(body, sentence):
            clause_mentions = list(
                _clause_mentions(body, sentence, clause, gender, neighbours, child_age)
            )
            positive = any(m.topic.positive and not m.cues.negated for m in clause_mentions)
            for mention in clause_mentions:
                mention.positive = positive and not mention.topic.red_flag
                yield _under_13(_of_a_young_child(mention, child_age), child_age)
        previous = every[n - 1].text if n else ""
        yield from _age_gap_mentions(body, sentence, child_age, previous)


def _clause_mentions(
    body: str,
    sentence: Span,
    clause: Span,
    gender: str | None,
    neighbours: tuple[Span, ...],
    child_age: int | None,
) -> Iterable[_Mention]:
    young = child_age is not None and child_age < YOUNG_CHILD
    for topic in topics():
        for pattern in topic.patterns:
            for match in pattern.finditer(body, clause.start, clause.end):
                if not (topic.or_young_child and young) and not _requirement_met(
                    body, topic, sentence, match.end(), gender, neighbours
                ):
                    continue
                if _plain_noun(topic, match.group()) and not is_concern(clause.text):
                    continue
                if topic.tag == "unexplained-injury" and _a_birthmark(
                    match.group(), (sentence, *neighbours)
                ):
                    continue
                cue = cues_for(body, clause, match.start(), match.end(), sentence, gender)
                span = Span(match.start(), match.end(), match.group())
                yield _Mention(topic, _tags(topic, cue), span, sentence, cue)
                break  # one mention of a topic per pattern per clause is enough


BIRTHMARK = re.compile(
    r"\b(birth ?marks?|(there|present) (from|since) birth|mongolian|melanocytosis|stork marks?|"
    r"salmon patch|haemangioma|strawberry marks?|port[- ]wine stain)\b",
    re.IGNORECASE,
)


def _a_birthmark(words: str, nearby: tuple[Span, ...]) -> bool:
    """A "mark" that its sentence or one beside it says is a birthmark (a Mongolian blue spot
    on a baby's back is the commonest false alarm): a bruise or an injury is never explained
    so."""
    if not re.fullmatch(r"marks?", words, re.IGNORECASE):
        return False
    return any(BIRTHMARK.search(n.text) for n in nearby)


def _plain_noun(topic: Topic, words: str) -> bool:
    return any(p.fullmatch(words) for p in topic.neutral)


def _requirement_met(
    body: str,
    topic: Topic,
    sentence: Span,
    after: int,
    gender: str | None,
    neighbours: tuple[Span, ...],
) -> bool:
    """A topic's required words are said, and not negated: "asked if anyone hurts him and he
    said no" is no disclosure. They must follow the mention when the topic says so (a
    disclosure); otherwise they may be in its sentence or the one either side ("a bruise on
    his cheek. Parents had no explanation"; "Archie is not yet rolling. X-ray shows a
    fracture")."""
    if not topic.requires_in_sentence:
        return True
    windows = [(after if topic.requires_after else sentence.start, sentence)]
    if not topic.requires_after:
        windows.extend((near.start, near) for near in neighbours)
    for start, where in windows:
        parts = clauses(body, where)
        for pattern in topic.requires_in_sentence:
            for found in pattern.finditer(body, start, where.end):
                if _of_the_other_gender(found.group(), gender):
                    continue  # "he pushed her" in a narrative about a boy is about someone else
                clause = next((c for c in parts if c.start <= found.start() <= c.end), where)
                if not cues_for(body, clause, found.start(), found.end(), where, gender).negated:
                    return True
    return False


def _of_the_other_gender(words: str, gender: str | None) -> bool:
    """Harm words whose object is a pronoun of the other gender than the child's."""
    last = words.rsplit(maxsplit=1)[-1].lower() if words.strip() else ""
    return (gender == "male" and last == "her") or (gender == "female" and last == "him")


def _tags(topic: Topic, cue: Cues) -> tuple[str, ...]:
    if topic.tag:
        return (topic.tag, *topic.also)
    if cue.experiencer is Experiencer.PARENT and topic.parent:
        return (topic.parent,)
    return tuple(t for t in (topic.child or topic.parent,) if t)


YOUNG_CHILD = 5  # younger than this, a child's "depression" or "drinking" is a parent's


def _of_a_young_child(mention: _Mention, child_age: int | None) -> _Mention:
    """Words that mean one thing of a child and another of a parent (drinking, depression,
    medication) are the parent's in a narrative about a baby or toddler: "started on
    sertraline" in a health visitor's note about an 8-week-old is about the mother."""
    topic = mention.topic
    if child_age is None or child_age >= YOUNG_CHILD or not topic.parent or topic.tag:
        return mention
    if mention.cues.experiencer is not Experiencer.CHILD:
        return mention
    cues = replace(mention.cues, experiencer=Experiencer.PARENT)
    return replace(mention, tags=(topic.parent,), cues=cues)


UNDER_13 = Topic(
    "sexual-activity-under-13",
    (),
    tag="sexual-activity-under-13",
    red_flag=True,
    also=("sexual-abuse",),
)


def _under_13(mention: _Mention, child_age: int | None) -> _Mention:
    """Sexual activity of a child under 13 is significant harm: a child that age cannot
    consent (Sexual Offences Act 2003), whatever level a document's row sits at."""
    if mention.topic.id != "sexual-activity" or child_age is None or child_age >= 13:
        return mention
    return _Mention(
        UNDER_13, (UNDER_13.tag or "", *UNDER_13.also), mention.span, mention.sentence, mention.cues
    )


def _age_gap_mentions(
    body: str, sentence: Span, child_age: int | None, previous: str
) -> Iterable[_Mention]:
    """An adult partner of a child under 16: a significant age differential (red flag)."""
    if child_age is None or child_age >= UNDER_16:
        return
    topic = Topic(
        "age-gap", (), tag="adult-sexual-relationship", red_flag=True, also=("sexual-exploitation",)
    )
    said = ages.other_adult_ages(sentence.text) or ages.partner_age_said_next(
        previous, sentence.text
    )
    for other in said:
        span = Span(
            sentence.start + other.start,
            sentence.start + other.end,
            sentence.text[other.start : other.end],
        )
        cue = Cues(False, False, False, Experiencer.CHILD, 1)
        yield _Mention(topic, (topic.tag or "", *topic.also), span, sentence, cue)


# -- matching mentions to rows -------------------------------------------------------------


def _match(
    pack: Pack, scorer: Scorer, mention: _Mention, child_age: int | None
) -> list[tuple[Indicator, float]]:
    candidates = [
        i
        for i in pack.indicators
        if set(i.tags) & set(mention.tags)
        # "Teenage pregnancy in child under 14" is not evidence about a 15-year-old
        and (child_age is None or i.age is None or i.age.contains(child_age))
    ]
    if mention.topic.red_flag:
        flagged = [i for i in candidates if i.red_flag] or _fallback_red_flags(pack)
        candidates = flagged or candidates
    elif mention.positive or mention.topic.positive:
        candidates = [i for i in candidates if i.level == 1]
    else:  # a concern: level 1 rows that describe needs met are not evidence of it
        candidates = [i for i in candidates if not (i.level == 1 and "strengths" in i.tags)]
        if mention.cues.severity < GRAVE and mention.topic.graded:
            # a red-flag row is reached by words of significant harm, not by its topic alone;
            # a category named as such ("the neglect is linked to her drinking") is the
            # document's own row, whichever it is
            candidates = [i for i in candidates if not i.red_flag] or candidates
    target = _target_level(mention)
    if mention.cues.severity < 0 and not mention.topic.red_flag and mention.topic.graded:
        # "some", "occasional", "low level", "standard risk": the writer says it is mild, so
        # no row above the level the words fit, however alike its wording (or, where the
        # pack has none that low, its lowest rows)
        lowest = min((i.level for i in candidates), default=target)
        candidates = [i for i in candidates if i.level <= max(target, lowest)]
    if mention.cues.severity <= 0 and not mention.topic.red_flag and mention.topic.graded:
        # a Level 4 row that is not significant harm in itself says how much ("significantly
        # affects", "serious", "despite support", "no-one to care"): words that do not say so
        # meet the row below it, where the pack has one
        candidates = [i for i in candidates if i.level < 4 or i.red_flag] or candidates
    if not candidates:
        return []
    sentence = mention.sentence.text
    query = f"{sentence} {mention.topic.hint} {document_words(sentence)}"
    similarity = scorer.similarities(pack, query, frozenset(i.id for i in candidates))
    if not mention.topic.red_flag and len(candidates) > MAX_BLIND_CANDIDATES:
        # a broad topic: only rows that share words with what was written
        candidates = [i for i in candidates if i.id in similarity]
        if not candidates:
            return []
    best_similarity = max(similarity.values(), default=0.0) or 1.0
    scored = []
    for indicator in candidates:
        lexical = similarity.get(indicator.id, 0.0) / best_similarity
        fit = 1 - abs(indicator.level - target) / 3
        scored.append((LEXICAL_WEIGHT * lexical + (1 - LEXICAL_WEIGHT) * fit, indicator))
    scored.sort(key=lambda pair: (-pair[0], pair[1].id))
    best_score, best_row = scored[0]
    # near-ties are suggested too, but never above the best row's level: more recall for the
    # person confirming, and no level raised by a second guess
    return [(best_row, best_score)] + [
        (row, score)
        for score, row in scored[1:KEEP_PER_MENTION]
        if score >= KEEP_RATIO * best_score and row.level <= best_row.level
    ]


def _fallback_red_flags(pack: Pack) -> list[Indicator]:
    """A pack without a row for this kind of harm: its most general red-flag rows, in
    order (an allegation row before a sexual-abuse row)."""
    for tag in RED_FLAG_FALLBACK_TAGS:
        rows = [i for i in pack.indicators if i.red_flag and tag in i.tags]
        if rows:
            return rows
    return [i for i in pack.indicators if i.red_flag]


LEARNED = "learned-harm"
GENERAL_HARM_TAGS = ("abuse-allegation", "disclosure", "significant-harm")


def _learned_red_flag(
    pack: Pack, scorer: Scorer, body: str, child_age: int | None
) -> Suggestion | None:
    """The safety net for harm in words the lexicon did not foresee (ADR 8)."""
    model = harm_model.shipped()
    if model is None or not model.applies(body):
        return None
    probability = model.probability(body)
    if probability < model.threshold:
        return None
    reasons = model.explain(body)
    if not reasons:
        return None
    rows = [
        i
        for i in pack.indicators
        if i.red_flag and (child_age is None or i.age is None or i.age.contains(child_age))
    ]
    if not rows:
        return None
    # the model knows "significant harm", not which kind: the pack's general row where it has
    # one ("Clear allegation of harm and/or disclosure of harm"), else the row most like the
    # sentences
    general = [i for tag in GENERAL_HARM_TAGS for i in rows if tag in i.tags]
    if general:
        row = general[0]
    else:
        query = " ".join(r.sentence.text for r in reasons)
        similarity = scorer.similarities(
            pack, f"{query} {document_words(query)}", frozenset(i.id for i in rows)
        )
        row = max(rows, key=lambda i: (similarity.get(i.id, 0.0), -rows.index(i)))
    words = ", ".join(f"“{w}”" for r in reasons for w in harm_model.shown_words(r.words))
    return Suggestion(
        row,
        probability,
        tuple(r.sentence for r in reasons),
        topics=(LEARNED,),
        harm_words=True,
        reason=(
            "No phrase RightHelp knows says significant harm here, but the narrative reads "
            f"like the significant-harm narratives its model learned from ({probability:.0%})"
            + (f"; the words that weighed most: {words}" if words else "")
            + ". Check the quoted sentences: untick this if there is no significant harm."
        ),
    )


def _target_level(mention: _Mention) -> int:
    if mention.positive or mention.topic.positive:
        return 1
    if mention.topic.red_flag:
        return 4
    return {-1: 2, 0: 2, 1: 3, 2: 4}[mention.cues.severity]


ALREADY_ANSWERED = re.compile(
    r"\b((child protection|cp) plans?|plan (ended|closed)|(was|were) (convicted|sentenced)|"
    r"risk (is |was )?now managed)\b",
    re.IGNORECASE,
)


def _merge(
    suggestions: dict[str, Suggestion], indicator: Indicator, score: float, mention: _Mention
) -> None:
    cue = mention.cues
    other = cue.experiencer is Experiencer.OTHER and not mention.topic.red_flag
    new = Suggestion(
        indicator,
        score,
        (mention.span,),
        cue.negated,
        cue.uncertain,
        cue.historical,
        other,
        (mention.topic.id,),
        # told now, past abuse is still harm; a past strategy discussion is history, and so is
        # past abuse that a child protection plan or a conviction has already answered
        mention.topic.red_flag
        and not mention.topic.present_only
        and not ALREADY_ANSWERED.search(mention.sentence.text),
    )
    old = suggestions.get(indicator.id)
    if old is None:
        suggestions[indicator.id] = new
        return
    # present if any one mention says so (a past mention and a negated one do not add up to
    # a present one); the evidence of every mention is kept
    flags = new if new.proposed and not old.proposed else old
    both = old.proposed == new.proposed
    suggestions[indicator.id] = replace(
        flags,
        score=max(old.score, score),
        evidence=old.evidence + new.evidence,
        uncertain=(old.uncertain and new.uncertain) if both else flags.uncertain,
        topics=tuple(dict.fromkeys(old.topics + new.topics)),
        harm_words=flags.harm_words or (new.harm_words and new.proposed),
    )


def _unexplained_clauses(
    pack: Pack, scorer: Scorer, body: str, mentions: list[_Mention]
) -> Iterable[tuple[Indicator, float, Span, Cues]]:
    """Rows a clause says in so many words, where no topic explained the clause."""
    covered = {m.span.start for m in mentions}
    indicators = {i.id: i for i in pack.indicators}
    for sentence in sentences(body):
        for clause in clauses(body, sentence):
            if any(clause.start <= start < clause.end for start in covered):
                continue
            found = scorer.clause_match(pack, clause.text)
            if found is not None and not (
                "strengths" not in indicators[found[0]].tags and not is_concern(clause.text)
            ):  # "a positive role model" is not "Lack of positive role models"
                cue = cues_for(body, clause, clause.start, clause.start, sentence)
                yield indicators[found[0]], 0.5 * found[1], clause, cue


def _strengths(
    pack: Pack, scorer: Scorer, body: str, mentions: list[_Mention]
) -> Iterable[tuple[Indicator, float, Span]]:
    """Level 1 rows (needs met) that a clause with no concern in it describes.

    "Attendance this term 98%, never late" is "Good attendance at school". A strength never
    raises a level; it shows the practitioner what is going well, as the documents do.
    """
    rows = frozenset(i.id for i in pack.indicators if i.level == 1 and "strengths" in i.tags)
    if not rows:
        return
    indicators = {i.id: i for i in pack.indicators}
    concerns = {m.span.start for m in mentions if not m.positive and not m.cues.negated}
    for sentence in sentences(body):
        for clause in clauses(body, sentence):
            if any(clause.start <= start < clause.end for start in concerns):
                continue
            if is_concern(clause.text) and not any(
                m.positive and clause.start <= m.span.start < clause.end for m in mentions
            ):
                continue
            scores = scorer.similarities(pack, clause.text, rows)
            if not scores:
                continue
            best = max(scores, key=lambda i: (scores[i], i))
            if scores[best] >= STRENGTH_MIN_SCORE:
                yield indicators[best], 0.3, clause
