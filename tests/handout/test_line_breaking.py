"""Where a line of a handout may break: never where there is no space in right-to-left text, and never before a
Chinese punctuation mark."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fonts() -> None:
    from core.handout.fonts import register_fonts

    register_fonts()


def test_a_line_of_right_to_left_text_breaks_only_at_a_space() -> None:
    """Seen in review: "5:00 (" at the end of a line of an Arabic cell, its "4 × 1:15)" on the next."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    for width in range(100, 220, 4):  # from the width of "(4 × 1:15)", which no line can hold less of
        flowable = BidiParagraph("5:00 (4\u00a0×\u00a01:15) أسبوع", paragraph_style("check", 16), rtl=True)
        flowable.wrap(width, 1000)
        assert all(line[-1].text != "(" for line in flowable._lines), width


def test_chinese_punctuation_never_starts_a_line() -> None:
    """Seen in review: a line of the Chinese handout began with "，": reportlab keeps only Japanese marks off a line's
    start."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import paragraph

    text = "你分几段走：每两次之间，让跑步机停下来；休息到呼吸平稳！需要的话可以坐下。"
    for width in range(60, 480, 2):
        flowable = paragraph(text, paragraph_style("check", 16))
        flowable.wrap(width, 1000)
        lines = ["".join(words) for _, words in flowable.blPara.lines]
        assert not any(line[:1] in "，：；！？。" for line in lines[1:]), (width, lines)


def test_a_chinese_line_that_keeps_its_punctuation_still_ends_within_its_width() -> None:
    """Seen in review, in every standard-print Chinese handout with walks in parts: reportlab kept a "，" at the end of
    a line a character past its width, then squeezed the line's spaces until "5:00(" and "走2" printed over each
    other. Each line now ends within the width, with its spaces as they are."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import paragraph

    text = ("您要分成几小段来走：“5:00 (2 × 2:30)”表示走 2 次，每次2:30。每两次之间，让跑步机停下来，休息到呼吸平稳再走。"
            "需要的话可以坐下。")
    for size in (14, 16):
        for width in range(300, 560, 2):
            flowable = paragraph(text, paragraph_style("check", size), bullet="•")
            flowable.wrap(width, 1000)
            room = [line.extraSpace for line in flowable.blPara.lines]
            assert min(room) >= 0, (size, width, room)
            assert "".join("".join(w.text for w in line.words) for line in flowable.blPara.lines).replace(" ", "") \
                == text.replace(" ", "")  # nothing lost to the narrower wrapping
