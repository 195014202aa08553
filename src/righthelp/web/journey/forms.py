"""The question pages' forms. Every message follows the GOV.UK Design System's style:
it says what went wrong and how to fix it, in the words of the question."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from django import forms

from righthelp.engine.decision import MAX_AGE
from righthelp.narrative.segment import MAX_CHARS

MESSAGES = {
    "partnership": "Select the safeguarding partnership for the area where the child lives",
    "age_format": "Enter the child's age as a whole number of years, like 9",
    "age_range": f"The child's age must be {MAX_AGE} or under",
    "consent": "Select whether the family has agreed, or select 'I do not know'",
    "situation": "Select the situations that apply from the list",
    "text_long": f"Your description must be {MAX_CHARS:,} characters or fewer",
    "text_unreadable": (
        "Your description contains characters that are not text. Remove them, or type it again"
    ),
    "nothing": "Describe your concern, or select at least one indicator",
    "nothing_found": (
        "RightHelp found no indicators in your description. Add more detail, or select "
        "indicators from the lists below"
    ),
    "indicators": "Select indicators from the lists",
    "query_long": "Search words must be 100 characters or fewer",
    "confirmed": "Select indicators from the suggestions",
    "none_confirmed": (
        "Select at least one suggested indicator, or change your description or the "
        "indicators you chose"
    ),
}

AGE = re.compile(r"^\s*(\d{1,3})\s*(?:(?:years?|yrs?|y)(?:\s*old)?)?\s*$", re.IGNORECASE)

CONSENT_CHOICES = [
    ("given", "Yes, they have agreed"),
    ("refused", "No, they have refused"),
    ("not-sought", "Not asked yet"),
    ("unknown", "I do not know"),
]
SITUATION_CHOICES = [
    ("early-help-not-improving", "Early help is in place and things are not improving"),
    ("previous-cp-plan", "The child has been on a child protection plan before"),
]


def parse_age(raw: str) -> int | None:
    """A whole number of years, tolerating '9 years old'. Raises ValidationError."""
    raw = raw.strip()
    if not raw:
        return None
    match = AGE.match(raw)
    if not match:
        raise forms.ValidationError(MESSAGES["age_format"], code="format")
    age = int(match.group(1))
    if age > MAX_AGE:
        raise forms.ValidationError(MESSAGES["age_range"], code="range")
    return age


class AgeField(forms.CharField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, max_length=20, **kwargs)
        self.error_messages["max_length"] = MESSAGES["age_format"]

    def clean(self, value: Any) -> Any:
        return parse_age(super().clean(value) or "")


class AboutForm(forms.Form):
    partnership = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": MESSAGES["partnership"],
            "invalid_choice": MESSAGES["partnership"],
        },
    )
    age = AgeField()
    situation = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=SITUATION_CHOICES,
        error_messages={"invalid_choice": MESSAGES["situation"]},
    )
    consent = forms.ChoiceField(
        widget=forms.RadioSelect,
        choices=CONSENT_CHOICES,
        error_messages={"required": MESSAGES["consent"], "invalid_choice": MESSAGES["consent"]},
    )

    def __init__(self, *args: Any, partnerships: Sequence[tuple[str, str]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["partnership"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = list(partnerships)


class ConcernForm(forms.Form):
    text = forms.CharField(
        required=False,
        max_length=MAX_CHARS,
        widget=forms.Textarea,
        error_messages={"max_length": MESSAGES["text_long"]},
    )
    indicators = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": MESSAGES["indicators"]},
    )
    q = forms.CharField(
        required=False, max_length=100, error_messages={"max_length": MESSAGES["query_long"]}
    )
    shown_query = forms.CharField(required=False, max_length=100)
    action = forms.ChoiceField(
        required=False, choices=[("continue", "Continue"), ("search", "Search")]
    )

    def __init__(self, *args: Any, indicator_ids: Sequence[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["indicators"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(i, i) for i in indicator_ids]

    @property
    def searching(self) -> bool:
        return self.data.get("action") == "search"


class AnswersForm(forms.Form):
    confirmed = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": MESSAGES["confirmed"]},
    )

    def __init__(self, *args: Any, suggestion_ids: Sequence[str], **kwargs: Any):
        super().__init__(*args, **kwargs)
        field = self.fields["confirmed"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(i, i) for i in suggestion_ids]
