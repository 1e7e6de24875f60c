"""The progress report PDF, read back: what it says, its fonts, footers, charts drawn as vectors,
determinism, refused characters, and its pages rendered to images."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Polygon, Rect, String

from core.handout.export import HandoutError
from core.handout.progress_report import render_progress_report
from core.plan.engine import compute_plan
from core.plan.overrides import WeekOverride
from core.plan.progress import LoggedSession, Progress, SessionPoint, VersionInCourse, course_progress
from core.plan.session_log import SessionLog
from core.settings import Settings
from tests.handout.helpers import embedded_fonts, example, flat, pdf_text

DATE = dt.date(2026, 9, 25)
SETTINGS = Settings(clinic_name="Riverside Rehab", clinician_name="Dr Grace Okafor", contact_phone="555 0100")
NOTE = ("Walking is now part of her week; feet checked at each visit.\n\n"
        "Αικατερίνη asked for a copy. Ольга will bring the log.")


def _walk(day: int, week: int, minutes: float, rpe: int, during: int | None, morning: int | None, *,
          version: int = 1, heart_rate: int | None = None, note: str = "", stiffer: bool | None = None) -> LoggedSession:
    return LoggedSession(plan_version=version, log=SessionLog(
        date=dt.date(2026, 9, day), week=week, minutes=minutes, rpe=rpe, pain_during=during,
        pain_next_morning=morning, heart_rate=heart_rate, note=note, stiffer_next_morning=stiffer))


def course(name: str | None = None, sessions: list[LoggedSession] | None = None) -> Progress:
    """Two plan versions (the second changes the comfortable speed and week 3) and six walks, some of
    them without a pain rating: week 2 has no pain recorded at all."""
    first = example("diabetic-neuropathy", **({"name": name} if name else {}))
    second = first.model_copy(update={"comfortable_speed_kmh": 3.5})
    versions = [
        VersionInCourse(version=1, plan_id=1, saved_at="2026-09-01T10:00:00", saved_by="Dr Grace Okafor",
                        profile=first, plan=compute_plan(first, []), overrides=[]),
        VersionInCourse(version=2, plan_id=2, saved_at="2026-09-15T11:30:00", saved_by="Dr Grace Okafor",
                        profile=second, plan=compute_plan(second, []), reason="Sore feet: week 3 kept at 9 minutes",
                        overrides=[WeekOverride(week=3, sessions=3, main_min=9, note="sore feet after week 2")]),
    ]
    if sessions is None:
        sessions = [_walk(2, 1, 8, 11, 3, 4, heart_rate=98, stiffer=False),
                    _walk(4, 1, 8, 12, 4, None, heart_rate=101),
                    _walk(6, 1, 6, 12, None, 4, note="tired", stiffer=True),
                    _walk(9, 2, 9, 12, None, None, heart_rate=104),
                    _walk(11, 2, 9, 13, None, None), _walk(16, 3, 9, 12, 4, 4, version=2, stiffer=False)]
    return course_progress(versions, sessions)


@pytest.fixture(scope="module")
def progress() -> Progress:
    return course()


@pytest.fixture(scope="module")
def pdf(progress) -> bytes:
    return render_progress_report(progress, settings=SETTINGS, note=NOTE, date=DATE)


@pytest.fixture(scope="module")
def text(pdf) -> str:
    return flat(" ".join(pdf_text(pdf)))


def test_who_what_and_when(progress, text) -> None:
    assert len(progress.versions) == 2 and len(progress.sessions) == 6  # the course is as meant
    for phrase in ("Riverside Rehab", "Progress report", "Patient Example Patient (diabetic neuropathy)",
                   "Diagnosis Painful diabetic neuropathy",  # the evidence library's name, not the id
                   "Clinician Dr Grace Okafor", "Clinic phone 555 0100", "Report date 2026-09-25",
                   "Plan versions 2 (the latest, version 2, saved 2026-09-15)",
                   "Weeks covered weeks 1 to 3 of 12; 6 walks logged from 2026-09-02 to 2026-09-16",
                   "Usual pain 4/10", "Plan in force Moderate weeks: heart rate"):
        assert phrase in text, phrase
    assert "diabetic-neuropathy" not in text


def test_every_version_and_its_changes(progress, text) -> None:
    assert progress.versions[1].changes[-1].startswith("Week 3 changed by the clinician")
    assert [version.reason for version in progress.versions] == ["", "Sore feet: week 3 kept at 9 minutes"]
    for version in progress.versions:  # the clinician's reason first, where one was given (m016)
        first = f"Reason: {version.reason}" if version.reason else version.changes[0]
        row = f"{version.version} {version.saved_on.isoformat()} {version.saved_by} {first}"
        assert row in text, row
        for change in version.changes:
            assert change in text, change


def test_every_week_planned_and_walked(progress, text) -> None:
    assert [week.week for week in progress.weeks if week.week <= progress.current_week] == [1, 2, 3]
    assert "1 2 Sep 1 3 24 3 22 91.7% 11.7 4 1 not recorded 4 1 not recorded" in text  # with its first walk's date
    assert "2 9 Sep 1 3 25.5 2 18 70.6% 12.5 not recorded not recorded" in text  # no pain rating that week
    assert "3 16 Sep 2 3 27 1 9 33.3% so far 12 4 4" in text  # planned by version 2, with the clinician's week 3
    assert "Mornings stiffer than usual: week 1, after 1 of 3 walks." in text
    # seen in review: the heart rates logged reached neither the table nor any sentence of the report
    assert "Highest heart rate logged (beats a minute, with the week's target range): week 1, 101 (100-108); week 2, " \
        "104 (100-108)." in text
    assert f"Adherence, weeks 1 to 2: {round(progress.adherence_pct, 1):g}% of the planned walking minutes." in text
    assert "Week 3 is in progress (1 of 3 walks so far) and counts once complete." in text
    assert "Weeks 4 to 12 are still ahead" in text
    assert "None" not in text


def test_a_week_without_walks_is_not_a_missing_rating() -> None:
    walks = [_walk(2, 1, 8, 11, 3, 4), _walk(16, 3, 9, 12, 4, 4, version=2)]
    text = flat(" ".join(pdf_text(render_progress_report(course(sessions=walks), settings=SETTINGS, note="",
                                                         date=DATE))))
    # walked nothing (a real 0, planned by the newest version); no effort or pain to show
    assert "2 2 3 25.5 0 0 0% — — —" in text
    assert "None" not in text and "Clinician's note" not in text
    assert "Mornings stiffer" not in text and "Highest heart rate" not in text  # none recorded: nothing said


def test_a_version_based_again_on_a_longer_walk_is_reported_in_the_order_walked() -> None:
    """Seen in review: version 2, based again on a longer walk, starts again at week 1; the report said "weeks 1 to
    2 of 12" for weeks of two versions, and its chart numbered 1, 2, 1, 2 with nothing to say whose weeks."""
    first = example("diabetic-neuropathy")
    second = first.model_copy(update={"baseline_walk_min": 16})
    versions = [VersionInCourse(version=number, plan_id=number, saved_at=f"2026-09-{day:02d}T10:00:00",
                                saved_by="Dr Grace Okafor", profile=patient, plan=compute_plan(patient, []),
                                overrides=[]) for number, day, patient in ((1, 1, first), (2, 15, second))]
    walks = [_walk(day, week, 9, 12, 2, 2) for day, week in ((2, 1), (4, 1), (6, 1), (9, 2), (11, 2), (13, 2))]
    progress = course_progress(versions, walks + [_walk(16, 1, 16, 12, 2, 2, version=2)])
    assert [(w.plan_version, w.week) for w in progress.weeks][:4] == [(1, 1), (1, 2), (2, 1), (2, 2)]
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=SETTINGS, note="", date=DATE))))
    for phrase in ("Weeks covered weeks 1 to 2 of plan version 1 and week 1 of plan version 2 (plan version 2, the "
                   "plan in force, has 12 weeks)", "Adherence, weeks 1 to 2: ",
                   "Weeks 2 to 12 of plan version 2 are still ahead",
                   "Minutes a week version 1 plan version 2 not yet walked 1 2 1 2 3"):  # whose weeks, in the chart
        assert phrase in text, phrase



def test_the_effort_chart_shades_each_walks_own_week_target() -> None:
    """Seen in review: the window's effort chart shades each walk's week target, the report's showed none."""
    from core.handout.fonts import register_fonts
    from core.handout.progress_charts import TARGET_FILL, effort_chart

    register_fonts()
    light, moderate = (8, 10), (12, 13)
    points = [SessionPoint(date=dt.date(2026, 9, day), week=week, plan_version=1, minutes=10, rpe=12, heart_rate=None,
                           pain_during=2, pain_next_morning=2, note="", target_rpe=target)
              for day, week, target in ((2, 1, light), (4, 1, light), (9, 2, moderate), (11, 2, moderate))]
    drawing = effort_chart(points, 400)
    bands = sorted((rect for rect in drawing.contents if isinstance(rect, Rect) and rect.fillColor == TARGET_FILL
                    and rect.strokeColor is None), key=lambda rect: rect.x)  # not the legend's sample
    assert len(bands) == 2 and bands[0].x + bands[0].width == bands[1].x  # one band a week, meeting halfway
    assert bands[1].y > bands[0].y and bands[1].height < bands[0].height  # 12-13 sits above 8-10, and is narrower
    assert "The week's target effort" in [item.text for item in drawing.contents if isinstance(item, String)]
    assert not [r for r in effort_chart([p.model_copy(update={"target_rpe": None}) for p in points], 400).contents
                if isinstance(r, Rect) and r.fillColor == TARGET_FILL]


def test_two_walks_on_one_day_are_two_points_on_the_charts() -> None:
    """Seen in review: the walks of one day shared one x, so a second walk's markers hid the first's (here a pain
    of 6 during the second walk sat on the first walk's 2 line, the line drawn straight up and down)."""
    from core.handout.fonts import register_fonts
    from core.handout.progress_charts import DURING_COLOUR, EFFORT_COLOUR, effort_chart, pain_chart

    register_fonts()
    points = [SessionPoint(date=dt.date(2026, 9, day), week=1, plan_version=1, minutes=10, rpe=rpe, heart_rate=None,
                           pain_during=during, pain_next_morning=2, note="", target_rpe=(12, 13), usual_pain=3,
                           safe_max=3, acceptable_max=5)
              for day, during, rpe in ((2, 2, 11), (4, 2, 12), (4, 6, 14), (7, 3, 12))]
    for drawing, colour in ((pain_chart(points, width=400),
                             DURING_COLOUR),
                            (effort_chart(points, 400), EFFORT_COLOUR)):
        markers = [item for item in drawing.contents if isinstance(item, (Circle, Polygon))
                   and item.fillColor == colour][1:]  # the legend's sample first
        xs = [item.cx if isinstance(item, Circle) else item.points[0] for item in markers]  # in the order walked
        assert len(set(round(x, 3) for x in xs)) == 4, xs  # four walks, four places
        same_day = xs[2] - xs[1]
        assert 4 <= same_day <= 9 and xs[1] - xs[0] > 2 * same_day and xs[3] - xs[2] > 2 * same_day, xs


def test_the_week_labels_over_the_walks_say_whose_weeks_they_are() -> None:
    """A version based again on what the patient walks now starts its weeks at 1: over the walks the labels read
    "week 1 ... week 6, week 1"; where each version's walks begin the label now names the version."""
    from core.handout.fonts import register_fonts
    from core.handout.progress_charts import effort_chart, pain_chart

    register_fonts()
    points = [SessionPoint(date=dt.date(2026, 9, 1) + dt.timedelta(days=day), week=week, plan_version=version,
                           minutes=10, rpe=12, heart_rate=None, pain_during=2, pain_next_morning=2, note="",
                           usual_pain=3, safe_max=3, acceptable_max=5)
              for day, week, version in ((0, 1, 1), (2, 1, 1), (7, 2, 1), (9, 2, 1), (14, 1, 2), (16, 1, 2))]
    for chart in (lambda walks: pain_chart(walks, width=450),
                  lambda walks: effort_chart(walks, 450)):
        labels = [item.text for item in chart(points).contents if isinstance(item, String)]
        for version in (1, 2):  # the longest form that fits
            assert {f"version {version}, week 1", f"v{version} week 1", f"v{version}: 1"} & set(labels), labels
        assert "week 2" in labels, labels
        alone = [item.text for item in chart(points[:4]).contents if isinstance(item, String)]
        assert "week 1" in alone and not [label for label in alone if label.startswith("v")], alone


def test_pain_charts_name_the_walks_without_a_rating(text) -> None:
    for phrase in ("Pain per walk, 0-10", "Usual pain (4/10)", "safe 0-4", "acceptable 5-6", "too much 7-10",
                   "Pain during the walk not recorded (no point on the chart): 2026-09-06, 2026-09-09, 2026-09-11.",
                   "Pain the next morning not recorded (no point on the chart): 2026-09-04, 2026-09-09, "
                   "2026-09-11.", "Planned and walked minutes, week by week", "Planned minutes", "Walked minutes",
                   "Minutes a week", "Week of the plan", "Effort per walk, Borg RPE 6-20", "RPE (6-20)",
                   "Date of the walk (2026-09-02 to 2026-09-16)", "Pain the next morning (above usual: step back)",
                   "Pain the next morning is judged against the usual pain, not the bands"):
        assert phrase in text, phrase


def test_suggestion_and_note(progress, text) -> None:
    suggestion = progress.suggestion
    assert suggestion is not None and suggestion.action == "hold"
    assert f"Hold. {suggestion.reason}" in text
    assert flat(suggestion.caveat) in text
    assert suggestion.source.cited() in text
    assert "Clinician's note Walking is now part of her week" in text
    assert "Αικατερίνη asked for a copy. Ольга will bring the log." in text


def test_the_notes_logged_with_the_walks_are_in_the_report(text) -> None:
    """Seen in review: a walk's note ("Left foot sore after walk; rested 2 days", a diabetic foot) was in the session
    log and nowhere in the report for the referring physician."""
    assert "Notes logged with the walks 2026-09-06 (week 1, plan version 1): tired" in text
    assert text.count("plan version 1): ") == 1  # the walks without a note are not listed


def test_a_note_the_fonts_cannot_print_is_marked_and_said_so() -> None:
    """Seen in review: "ឈឺជើង foot 👣 sore" (Khmer and an emoji) came out as "� foot � sore" with nothing to say a
    patient's words were lost on the way to the physician, nor where to read them whole."""
    progress = course(sessions=[_walk(6, 1, 6, 12, None, 4, note="ឈឺជើង foot 👣 sore")])
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=Settings(), note="", date=DATE))))
    assert "foot \ufffd sore" in text
    assert ("\ufffd stands for characters this report's fonts cannot print (another script, or an emoji): the whole "
            "note is in the patient's session log.") in text
    assert "stands for characters" not in flat(" ".join(pdf_text(render_progress_report(
        course(), settings=Settings(), note="", date=DATE))))  # a note printed whole says nothing of it


def test_no_walks_yet() -> None:
    progress = course(sessions=[])
    assert progress.current_week is None and progress.suggestion is None
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=Settings(), note="", date=DATE))))
    assert "No walks are logged yet" in text
    assert "none yet: no walks are logged (plan version 2, the plan in force, has 12 weeks)" in text
    assert "Suggestion for the next week" not in text and "None" not in text
    assert "Clinician Dr" not in text  # no clinician in the settings: the line is left out, not printed empty


def test_fonts_are_embedded_and_metadata_set(pdf) -> None:
    reader = PdfReader(BytesIO(pdf))
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all(name.endswith(("+DejaVuSans", "+DejaVuSans-Bold")) for name in fonts), fonts  # subset, embedded
    info = reader.metadata
    assert info.title == "Progress report" and info.author == "Dr Grace Okafor"
    assert info.subject == "Progress report for Example Patient (diabetic neuropathy)"
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert info.creation_date.date() == DATE  # the report's date, not reportlab's reproducible 2000-01-01


def test_every_page_has_the_footer(pdf) -> None:
    pages = pdf_text(pdf)
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Example Patient" in page and "2026-09-25" in page


def test_a_short_name_is_printed_whole_in_every_footer() -> None:
    pages = pdf_text(render_progress_report(course(name="Zoë Łukasiewicz"), settings=SETTINGS, note="", date=DATE))
    assert all("Progress report for Zoë Łukasiewicz, 2026-09-25" in page for page in pages)


def test_identical_input_gives_identical_bytes(progress, pdf) -> None:
    assert render_progress_report(progress, settings=SETTINGS, note=NOTE, date=DATE) == pdf
    assert render_progress_report(course(), settings=SETTINGS, note=NOTE, date=DATE) == pdf


def test_paper_size_from_the_argument_or_the_settings(progress) -> None:
    def size(pdf: bytes) -> list[int]:
        return [round(float(v)) for v in PdfReader(BytesIO(pdf)).pages[0].mediabox[2:]]

    assert size(render_progress_report(progress, settings=SETTINGS, note="", date=DATE, paper="letter")) == [612, 792]
    letter = SETTINGS.model_copy(update={"paper_size": "letter"})
    assert size(render_progress_report(progress, settings=letter, note="", date=DATE)) == [612, 792]
    assert size(render_progress_report(progress, settings=letter, note="", date=DATE, paper="a4")) == [595, 842]


def test_characters_no_font_has_are_refused_in_one_sentence() -> None:
    with pytest.raises(HandoutError) as caught:
        render_progress_report(course(name="សុខា"), settings=SETTINGS, note="", date=DATE)  # Khmer: no font ships
    message = str(caught.value)
    assert "'ស' (U+179F)" in message and "'ខ' (U+1781)" in message
    assert "the patient's name" in message and "\n" not in message
    with pytest.raises(HandoutError, match=r"'ស' \(U\+179F\).* in the note"):
        render_progress_report(course(), settings=SETTINGS, note="Seen at សុខា clinic", date=DATE)
    with pytest.raises(HandoutError, match="in the clinic details in Settings"):
        render_progress_report(course(), settings=SETTINGS.model_copy(update={"clinic_name": "ខ Rehab"}), note="",
                               date=DATE)


def _images(pdf: bytes) -> int:
    """Image XObjects on the pages, at any depth of form XObjects."""
    def count(resources) -> int:
        found = 0
        xobjects = resources.get("/XObject") if resources is not None else None
        for item in (xobjects.get_object().values() if xobjects is not None else []):
            item = item.get_object()
            if item.get("/Subtype") == "/Image":
                found += 1
            elif item.get("/Subtype") == "/Form":
                found += count(item.get("/Resources"))
        return found

    return sum(count(page.get("/Resources")) for page in PdfReader(BytesIO(pdf)).pages)


def test_charts_are_vectors_not_images(pdf) -> None:
    assert _images(pdf) == 0
    chart_page = next(page for page in PdfReader(BytesIO(pdf)).pages if "Planned and walked minutes" in
                      page.extract_text())
    assert chart_page.get_contents().get_data().count(b" re ") > 10  # the bars are drawn rectangles


def test_the_clinic_logo_is_the_only_image(progress, tmp_path) -> None:
    from PIL import Image as PilImage

    logo = tmp_path / "logo.png"
    PilImage.new("RGB", (240, 120), (30, 110, 160)).save(logo)
    settings = SETTINGS.model_copy(update={"logo_path": str(logo)})
    assert _images(render_progress_report(progress, settings=settings, note="", date=DATE)) == 1
    with pytest.raises(HandoutError, match="the clinic logo cannot be printed"):
        render_progress_report(progress, settings=settings.model_copy(update={"logo_path": str(tmp_path / "gone.png")}),
                               note="", date=DATE)


def test_all_text_is_at_least_11_point(pdf) -> None:
    sizes = set()
    for page in PdfReader(BytesIO(pdf)).pages:
        def visit(text, cm, tm, font_dict, font_size):
            if text.strip():
                sizes.add(round(abs(font_size * tm[3] * cm[3]) or abs(font_size * tm[1] * cm[2]) or font_size, 1))

        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes) >= 11, sorted(sizes)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_every_page_renders_to_a_drawn_image(pdf, tmp_path) -> None:
    from PIL import Image as PilImage

    (tmp_path / "progress-report.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "60", "-png", str(tmp_path / "progress-report.pdf"), str(tmp_path / "page")],
                   check=True, timeout=120)
    images = sorted(tmp_path.glob("page*.png"))
    assert len(images) == len(PdfReader(BytesIO(pdf)).pages)
    for image in images:
        with PilImage.open(image) as picture:
            grey = picture.convert("L")
            dark = sum(grey.histogram()[:200])  # pixels that are not paper white
            assert dark > grey.width * grey.height * 0.01, image.name


def test_each_walk_is_drawn_against_its_own_versions_pain_rules() -> None:
    """Seen in review: after version 2 raised the usual pain from 3 to 6, version 1's walks were drawn against
    version 2's bands, so a pain of 6 that was "too much" then sat in the safe band."""
    from core.handout.fonts import register_fonts
    from core.handout.progress_charts import pain_chart
    from core.handout.renderer import TRAFFIC

    register_fonts()
    first = example("diabetic-neuropathy", pain_nrs=3)
    second = first.model_copy(update={"pain_nrs": 6})
    versions = [VersionInCourse(version=number, plan_id=number, saved_at=f"2026-09-{day:02d}T10:00:00",
                                saved_by="Dr A", profile=profile, plan=compute_plan(profile, []), overrides=[])
                for number, day, profile in ((1, 1, first), (2, 8, second))]
    progress = course_progress(versions, [_walk(2, 1, 8, 12, 6, 3), _walk(4, 1, 8, 12, 2, 3),
                                          _walk(9, 2, 9, 12, 6, 6, version=2)])
    assert [(s.usual_pain, s.safe_max) for s in progress.sessions] == [(3, 3), (3, 3), (6, 6)]
    reds = [item for item in pain_chart(progress.sessions, width=450).contents
            if isinstance(item, Rect) and item.fillColor == TRAFFIC["red"]]
    assert len(reds) == 2 and reds[0].y != reds[1].y  # too much above 5 for version 1's walks, above 8 after
    text = flat(" ".join(pdf_text(render_progress_report(progress, settings=SETTINGS, note="", date=DATE))))
    assert ("Each walk is drawn against the pain rules of the plan version it was walked under (version 1: usual pain "
            "3/10, safe 0-3, acceptable 4-5, too much 6-10; version 2: usual pain 6/10, safe 0-6, acceptable 7-8, too "
            "much 9-10); the band names on the right are those of version 2, the latest walk's.") in text
