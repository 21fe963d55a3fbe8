"""Round tables (ondernemerstafels): who was there, notes, and follow-ups with an owner, a due
date and a tick when done."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from tests.offers.factories import EmployerFactory, FollowUpFactory, MeetingFactory
from werkpad.accounts.models import User
from werkpad.offers.models import EmployerMeeting, FollowUp


@pytest.mark.django_db
def test_recording_a_round_table_with_employers_and_a_follow_up(
    client: Client, employer_adviser: User
) -> None:
    bakery, care = EmployerFactory(name="Bakkerij"), EmployerFactory(name="Zorgcentrum")
    client.force_login(employer_adviser)

    created = client.post(
        reverse("offers:meeting-create"),
        {
            "held_on": "2025-03-12",
            "title": "Ondernemerstafel voorjaar",
            "location": "Stadhuis",
            "employers": [bakery.pk, care.pk],
            "notes": "Zorgcentrum wil twee werkervaringsplekken.",
        },
    )
    meeting = EmployerMeeting.objects.get()
    added = client.post(
        reverse("offers:meeting-detail", kwargs={"meeting_id": meeting.pk}),
        {
            "description": "Plekken uitwerken met het zorgcentrum",
            "owner": employer_adviser.pk,
            "due_on": "2025-04-01",
            "employer": care.pk,
        },
    )

    assert created.status_code == 302 and added.status_code == 302
    assert set(meeting.employers.all()) == {bakery, care}
    follow_up = FollowUp.objects.get()
    assert follow_up.owner == employer_adviser and follow_up.employer == care


@pytest.mark.django_db
def test_a_follow_up_is_ticked_off_with_htmx(client: Client, employer_adviser: User) -> None:
    follow_up = FollowUpFactory(owner=employer_adviser)
    client.force_login(employer_adviser)

    response = client.post(
        reverse("offers:follow-up-done", kwargs={"follow_up_id": follow_up.pk}),
        {"done": "1", "version": follow_up.version},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "Gedaan op" in response.content.decode()
    assert "<html" not in response.content.decode()
    follow_up.refresh_from_db()
    assert follow_up.done_on is not None


@pytest.mark.django_db
def test_round_table_pages_count_their_queries(
    client: Client, employer_adviser: User, django_assert_max_num_queries: object
) -> None:
    meetings = MeetingFactory.create_batch(3)
    meetings[0].employers.set(EmployerFactory.create_batch(4))
    FollowUpFactory.create_batch(4, meeting=meetings[0], owner=employer_adviser)
    client.force_login(employer_adviser)

    with django_assert_max_num_queries(10):  # type: ignore[operator]
        listing = client.get(reverse("offers:meeting-list"))
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        detail = client.get(reverse("offers:meeting-detail", kwargs={"meeting_id": meetings[0].pk}))
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        deals = client.get(reverse("offers:deal-list"))

    assert listing.status_code == detail.status_code == deals.status_code == 200
    assert "Bel over een werkervaringsplek" in detail.content.decode()
