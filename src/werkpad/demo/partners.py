"""The partners of BHAG Delft (DESIGN.md §1 and §4), as the demo loads them."""

from __future__ import annotations

from werkpad.organisations.roles import OrganisationKind

# slug, name, kind, legal basis for own clients
PARTNERS: tuple[tuple[str, str, OrganisationKind, bool], ...] = (
    ("team-inkomen", "Team Inkomen (gemeente Delft)", OrganisationKind.MUNICIPALITY, True),
    ("sociaal-team", "Sociaal Team (gemeente Delft)", OrganisationKind.MUNICIPALITY, True),
    ("wsp-delft", "Werkgeversservicepunt Delft", OrganisationKind.EMPLOYER_SERVICE, False),
    ("werkse", "Werkse!", OrganisationKind.WORK_TRAINING, False),
    ("ggz-delfland", "GGZ Delfland", OrganisationKind.CARE, False),
    ("ggz-doel-preventie", "GGZ DOEL Preventie", OrganisationKind.CARE, False),
    ("stichting-perspektief", "Stichting Perspektief", OrganisationKind.WORK_TRAINING, False),
    ("015now", "015Now", OrganisationKind.WELFARE, False),
    ("ipse-de-bruggen", "Ipse de Bruggen (maatwerk)", OrganisationKind.CARE, False),
    ("delft-voor-elkaar", "Delft voor Elkaar", OrganisationKind.VOLUNTEERING, False),
    ("stichting-stunt", "Stichting Stunt", OrganisationKind.DEBT_HELP, False),
    ("delft-support", "Delft Support", OrganisationKind.DEBT_HELP, False),
    ("philadelphia", "Philadelphia", OrganisationKind.CARE, False),
    ("leerwerkmakelaar", "Leerwerkmakelaar", OrganisationKind.WORK_TRAINING, False),
    ("fonteynenburg", "Fonteynenburg", OrganisationKind.CARE, False),
    ("impegno", "Impegno", OrganisationKind.WORK_TRAINING, False),
    ("de-firma-van-buiten", "De Firma van Buiten", OrganisationKind.WORK_TRAINING, False),
    ("lekker-bezig", "Lekker Bezig", OrganisationKind.VOLUNTEERING, False),
)

DEMO_PASSWORD = "werkpad-demo"  # noqa: S105 - demo mode only, printed in the README


def demo_email(*, role: str, organisation_slug: str) -> str:
    """`professional.werkse@demo.werkpad.nl`: one user per role per organisation."""
    return f"{role.replace('_', '-')}.{organisation_slug}@demo.werkpad.nl"
