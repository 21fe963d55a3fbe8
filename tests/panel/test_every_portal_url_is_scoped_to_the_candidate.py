"""Acceptance: a candidate who changes an id in the URL to another candidate's gets 404, for
every portal page and download. The URLs are read from the panel's urlpatterns, so a new page
is covered the moment it is added; a new kind of id in a URL fails this test until it is given
another candidate's value below."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, reverse

from tests.candidates.factories import CandidateFactory
from tests.panel.conftest import Portal
from werkpad.candidates.selectors import candidate_get_unlogged
from werkpad.panel import urls as panel_urls
from werkpad.panel.services import invitation_send

pytestmark = pytest.mark.django_db


def patterns() -> list[URLPattern]:
    found = [p for p in panel_urls.urlpatterns if isinstance(p, URLPattern)]
    assert len(found) == len(panel_urls.urlpatterns), "an include() is not covered by this test"
    return found


def params(pattern: URLPattern) -> list[str]:
    return list(pattern.pattern.converters)  # type: ignore[attr-defined]


def open_invitation_token(portal: Portal) -> str:
    """The token of someone else's open invitation (a candidate without an account yet)."""
    invited = CandidateFactory(lead_organisation=portal.lead)
    sent = invitation_send(
        acting_user=portal.lead_professional,
        view=candidate_get_unlogged(user=portal.lead_professional, candidate_id=invited.pk),
        email="nieuw@example.nl",
        base_url="http://testserver",
    )
    return sent.link.rstrip("/").rsplit("/", 1)[-1]


def others_ids(portal: Portal) -> dict[str, Any]:
    """For every kind of id a panel URL takes: a value that belongs to the other candidate (or
    to the professionals' side, which a candidate may not see at all)."""
    other = portal.other
    return {
        "match_id": other.match.pk,
        "consent_id": other.consent.pk,
        "request_id": other.correction.pk,
        "candidate_id": other.candidate.pk,
        "idea_id": other.idea.pk,
        "session_id": portal.session.pk,
        "token": open_invitation_token(portal),
    }


def test_every_url_with_an_id_answers_404_with_another_candidates_id(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    ids = others_ids(portal)
    checked = 0
    for pattern in patterns():
        names = params(pattern)
        if not names:
            continue
        unknown = set(names) - set(ids)
        assert not unknown, f"{pattern.name}: give {unknown} another candidate's value in this test"
        url = reverse(f"panel:{pattern.name}", kwargs={name: ids[name] for name in names})
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 404, f"{method.__name__} {url}: {response.status_code}"
        checked += 1
    assert checked >= 8


def test_pages_without_an_id_show_only_the_candidates_own_file(portal: Portal) -> None:
    client = portal.client_for(portal.own.account.user)
    seen_own = 0
    for pattern in patterns():
        if params(pattern):
            continue
        response = client.get(reverse(f"panel:{pattern.name}"))
        assert response.status_code in {200, 302, 404, 405}, (
            f"{pattern.name}: {response.status_code}"
        )
        body = response.content.decode()
        assert portal.other.marker not in body, f"{pattern.name} shows the other candidate's file"
        seen_own += portal.own.marker in body
    assert seen_own >= 4  # plan, proposals, corrections, the export and its download


def test_a_professional_gets_404_on_every_portal_page(portal: Portal) -> None:
    portal_pages = [p for p in patterns() if getattr(p.callback, "is_portal_page", False)]
    assert len(portal_pages) >= 15
    for user in (portal.lead_professional, portal.programme_lead):
        client = portal.client_for(user)
        for pattern in portal_pages:
            url = reverse(
                f"panel:{pattern.name}", kwargs={n: portal.own.match.pk for n in params(pattern)}
            )
            assert client.get(url).status_code == 404, f"{user.email} on {url}"


def test_anonymous_visitors_are_sent_to_the_portal_login(portal: Portal, client: Any) -> None:
    for pattern in patterns():
        if getattr(pattern.callback, "is_portal_page", False) and not params(pattern):
            response = client.get(reverse(f"panel:{pattern.name}"))
            assert response.status_code == 302
            assert response["Location"].startswith(reverse("panel:login"))
