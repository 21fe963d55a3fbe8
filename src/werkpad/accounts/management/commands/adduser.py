from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from werkpad.accounts.services import api_token_renew, user_add_with_role
from werkpad.organisations.roles import Role


class Command(BaseCommand):
    help = "Create a user (or add a role to one) in an organisation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("email")
        parser.add_argument("--org", required=True, help="organisation slug, e.g. werkse")
        parser.add_argument("--role", required=True, help=f"one of: {', '.join(Role.values)}")
        parser.add_argument("--password", help="without it the user sets one via password reset")
        parser.add_argument(
            "--print-token",
            action="store_true",
            help="print a fresh API token as the last line of output",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            user = user_add_with_role(
                email=options["email"],
                organisation_slug=options["org"],
                role=options["role"],
                password=options["password"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"{user.email}: {options['role']} @ {options['org']}")
        if options["print_token"]:
            self.stdout.write(api_token_renew(user=user))
