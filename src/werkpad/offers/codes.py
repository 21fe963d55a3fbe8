"""Codes of offers and employers. Offer kinds are DESIGN.md §4's (see candidates.codes)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    """Sectors of work; the position is the sector id the matching engine uses (max 63)."""

    CARE = "care", _("Care and welfare")
    CATERING = "catering", _("Hospitality and catering")
    RETAIL = "retail", _("Retail")
    LOGISTICS = "logistics", _("Logistics and transport")
    CLEANING = "cleaning", _("Cleaning and facility services")
    TECHNICAL = "technical", _("Technology and installation")
    CONSTRUCTION = "construction", _("Construction")
    GREEN = "green", _("Green spaces and gardening")
    ADMINISTRATION = "administration", _("Office and administration")
    ICT = "ict", _("ICT")
    EDUCATION = "education", _("Education and childcare")
    INDUSTRY = "industry", _("Industry and production")
    CULTURE = "culture", _("Culture and recreation")
    PUBLIC = "public", _("Government and public services")
    OTHER = "other", _("Other")


SECTOR_IDS: dict[str, int] = {code: index for index, code in enumerate(Sector.values)}


class Skill(models.TextChoices):
    """The skill vocabulary candidates and offers share (codes as in the candidate dossier)."""

    CLEANING = "cleaning", _("Cleaning")
    CATERING = "catering", _("Catering")
    COOKING = "cooking", _("Cooking")
    RETAIL = "retail", _("Shop work")
    CUSTOMER_SERVICE = "customer_service", _("Customer service")
    LOGISTICS = "logistics", _("Logistics")
    FORKLIFT = "forklift", _("Forklift")
    DRIVING_LICENCE_B = "driving_licence_b", _("Driving licence B")
    CARE = "care", _("Care")
    CHILDCARE = "childcare", _("Childcare")
    ADMINISTRATION = "administration", _("Administration")
    ICT = "ict", _("ICT")
    TECHNICAL = "technical", _("Technical work")
    BICYCLE_REPAIR = "bicycle_repair", _("Bicycle repair")
    GREEN_MAINTENANCE = "green_maintenance", _("Green maintenance")
    HORTICULTURE = "horticulture", _("Horticulture")
    CONSTRUCTION = "construction", _("Construction work")
    PAINTING = "painting", _("Painting")
    SECURITY = "security", _("Security")
    HOSPITALITY = "hospitality", _("Hospitality")
    LANGUAGE_TEACHING = "language_teaching", _("Language teaching")
    TRANSLATION = "translation", _("Translation")
    SEWING = "sewing", _("Sewing")
    HAIRDRESSING = "hairdressing", _("Hairdressing")
    PRODUCTION = "production", _("Production work")


def skill_labels(codes: list[str]) -> list[str]:
    """The skills in words; a code outside the vocabulary is shown as it is."""
    labels = dict(Skill.choices)
    return [str(labels.get(code, code)) for code in codes]


class EmployerSize(models.TextChoices):
    MICRO = "micro", _("1–9 employees")
    SMALL = "small", _("10–49 employees")
    MEDIUM = "medium", _("50–249 employees")
    LARGE = "large", _("250 or more employees")


class Schedule(models.TextChoices):
    SCHOOL_HOURS = "school_hours", _("Within school hours")
    DAYTIME = "daytime", _("Daytime")
    EVENINGS = "evenings", _("Evenings")
    SHIFTS = "shifts", _("Shifts")
    FLEXIBLE = "flexible", _("Flexible")


class PhysicalDemand(models.TextChoices):
    LOW = "low", _("Light work")
    MEDIUM = "medium", _("Some physical work")
    HIGH = "high", _("Heavy physical work")


class OfferStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class LeadStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    CONVERTED = "converted", _("Became an employer")
    DROPPED = "dropped", _("No follow-up")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    CANDIDATE_AGREED = "candidate_agreed", _("Candidate agreed")
    CANDIDATE_DECLINED = "candidate_declined", _("Candidate declined")
    PROVIDER_ACCEPTED = "provider_accepted", _("Provider accepted")
    PROVIDER_DECLINED = "provider_declined", _("Provider declined")
    PLACED = "placed", _("Placed")
    ENDED = "ended", _("Placement ended")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PlacementOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed as planned")
    PAID_WORK = "paid_work", _("Moved on to paid work")
    NEXT_STEP = "next_step", _("Moved on to a next step")
    STOPPED_HEALTH = "stopped_health", _("Stopped: health")
    STOPPED_OTHER = "stopped_other", _("Stopped: other reason")
