"""Benchmark: start-up. ``main.py --smoke-start`` against a bare PySide6 window script doing the same
(window shown and painted once), run alternately on this machine. A third script, the floor, paints the
first frame's widgets with fixed text and none of Treadwell's code (``first_frame_widgets.py``): the part of
the ratio that is the widgets themselves. Each is timed from its launch to
the moment it reports (process exit is not start-up). Three moments of the app's start:

- painted: the first frame;
- data: the first frame that shows the etiologies and their study counts read from the records
  database (issue 19's goal: at most 1.2x the bare window; issue 7 asked 1.5x);
- ready: every step of the window built and the records opened, checked and backed up.

Both scripts run with Python's bytecode cache, as on a clinic's machine and in the frozen build
(``timing.bench_env``); one warm-up run of each writes it.

    uv run python -m tests.bench.bench_startup [--repeats 15]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

from tests.bench.timing import bench_env, process_seconds, seconds_until_reported

ROOT = Path(__file__).resolve().parents[2]
GOAL = 1.2  # issue 19 (issue 7 asked 1.5)
MOMENTS = ("painted", "data", "ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    env = bench_env()
    with tempfile.TemporaryDirectory() as folder:
        app = [sys.executable, str(ROOT / "main.py"), "--data-dir", str(Path(folder) / "data"), "--smoke-start"]
        bare = [sys.executable, str(ROOT / "packaging" / "baseline" / "hello_window.py"), "--smoke-start"]
        floor = [sys.executable, str(Path(__file__).with_name("first_frame_widgets.py"))]
        # Warm-up: the first start creates the database and installs the library; both write bytecode.
        process_seconds(app, {**env, "TREADWELL_SMOKE_UNTIL": "ready"})
        process_seconds(bare, env)
        process_seconds(floor, env)
        times: dict[str, list[float]] = {moment: [] for moment in ("bare", "floor", *MOMENTS)}
        for _ in range(args.repeats):
            times["bare"].append(seconds_until_reported(bare, env))
            times["floor"].append(seconds_until_reported(floor, env))
            for moment in MOMENTS:
                times[moment].append(seconds_until_reported(app, {**env, "TREADWELL_SMOKE_UNTIL": moment}))
    ms = {moment: statistics.median(values) * 1000 for moment, values in times.items()}
    ratios = {moment: ms[moment] / ms["bare"] for moment in ("floor", *MOMENTS)}
    print(f"start-up, median of {args.repeats} alternating runs ({env['QT_QPA_PLATFORM']} platform)")
    print(f"  bare PySide6 window, painted:                  {ms['bare']:6.0f} ms")
    print(f"  floor: the first frame's widgets, no app code: {ms['floor']:6.0f} ms  {ratios['floor']:.2f}x")
    print(f"  Treadwell, first frame painted:                {ms['painted']:6.0f} ms  {ratios['painted']:.2f}x")
    print(f"  Treadwell, first frame with the etiologies:    {ms['data']:6.0f} ms  {ratios['data']:.2f}x "
          f"(goal <= {GOAL}x: {'ok' if ratios['data'] <= GOAL else 'MISSED'})")
    print(f"  Treadwell, every step built, records open:     {ms['ready']:6.0f} ms  {ratios['ready']:.2f}x")
    print(json.dumps({"repeats": args.repeats, "bare_ms": round(ms["bare"]),
                      **{f"{moment}_ms": round(ms[moment]) for moment in ("floor", *MOMENTS)},
                      **{f"{moment}_ratio": round(ratios[moment], 2) for moment in ("floor", *MOMENTS)}}))


if __name__ == "__main__":
    main()
