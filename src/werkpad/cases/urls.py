from django.urls import URLPattern, URLResolver, path

from werkpad.cases import views

app_name = "cases"

MEETING = "bijeenkomsten/<uuid:meeting_id>/"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.case_list_view, name="list"),
    path("casussen/nieuw/", views.case_submit_view, name="submit"),
    path("casussen/<uuid:case_id>/", views.case_detail_view, name="detail"),
    path("casussen/<uuid:case_id>/status/", views.case_transition_view, name="transition"),
    path("casussen/<uuid:case_id>/agenda/", views.case_agenda_view, name="case-agenda"),
    path("casussen/<uuid:case_id>/besluit/", views.decision_view, name="decision"),
    path("acties/", views.my_actions_view, name="my-actions"),
    path("acties/<uuid:action_id>/status/", views.action_status_view, name="action-status"),
    path("bijeenkomsten/", views.meeting_list_view, name="meetings"),
    path("bijeenkomsten/plannen/", views.meeting_plan_view, name="meeting-plan"),
    path(MEETING, views.meeting_detail_view, name="meeting"),
    path(f"{MEETING}bewerken/", views.meeting_edit_view, name="meeting-edit"),
    path(f"{MEETING}deelnemers/", views.attendance_add_view, name="attendance-add"),
    path(
        f"{MEETING}deelnemers/<uuid:attendance_id>/verwijderen/",
        views.attendance_remove_view,
        name="attendance-remove",
    ),
    path(f"{MEETING}agenda/", views.meeting_agenda_add_view, name="agenda-add"),
    path(f"{MEETING}agenda/<uuid:item_id>/", views.agenda_item_view, name="agenda-item"),
    path(
        f"{MEETING}agenda/<uuid:item_id>/verwijderen/",
        views.agenda_item_remove_view,
        name="agenda-remove",
    ),
    path(f"{MEETING}voorzitter/", views.chair_view, name="chair"),
    path(f"{MEETING}verslag/", views.minutes_view, name="minutes"),
    path(f"{MEETING}verslag.pdf", views.minutes_pdf_view, name="minutes-pdf"),
    path(
        f"{MEETING}verslag/pseudoniem/",
        views.minutes_pseudonymised_view,
        name="minutes-pseudonymised",
    ),
    path(
        f"{MEETING}verslag/pseudoniem.pdf",
        views.minutes_pseudonymised_pdf_view,
        name="minutes-pseudonymised-pdf",
    ),
    path("beginselen/", views.principle_list_view, name="principles"),
    path("beginselen/nieuw/", views.principle_create_view, name="principle-create"),
    path("beginselen/<str:code>/bewerken/", views.principle_edit_view, name="principle-edit"),
    path("beginselen/<str:code>/in-gebruik/", views.principle_active_view, name="principle-active"),
    path("leren/", views.learning_view, name="learning"),
]
