"""The real PDF, read back: text, fonts, metadata, determinism, rendering, and safe saving."""

from __future__ import annotations

import re
from pathlib import Path

import shutil
import subprocess
from io import BytesIO

import pytest
from pypdf import PdfReader

from core.atomic import WriteError
from core.handout.export import save_handout
from core.handout.fonts import UnprintableCharacters
from core.handout.renderer import HandoutRenderer
from core.plan.engine import compute_plan
from tests.handout.helpers import DATE, STUDIES, embedded_fonts, example, flat, handout_for, pdf_text


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


def test_every_week_row_is_in_the_pdf(renderer) -> None:
    profile = example("spinal-cord-injury", weeks=16)
    plan = compute_plan(profile, STUDIES)
    handout = handout_for(profile)
    text = flat(" ".join(pdf_text(renderer.render(handout))))
    for row in handout.weeks:
        line = flat(" ".join([row.week, row.days, row.walking]))  # warm-up and cool-down are said once, above
        assert line in text, line
    assert len(handout.weeks) == len(plan.weeks) == 16
    assert f"{plan.weeks[-1].target_hr[0]}-{plan.weeks[-1].target_hr[1]}" in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_weeks_walks_in_parts_stay_on_one_line(renderer, paper) -> None:
    """"11 (2 × 5½)" may wrap before its bracket, never inside it ("11 (2 ×" over "5½)")."""
    handout = handout_for(example("spinal-cord-injury", weeks=16), paper=paper)
    lines = [line for page in pdf_text(renderer.render(handout)) for line in page.splitlines()]
    parts = [line for line in lines if "(2" in line and "×" in line]
    assert len(parts) >= 8  # the plan's 8 weeks in parts, and the note under the table
    assert not [line for line in parts if ")" not in line.split("(2")[1]]


@pytest.mark.parametrize("language", ["en", "vi"])
def test_parts_that_are_about_equal_break_after_the_times_sign_never_inside_a_time(renderer, language) -> None:
    """Seen in review: "5:30 (4 × about 1:30)" could not break, the table's narrowest widths passed the page's, and the
    fallback cut inside the bracket: ")" alone on a line. It may break after the "×" only."""
    profile = example("diabetic-neuropathy").model_copy(update={"baseline_walk_min": 1.5})
    handout = handout_for(profile, language=language)
    assert any("about" in row.walking or "khoảng" in row.walking for row in handout.weeks)
    pages = pdf_text(renderer.render(handout))
    table = [line.strip() for page in pages[1:3] for line in page.splitlines() if "×" in line or line.strip()[:1] in
             ")0123456789" and line.strip().endswith(")")]
    assert ")" not in table
    about = "about" if language == "en" else "khoảng"
    for line in table:
        assert re.fullmatch(rf"(\d+:\d\d )?\(\d+ ×( \d+:\d\d\))?|{about} \d+:\d\d\)|\d+", line), line


@pytest.mark.parametrize("name", ["Αικατερίνη Παπαδοπούλου", "Ольга Сергеевна Иванова", "Zoë Łukasiewicz-Ørsted",
                                  "Nguyễn Thị Hương"])
def test_patient_name_in_any_covered_script(renderer, name) -> None:
    pages = pdf_text(renderer.render(handout_for(example("peripheral-nerve-injury", name=name))))
    assert name in pages[0]
    assert all(name in page for page in pages)  # the footer names the patient on every page


def test_stop_signs_pain_rules_and_sections(renderer) -> None:
    text = flat(" ".join(pdf_text(renderer.render(handout_for(example("diabetic-neuropathy"))))))
    for phrase in ("Pain, pressure or tightness in your chest, neck, jaw or arm",
                   "Sudden trouble seeing that is new for you",
                   "Your usual pain is about 4.", "0 to 4: no more than your usual pain. Keep going.", "5 to 6: OK, but do not add more.",
                   "7 or more: too much.", "back to your usual level (4 or less) by the next morning", "How hard should it feel?",
                   "The talk test", "Taking your pulse", "My walking log", "Next morning", "Pulse",
                   "Check both feet every day", "Riverside Rehab", "555 0100", "21 November 2026"):
        assert phrase in text, phrase
    assert "Page 1 of" in text


def test_clinician_summary_prints_greek_markers_and_dois(renderer) -> None:
    text = flat(" ".join(pdf_text(renderer.render(handout_for(example("peripheral-nerve-injury"), summary=True)))))
    assert "Clinician summary" in text and "TNF-α" in text and "IL-1β" in text
    assert "doi:10.1177/0363546507307505" in text.replace(" ", "") or "10.1177/0363546507307505" in text
    assert "not a human dose" in text


def test_the_dosing_tables_names_and_headers_never_break_inside_a_word(renderer) -> None:
    """"López-Álvarez 2015" was printed "López-Álvare" over "z 2015": each column is as wide as its longest word."""
    handout = handout_for(example("peripheral-nerve-injury"), summary=True)
    text = "\n".join(pdf_text(renderer.render(handout)))
    table = text[text.index("Animal treadmill dosing"):text.index("Data-quality flags")]  # the caution comes first
    lines = table.splitlines()
    words = {word for row in handout.clinician.dosing for word in row.study.split()}
    assert "López-Álvarez" in words
    for word in words | {"session", "week", "Weeks", "Flags"}:
        assert any(word in line for line in lines), word


def test_fonts_are_embedded_and_metadata_set(renderer) -> None:
    reader = PdfReader(BytesIO(renderer.render(handout_for(example("peripheral-nerve-injury"), summary=True))))
    fonts = embedded_fonts(reader)
    assert fonts and all(fonts.values()), fonts
    assert all(name.endswith(("+DejaVuSans", "+DejaVuSans-Bold")) for name in fonts), fonts  # subset, embedded
    info = reader.metadata
    assert info.title == "Your treadmill walking plan" and info.author == "Dr Grace Okafor"
    assert "Treadmill walking plan for" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en"
    # the handout's own date, not reportlab's reproducible 2000-01-01
    assert info.creation_date.date() == info.modification_date.date() == DATE


def test_identical_input_gives_identical_bytes(renderer) -> None:
    handout = handout_for(example("multiple-sclerosis-pain"), summary=True)
    assert renderer.render(handout) == HandoutRenderer().render(handout)


def test_letter_paper(renderer) -> None:
    reader = PdfReader(BytesIO(renderer.render(handout_for(example("parkinsons-pain"), paper="letter"))))
    assert [round(float(v)) for v in reader.pages[0].mediabox[2:]] == [612, 792]


def test_unprintable_characters_are_found_before_rendering(renderer) -> None:
    with pytest.raises(UnprintableCharacters) as caught:
        renderer.render(handout_for(example("peripheral-nerve-injury", name="សុខា Sok")))  # Khmer: no font ships
    assert caught.value.characters == ["ស", "ុ", "ខ", "ា"]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
def test_page_one_renders_to_an_image(renderer, tmp_path) -> None:
    pdf = tmp_path / "handout.pdf"
    pdf.write_bytes(renderer.render(handout_for(example("chemotherapy-neuropathy"))))
    subprocess.run(["pdftoppm", "-r", "50", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    image = next(tmp_path.glob("page*.png")).read_bytes()
    assert image.startswith(b"\x89PNG") and len(image) > 5000  # a drawn page, not an empty one


DATA_FOLDER = Path("/nonexistent/treadwell-data")  # these outputs are nowhere near a data folder


def test_saving_is_atomic(tmp_path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the previous handout")
    with pytest.raises(WriteError, match="does not exist"):
        save_handout(b"%PDF-new", tmp_path / "missing" / "plan.pdf", data_folder=DATA_FOLDER)
    save_handout(b"%PDF-new", target, data_folder=DATA_FOLDER)
    assert target.read_bytes() == b"%PDF-new"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_failed_save_keeps_the_old_file_and_leaves_no_partial(tmp_path, monkeypatch) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the previous handout")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.atomic.os.replace", disk_full)
    with pytest.raises(WriteError, match="The disk is full"):
        save_handout(b"%PDF-new", target, data_folder=DATA_FOLDER)
    assert target.read_bytes() == b"%PDF-1.4 the previous handout"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


@pytest.mark.skipif(shutil.which("id") is None or __import__("os").geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_is_reported(tmp_path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir(mode=0o500)
    with pytest.raises(WriteError, match="not allowed to write"):
        save_handout(b"%PDF", folder / "plan.pdf", data_folder=DATA_FOLDER)


def _sizes_by_page(pdf: bytes) -> list[list[tuple[float, str]]]:
    """(effective font size, text) of every text run, page by page."""
    pages = []
    for page in PdfReader(BytesIO(pdf)).pages:
        runs: list[tuple[float, str]] = []

        def visit(text, cm, tm, font_dict, font_size, runs=runs):
            if text.strip():
                runs.append((round(abs(font_size * tm[3] * cm[3]) or font_size, 1), text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def test_patient_pages_print_at_12_point_or_larger(renderer) -> None:
    pdf = renderer.render(handout_for(example("diabetic-neuropathy"), summary=True))
    pages = _sizes_by_page(pdf)
    patient_pages = []
    for runs in pages:
        if any("Clinician summary" in text for _, text in runs):
            break
        patient_pages.append(runs)
    assert len(patient_pages) >= 5
    sizes = [size for runs in patient_pages for size, _ in runs]
    assert sizes and min(sizes) >= 12, sorted(set(sizes))
    body = [size for size, text in patient_pages[0] if text.startswith("This plan helps you")]
    assert body == [16]  # large print: body text at 16 pt (tests/handout/test_large_print.py measures it all)


def test_clinic_logo_is_printed(tmp_path) -> None:
    from PIL import Image as PilImage

    logo = tmp_path / "logo.png"
    PilImage.new("RGB", (240, 120), (30, 110, 160)).save(logo)
    handout = handout_for(example("peripheral-nerve-injury")).model_copy(update={"logo_path": str(logo)})
    reader = PdfReader(BytesIO(HandoutRenderer().render(handout)))
    assert len(reader.pages[0].images) == 1


# -- issue 14: a hostile clinic logo is one plain sentence, never a hang or a traceback -------------------

def _png_bomb(path: Path, side: int = 30_000) -> None:
    """A valid 1-bit PNG of side x side pixels whose data is zeros: ~100 kB on disk, 900 megapixels decoded."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (side + 7) // 8)
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0))
                     + chunk(b"IDAT", data) + chunk(b"IEND", b""))


def _logo_case(tmp_path: Path, case: str) -> Path:
    from PIL import Image as PilImage

    logo = tmp_path / f"{case}.png"
    if case == "bomb":
        _png_bomb(logo)
    elif case in ("truncated", "truncated-jpeg"):
        good = tmp_path / ("good.jpg" if case.endswith("jpeg") else "good.png")
        PilImage.effect_noise((600, 300), 60).convert("RGB").save(good)
        logo.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif case == "enormous":
        with open(logo, "wb") as handle:
            handle.write(b"\x89PNG\r\n\x1a\n")
            handle.truncate(200_000_000)  # sparse: costs no disk
    elif case == "not-an-image":
        logo.write_text("<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8")
    elif case == "folder":
        logo.mkdir()
    return logo


@pytest.mark.parametrize(("case", "message"), [
    ("bomb", "it is 30000 × 30000 pixels; choose an image of at most 16 megapixels in Settings, or clear the logo"),
    ("truncated", "the image file is damaged or cut short; choose the logo again in Settings, or clear it"),
    ("truncated-jpeg", "the image file is damaged or cut short; choose the logo again in Settings, or clear it"),
    ("enormous", "the file is 200 MB, more than a logo needs; choose an image under 10 MB in Settings, or clear the logo"),
    ("not-an-image", "it is not a PNG or JPEG image; choose the logo again in Settings, or clear it"),
    ("folder", "it is not a regular file (a folder, device or pipe); choose the logo again in Settings, or clear it"),
])
def test_a_hostile_logo_is_refused_in_one_sentence(tmp_path, case, message) -> None:
    from core.handout.export import HandoutError, render_handout
    from core.handout.logo import LogoError

    logo = _logo_case(tmp_path, case)
    handout = handout_for(example("peripheral-nerve-injury")).model_copy(update={"logo_path": str(logo)})
    with pytest.raises(LogoError) as caught:
        HandoutRenderer().render(handout)
    assert str(caught.value) == message
    with pytest.raises(HandoutError) as plain:
        render_handout(handout)
    assert str(plain.value) == f"The handout was not made: the logo image could not be read ({message})."
    assert str(logo) not in str(plain.value) and handout.patient_name not in str(plain.value)


@pytest.mark.parametrize(("name", "language", "footer"), [
    ("Example Patient (diabetic neuropathy) " * 3, "en",
     "Example Patient (diabetic … neuropathy), 21 November 2026"),
    ("Maria Fernanda Gonzalez-Iglesias de la Santísima Trinidad y Montenegro", "en",
     "Maria Fernanda … Montenegro, 21 November 2026"),
    ("Hubertus" + "x" * 80, "en", "Hubertus" + "x" * 31 + "…, 21 November 2026"),
    ("Amara Okafor-Whitfield", "en", "Treadmill plan for Amara Okafor-Whitfield, 21 November 2026"),
    # seen in review: "Plano de esteira para Maria da Conceição…", the surname left out
    ("Maria da Conceição Albuquerque Fernandes", "pt", "Maria da Conceição … Fernandes, 21 de novembro de 2026"),
])
def test_a_long_name_keeps_its_first_and_last_words_in_the_footer(renderer, name, language, footer) -> None:
    """The footer stays one line beside 'Page X of Y'. Where the whole name does not fit "Treadmill plan for …", the
    name and date stand alone, and a name that does not fit even so loses words from its middle: the first and last
    words find the patient's file (one long word is cut at its end)."""
    handout = handout_for(example("diabetic-neuropathy", name=name.strip()), language=language)
    pages = pdf_text(renderer.render(handout))
    for number, page in enumerate(pages, start=1):
        line = [line for line in page.splitlines() if line.strip().endswith(handout.date)][-1]  # the footer's
        assert line.strip() == footer
        assert handout.labels.page.format(page=number, total=len(pages)) in page


def test_shortening_keeps_whole_words_unless_that_loses_a_third() -> None:
    from core.handout.fitting import shortened

    def fits(room: int):
        return lambda text: len(text) <= room

    assert shortened("Example Patient (diabetic neuropathy)", fits(40)) == "Example Patient (diabetic neuropathy)"
    assert shortened("Example Patient (diabetic neuropathy)", fits(34)) == "Example Patient (diabetic…)"
    assert shortened("Example Patient (diabetic neuropathy)", fits(27)) == "Example Patient (diabetic…)"  # closed too
    assert shortened("Example Patient (diabetic neuropathy)", fits(26)) == "Example Patient (diabeti…)"  # by letter
    assert shortened("Maria Gonzalez-Fernandez", fits(16)) == "Maria Gonzalez-…"
    assert shortened("Maria Gonzalez Fernandez", fits(16)) == "Maria Gonzalez…"
    assert shortened("王小明王小明王小明", fits(5)) == "王小明王…"
    assert shortened("Ann", fits(0)) == "…"


@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi", "zh-Hans"])
def test_the_safety_page_says_hold_the_handrails_once(renderer, tag) -> None:
    """Parkinson's brings the harness, fall-risk and freezing points and the treadmill picture: its captions say
    to hold the handrails and clip the cord, once; the points add what is their own, the freezing line whole."""
    from core.handout.language import Wording
    from tests.handout.test_languages import _flat

    t = Wording(tag)
    handout = handout_for(example("parkinsons-pain"), language=tag)
    pages = [_flat(text) for text in pdf_text(renderer.render(handout))]
    every = "".join(pages)
    assert every.count(_flat(t("Hold the handrails."))) == 1
    assert every.count(_flat(t("Clip the safety cord to your clothes."))) == 1
    freezing = t("If your feet feel stuck, hold the handrails and press the stop key.")
    assert freezing in handout.safety
    page = next(text for text in pages if _flat(t("Your safety points")) in text)
    assert all(_flat(point) in page for point in handout.safety)
    page = next(text for text in pages if _flat(t("Using the treadmill safely")) in text)
    assert all(_flat(point) in page for point in handout.safety_captions)


def test_a_paragraph_never_leaves_its_last_line_alone_at_the_top_of_a_page() -> None:
    """The clinician summary's last flag printed its last line alone on a 16th page; a paragraph split across
    pages now carries at least two lines over."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from core.handout.fonts import register_fonts
    from core.handout.styles import paragraph_style

    register_fonts()
    style = paragraph_style("widow-test", 12)
    words = " ".join(f"word{i}" for i in range(60))
    out = BytesIO()
    document = SimpleDocTemplate(out, pagesize=A4)
    paragraph = Paragraph(words, style)
    paragraph.wrap(document.width - 12, document.height)  # the frame's padding, 6 pt each side
    lines = len(paragraph.blPara.lines)
    room = (lines - 1) * style.leading + style.leading / 2  # every line but the last fits on page 1
    document.build([Spacer(1, document.height - 12 - room), Paragraph(words, style)])
    second = PdfReader(BytesIO(out.getvalue())).pages[1].extract_text().splitlines()
    assert len([line for line in second if line.strip()]) >= 2, second


def test_the_patients_pages_are_numbered_without_the_clinician_summary(renderer) -> None:
    """'Page 10 of 12' on the patient's last page read as two pages missing once the summary was kept back."""
    pages = pdf_text(renderer.render(handout_for(example("peripheral-nerve-injury"), summary=True)))
    patient = next(index for index, page in enumerate(pages) if "Clinician summary" in page)
    for index, page in enumerate(pages):
        number = (f"Page {index + 1} of {patient}" if index < patient else
                  f"Clinician page {index - patient + 1} of {len(pages) - patient}")
        assert number in page, (index, page[-120:])


@pytest.mark.parametrize("language", ["en", "zh_Hans"])
def test_no_heading_is_the_last_line_of_a_page(renderer, language) -> None:
    """The pulse heading stood alone at the foot of a Chinese page, its steps on the next; in standard print
    the English one kept one step of four. A heading is never a page's last line, and the pulse steps stay
    together."""
    from tests.handout.test_languages import _flat
    from tests.plan.profiles import ETIOLOGIES

    for etiology in ETIOLOGIES:
        for size in ("large", "standard"):
            handout = handout_for(example(etiology), language=language).model_copy(update={"print_size": size})
            labels = handout.labels
            headings = [labels.plan_heading, labels.effort_heading, labels.pulse_heading, labels.pain_heading,
                        labels.stop_heading, labels.safety_heading, labels.log_heading, labels.chart_title]
            pages = pdf_text(renderer.render(handout))
            for number, page in enumerate(pages, start=1):
                body = [line.strip() for line in page.splitlines() if line.strip()][:-3]  # the footer's 3 lines
                assert body[-1] not in headings, (etiology, size, number, body[-3:])
            if handout.pulse:
                pulse_page = next(page for page in pages if labels.pulse_heading in page)
                assert all(_flat(step) in _flat(pulse_page) for step in handout.pulse), (etiology, size)


@pytest.mark.parametrize("language", ["es", "pt"])
def test_a_heading_line_never_ends_on_a_one_letter_word(renderer, language) -> None:
    """Seen in review: "Velocidad e" over "inclinación", the "e" alone on its line in the week plan's heading."""
    lines = [line.strip() for line in pdf_text(renderer.render(
        handout_for(example("diabetic-neuropathy"), language=language)))[1].splitlines()]
    assert "e" not in lines and not any(line.endswith(" e") for line in lines), lines[:14]
