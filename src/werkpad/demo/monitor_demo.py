"""The monitor's part of the demo: the Zeg JA Team pilot with its partners and first lessons.

The pilot itself and the programme's two goals come with the monitor's data migration; here the
pilot gets the partners that sit at the demo's Zeg JA Team meetings. Its cases count by
themselves (every case of the team), and so do placements on offers named after it.
"""

from __future__ import annotations

from django.db import transaction

from werkpad.cases.models import Attendance
from werkpad.monitor.models import Pilot
from werkpad.organisations.models import Organisation

ZEG_JA_PILOT = "Zeg JA Team"
LESSONS = (
    "De eerste twintig casussen gingen makkelijker dan verwacht. Wat hielp: aan tafel zit "
    "iemand met mandaat, zodat een besluit meteen kan worden uitgevoerd. Wat terugkomt: "
    "schulden, gezondheid en zorgtaken."
)


@transaction.atomic
def demo_monitor_load() -> int:
    """Give the Zeg JA Team pilot the partners at its meetings; the number of partners linked.

    Does nothing when the pilot already has partners, so running the demo again changes nothing.
    """
    pilot = Pilot.objects.filter(name=ZEG_JA_PILOT).first()
    if pilot is None or pilot.partners.exists():
        return 0
    partners = Organisation.objects.filter(
        pk__in=Attendance.objects.values("organisation_id")
    ).order_by("name")
    pilot.partners.set(partners)
    if not pilot.lessons or pilot.lessons.startswith("De eerste twintig casussen"):
        Pilot.objects.filter(pk=pilot.pk).update(lessons=LESSONS)
    return partners.count()
