"""Context cues around a mention: negated, uncertain, historical, about whom, how severe.

Negation follows NegEx (Chapman et al., 2001): a trigger negates what follows it within the
same clause, up to a few words; some triggers negate what came before ("... was denied").
Safeguarding language adds its own ("no concerns about", "denies any").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from righthelp.narrative.segment import Span, clauses, sentences

NEGATION_WORDS = 5  # NegEx: a trigger reaches this many words ahead, within the clause

_PRE_NEGATION = re.compile(
    r"\b(no|not|never|nor|neither|without|nil|none|nobody|no[ -]one|noone|denie[sd]|deny|"
    r"denying|"
    r"no (evidence|sign|signs|indication|history|concerns?|suggestion|reports?|mention) "
    r"(of|about|regarding|re|around|that)|free (of|from)|ruled out|"
    r"(does|did|is|was|has|have|had|do|are|were|could|would|will)\s?n[o']?t|"
    r"doesn't|didn't|isn't|wasn't|hasn't|haven't|won't|can't|cannot|"
    r"there (is|are|was|were) no|nothing to suggest|negative for|"
    # health staff's routine enquiry about domestic abuse asks; it does not find
    r"routine (\w+ ){0,2}(enquiry|question(s|ed)?|screening) (re|about|into|regarding|for|on))\b",
    re.IGNORECASE,
)
_POST_NEGATION = re.compile(
    r"\b(denied|ruled out|not (seen|observed|found|present|a concern|an issue|reported|"
    r"disclosed|evident|substantiated)|unfounded|were not|was not|has not|have not|"
    r"is not|are not|none (disclosed|reported|seen|noted|identified|raised)|nil|"
    r"no concerns?|not an issue)\b",
    re.IGNORECASE,
)
# Words that end a negation's reach even inside a clause.
_NEGATION_STOP = re.compile(
    # "and has been reported missing" starts a new verb phrase the negation does not reach
    r"\b(but|however|although|though|except|yet|while|whereas|"
    r"and (has|have|had|is|was|were|are))\b",
    re.I,
)

_UNCERTAIN = re.compile(
    r"\b(possibl[ey]|perhaps|maybe|may|might|could|query|queried|suspect\w*|unclear|"
    r"unsure|not sure|apparently|reportedly|rumou?r\w*|worried that|concerned that)\b|\?",
    re.IGNORECASE,
)
_HISTORICAL = re.compile(
    r"\b(previous(ly)?|in the past|used to|history of|historic(al)?|former(ly)?|"
    r"years ago|last year|as a (baby|toddler|young child)|when (he|she|they) (was|were) "
    r"(younger|little|a baby|small)|no longer|had been|back in (19|20)\d\d|in (19|20)\d\d|"
    r"between (19|20)\d\d|after (her|his|their) (first|last|previous|older) (baby|child|"
    r"pregnancy|son|daughter)|for a (year|while|few months) (then|after)|was on \w+ for|"
    r"no recurrence|(since|now|has been|was) resolved)\b|\((19|20)\d\d\)",
    re.IGNORECASE,
)
_PRESENT = re.compile(
    r"\b(currently|at the moment|at present|right now|still|ongoing|continu(es|ing)|recently|"
    r"this (week|month|term|morning)|today|worse|worsening|again)\b",
    re.IGNORECASE,
)
# "chronic neglect" is grave; "chronic back pain" or "chronic fatigue" is a diagnosis
_CHRONIC = (
    r"chronic(ally)?(?! (back |neck |joint )?(pain|fatigue|illness|condition|disease|"
    r"asthma|eczema|constipation|headaches?|migraines?|kidney|lung|heart|health))"
)
_SEVERE = re.compile(
    r"\b(significant(ly)?|serious(ly)?|sever(e|ely)|persistent(ly)?|" + _CHRONIC + "|daily|"
    r"every (day|night)|heav(y|ily)|constant(ly)?|always|all the time|regular(ly)?|"
    r"medium[- ]risk|(dash|notification|risk)\W{1,3}medium|"
    r"repeated(ly)?|escalat\w*|extreme(ly)?|dangerous(ly)?|unable to|despite "
    r"(support|help|advice|intervention|interventions|input|the early help)|impact(s|ing|ed)? "
    r"on|affect(s|ing|ed)? (his|her|their|the) (care|children)|frequent(ly)?|"
    r"most (days|nights)|many times|every week|weekly|forg\w* to collect|left (alone|them))\b",
    re.IGNORECASE,
)
# Words that make a plain noun a concern: "poor diet", "missed appointments", "damp housing".
_CONCERN = re.compile(
    r"\b(concern\w*|worr\w*|poor(ly)?|lack\w*|struggl\w*|problem\w*|difficult\w*|issues?|"
    r"miss(ed|es|ing)?|refus\w*|unsafe|inadequate|dirty|damp|mou?ld|cold|hungry|late|low|bad|"
    r"risk\w*|unable|can'?t|cannot|without|decay\w*|rotten|overdue|unmet|fail\w*|no|not|never|"
    r"stopp\w*|heav(y|ily)|excess\w*|too (much|little)|daily|every (day|night)|"
    r"deteriorat\w*|worse\w*|arrears|debts?|tight|sanction\w*|overcrowd\w*|disrepair|"
    r"inappropriate|unhealthy|obes\w*|underweight|overweight|significant\w*|serious\w*|"
    r"chaotic|bitter|acrimonious|hostile|angry|upset|distress\w*|neglect\w*|frequent\w*|"
    r"dropp\w*|delay\w*|behind|below|uncontrolled|badly|requir\w*|highest|sever\w*|"
    r"complex|exhausted|suffering)\b",
    re.IGNORECASE,
)


# "despite 16 months of support", "no lasting change": persistence, and grave in itself
_NO_LASTING_CHANGE = (
    r"despite (\w+ ){1,3}of (support|help|intervention|input|early help|work)|"
    r"no (real |lasting |sustained )(change|improvement|progress)"
)
_PERSISTENT = re.compile(
    r"\b(despite (all|everything|(the |intensive |extensive |ongoing |long[- ]term )?(support|help|"
    r"intervention|input|plans?|work))|" + _NO_LASTING_CHANGE + "|"
    r"(change|changes|improvement|improvements|progress) "
    r"(has|have|had)? ?not (been )?(sustained|maintained)|not (been )?sustained|"
    r"(slide|slides|slip|slips) back|(for|over) (two|three|2|3) years)\b",
    re.IGNORECASE,
)


# "she had been well for three years": years said of a time without the concern
_WELL_BEFORE = re.compile(
    r"\b(well|stable|settled|sober|clean|abstinent|fine|no (problems|concerns|issues))\W+"
    r"(\w+\W+){0,3}$",
    re.IGNORECASE,
)


def persistent_despite_support(text: str) -> bool:
    """The narrative says concerns persist despite support (a level 4 hallmark)."""
    return any(
        not _WELL_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        for m in _PERSISTENT.finditer(text)
    )


# The writer's own outcome, said at the end of a note: the need was met without more help.
_CLOSURE = re.compile(
    r"\b(no further action|nfa|no (further )?action (is )?(needed|required)|actions?: none|"
    r"no (further |onward |other )?(\w+ )?(input|involvement|contact|follow[- ]up|f/u|referral|"
    r"services?) (is |are )?(needed|required|planned)|(monitoring|case|file|episode) (is |now )*"
    r"closed|clos(ing|ed) (the )?(log|entry|episode|to (drop-in|the service|school nursing|hv))|"
    r"(?<!not )closing\.|"
    r"universal (\w+ )?(pathway|services?|level|offer|contacts?|support)( only)?\.|"
    r"outcome: universal|for info(rmation)? (only|really)|rather than as a worry|"
    r"not (a|any) (worry|concern)|nothing (further|more|else)( (is )?needed)?|"
    r"nothing for you to do|(anything|nothing) further is needed|i('m| am) not worried|"
    r"just (wanted|recording|logging|keeping))",
    re.IGNORECASE,
)
# ...unless the same lines ask for more than universal help ("no further action for now, but
# I would be grateful for an early help assessment"; "NFA police, referral to the MASH")
_ONWARD = re.compile(
    r"\b(early help|eha|taf|referr(al|ed|ing)|request\w*|grateful|would (value|welcome)|"
    r"could (you|school)|police|assessment)\b",
    re.IGNORECASE,
)
CLOSING_SENTENCES = 3  # the outcome line, and a sign-off or a next review date after it


def closing_outcome(text: str) -> Span | None:
    """Where the note's last lines close it without onward help ("No further action", "Plan:
    universal HV pathway", "just wanted it on record"); None if they do not, or if the outcome
    is a past one ("case closed in 2020")."""
    last = sentences(text)[-CLOSING_SENTENCES:]
    if _ONWARD.search(_CLOSURE.sub(" ", " ".join(s.text for s in last))):
        return None
    for sentence in last:
        for found in _CLOSURE.finditer(text, sentence.start, sentence.end):
            clause = next(
                (c for c in clauses(text, sentence) if c.start <= found.start() <= c.end),
                sentence,
            )
            cue = cues_for(text, clause, found.start(), found.end(), sentence)
            if not cue.historical:  # no negation test: "no further action" is one
                return Span(found.start(), found.end(), found.group())
    return None


def is_concern(clause_text: str) -> bool:
    return bool(_CONCERN.search(clause_text))


_GRAVE = re.compile(
    r"\b(despite (all|everything|support|help|advice|intervention|interventions|input|the "
    r"early help|intensive|the (support|plan|work|input))|(has|have|had) not (been )?sustained|"
    r"not (been )?sustained|slides? back|slips? back|over (two|three|2|3) years|"
    r"significantly (affect|impact)\w*|(unable|not able) to (keep|care|protect)|"
    + _NO_LASTING_CHANGE
    + "|"
    r"(can.?t|cannot) (reliably |safely )?(care for|keep (him|her|them) safe)|"
    r"(do|does) not think (she|he|they) (can|could|is able to|are able to) (meet|care|cope|keep)|"
    r"overdose|suicide attempt|attempted suicide|do it properly|against medical advice|"
    r"no one to care|seriously|extreme(ly)?|dangerous(ly)?|" + _CHRONIC + "|"
    # the DASH risk checklist: high risk goes to MARAC
    r"high[- ]risk|(dash|notification|risk)\W{1,3}high|marac)\b",
    re.IGNORECASE,
)
_MILD = re.compile(
    r"\b(some|occasional(ly)?|minor|slight(ly)?|beginning to|starting to|emerging|a bit|"
    r"sometimes|once|a little|mild(ly)?|early signs|a few|low[- ]level|not yet|"
    r"standard[- ]risk|(dash|notification|risk)\W{1,3}standard)\b",
    re.IGNORECASE,
)
_IMPROVING = re.compile(
    r"\b(respond(s|ed|ing)? (well|positively)|improv(es|ed|ing)|accept(s|ed|ing) "
    r"(advice|support|help)|engag(es|ed|ing) well|when (discussed|prompted|advised))\b",
    re.IGNORECASE,
)

_PARENT = re.compile(
    r"\b(mr|mrs|ms|mum|mummy|mother|mom|dad|daddy|father|parents?|carers?|"
    r"step ?(dad|mum|father|mother)|"
    r"(mum|mother|dad)'?s (partner|boyfriend|girlfriend)|partner|grandparents?|nan|nana|gran|"
    r"grandma|grandad|grandmother|grandfather|foster carers?|guardian|household adults?|"
    # "his son", "her children": the possessor is the parent
    r"(his|her|their) (son|daughter|child|children|kids|baby|babies|boy|girl|twins))\b",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"\b((older |younger |big |little |half[- ])?(brother|sister|siblings?|cousin)s?|uncle|"
    r"aunt(ie)?|lodger|neighbou?r|(his|her) friends?|friend'?s)\b",
    re.IGNORECASE,
)
_CHILD = re.compile(
    r"\b(he|she|him|her|they|the (child|young person|pupil|student|baby|boy|girl|infant|"
    r"toddler)|child|pupil|student|young person|yp|baby|infant|i|me|my)\b",
    re.IGNORECASE,
)


class Experiencer(StrEnum):
    CHILD = "child"
    PARENT = "parent"
    OTHER = "other"


@dataclass(frozen=True)
class Cues:
    negated: bool
    uncertain: bool
    historical: bool
    experiencer: Experiencer
    severity: int  # -1 mild/improving, 0 neutral, 1 severe, 2 grave


def cues_for(
    text: str,
    clause: Span,
    start: int,
    end: int,
    sentence: Span,
    child_gender: str | None = None,
) -> Cues:
    """Cues for the mention text[start:end] inside clause (inside sentence)."""
    before = _last_words(text[clause.start : start], LIST_WORDS + 4)
    stop = list(_NEGATION_STOP.finditer(before))
    if stop:
        before = before[stop[-1].end() :]
    after = text[end : min(clause.end, end + 40)]
    after = after[: m.start()] if (m := _NEGATION_STOP.search(after)) else after
    negated = (
        _negated_before(before)
        or bool(_OPINION_NEGATION.search(text[clause.start : start]))
        or bool(_POST_NEGATION.match(after.strip()))
        or _asked_and_not_found(
            text[sentence.start : start], text[end : sentence.end], sentence.text
        )
    )
    clause_text = clause.text
    historical = (
        bool(_HISTORICAL.search(clause_text)) and not _PRESENT.search(clause_text)
    ) or _category_of_a_past_plan(text[sentence.start : start], sentence.text)
    return Cues(
        negated=negated,
        uncertain=bool(_UNCERTAIN.search(clause_text)),
        historical=historical,
        experiencer=_experiencer(text, clause, start, end, child_gender),
        severity=_severity(sentence.text),
    )


# "was on a child protection plan (neglect) until last October": the plan's category, said of
# a plan that has ended, is the previous plan, not a concern of now
_PLAN_CATEGORY_BEFORE = re.compile(
    r"\b(plans?|registration|registered)\s*(\(\s*(category\W*)?|under (the )?(category of )?|"
    r"for )$",
    re.IGNORECASE,
)
_PLAN_ENDED = re.compile(
    r"\b(was|were|had been|until|ended|closed|stepped down|previous(ly)?|in (19|20)\d\d)\b",
    re.IGNORECASE,
)


def _category_of_a_past_plan(before: str, sentence: str) -> bool:
    return bool(_PLAN_CATEGORY_BEFORE.search(before[-60:]) and _PLAN_ENDED.search(sentence))


def _last_words(text: str, count: int) -> str:
    parts = re.split(r"(?<=\s)(?=\S)", text)
    return "".join(parts[-count:])


_ENQUIRY_AFTER = re.compile(
    r"^\W*(routine )?(enquiry|enquiries|question(s|ed)?|screen(ing)?|asked)\b", re.IGNORECASE
)
_NOTHING_FOUND = re.compile(
    r"\b((nothing|none|no concerns|no issues|nil) (was |were )?(disclosed|reported|raised|"
    r"identified)|said no|answered no|denied)\b",
    re.IGNORECASE,
)


_ASKED_BEFORE = re.compile(r"\basked\b[^.]{0,40}\b(about|if|whether)\b", re.IGNORECASE)


def _asked_and_not_found(before: str, after: str, sentence: str) -> bool:
    """ "Routine DA enquiry ... nothing disclosed", "asked her directly about self-harm: she
    said no": the topic was asked about, not found."""
    if _ASKED_BEFORE.search(before):
        return bool(_NOTHING_FOUND.search(after))  # the answer follows the question
    return bool(_ENQUIRY_AFTER.match(after[:25])) and bool(_NOTHING_FOUND.search(sentence))


# A writer's judgement that the child is not at risk negates the harm named after it, however
# far: "I do not think he is at risk of significant harm from his family". Only a judgement
# about risk: "I don't think she realises how bad the bruising is" negates nothing.
_OPINION_NEGATION = re.compile(
    r"\b((do|does|did)\s?n[o']?t|don't|doesn't|didn't) (think|believe|consider|feel) (that )?"
    r"(he|she|they|the (child|children|baby)|\w+) (is|are|was|were|has been|have been) "
    r"(at (any )?risk|in danger|being (harmed|abused|hurt)|suffering|unsafe)\b",
    re.IGNORECASE,
)


# NegEx's pseudo-triggers: words with a negation in them that negate nothing after them.
_PSEUDO_NEGATION = re.compile(
    r"\b(not for discharge|not (to be |yet )?discharged|not only|not just|whether or not|"
    r"no (top|tops|clothes|pants|knickers|bra|shirt) on)\b",
    re.IGNORECASE,
)


# "not ... any older people, gifts, money, alcohol or being asked": a list ending in "or"
_NEGATED_LIST = re.compile(r"^[^.;:]*,[^.;:]*\b(or|nor)\s+(\S+\s+){0,3}$", re.IGNORECASE)
LIST_WORDS = 16  # how far a negation reaches along such a list


def _negated_before(before: str) -> bool:
    """A trigger at most NEGATION_WORDS words before the mention negates it, or at most
    LIST_WORDS before it when the words between are a list that ends "or" just before it."""
    before = _PSEUDO_NEGATION.sub(" ", before)
    for match in _PRE_NEGATION.finditer(before):
        between = before[match.end() :]
        words = len(between.split())
        if words <= NEGATION_WORDS or (words <= LIST_WORDS and _NEGATED_LIST.search(between)):
            return True
    return False


_MALE = re.compile(r"\b(he|him|his|himself)\b", re.IGNORECASE)
_FEMALE = re.compile(r"\b(she|her|hers|herself)\b", re.IGNORECASE)


def _experiencer(
    text: str, clause: Span, start: int, end: int, child_gender: str | None
) -> Experiencer:
    """Whom a mention is about: the nearest person word before it in the clause.

    "her mum drinks" is about a parent; "her brother smokes cannabis" about another person;
    with no person word before it, the nearest one just after ("drinking by dad") or the
    child the narrative is about.
    """
    before = text[clause.start : start]
    candidates = []
    for kind, pattern in (
        (Experiencer.PARENT, _PARENT),
        (Experiencer.OTHER, _OTHER),
        (Experiencer.CHILD, _CHILD),
    ):
        found = list(pattern.finditer(before))
        if found:
            candidates.append((found[-1].end(), kind))
    if candidates:
        # the last person word wins: in "her mum drinks", "mum" (a parent) follows "her"
        _, kind = max(candidates)
        if kind is Experiencer.CHILD and child_gender and _other_gender(before, child_gender):
            # "his psychosis" in a narrative about a girl is about an adult, most often
            # the parent the narrative names
            return Experiencer.PARENT
        return kind
    after = text[end : min(clause.end, end + 25)]
    if _PARENT.search(after) and re.search(r"\bby\b", after, re.IGNORECASE):
        return Experiencer.PARENT
    return Experiencer.CHILD


def _other_gender(before: str, child_gender: str) -> bool:
    pattern = _MALE if child_gender == "female" else _FEMALE
    found = [m for m in _CHILD.finditer(before)]
    return bool(found) and bool(pattern.fullmatch(found[-1].group()))


_GIRL = re.compile(
    r"\b(daughter|girl|granddaughter|niece|she is \d|she'?s \d|her (school|class))\b", re.I
)
_BOY = re.compile(r"\b(son|boy|grandson|nephew|he is \d|he'?s \d|his (school|class))\b", re.I)


def guess_child_gender(text: str, after: int = 0) -> str | None:
    """The child's gender from explicit words, else the first pronoun after the age."""
    girl, boy = _GIRL.search(text), _BOY.search(text)
    if girl and not boy:
        return "female"
    if boy and not girl:
        return "male"
    pronoun = re.search(r"\b(she|her|he|him|his)\b", text[after:], re.IGNORECASE)
    if pronoun is None:
        return None
    return "female" if pronoun.group().lower() in {"she", "her"} else "male"


def _severity(sentence: str) -> int:
    if _IMPROVING.search(sentence) or (_MILD.search(sentence) and not _SEVERE.search(sentence)):
        return -1
    if _GRAVE.search(sentence):
        return 2
    return 1 if _SEVERE.search(sentence) else 0
