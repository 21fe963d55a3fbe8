"""The `werkpad` console script: Django's manage.py with Werkpad's own commands.

Commands are written with hyphens on the command line (`werkpad import-candidates`) and map to
Django management commands with underscores (`import_candidates`).
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv if argv is None else argv)
    if len(args) > 1 and not args[1].startswith("-"):
        args[1] = args[1].replace("-", "_")
        if args[1] == "demo":
            os.environ.setdefault("WERKPAD_DEMO", "true")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkpad.config.settings.base")
    from django.core.management import execute_from_command_line

    execute_from_command_line(args)


if __name__ == "__main__":
    main()
