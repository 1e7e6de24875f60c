"""Benchmark: plan recomputation through the editor, as the clinician types (goal: one frame, 16 ms).

    uv run python -m tests.bench.bench_editor [--repeats 200]

Each keystroke is a real text change in the age field of a real PlanEditor (offscreen): the form
is read, core validates the profile, computes the plan, applies overrides, and the week table,
chart and warnings are refreshed. Baseline, same run: the same text change in a bare QLineEdit.
"""

from __future__ import annotations

import argparse
import json
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QLineEdit  # noqa: E402

from core.evidence.library import load_library  # noqa: E402
from core.plan.engine import PlanOptions  # noqa: E402
from core.plan.profile import read_profile  # noqa: E402
from core.resources import resource_path  # noqa: E402
from tests.bench.timing import median_ms  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from ui.views.plan_editor import PlanEditor

    library = load_library()
    editor = PlanEditor()
    editor.form.set_etiologies([(e.id, e.name) for e in library.etiologies])
    editor.set_context(library.studies, PlanOptions())
    editor.form.set_profile(read_profile(resource_path("examples", "profiles", "diabetic-neuropathy.json")))
    editor.resize(1280, 800)
    editor.show()
    app.processEvents()
    ages = iter(["63", "64"] * args.repeats)
    field = editor.form.numbers["age"]

    def keystroke() -> None:
        field.setText(next(ages))
        app.processEvents()  # the repaint the clinician sees

    bare = QLineEdit()
    bare.show()
    bare_ages = iter(["63", "64"] * args.repeats)

    def bare_keystroke() -> None:
        bare.setText(next(bare_ages))
        app.processEvents()

    editor_ms = median_ms(keystroke, args.repeats)
    bare_ms = median_ms(bare_keystroke, args.repeats)
    assert editor.plan is not None
    print(f"plan recomputation through the editor, median of {args.repeats} keystrokes")
    print(f"  editor keystroke -> plan recomputed and shown: {editor_ms:7.2f} ms (goal 16 ms: "
          f"{'ok' if editor_ms < 16 else 'MISSED'})")
    print(f"  bare line edit keystroke:                      {bare_ms:7.2f} ms  (ratio {editor_ms / bare_ms:.0f})")
    print(json.dumps({"repeats": args.repeats, "editor_ms": round(editor_ms, 2), "bare_ms": round(bare_ms, 3)}),
          flush=True)
    for widget in (editor, bare):  # tear Qt down in order, not in the interpreter's final garbage collection
        widget.close()
        widget.deleteLater()
    app.processEvents()
    app.quit()


if __name__ == "__main__":
    main()
