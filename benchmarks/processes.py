"""What the benchmarks share: stopping a server or worker they started, with its children."""

import os
import signal
import subprocess


def stop(process: subprocess.Popen) -> None:
    """SIGTERM to the process group (started with start_new_session), SIGKILL after 30 s."""
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
