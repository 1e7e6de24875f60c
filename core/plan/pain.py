"""Pain during walking, judged against the patient's own usual pain.

People with neuropathic pain often live at 5-8/10, so fixed thresholds would call their everyday
pain "too much". The traffic light (Silbernagel 2007: 0-3 safe, 4-5 acceptable) holds for usual
pain of 3 or less, whatever the allowance; above that, pain up to the usual level is safe, a rise of up to
``allowed_rise`` points is acceptable if it settles by the next morning (the week is held: no more minutes
until pain stays safe), and anything more means stepping back.
10/10 is never acceptable. Next-morning pain above the usual level always means stepping back.
"""

from __future__ import annotations

from pydantic import BaseModel

from core.plan import guidelines as g

NEVER_ACCEPTABLE = 10  # the worst pain imaginable is never an acceptable walk (product rule)
CAVEAT = ("The traffic-light model was tested in Achilles tendon pain, not neuropathic pain, and its thresholds are not "
          "verified in a primary text. Treating pain up to the patient's usual level as safe, and the allowance above "
          "it (a setting), are product defaults with no trial behind them. Use clinical judgement.")


class PainRules(BaseModel):
    """The numbers for this patient; plans saved before they were personal keep the fixed 3 and 5."""

    usual_pain: int | None = None
    allowed_rise: int | None = None
    safe_max: int = g.PAIN_SAFE_MAX
    acceptable_max: int = g.PAIN_ACCEPTABLE_MAX
    rule: str = (f"Pain during walking 0-{g.PAIN_SAFE_MAX}/10 is safe, {g.PAIN_SAFE_MAX + 1}-{g.PAIN_ACCEPTABLE_MAX}/10 "
                 f"is acceptable, above {g.PAIN_ACCEPTABLE_MAX}/10 is too much. Pain should settle by the next morning; "
                 "if next-morning pain or stiffness is up, step back.")
    caveat: str = CAVEAT
    source: g.Source = g.PAIN_SOURCE
    rise_source: g.Source | None = None

    @property
    def sources(self) -> list[g.Source]:
        """The traffic light's source, then the allowance's where there is one."""
        return [self.source, *([self.rise_source] if self.rise_source else [])]

    @property
    def has_acceptable_band(self) -> bool:
        return self.acceptable_max > self.safe_max

    def judged_against(self, usual_pain: int) -> PainRules:
        """These rules with the usual pain they judge against (plans saved before they kept it: the profile's)."""
        return self if self.usual_pain is not None else self.model_copy(update={"usual_pain": usual_pain})

    @property
    def numbers(self) -> tuple[int | None, int, int]:
        return self.usual_pain, self.safe_max, self.acceptable_max

    def numbers_in_words(self) -> str:
        """"usual pain 6/10, safe up to 6/10, acceptable up to 8/10" (no usual pain where a plan did not keep it)."""
        usual = f"usual pain {self.usual_pain}/10, " if self.usual_pain is not None else ""
        band = f", acceptable up to {self.acceptable_max}/10" if self.has_acceptable_band else ""
        return f"{usual}safe up to {self.safe_max}/10{band}"


def pain_rules(usual_pain: int, allowed_rise: int = g.DEFAULT_PAIN_RISE) -> PainRules:
    """The safe and acceptable tops of pain during walking, for a patient whose usual pain is ``usual_pain``."""
    if allowed_rise not in g.PAIN_RISE_CHOICES:
        raise ValueError(f"allowed_rise must be one of {g.PAIN_RISE_CHOICES}")
    top = NEVER_ACCEPTABLE - 1
    if usual_pain <= g.PAIN_SAFE_MAX:  # the traffic light as it is (usual pain 3 and a 3-point allowance: 5, not 6)
        safe, acceptable = g.PAIN_SAFE_MAX, g.PAIN_ACCEPTABLE_MAX
    else:
        safe, acceptable = min(usual_pain, top), min(usual_pain + allowed_rise, top)
    band = f"{acceptable}/10" if acceptable == safe + 1 else f"{safe + 1}-{acceptable}/10"
    amber = (f"{band} is acceptable if it settles by the next morning, but holds the week (no more minutes until "
             f"pain stays at {safe}/10 or less); " if acceptable > safe else "")
    rule = (f"Usual pain {usual_pain}/10. During walking, 0-{safe}/10 is safe; {amber}above {acceptable}/10 is too much: "
            f"step back. Next-morning pain above the usual {usual_pain}/10, or more stiffness than usual, also means "
            f"stepping back. With usual pain of {g.PAIN_SAFE_MAX} or less these are the traffic-light thresholds; "
            + (f"above it, pain may rise up to {allowed_rise} point{'s' if allowed_rise != 1 else ''} over usual pain "
               f"(never to {NEVER_ACCEPTABLE}/10)." if acceptable > safe else
               f"above it, no rise over usual pain is allowed here, as {NEVER_ACCEPTABLE}/10 is always too much."))
    return PainRules(usual_pain=usual_pain, allowed_rise=allowed_rise, safe_max=safe, acceptable_max=acceptable,
                     rule=rule, rise_source=g.pain_rise_source(allowed_rise))


def other_pain_rules(walked: PainRules, in_force: PainRules, version: int) -> str:
    """A sentence for a suggestion judged under an earlier version's pain rules, where the plan in force (``version``)
    has others: the next walks are judged by these (seen in review: "until it stays at 5/10 or less" beside the new
    handout's "0 to 6: keep going", after the usual pain was raised to 6). "" where they are the same."""
    return "" if walked.numbers == in_force.numbers else (
        f" Version {version}, the plan in force, has other pain rules ({in_force.numbers_in_words()}): the walks from "
        "now on are judged by them.")
