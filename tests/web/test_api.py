"""The JSON API at /api/v1/: status codes, bodies, and RFC 9457 problem details."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from righthelp.framework.loader import pack_ids
from tests.helpers import CLOSED_NOTE
from tests.web.conftest import COUNTY, LEVEL_1_TEXT, LEVEL_4_TEXT, STOKE

API = "/api/v1"
RED_FLAG_ROW = "l4-dev-unexplained-bruises-burns-bite-marks"
PROBLEM = "application/problem+json"


def post(client: Client, url: str, body: Any) -> Any:
    return client.post(url, json.dumps(body), content_type="application/json")


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status
    assert response["Content-Type"] == PROBLEM
    data: dict[str, Any] = response.json()
    assert data["status"] == status
    assert data["type"] == "about:blank"
    assert data["title"] and data["detail"]
    return data


def test_list_frameworks(client: Client) -> None:
    response = client.get(f"{API}/frameworks")
    assert response.status_code == 200
    data = response.json()
    assert [f["id"] for f in data] == pack_ids()
    stoke = next(f for f in data if f["id"] == STOKE)
    assert [lv["name"] for lv in stoke["levels"]] == [
        "Universal",
        "Additional",
        "Multiple/Complex",
        "Significant",
    ]
    county = next(f for f in data if f["id"] == COUNTY)
    assert county["has_indicator_tables"] is False and county["indicator_count"] == 0


def test_get_a_framework(client: Client) -> None:
    data = client.get(f"{API}/frameworks/{STOKE}").json()
    assert data["metadata"]["id"] == STOKE
    assert len(data["indicators"]) == 189


def test_unknown_framework_is_a_problem(client: Client) -> None:
    data = assert_problem(client.get(f"{API}/frameworks/nowhere"), 404)
    assert "nowhere" in data["detail"]
    assert_problem(post(client, f"{API}/frameworks/nowhere/assess", {}), 404)


def test_list_search_and_filter_indicators(client: Client) -> None:
    everything = client.get(f"{API}/frameworks/{STOKE}/indicators").json()
    assert len(everything) == 189 and everything[0]["score"] is None
    hits = client.get(f"{API}/frameworks/{STOKE}/indicators", {"q": "bruises"}).json()
    assert hits[0]["indicator"]["id"] == RED_FLAG_ROW and hits[0]["score"] > 0
    level_1 = client.get(f"{API}/frameworks/{STOKE}/indicators", {"level": 1}).json()
    assert level_1 and {h["indicator"]["level"] for h in level_1} == {1}
    domain = client.get(
        f"{API}/frameworks/{STOKE}/indicators", {"domain": "family-environment"}
    ).json()
    assert domain and {h["indicator"]["domain"] for h in domain} == {"family-environment"}


def test_bad_query_parameter_is_a_problem_naming_the_field(client: Client) -> None:
    data = assert_problem(client.get(f"{API}/frameworks/{STOKE}/indicators?level=high"), 422)
    assert data["errors"][0]["field"] == "level"
    assert data["errors"][0]["location"] == "query"


def test_get_an_indicator(client: Client) -> None:
    data = client.get(f"{API}/frameworks/{STOKE}/indicators/{RED_FLAG_ROW}").json()
    assert data["id"] == RED_FLAG_ROW and data["red_flag"] is True
    assert len(data["source"]["lines"]) == 2
    assert_problem(client.get(f"{API}/frameworks/{STOKE}/indicators/nope"), 404)


def test_assess(client: Client) -> None:
    body = {
        "indicators": [RED_FLAG_ROW],
        "age": 9,
        "context": {"consent": "refused"},
        "start": "2026-11-23T09:30:00",
    }
    response = post(client, f"{API}/frameworks/{STOKE}/assess", body)
    assert response.status_code == 200
    data = response.json()
    assert data["level"] == 4 and data["level_name"] == "Significant"
    assert data["urgency"] == "immediate"
    assert data["immediate_action"][0] == "If a child is in immediate danger, call 999."
    assert data["red_flags"] == [RED_FLAG_ROW]
    assert data["context"]["consent"] == "refused"
    assert any(d["due"] for d in data["deadlines"])


def test_assess_county_gives_no_level(client: Client) -> None:
    data = post(client, f"{API}/frameworks/{COUNTY}/assess", {}).json()
    assert data["level"] is None
    assert data["reasons"][0]["code"] == "no-indicator-tables"


@pytest.mark.parametrize(
    ("body", "field", "pointer"),
    [
        ({"age": 26}, "age", "#/age"),
        ({"age": "nine"}, "age", "#/age"),
        ({"indicators": "x"}, "indicators", "#/indicators"),
        ({"context": {"consent": "maybe"}}, "context.consent", "#/context/consent"),
        ({"colour": "red"}, "colour", "#/colour"),
    ],
)
def test_assess_validation_problems_list_each_field(
    client: Client, body: dict[str, Any], field: str, pointer: str
) -> None:
    data = assert_problem(post(client, f"{API}/frameworks/{STOKE}/assess", body), 422)
    errors = data["errors"]
    assert any(e["field"] == field and e["pointer"] == pointer for e in errors), errors
    assert all(e["detail"] for e in errors)


def test_assess_unknown_indicator_ids(client: Client) -> None:
    body = {"indicators": [RED_FLAG_ROW, "nope", "also-nope"]}
    data = assert_problem(post(client, f"{API}/frameworks/{STOKE}/assess", body), 422)
    assert [e["field"] for e in data["errors"]] == ["indicators[1]", "indicators[2]"]
    assert [e["pointer"] for e in data["errors"]] == ["#/indicators/1", "#/indicators/2"]


def test_malformed_json_is_a_problem(client: Client) -> None:
    response = client.post(
        f"{API}/frameworks/{STOKE}/assess", "{not json", content_type="application/json"
    )
    assert_problem(response, 400)


def test_wrong_method_is_a_problem(client: Client) -> None:
    response = client.delete(f"{API}/frameworks")
    assert_problem(response, 405)
    assert "GET" in response["Allow"]


def test_unknown_api_path_is_a_problem(client: Client) -> None:
    assert_problem(client.get(f"{API}/nothing-here"), 404)


def test_analyse_level_4(client: Client) -> None:
    response = post(client, f"{API}/frameworks/{STOKE}/analyse", {"text": LEVEL_4_TEXT})
    assert response.status_code == 200
    data = response.json()
    suggestion = data["analysis"]["suggestions"][0]
    assert suggestion["indicator"] == RED_FLAG_ROW and suggestion["proposed"] is True
    span = suggestion["evidence"][0]
    assert LEVEL_4_TEXT[span["start"] : span["end"]] == span["text"]
    assert data["decision"]["level"] == 4
    assert data["decision"]["urgency"] == "immediate"


def test_analyse_level_1(client: Client) -> None:
    data = post(client, f"{API}/frameworks/{STOKE}/analyse", {"text": LEVEL_1_TEXT}).json()
    assert data["decision"]["level"] == 1


def test_analyse_says_which_closing_words_met_a_need(client: Client) -> None:
    data = post(client, f"{API}/frameworks/{STOKE}/analyse", {"text": CLOSED_NOTE}).json()
    closure = data["analysis"]["closure"]
    assert CLOSED_NOTE[closure["start"] : closure["end"]] == "universal HV pathway."
    met = [s for s in data["analysis"]["suggestions"] if s["resolved_by"]]
    assert met and all(s["resolved_by"] == closure and not s["proposed"] for s in met)
    assert data["decision"]["level"] in (None, 1)


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": "x" * 100_001}, {"text": "\x01\x02\x03\x04\x05\x06\x07 x"}],
)
def test_analyse_problems(client: Client, body: dict[str, Any]) -> None:
    data = assert_problem(post(client, f"{API}/frameworks/{STOKE}/analyse", body), 422)
    assert data["errors"][0]["field"] == "text"


def test_openapi_documents_problem_details(client: Client) -> None:
    response = client.get(f"{API}/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assess = schema["paths"]["/api/v1/frameworks/{framework_id}/assess"]["post"]
    assert PROBLEM in assess["responses"]["422"]["content"]
    assert "application/json" in assess["responses"]["200"]["content"]
    assert {"/api/v1/frameworks", "/api/v1/frameworks/{framework_id}/analyse"} <= set(
        schema["paths"]
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age": "9"}, "age"),
        ({"age": 9.5}, "age"),
        ({"age": True}, "age"),
        ({"start": 0}, "start"),
        ({"start": "yesterday"}, "start"),
        ({"context": {"previous_cp_plan": "yes"}}, "context.previous_cp_plan"),
    ],
)
def test_values_of_the_wrong_json_type_are_problems(
    client: Client, body: dict[str, Any], field: str
) -> None:
    data = assert_problem(post(client, f"{API}/frameworks/{STOKE}/assess", body), 422)
    assert field in [e["field"] for e in data["errors"]]


@pytest.mark.parametrize("operation", ["assess", "analyse"])
def test_a_whole_number_written_as_9_0_is_the_integer_9(client: Client, operation: str) -> None:
    """JSON has one number type: 9.0 and 9 are the same number, and the schema's "integer"
    (JSON Schema) accepts both, so the API must too (found by tests/web/test_api_schema.py)."""
    body: dict[str, Any] = {"age": 9.0, "indicators": [RED_FLAG_ROW]}
    if operation == "analyse":
        body["text"] = LEVEL_4_TEXT
    response = post(client, f"{API}/frameworks/{STOKE}/{operation}", body)
    assert response.status_code == 200, response.content
    decision = response.json()["decision"] if operation == "analyse" else response.json()
    assert decision["age"] == 9
