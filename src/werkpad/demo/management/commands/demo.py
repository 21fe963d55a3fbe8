from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpad.demo.cases_demo import demo_cases_load
from werkpad.demo.monitor_demo import demo_monitor_load
from werkpad.demo.offers_demo import demo_offers_load
from werkpad.demo.panel_demo import demo_panel_load
from werkpad.demo.services import (
    demo_is_loaded,
    demo_partners_load,
    demo_population_is_loaded,
    demo_population_load,
    demo_users_load,
)


class Command(BaseCommand):
    help = "Migrate, load the Delft demo data if the database is empty, and serve on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="prepare only, do not serve")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError("The demo runs only in demo mode (WERKPAD_DEMO=true).")
        call_command("migrate", interactive=False, verbosity=0)
        if demo_is_loaded():
            self.stdout.write("Demo data is already loaded.")
        else:
            organisations = demo_partners_load()
            users = demo_users_load(organisations=organisations)
            self.stdout.write(f"Loaded {len(organisations)} organisations and {users} demo users.")
        if not demo_population_is_loaded():
            self.stdout.write("Loading the synthetic Delft population; this takes a minute…")
            counts = demo_population_load()
            self.stdout.write(f"Loaded {counts.candidates} invented candidates.")
        if cases := demo_cases_load():
            self.stdout.write(f"Loaded the Zeg JA Team's first {cases} cases.")
        if offers := demo_offers_load():
            self.stdout.write(f"Loaded {offers} offers of employers and partners.")
        if accounts := demo_panel_load():
            self.stdout.write(f"Loaded {accounts} candidate accounts and the candidate panel.")
        if partners := demo_monitor_load():
            self.stdout.write(f"Linked the Zeg JA Team pilot to its {partners} partners.")
        if not options["no_serve"]:
            port = options["port"]
            self.stdout.write(f"Werkpad serves on http://127.0.0.1:{port}/")
            call_command("runserver", f"127.0.0.1:{port}", use_reloader=False)
