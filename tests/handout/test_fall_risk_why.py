"""The fall-risk line says why before what it asks. Seen in review: a patient after chemotherapy read "Start the belt
slowly. Have someone near." with nothing of the numb feet and weak legs that are the reason (the brief's safety
points: reduced foot sensation and balance, fall risk on a treadmill)."""

from __future__ import annotations

from core.handout.patient_words import FALL_RISK_WHY
from core.handout.renderer import HandoutRenderer
from core.plan.warnings import FALL_RISK
from tests.handout.helpers import example, flat, handout_for, pdf_text


def test_every_etiology_with_a_fall_risk_has_its_reason_in_plain_words() -> None:
    assert set(FALL_RISK_WHY) == set(FALL_RISK)


def test_the_reason_comes_before_what_to_do_with_the_harness_line_or_without_it() -> None:
    chemo = handout_for(example("chemotherapy-neuropathy")).safety
    assert ("Your legs may be weak, and your feet may not feel the belt well. This makes a fall more likely. Start the "
            "belt slowly. Have someone near.") in chemo
    diabetic = handout_for(example("diabetic-neuropathy")).safety
    assert "Your feet may not feel the belt well, so a fall is more likely. Start the belt slowly. Have someone near." \
        in diabetic
    stroke = handout_for(example("post-stroke-pain")).safety  # the harness line asks for someone with them
    assert "Weak legs and poor balance make a fall more likely. Start the belt slowly." in stroke
    assert not any("{why}" in line for line in chemo + diabetic + stroke)


def test_each_language_says_the_reason_and_the_chinese_with_no_space_between_sentences() -> None:
    for language in ("es", "pt", "vi", "zh-Hans", "ar"):
        safety = " ".join(handout_for(example("chemotherapy-neuropathy"), language=language).safety)
        assert "{why}" not in safety and "fall" not in safety and "belt" not in safety, (language, safety)
    chinese = handout_for(example("diabetic-neuropathy"), language="zh-Hans").safety
    assert "您的脚可能感觉不清跑步带，所以更容易跌倒。跑步带要用慢速启动。要有人在旁边。" in chinese
    printed = flat(" ".join(pdf_text(HandoutRenderer().render(handout_for(example("chemotherapy-neuropathy"))))))
    assert "This makes a fall more likely. Start the belt slowly. Have someone near." in printed
