"""The handout's pain rules, in the patient's words: the traffic light from the plan's own pain rules (the same
numbers the plan and the session log use), what the next morning should bring, and what stepping back means."""

from __future__ import annotations

from core.handout.language import Wording
from core.plan import guidelines as g
from core.plan.pain import PainRules

_ENGLISH = Wording()


def pain_lights(pain: PainRules, t: Wording | None = None, *, eased: bool = False) -> dict:
    """The handout's pain table, from the same numbers the plan and the session log use. ``eased``: a week of the plan
    is walked again at the week before's lighter effort after a step back (core/plan/step_back.py eased_week)."""
    t = t or _ENGLISH
    usual = pain.usual_pain
    intro = [t("Some pain while you walk can be OK. Rate your pain from 0 (none) to 10 (the worst).")]
    if usual is not None and usual > g.PAIN_SAFE_MAX:
        intro.append(t("Your usual pain is about {usual}. Pain up to {safe} is fine.", usual=usual, safe=pain.safe_max)
                     if pain.safe_max < usual else
                     t("Your usual pain is about {usual}. Pain up to your usual level is fine.", usual=usual))
    elif usual:  # the level the next morning's rule names (seen in review: it was said only there, as "(2 or less)")
        intro.append(t("Your usual pain is about {usual}.", usual=usual))
    amber = None
    if pain.acceptable_max > pain.safe_max:
        span = (f"{pain.safe_max + 1}" if pain.acceptable_max == pain.safe_max + 1
                else t("{low} to {high}", low=pain.safe_max + 1, high=pain.acceptable_max))
        amber = t("{span}: OK, but do not add more. Stay at the same week until the pain stays at {safe} or less.",
                  span=span, safe=pain.safe_max)
    if usual is None:
        morning = [t("Your pain should settle by the next morning."),
                   t("If pain or stiffness is worse the next morning, go back to the week before in your plan.")]
    elif usual == 0:  # "back to your usual level (0 or less)" read oddly
        morning = [t("Any pain from walking should be gone by the next morning."),
                   t("If you have pain the next morning, or you are stiffer than usual, go back to the week before in "
                     "your plan.")]
    else:
        morning = [t("Your pain should be back to your usual level ({usual} or less) by the next morning.",
                     usual=usual),
                   t("If your pain is above {usual} the next morning, or you are stiffer than usual, go back to the "
                     "week before in your plan.", usual=usual)]
    # as the next-week suggestion does it (core/plan/step_back.py way_back); seen in review: "go back to last week"
    # in week 1, which has none, and in a stretch of weeks that walk the same, where it changed nothing; the exception
    # to going back, said as one (seen in review: on its own, it read as an order to walk week 1 again); the week
    # before in the plan, not last week by the calendar (seen in review: a patient walking week 2 again read "last
    # week's walks were the same" and walked it a third time, where the session log said back to week 1)
    morning.append(t("But if you are in week 1, or the week before in your plan has the same walks as this week, walk "
                     "this week again instead, more slowly."))
    if eased:  # how much more slowly, as the session log and the progress report judge it (seen in review: a week
        # walked again at its own moderate target read as "above" the light one they hold it to, which nothing said),
        # said as the "more slowly" just before (a first wording's "that week" read as the week walked again; a second's
        # "More slowly means: if ..." was the handout's hardest sentence, seen in a review of its translations; a
        # third's "If the week before is a light week, walk this week again" read as a rule of its own, where a light
        # week 2 after a light week 1 goes back to week 1)
        morning.append(t("If you walk this week again and the week before is a light week, walk only as hard as your "
                         "table says for that light week."))
    red_from = pain.acceptable_max + 1
    return {
        "pain_intro": intro,
        # above the traffic light's 3, green is the patient's own usual pain, not pain the model calls safe
        "pain_green": (t("0 to {safe}: safe. Keep going.", safe=pain.safe_max) if pain.safe_max <= g.PAIN_SAFE_MAX else
                       t("0 to {safe}: no more than your usual pain. Keep going.", safe=pain.safe_max)),
        "pain_amber": amber,
        "pain_red": (t("{level} or more: too much. Slow down or stop. Next time, go back to the week before in your "
                       "plan.", level=red_from) if red_from < 10 else
                     t("{level}: too much. Slow down or stop. Next time, go back to the week before in your plan.",
                       level=red_from)),
        "pain_morning": morning,
    }
