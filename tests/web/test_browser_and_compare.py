"""The framework browser and Compare partnerships."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from righthelp.framework.loader import get_pack, pack_ids
from righthelp.web.compare.views import MESSAGES, basis_label
from tests.web.conftest import LEVEL_4_TEXT, STOKE, about, concern, error_summary, html_of, text_of

RED_FLAG_ROW = "l4-dev-unexplained-bruises-burns-bite-marks"


def test_framework_list_names_every_pack(client: Client) -> None:
    html = html_of(client.get("/frameworks/"))
    for pack_id in pack_ids():
        assert f'href="/frameworks/{pack_id}/"' in html


@pytest.mark.parametrize("pack_id", pack_ids())
def test_framework_page_shows_levels_responses_contacts_rules_guidance(
    client: Client, pack_id: str
) -> None:
    pack = get_pack(pack_id)
    response = client.get(f"/frameworks/{pack_id}/")
    assert response.status_code == 200
    page = text_of(response)
    for level in pack.levels:
        assert level.response.lead in page
    for contact in pack.contacts:
        assert contact.name in page
    for rule in pack.rules:
        assert rule.text in page
    for guidance in pack.guidance:
        assert guidance.title in page


def test_unknown_framework_is_404(client: Client) -> None:
    assert client.get("/frameworks/nowhere-2020/").status_code == 404
    assert client.get(f"/frameworks/{STOKE}/indicators/no-such-row").status_code == 404
    assert client.get(f"/frameworks/{STOKE}/domains/no-such-domain/").status_code == 404


def test_indicator_page_is_linkable_by_id_and_shows_its_source_lines(client: Client) -> None:
    pack = get_pack(STOKE)
    row = next(i for i in pack.indicators if i.id == RED_FLAG_ROW)
    response = client.get(f"/frameworks/{STOKE}/indicators/{RED_FLAG_ROW}")
    assert response.status_code == 200
    html = html_of(response)
    assert "Red flag: significant harm" in html
    first = row.source.lines[0]
    assert f'<span class="app-source-line__number">{first}</span>' in html
    assert "app-source-line--cited" in html
    assert f'href="/frameworks/{STOKE}/source/#L{first}"' in html


def test_indicator_search(client: Client) -> None:
    response = client.get(f"/frameworks/{STOKE}/indicators/?q=bruises")
    html = html_of(response)
    assert f'href="/frameworks/{STOKE}/indicators/{RED_FLAG_ROW}"' in html
    assert "matching ‘bruises’" in html
    response = client.get(f"/frameworks/{STOKE}/indicators/?level=1")
    rows = re.findall(r'href="/frameworks/[^/]+/indicators/(l\d)-', html_of(response))
    assert rows and set(rows) == {"l1"}


def test_domain_side_by_side_by_level(client: Client) -> None:
    response = client.get(f"/frameworks/{STOKE}/domains/development-needs/")
    html = html_of(response)
    headers = re.findall(r'<th scope="col" class="govuk-table__header">(Level \d)', html)
    assert headers == ["Level 1", "Level 2", "Level 3", "Level 4"]
    assert RED_FLAG_ROW in html


def test_source_text_has_line_anchors(client: Client) -> None:
    html = html_of(client.get(f"/frameworks/{STOKE}/source/"))
    assert 'id="L1"' in html and 'id="L100"' in html


# -- compare ------------------------------------------------------------------------------


def test_compare_start_needs_a_partnership(client: Client) -> None:
    response = client.get("/compare/?pack=")
    assert ("#pack", MESSAGES["pack"]) in error_summary(response)
    response = client.get("/compare/?pack=county-levels-of-need-2021")
    assert ("#pack", MESSAGES["pack"]) in error_summary(response)
    assert client.get(f"/compare/?pack={STOKE}")["Location"] == f"/compare/{STOKE}/"


def test_compare_needs_an_indicator(client: Client) -> None:
    response = client.get(f"/compare/{STOKE}/result/")
    assert ("#indicators", MESSAGES["nothing"]) in error_summary(response)
    response = client.get(f"/compare/{STOKE}/result/?i=made-up")
    assert ("#i", MESSAGES["indicators"]) in error_summary(response)
    response = client.get(f"/compare/{STOKE}/result/?i={RED_FLAG_ROW}&age=99")
    assert ("#age", "The child's age must be 25 or under") in error_summary(response)


def test_compare_search_keeps_ticks_without_javascript(client: Client) -> None:
    row = "l2-dev-recurring-concerns-diet-hygiene-clothing"
    response = client.get(f"/compare/{STOKE}/?i={row}&q=bruises&action=search")
    html = html_of(response)
    assert f'<input type="hidden" name="i" value="{row}">' in html
    assert f'id="ind-{RED_FLAG_ROW}"' in html


def test_compare_side_by_side(client: Client) -> None:
    row = "l2-dev-recurring-concerns-diet-hygiene-clothing"
    response = client.get(f"/compare/{STOKE}/result/?i={RED_FLAG_ROW}&i={row}&age=9")
    assert response.status_code == 200
    html = html_of(response)
    for pack_id in ("stoke-on-trent-2018", "knowsley-2016", "luton-2017", "milton-keynes-2022"):
        assert f'data-pack="{pack_id}"' in html
    assert "county-levels-of-need-2021" not in html
    levels = re.findall(r'data-pack="([^"]+)" data-level="(\w+)"', html)
    assert dict(levels)[STOKE] == "4"
    assert all(level == "4" for _, level in levels)  # a red flag maps to a red flag
    assert "Same Children in Need factor (18C" in html


def test_compare_the_current_concern(client: Client) -> None:
    assert client.get("/compare/current/")["Location"] == "/compare/"
    about(client)
    concern(client, LEVEL_4_TEXT)
    client.post("/check/answers/", {"confirmed": [RED_FLAG_ROW]})
    assert "Compare your current concern" in text_of(client.get("/compare/"))
    response = client.get("/compare/current/")
    assert response.status_code == 200
    assert "The same observations under each partnership" in text_of(response)


@pytest.mark.parametrize(
    ("basis", "words"),
    [
        ("cin:3A", "Same Children in Need factor (3A"),
        ("tag:fgm", "Same topic (Female genital mutilation"),
        ("significant-harm", "Both significant harm"),
        ("wording", "Similar wording"),
        ("none", "No corresponding row"),
    ],
)
def test_basis_in_words(basis: str, words: str) -> None:
    assert basis_label(basis).startswith(words)


def test_knowsley_shows_its_disability_matrix(client: Client) -> None:
    page = text_of(client.get("/frameworks/knowsley-2016/"))
    assert "Appendix 3 Disability Needs Matrix" in page
    assert "Be Healthy" in page
