"""Queuing a task when the broker may be down, and hearing when a worker reaches it again.

The database row is the ledger (a pending batch item, an unsent certificate email); the
message on Redis only says "look at it now". So a message that cannot be queued is not
an error for the person who pressed the button: the row stays pending and is queued
again when a worker reconnects (``broker_reconnected``) or by beat's sweeps.
docs/operations.md, "Redis stops".
"""

import logging
from typing import Any

from celery import bootsteps
from celery.utils.dispatch import Signal
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

# Sent in a worker's main process each time its consumer is connected to the broker
# again after losing it (not on the first connection: that is Celery's worker_ready).
# Its tasks may still be running: a receiver only queues pending rows, whose claims keep
# each to one run, and never releases claims. A Redis without persistence comes back
# empty, so whatever was queued or reserved before is gone and only the rows remain.
broker_reconnected = Signal(name="broker_reconnected", providing_args={"hostname"})


def enqueue(task: Any, *args: Any, countdown: float | None = None) -> bool:
    """Queue `task(*args)`; False, logged, when the broker cannot be reached.

    Without a result subscription: a Redis result backend would otherwise subscribe to
    the task's result channel at once and, with Redis down, retry that for many seconds.
    Nobody waits for these results. With Redis down kombu gives up within a second.
    """
    try:
        task.apply_async(args, ignore_result=True, countdown=countdown)
    except OperationalError as exc:
        logger.warning("Not queued, the broker is unreachable: %s%r (%s)", task.name, args, exc)
        return False
    return True


class ReconnectSignal(bootsteps.StartStopStep):
    """A consumer step: Celery starts the consumer's steps again after each reconnection."""

    requires = ("celery.worker.consumer.tasks:Tasks",)

    def __init__(self, parent: Any, **kwargs: Any) -> None:
        super().__init__(parent, **kwargs)
        self.connections = 0

    def start(self, parent: Any) -> None:
        self.connections += 1
        if self.connections > 1:
            logger.info("Connected to the broker again on %s", parent.hostname)
            # Celery's Signal logs a receiver's error and goes on with the others.
            broker_reconnected.send(sender=parent, hostname=parent.hostname)
