"""The engine is pure Python/NumPy/SciPy/OR-Tools: importing it loads no Django."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_engine_loads_no_django() -> None:
    code = (
        "import sys, werkpad.matching.engine, werkpad.matching.geo; "
        "sys.exit(any(name.split('.')[0] in {'django', 'rest_framework'} for name in sys.modules))"
    )

    # A fresh interpreter, because this test session may already have imported Django.
    child = subprocess.run([sys.executable, "-c", code], check=False)  # noqa: S603 (fixed code)
    assert child.returncode == 0
