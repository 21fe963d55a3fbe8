"""The demo links the Zeg JA Team pilot to the partners at the team's meetings, once."""

from __future__ import annotations

from tests.cases.factories import AttendanceFactory
from tests.factories import OrganisationFactory
from werkpad.demo.monitor_demo import demo_monitor_load
from werkpad.monitor.models import Pilot


def test_zeg_ja_pilot_gets_the_partners_at_the_table(db: None) -> None:
    werkse = OrganisationFactory(slug="werkse", name="Werkse!")
    ggz = OrganisationFactory(slug="ggz-delfland", name="GGZ Delfland")
    AttendanceFactory(organisation=werkse)
    AttendanceFactory(organisation=ggz)
    assert demo_monitor_load() == 2
    pilot = Pilot.objects.get(name="Zeg JA Team")  # from the data migration
    assert list(pilot.partners.order_by("name")) == [ggz, werkse]
    assert pilot.every_zeg_ja_case
    assert demo_monitor_load() == 0
