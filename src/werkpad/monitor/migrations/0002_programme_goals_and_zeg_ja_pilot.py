"""The programme's two goals (BHAG Delft) and the Zeg JA Team as its first pilot.

- At most 1,750 people on bijstand by 2023-12-31 (3,500 on 2019-01-01).
- 2,000 more people to work than usual in three years (2019-01-01 to 2021-12-31); the usual
  outflow is 500 a year, of which the share to work is measured from 2016–2018 (left empty).
The programme lead can change both on the goals page.
"""

from datetime import date

from django.db import migrations

GOALS = (
    {
        "title": "Bijstand halveren",
        "metric": "on_bijstand",
        "baseline_value": 3500,
        "baseline_date": date(2019, 1, 1),
        "target_value": 1750,
        "target_date": date(2023, 12, 31),
        "position": 1,
    },
    {
        "title": "2.000 mensen extra aan het werk",
        "metric": "extra_to_work",
        "baseline_value": 0,
        "baseline_date": date(2019, 1, 1),
        "target_value": 2000,
        "target_date": date(2021, 12, 31),
        "usual_outflow_per_year": 500,
        "position": 2,
    },
)

ZEG_JA_PILOT = {
    "name": "Zeg JA Team",
    "aim": (
        "Professionals van de partners, elk met mandaat, lossen samen knelpunten op die één "
        "organisatie alleen niet oplost; vooral voor mensen die vijf jaar of langer in de "
        "bijstand zitten."
    ),
    "starts_on": date(2019, 9, 1),
    "status": "running",
    "every_zeg_ja_case": True,
    "lessons": "De eerste twintig casussen gingen makkelijker dan verwacht.",
}


def create(apps, schema_editor):
    Goal = apps.get_model("monitor", "Goal")
    Pilot = apps.get_model("monitor", "Pilot")
    for fields in GOALS:
        Goal.objects.get_or_create(title=fields["title"], defaults=fields)
    Pilot.objects.get_or_create(name=ZEG_JA_PILOT["name"], defaults=ZEG_JA_PILOT)


def remove(apps, schema_editor):
    apps.get_model("monitor", "Goal").objects.filter(
        title__in=[fields["title"] for fields in GOALS]
    ).delete()
    apps.get_model("monitor", "Pilot").objects.filter(name=ZEG_JA_PILOT["name"]).delete()


class Migration(migrations.Migration):
    dependencies = [("monitor", "0001_goals_and_pilots")]

    operations = [migrations.RunPython(create, remove)]
