"""Finding the child's age in a narrative: "aged 13", "13 year old", "a 13-year-old", "Ben (13)".

Ages of other people ("her boyfriend is 19", "mum (24)") are not the child's: an age whose
nearest preceding person word is an adult or another person is set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_AGE = re.compile(
    r"\b(?:aged?|age of)\s+(?P<a>\d{1,2})\b"
    r"|\b(?P<b>\d{1,2})\s*(?:-|\s)?\s*(?:years?|yrs?)(?:\s*-\s*|\s+)old\b"
    r"|\b(?P<c>\d{1,2})\s*(?:-|\s)?\s*(?:year|yr)\s*-\s*old\b"
    r"|\b[A-Z][a-z]+\s*\((?P<d>\d{1,2})\)"
    r"|\b(?P<e>\d{1,2})\s?yo\b"
    r"|\b(?:he|she|they)(?:'s| is| was| are| turned)(?: now| only| just| actually| really)?"
    r" (?P<f>\d{1,2})\b"
    r"(?!\s*(?:%|percent|hours?|minutes?|days?|weeks?|times|kg|cm|am|pm|:|\.\d))"
    r"|\b(?P<m>\d{1,2})\s*(?:-|\s)?\s*months?(?:\s*-\s*|\s+)old\b",
    re.IGNORECASE,
)
_NOT_THE_CHILD = re.compile(
    r"\b(mum|mother|dad|father|parents?|step\w*|partner|boyfriend|girlfriend|man|men|male|"
    r"adult|uncle|aunt|brother|sister|sibling|cousin|friend|neighbou?r|lodger|grandparents?|"
    r"nan|gran|grandad|he is|who is)\b[^.]{0,25}$",
    re.IGNORECASE,
)


_RELATION = re.compile(
    r"(mum|mother|dad|father|nan|nana|gran|grandma|grandad|uncle|aunt|auntie|brother|sister|"
    r"partner|boyfriend|girlfriend|stepdad|stepmum|cousin|carer)\b",
    re.IGNORECASE,
)


_DECADES = {"twenties": 20, "20s": 20, "thirties": 30, "30s": 30, "forties": 40, "40s": 40}


@dataclass(frozen=True)
class AgeMention:
    age: int
    start: int
    end: int


# "said she was 16 ... admitted she's 13": the corrected age is the child's
_CORRECTION = re.compile(
    r"\b(admit\w*|actually|really|in fact|turn(s|ed)? out|true age|real age)\b",
    re.IGNORECASE,
)


def child_age(text: str) -> AgeMention | None:
    """The first age in the text that is not someone else's, unless a later one corrects it."""
    ages = _child_ages(text)
    corrected = [a for a in ages[1:] if _CORRECTION.search(text[max(0, a.start - 30) : a.end])]
    return corrected[0] if corrected else (ages[0] if ages else None)


def _child_ages(text: str) -> list[AgeMention]:
    found = []
    for match in _AGE.finditer(text):
        before = text[max(0, match.start() - 40) : match.start()]
        if _NOT_THE_CHILD.search(before) and match.group("d") is None:
            continue
        if match.group("d") and _RELATION.match(match.group()):
            continue  # "Mum (24)" is the mother's age
        if match.group("m"):
            found.append(AgeMention(int(match.group("m")) // 12, match.start(), match.end()))
            continue
        value = next(int(v) for k, v in match.groupdict().items() if v and k != "m")
        if value <= 25:
            found.append(AgeMention(value, match.start(), match.end()))
    return found


_PARENTS_PARTNER = re.compile(
    r"\b(mum|mother|dad|father|nan|gran)'?s (new )?(partner|boyfriend|girlfriend)|"
    r"\b(her|his|their) (mum|mother|dad|father)( and| &)? (her|his) (partner|boyfriend)|"
    r"\bparents of\b|\blives with (mum|dad|her mum|his mum|her dad|his dad) and|"
    # two adults listed with their ages: "ex-partners Nicole (27) and Dean (29)"
    r"\(\d{2}\)\s*(and|&)\s*[A-Z]\w*\s*\(\d{2}\)|\bex-?partners\b",
    re.IGNORECASE,
)


# An adult's own age said before: "mum (Jade, 23)", "Victim (F, 23)", "Mum Keeley is 19".
_ADULT_AGE_BEFORE = re.compile(
    r"\((?:[^()]{0,40},\s*)?(1[89]|[2-9]\d)\)|\b(is|aged) (1[89]|[2-9]\d)\b", re.IGNORECASE
)
_RELATIONSHIP = re.compile(r"(boyfriend|girlfriend|partner)s?", re.IGNORECASE)


def other_adult_ages(text: str) -> list[AgeMention]:
    """Ages of 18 and over attached to the child's partner or another person (for age-gap
    checks); a parent's partner, or parents listed with their ages, are not."""
    if _PARENTS_PARTNER.search(text):
        return []
    found = []
    for match in re.finditer(
        r"\b(boyfriends?|girlfriends?|partners?|man|friend|adult)\b[^.]{0,40}?\b"
        r"(?:is |aged |\(|"
        r"about |around |at least |nearly |maybe )?(?P<age>1[89]|[2-9]\d)\b"
        r"|\b(?P<age2>1[89]|[2-9]\d)[- ]year[- ]old (boyfriend|girlfriend|man|male|partner|adult|"
        r"friend)"
        r"|\b(boyfriend|girlfriend|partner|man|men|males|lads|friend)\b[^.]{0,40}?\b(in his|in her|"
        r"in their) (?:early |mid |mid-|late )?(?P<decade>twenties|thirties|forties|20s|30s|40s)\b",
        text,
        re.IGNORECASE,
    ):
        if _RELATIONSHIP.match(match.group()) and _ADULT_AGE_BEFORE.search(text, 0, match.start()):
            continue  # "Donna (33) reports her partner (36)...": the partner of an adult
        value = match.group("age") or match.group("age2")
        age = int(value) if value else _DECADES[match.group("decade").lower()]
        found.append(AgeMention(age, match.start(), match.end()))
    return found


_PARTNER_WORD = re.compile(r"\b(boyfriend|girlfriend|partner)\b", re.IGNORECASE)
_PRONOUN_AGE = re.compile(
    r"\b(?:he|she)(?:'s|’s| is| was)\W{0,2}(?:about |around |nearly |maybe |probably |only )?"
    r"(?P<age>1[89]|[2-5]\d)\b(?!\s*(?:%|percent|hours?|minutes?|days?|weeks?|months?|times|kg|"
    r"cm|am|pm|:|\.\d))",
    re.IGNORECASE,
)


def partner_age_said_next(previous: str, text: str) -> list[AgeMention]:
    """ "Her boyfriend picks her up. She thinks he's 19": the adult's age said in the
    sentence after the one that names the relationship (a parent's partner excepted)."""
    if not _PARTNER_WORD.search(previous) or _PARENTS_PARTNER.search(previous + " " + text):
        return []
    return [
        AgeMention(int(m.group("age")), m.start(), m.end()) for m in _PRONOUN_AGE.finditer(text)
    ]
