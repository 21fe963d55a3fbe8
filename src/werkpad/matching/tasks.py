"""Background tasks of matching: the city-wide plan run.

`plan_run_task(run_id)` needs nothing but the run's id, so a Celery worker can run it as it
is; in the quick start it runs in a thread of the web process.
"""

from __future__ import annotations

import threading
from uuid import UUID

from django.conf import settings
from django.db import connections, transaction


def plan_run_task(run_id: UUID | str) -> None:
    from werkpad.matching.services import plan_run_execute

    try:
        plan_run_execute(run_id=run_id)
    finally:
        connections.close_all()


def plan_run_enqueue(*, run_id: UUID | str) -> None:
    """Start the run once its row is committed: in a thread of this process (quick start), or
    at once in the caller with `WERKPAD_TASKS_EAGER` (tests)."""
    if getattr(settings, "WERKPAD_TASKS_EAGER", False):
        from werkpad.matching.services import plan_run_execute

        transaction.on_commit(lambda: plan_run_execute(run_id=run_id))
        return
    transaction.on_commit(
        lambda: threading.Thread(
            target=plan_run_task, args=(run_id,), name=f"plan-run-{run_id}", daemon=True
        ).start()
    )
