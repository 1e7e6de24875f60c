"""The clinician summary pages (issue 19): every DOI is printed whole on one line, so it can be read and copied,
and the dosing table's headers break only between words. Read back from the PDF with pypdf."""

from __future__ import annotations

import re

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from core.handout.fonts import REGULAR
from core.handout.renderer import HandoutRenderer
from core.resources import resource_path
from core.handout.build import build_handout
from core.plan.engine import compute_plan
from core.storage.library_sync import shipped_etiology_entry
from tests.handout.helpers import example, flat, handout_for, pdf_text

DOI = re.compile(r"doi:[^\s;,]+(?<![.)])")
EXAMPLES = sorted(p.stem for p in resource_path("examples", "profiles").glob("*.json"))
HEADER_WORDS = ["Min", "per", "session", "Days", "a", "week"]


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


def clinician_lines(pdf: bytes) -> list[str]:
    pages = pdf_text(pdf)
    first = next(i for i, text in enumerate(pages) if "Clinician summary" in text)
    return [line.strip() for text in pages[first:] for line in text.splitlines()]


@pytest.mark.parametrize("etiology", EXAMPLES)
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_every_doi_is_whole_on_one_line(renderer, etiology, paper) -> None:
    handout = handout_for(example(etiology), summary=True, paper=paper)
    c = handout.clinician
    texts = ([row.source for row in c.rules + c.warnings + c.human_evidence + c.studies]
             + [row.text for row in c.rules + c.warnings])
    caution = [c.dosing_caution] if c.dosing else []  # printed above a dosing table, and only there
    dois = {doi for text in texts + caution + c.flags for doi in DOI.findall(text)}
    assert dois  # every summary cites some
    lines = clinician_lines(renderer.render(handout))
    broken = [doi for doi in sorted(dois) if not any(doi in line for line in lines)]
    assert not broken, f"split across lines: {broken}"


def test_the_dosing_headers_break_only_between_words(renderer) -> None:
    handout = handout_for(example("spinal-cord-injury"), summary=True)
    assert handout.clinician.dosing  # the table is printed
    lines = clinician_lines(renderer.render(handout))
    words = {word for line in lines for word in line.split()}
    assert "Min/ses" not in words and "sion" not in words and "Days/" not in words
    start = next(i for i, line in enumerate(lines) if line.startswith("Study"))
    header = " ".join(lines[start:start + 10]).split()
    assert all(word in header for word in HEADER_WORDS), header


def test_a_doi_wider_than_its_column_breaks_only_after_a_slash() -> None:
    from core.handout.clinician_pages import unbroken_dois

    renderer = HandoutRenderer()
    style = renderer.small
    doi = "doi:10.1002/(SICI)1097-4636(199601)30:1/abcdefghijklmnop.2024/0123456789abcdef"
    room = 200
    text = unbroken_dois(f"Imported study, {doi}; more text", style, room)
    assert text.startswith("Imported study, \n") and text.endswith("; more text")
    lines = text.split("\n")[1:]
    assert "".join(lines).split(";")[0] == doi  # nothing added: no hyphen, no space
    assert all(line.endswith("/") for line in lines[:-1])
    assert all(stringWidth(line, REGULAR, style.fontSize) <= room for line in lines[:-1])
    assert unbroken_dois("see doi:10.1177/0363546507307505.", style, room) == "see doi:10.1177/0363546507307505."


def test_a_long_doi_starts_its_own_line_on_the_rendered_page() -> None:
    doi = "doi:10.1002/(SICI)1097-4636(199601)30:1/abcdefghijklmnop.2024/0123456789abcdef"
    handout = handout_for(example("spinal-cord-injury"), summary=True)
    rows = list(handout.clinician.studies)
    rows[0] = rows[0].model_copy(update={"source": f"Imported study, {doi}"})
    handout = handout.model_copy(update={"clinician": handout.clinician.model_copy(update={"studies": rows})})
    lines = [line.strip() for page in pdf_text(HandoutRenderer().render(handout)) for line in page.splitlines()]
    start = lines.index("Imported study,")
    assert lines[start + 1].startswith("doi:10.1002/") and "".join(lines[start + 1:start + 3]) == doi


@pytest.mark.parametrize("etiology", EXAMPLES)
def test_the_dosing_caution_stands_above_its_table_and_only_where_there_is_one(renderer, etiology) -> None:
    """The caution ended one page while its table ended the page before; and a post-stroke summary, with no
    animal study, said 'These are rat and mouse treadmill protocols' about a table that was not there."""
    handout = handout_for(example(etiology), summary=True)
    lines = clinician_lines(renderer.render(handout))
    text = " ".join(lines)
    caution = "Rat and mouse treadmill protocols can show only the shape a human plan borrows"
    if not handout.clinician.dosing:
        assert caution not in text and "so nothing is borrowed from animals" in flat(text)
        return
    heading = lines.index("Animal treadmill dosing (context, not a human dose)")
    assert " ".join(lines[heading + 1:heading + 3]).startswith(caution[:40])


@pytest.mark.parametrize("etiology", EXAMPLES)
def test_the_summary_gives_the_evidence_in_people_before_the_animal_studies(renderer, etiology) -> None:
    """The printed summary listed only the animal studies under 'Evidence behind the plan': the human trials and
    guidelines step 2 shows (Kluding 2012 and 2015 and Yoo 2015 for diabetic neuropathy) were not on record."""
    entry = shipped_etiology_entry(etiology)
    lines = clinician_lines(renderer.render(handout_for(example(etiology), summary=True)))
    text = flat(" ".join(lines))
    people, animals = lines.index("Evidence in people"), lines.index("Animal studies behind the plan")
    assert people < animals
    assert flat(entry.human_evidence)[:60] in text
    for source in entry.human_sources:
        assert flat(source.label) in text and (source.doi is None or f"doi:{source.doi}" in text)
    if etiology == "diabetic-neuropathy":
        assert all(name in text for name in ("Kluding PM et al. 2012", "Kluding PM et al. 2015", "Yoo M et al. 2015"))


def test_a_summary_without_the_etiologys_entry_says_so() -> None:
    from tests.handout.helpers import DATE, STUDIES

    profile = example("diabetic-neuropathy")
    plan = compute_plan(profile, STUDIES)
    handout = build_handout(profile, plan, STUDIES, clinician="", clinic="", phone="", date=DATE, paper="a4",
                            units="metric", clinician_summary=True, etiology=None)
    text = flat(" ".join(clinician_lines(HandoutRenderer().render(handout))))
    assert "Evidence in people No entry for this etiology in the records' evidence library." in text


def test_a_study_of_exercise_with_another_treatment_is_not_printed_as_behind_the_plan(renderer) -> None:
    """Chen 2015 (treadmill with insulin) was printed as the diabetic plan's one animal study."""
    text = flat(" ".join(clinician_lines(renderer.render(handout_for(example("diabetic-neuropathy"), summary=True)))))
    animals = text[text.index("Animal studies behind the plan"):]
    assert animals.startswith("Animal studies behind the plan No animal treadmill study of pain that tested exercise "
                              "alone")
    assert "another treatment are not used, as their effect is not exercise's alone: Chen 2015." in animals
    assert "doi:10.1213/ane.0000000000000799" not in animals and "Animal treadmill dosing" not in animals


def test_a_species_the_sources_never_name_is_printed_as_not_stated(renderer) -> None:
    text = flat(" ".join(clinician_lines(renderer.render(handout_for(example("peripheral-nerve-injury"),
                                                                     summary=True)))))
    assert "(species not stated)" in text and "(?)" not in text


def test_the_light_weeks_rule_says_whether_this_plan_starts_with_them() -> None:
    """Seen in review: beside a multiple sclerosis plan with no light weeks (tolerance 10 min), "Two light weeks
    first when walking tolerance is under 10 min." read as this patient's plan."""
    def light_rule(etiology: str) -> str:
        summary = handout_for(example(etiology), summary=True).clinician
        return next(row.text for row in summary.rules if row.text.startswith("Two light weeks first"))

    assert light_rule("multiple-sclerosis-pain").endswith(": not needed for this patient.")  # walks 10 min today
    assert light_rule("diabetic-neuropathy").endswith(": this plan starts with them.")  # walks 8 min today


@pytest.mark.parametrize("etiology", ["spinal-cord-injury", "peripheral-nerve-injury"])
def test_clinician_sections_go_on_over_a_page_under_their_heading_again(renderer, etiology) -> None:
    """Seen in review: "Rules and their sources" was kept with its whole table, so the first clinician page was 70 %
    blank; and the last flags went on atop a page under no heading."""
    from tests.handout.helpers import pdf_text

    pages = pdf_text(renderer.render(handout_for(example(etiology), summary=True)))
    first = next(i for i, page in enumerate(pages) if page.startswith("Clinician summary"))
    assert "Rules and their sources" in pages[first]
    headings = ("Rules and their sources", "Warnings", "Evidence in people", "Animal studies behind the plan",
                "Animal treadmill dosing (context, not a human dose)", "Data-quality flags on these studies")
    for before, page in zip(pages[first:], pages[first + 1:]):
        top = page.splitlines()[0]
        assert top in headings or (top.endswith(" (continued)") and "Continued on the next page." in before), top


def test_the_dosing_cautions_rule_is_bold_and_its_reasons_are_not(renderer) -> None:
    """Seen in review: the whole caution, twelve lines, was set in bold, and hard to read."""
    from io import BytesIO

    from pypdf import PdfReader

    fonts: dict[str, set[str]] = {"never a human dose": set(), "In rats, 16 m/min": set()}

    def visit(text, cm, tm, font, size) -> None:
        for words in fonts:
            if font and words in text:
                fonts[words].add(font["/BaseFont"])

    for page in PdfReader(BytesIO(renderer.render(handout_for(example("spinal-cord-injury"), summary=True)))).pages:
        page.extract_text(visitor_text=visit)
    assert all(font.endswith("Bold") for font in fonts["never a human dose"]) and fonts["never a human dose"]
    assert fonts["In rats, 16 m/min"] and not any(font.endswith("Bold") for font in fonts["In rats, 16 m/min"])


def test_the_intensity_and_the_summary_name_the_rpe_scale_and_cite_it() -> None:
    """Seen in review: the command line, the JSON and the clinician summary said "RPE 12-13" and never which scale,
    though the CR10 scale's moderate anchors differ (2-4, 3-4 or 3-6); Borg 1982 was defined and cited nowhere."""
    for changes in ({}, {"beta_blocker": True}):
        plan = compute_plan(example("diabetic-neuropathy", **changes), [])
        assert "RPE (Borg 6-20 scale)" in plan.intensity.method_reason or \
            "RPE 12-13 (Borg 6-20 scale)" in plan.intensity.method_reason
        assert any(source.label.startswith("Borg GA 1982") for source in plan.intensity.sources)
    summary = handout_for(example("diabetic-neuropathy"), summary=True).clinician
    assert "RPE (Borg 6-20 scale) 12-13 moderate, 9-11 light; talk test." in summary.intensity
