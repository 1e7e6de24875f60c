"""The walking log has lines for a week walked again, after those of the plan: a week headed "Week ____", as many
lines as the plan's longest week, the week's number written in by hand, and the log's introduction says so. Seen in
review: every line was a planned walk's, so a week the pain rules held or stepped back to went under the next week's
heading, and the clinician read the diary wrong."""

from __future__ import annotations

from core.handout.build import LOG_WEEKS_AGAIN, LOG_WRITE_IN
from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, flat, handout_for, pdf_text

SAID = "If you walk a week again, use the lines at the end, and write that week's number in their heading."


def test_the_log_ends_with_weeks_to_walk_again() -> None:
    handout = handout_for(example("parkinsons-pain"))
    planned, again = handout.log_weeks[:-LOG_WEEKS_AGAIN], handout.log_weeks[-LOG_WEEKS_AGAIN:]
    assert [week.heading for week in planned] == [f"Week {n}" for n in range(1, len(planned) + 1)]
    assert [week.heading for week in again] == [f"Week {LOG_WRITE_IN}"] * LOG_WEEKS_AGAIN
    assert {week.walks for week in again} == {max(week.walks for week in planned)}  # a 4-walk week fits
    assert handout.logbook_intro[1] == SAID
    pages = [flat(page) for page in pdf_text(HandoutRenderer().render(handout))]
    last = next(index for index, page in enumerate(pages) if SAID in page)
    assert any(f"Week {LOG_WRITE_IN}" in page for page in pages[last:])


def test_translated() -> None:
    spanish = handout_for(example("diabetic-neuropathy"), language="es")
    assert spanish.logbook_intro[1] == ("Si repite una semana, use las líneas del final y escriba el número de esa "
                                        "semana en su encabezado.")
    assert spanish.log_weeks[-1].heading == f"Semana {LOG_WRITE_IN}"
