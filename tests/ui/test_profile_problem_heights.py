"""A field's problem under it, given the height its lines need. Seen under Xvfb at 150 %: the resting heart rate's
"... from 35 to" with its second line cut off under the next field, and a blank line under the age's one-line
problem: the form's layout kept the rows' heights for an earlier message."""

from __future__ import annotations

from ui.views.profile_form import ProfileForm

SHORT = "must be at most 100"
LONG = ("must be a whole number, in digits only; allowed: a whole number of beats per minute from 35 to 120; "
        "and more words here to take a second line at this width, and a third")


def test_a_problem_that_grows_or_shrinks_in_place_gets_the_height_its_lines_need(qtbot) -> None:
    form = ProfileForm()
    qtbot.addWidget(form)
    form.resize(700, 1400)
    form.show()
    qtbot.waitExposed(form)
    form.show_all_problems = True
    label = form._errors["resting_hr"]
    for problems in ({"resting_hr": SHORT}, {"resting_hr": LONG}, {"resting_hr": SHORT}, {"resting_hr": LONG}):
        form.show_problems(problems)
        qtbot.wait(30)
        form.resize(690 if form.width() == 700 else 700, 1400)  # a scroll bar coming and going: the width changes
        qtbot.wait(30)
        needed = label.heightForWidth(label.width())
        row = label.parentWidget()
        assert label.height() >= needed and row.height() >= label.geometry().bottom() + 1, (problems, needed)
        assert label.height() <= needed + 4, (problems, label.height(), needed)  # no blank line under it
