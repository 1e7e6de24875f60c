"""Shared timing helper for the benchmark scripts."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable


def bench_env(**extra: str) -> dict[str, str]:
    """The environment for timed processes: offscreen Qt unless a platform is set, and Python's bytecode
    cache on. Some build machines set PYTHONDONTWRITEBYTECODE, which makes every start compile every
    module it imports; a clinic's machine writes the cache once and the frozen build ships bytecode.
    Run each command once before timing it, so the cache is written."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return {**env, **extra}


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """Median wall-clock milliseconds of ``repeats`` calls."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def process_seconds(command: list[str], env: dict | None = None) -> float:
    """Wall-clock seconds of a whole process, which must succeed."""
    import subprocess

    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, env=env)
    return time.perf_counter() - start


def seconds_until_reported(command: list[str], env: dict | None = None) -> float:
    """Seconds from launching ``command`` to the moment it reports with a ``smoke-start <moment> <epoch
    seconds>`` line (the window painted, or its data shown); the process must succeed. Its exit is not
    counted: start-up ends when the window is on screen, not when the process has torn down."""
    import subprocess

    launched = time.time()
    result = subprocess.run(command, check=True, capture_output=True, text=True, env=env)
    reports = [line.split() for line in result.stdout.splitlines() if line.startswith("smoke-start ")]
    if not reports:
        raise RuntimeError(f"{command[0]} printed no smoke-start line")
    return float(reports[-1][2]) - launched
