"""What changed between versions, a run of weeks changed alike said once. Seen in review: a beta-blocker begun listed
"Moderate heart rate (bpm): 112-128 -> none (RPE)" and then twelve lines "Week N heart rate: 112-128 -> none (RPE)"."""

from __future__ import annotations

from core.plan.compare import plan_differences
from core.plan.engine import compute_plan
from tests.handout.helpers import example


def test_heart_rate_targets_dropped_for_every_week_are_one_line_per_run_of_weeks() -> None:
    before = example("diabetic-neuropathy")
    plans = compute_plan(before, []), compute_plan(before.model_copy(update={"beta_blocker": True}), [])
    light = [week.week for week in plans[0].weeks if week.band == "light"]
    assert light == [1, 2] and len(plans[0].weeks) == 12
    lines = plan_differences(*plans)
    light, moderate = (f"{low}-{high}" for low, high in (plans[0].weeks[0].target_hr, plans[0].weeks[2].target_hr))
    assert [line for line in lines if line.startswith(("Moderate heart", "Week"))] == [
        f"Moderate heart rate (bpm): {moderate} -> none (RPE)", f"Weeks 1-2 heart rate: {light} -> none (RPE)",
        f"Weeks 3-12 heart rate: {moderate} -> none (RPE)"], lines


def test_a_single_week_changed_is_still_named_alone() -> None:
    before = example("diabetic-neuropathy")
    after = compute_plan(before, []).model_copy(deep=True)
    after.weeks[4] = after.weeks[4].model_copy(update={"band": "light"})
    assert "Week 5 effort: moderate -> light" in plan_differences(compute_plan(before, []), after)


def test_a_changed_week_that_breaks_a_rule_is_named_with_the_rule() -> None:
    """Seen in review: "Warnings added: a changed week breaks a rule", nothing to say which week or rule."""
    from core.plan.overrides import WeekOverride, effective_plan

    plan = compute_plan(example("diabetic-neuropathy"), [])
    cut = effective_plan(plan, [WeekOverride(week=4, main_min=plan.weeks[3].main_min - 2)], max_sessions=5)
    lines = plan_differences(plan, cut)
    said = [line for line in lines if "rule" in line]
    assert said and all(line.startswith("A changed week breaks a rule: Week 5: rises more than 10% from week 4") for
                        line in said), lines
    assert not [line for line in lines if line.startswith("Warnings added")], lines
    assert [line for line in plan_differences(cut, plan) if "rule" in line or "broken" in line] == [
        said[0].replace("A changed week breaks a rule: ", "No longer broken: ")]


def test_a_week_still_breaking_its_rule_with_other_figures_is_not_said_mended() -> None:
    """Seen in review: a week that still broke its rule, changed again, read "No longer broken" beside "breaks"."""
    from core.plan.overrides import WeekOverride, effective_plan

    plan = compute_plan(example("diabetic-neuropathy"), [])
    longer = [effective_plan(plan, [WeekOverride(week=4, main_min=plan.weeks[3].main_min + more)], max_sessions=5)
              for more in (6, 7)]
    lines = [line for line in plan_differences(*longer) if "broken" in line or "rule" in line]
    assert lines and all(line.startswith("A changed week still breaks a rule: Week 4: ") for line in lines), lines
