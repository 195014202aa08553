"""The API against its own OpenAPI schema (schemathesis, in-process through the WSGI app).

Every operation of /api/v1/openapi.json is called with generated requests, and every response
is checked by schemathesis's checks: no server error, a status code and content type the
schema declares, a body that matches the declared schema (problem details included), and
requests the schema forbids are rejected. Examples are bounded and derandomised (a fixed
seed), so a run is repeatable and takes seconds.

Generated strings are almost never a framework or indicator id, so half the cases are
rewritten to use real ones: the 200 responses are checked against their schemas too.
"""

from __future__ import annotations

import re
from typing import Any

import hypothesis.strategies as st
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis import checks

from righthelp.framework.loader import get_pack, pack_ids
from righthelp.web.api.views import api

MAX_EXAMPLES = 50
# Operations whose schema-valid bodies can still be unprocessable (422, documented): ids
# that are not in the framework, a description with nothing readable in it.
SEMANTIC_422 = {
    "POST /api/v1/frameworks/{framework_id}/assess",
    "POST /api/v1/frameworks/{framework_id}/analyse",
}
IDS = {pack_id: [i.id for i in get_pack(pack_id).indicators] for pack_id in pack_ids()}


# The document /api/v1/openapi.json serves (test_the_served_schema_is_the_one_tested checks
# that). It is built here, not fetched, because the database is not open while pytest collects.
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()  # requests go through the whole Django stack, in-process


@schema.hook
def flatmap_case(context: Any, case: Any) -> Any:
    return st.one_of(st.just(case), _with_real_ids(case))


def _with_real_ids(case: Any) -> Any:
    """The same case with a real framework id, and real indicator ids where it names any."""
    params = dict(case.path_parameters or {})
    body = case.body
    if "framework_id" not in params:
        return st.just(case)

    @st.composite
    def real(draw: Any) -> Any:
        pack_id = draw(st.sampled_from(sorted(IDS)))
        ids = IDS[pack_id]
        changed = case  # given new dicts, made from the generated ones kept above
        changed.path_parameters = {**params, "framework_id": pack_id}
        if "indicator_id" in params and ids:
            changed.path_parameters["indicator_id"] = draw(st.sampled_from(ids))
        if isinstance(body, dict) and isinstance(body.get("indicators"), list) and ids:
            count = min(len(body["indicators"]), 30)
            changed.body = {
                **body,
                "indicators": draw(st.lists(st.sampled_from(ids), max_size=count)),
            }
        return changed

    return real()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_conforms_to_its_openapi_schema(case: Any) -> None:
    if case.operation.label in SEMANTIC_422:
        response = case.call_and_validate(excluded_checks=[checks.positive_data_acceptance])
        only_semantic_rejections(case, response)
    else:
        case.call_and_validate()


def only_semantic_rejections(case: Any, response: Any) -> None:
    """positive_data_acceptance for assess and analyse, with the one difference their schema
    documents: a well-formed body may still name indicator ids the framework does not have,
    or text with nothing readable in it, and that is a 422 whose `errors` say so. Any other
    rejection of schema-valid data fails, as the built-in check would."""
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return
    status = response.status_code
    if 200 <= status < 300 or status == 404:  # 404: a framework id that does not exist
        return
    assert status == 422, f"schema-valid request rejected with {status}: {response.text[:500]}"
    errors = response.json().get("errors") or []
    assert errors, f"422 without errors: {response.text[:500]}"
    for error in errors:
        unknown_id = re.fullmatch(r"indicators\[\d+\]", error["field"]) and error[
            "detail"
        ].startswith("Unknown indicator")
        unreadable = error["field"] == "text"
        assert unknown_id or unreadable, f"schema-valid data rejected: {error}"


def test_the_served_schema_is_the_one_tested(client: Client) -> None:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json() == schema.raw_schema
