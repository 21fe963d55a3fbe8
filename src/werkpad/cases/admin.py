"""Management pages for the Zeg JA Team's reference data.

Cases, decisions and actions are deliberately not here: they hold candidates' personal data,
which is read only through the access policy and the processing log (the Zeg JA Team pages).
"""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from werkpad.cases.models import Attendance, Meeting, Principle


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "active"]
    list_filter = ["active"]
    search_fields = ["code", "title"]

    def has_delete_permission(self, request: HttpRequest, obj: Principle | None = None) -> bool:
        return False  # retire a principle instead: decisions keep citing it


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["held_on", "starts_at", "location", "chair"]
    date_hierarchy = "held_on"
    inlines = [AttendanceInline]
    autocomplete_fields = ["chair"]
