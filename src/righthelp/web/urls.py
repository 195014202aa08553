"""URLs: the journey, the framework browser, compare, site pages, the API, /healthz."""

from __future__ import annotations

from django.urls import include, path

from righthelp.web import views
from righthelp.web.api.views import api
from righthelp.web.browser import views as browser
from righthelp.web.compare import views as compare
from righthelp.web.journey import views as journey

journey_urls = (
    [
        path("", journey.start, name="start"),
        path("check/about/", journey.about, name="about"),
        path("check/concern/", journey.concern, name="concern"),
        path("check/answers/", journey.answers, name="answers"),
        path("check/result/", journey.result, name="result"),
        path("check/result.pdf", journey.result_pdf, name="pdf"),
        path("check/start-again/", journey.restart, name="restart"),
    ],
    "journey",
)

browser_urls = (
    [
        path("", browser.index, name="index"),
        path("<slug:pack_id>/", browser.pack_detail, name="pack"),
        path("<slug:pack_id>/indicators/", browser.indicators, name="indicators"),
        path("<slug:pack_id>/indicators/<slug:indicator_id>", browser.indicator, name="indicator"),
        path("<slug:pack_id>/indicators/<slug:indicator_id>/", browser.indicator),
        path("<slug:pack_id>/domains/<slug:domain_id>/", browser.domain, name="domain"),
        path("<slug:pack_id>/source/", browser.source, name="source"),
    ],
    "browser",
)

compare_urls = (
    [
        path("", compare.start, name="start"),
        path("current/", compare.current, name="current"),
        path("<slug:pack_id>/", compare.choose, name="choose"),
        path("<slug:pack_id>/result/", compare.result, name="result"),
    ],
    "compare",
)

site_urls = (
    [
        path("cookies/", views.cookies_page, name="cookies"),
        path("cookies/banner/", views.cookie_banner, name="cookie_banner"),
        path("privacy/", views.privacy, name="privacy"),
        path("accessibility/", views.accessibility, name="accessibility"),
    ],
    "site",
)

urlpatterns = [
    path("", include(journey_urls)),
    path("frameworks/", include(browser_urls)),
    path("compare/", include(compare_urls)),
    path("", include(site_urls)),
    path("api/v1/", api.urls),
    path("healthz", views.healthz, name="healthz"),
]

handler404 = "righthelp.web.views.not_found"
handler500 = "righthelp.web.views.server_error"
