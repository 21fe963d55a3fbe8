"""Seed the three principles of good customisation confirmed from the public source.

Source: /work/shared/maatwerk-principles.md (Instituut voor Publieke Waarden, "algemene
beginselen van behoorlijk maatwerk"). The programme lead adds, edits and retires principles in
Werkpad afterwards; this migration only adds codes that do not exist yet, and removing it again
leaves principles that decisions cite in place.
"""

from django.db import migrations

PRINCIPLES = (
    (
        "P1",
        "Zonder plan geen maatwerk",
        "Maatwerk vraagt om een geschreven plan met redenen. Het huishouden en elke betrokken "
        "professional begrijpen het plan en staan erachter.",
    ),
    (
        "P2",
        "Bureaucratie is geen lastpak maar je beste vriend",
        "Ken de regels goed genoeg om ze te gebruiken. Staat een regel in de weg, kijk dan naar "
        "het doel van de regel en of dat doel een uitzondering rechtvaardigt. Wetten geven ook "
        "bevoegdheden om iets toe te kennen, niet alleen om te weigeren.",
    ),
    (
        "P3",
        "Omarm het ongelijkheidsbeginsel",
        "Behandel ongelijke gevallen ongelijk, naar de mate waarin ze verschillen.",
    ),
)


def seed(apps, schema_editor):
    Principle = apps.get_model("cases", "Principle")
    for code, title, explanation in PRINCIPLES:
        Principle.objects.get_or_create(
            code=code, defaults={"title": title, "explanation": explanation, "active": True}
        )


def unseed(apps, schema_editor):
    Principle = apps.get_model("cases", "Principle")
    Principle.objects.filter(
        code__in=[code for code, _, _ in PRINCIPLES], decisions__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_zeg_ja_team")]

    operations = [migrations.RunPython(seed, unseed)]
