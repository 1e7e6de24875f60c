"""Every script on the rendered page, in every handout language: the fonts embedded, right-to-left text read from
the right (numbers, phone numbers and their punctuation kept as written), shaped scripts joined, and HarfBuzz
loaded only when a shaped script needs it. (The catalogs and their wording are test_languages.py.)"""

from __future__ import annotations

import re
import subprocess
import unicodedata
from io import BytesIO

import pytest
from pypdf import PdfReader

from core.handout.renderer import HandoutRenderer
from tests.handout.test_languages import PROFILES, TAGS, _flat, _handout, poppler


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


NAMES = {
    "Latin": "Nguyễn Thị Ánh Đào", "Greek": "Ελένη Παπαδοπούλου", "Cyrillic": "Ольга Иванова", "CJK": "王小明",
    "Arabic": "سلمى حداد", "Hebrew": "שרה כהן", "Devanagari": "राम शर्मा", "Gurmukhi": "ਹਰਪ੍ਰੀਤ ਸਿੰਘ",
}


@pytest.mark.parametrize("tag", TAGS)
def test_every_script_prints_in_every_language_with_embedded_fonts(renderer, tag, tmp_path) -> None:
    name = " ".join(NAMES.values())[:120]
    pdf = renderer.render(_handout(PROFILES["diabetic"], tag, name=name))
    reader = PdfReader(BytesIO(pdf))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font)
            assert "/FontFile2" in descriptor["/FontDescriptor"], font["/BaseFont"]  # embedded TrueType subsets
    text = "".join(page.extract_text() for page in reader.pages)
    assert "\ufffd" not in text and "\x00" not in text
    # Shaped scripts are checked on rendered pages: reportlab maps a conjunct's glyph to a private code point.
    for script in ("Latin", "Greek", "Cyrillic", "CJK"):
        for word in NAMES[script].split():  # a right-to-left line puts left-to-right runs in its own order
            assert _flat(word) in _flat(text), script


def _words(pdf_path, page: int = 1) -> list[tuple[float, float, str]]:
    """(x, y, text) of each word pdftotext finds on the page."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
                          capture_output=True, text=True, check=True).stdout
    return [(float(x), float(y), word) for x, y, word in
            re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', html)]


def _logical(visual: str) -> str:
    """A right-to-left word as extracted (shaped glyphs, left to right) back in reading order."""
    return "".join(unicodedata.normalize("NFKC", glyph) for glyph in reversed(visual))  # a ligature reads in order


@poppler
def test_right_to_left_text_reads_from_the_right_on_the_rendered_page(renderer, tmp_path) -> None:
    """In the English handout the Arabic name's first word is to the right of its second; in the Arabic
    handout the title starts at the right margin and its words run right to left."""
    english = tmp_path / "en.pdf"
    english.write_bytes(renderer.render(_handout(PROFILES["diabetic"], "en", name="سلمى حداد")))
    words = [(x, word) for x, y, word in _words(english) if re.search(r"[\u0600-\u06ff\ufb50-\ufeff]", word)]
    placed = {_logical(word): x for x, word in words[:2]}
    assert placed["سلمى"] > placed["حداد"], placed
    arabic = tmp_path / "ar.pdf"
    handout = _handout(PROFILES["diabetic"], "ar")
    arabic.write_bytes(renderer.render(handout))
    title_words = handout.title.split()
    first_line = sorted(_words(arabic), key=lambda w: (round(w[1]), w[0]))
    top = [w for w in first_line if round(w[1]) == round(first_line[0][1])]
    assert [_logical(word) for _, _, word in sorted(top, key=lambda w: -w[0])] == title_words
    image = _page_image(arabic, tmp_path)
    ink = [x for x in range(image.width) if any(image.getpixel((x, y)) < 128 for y in range(60, 120))]
    assert ink and image.width - max(ink) < image.width * 0.12 and min(ink) > image.width * 0.2  # flush right


def _page_image(pdf_path, tmp_path, dpi: int = 72):
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", "1", "-l", "1", "-gray", "-png", str(pdf_path),
                    str(tmp_path / "page")], check=True)
    return Image.open(next(tmp_path.glob("page*.png"))).convert("L")


def _ink_blobs(pdf_path, tmp_path) -> int:
    """Separate marks of ink on page 1 (8-connected), at 150 dpi."""
    from PIL import Image

    subprocess.run(["pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-gray", "-png", str(pdf_path),
                    str(tmp_path / "blobs")], check=True)
    image = Image.open(next(tmp_path.glob("blobs*.png"))).convert("L")
    width, height = image.size[0], image.size[1] // 4  # the word is at the top of the page
    pixels = image.load()
    seen, blobs = set(), 0
    for start in ((x, y) for y in range(height) for x in range(width)):
        if start in seen or pixels[start] >= 128:
            continue
        blobs += 1
        stack = [start]
        seen.add(start)
        while stack:
            x, y = stack.pop()
            for dx in (-1, 0, 1):
                for dy in (-1, 0, 1):
                    near = (x + dx, y + dy)
                    if 0 <= near[0] < width and 0 <= near[1] < height and near not in seen and pixels[near] < 128:
                        seen.add(near)
                        stack.append(near)
    return blobs


@poppler
@pytest.mark.parametrize("word, letters", [("سلمى", 4), ("हिन्दी", 4)])
def test_shaped_scripts_are_joined_on_the_rendered_page(word, letters, tmp_path) -> None:
    """Arabic letters join and Devanagari letters hang from one headline: a shaped word is far fewer separate
    marks of ink than its letters drawn one by one."""
    from reportlab.platypus import SimpleDocTemplate

    from core.handout.styles import paragraph_style
    from core.handout.script_text import paragraph

    shaped, apart = tmp_path / "shaped", tmp_path / "apart"
    for folder, text in ((shaped, word), (apart, "  ".join(word))):
        folder.mkdir()
        SimpleDocTemplate(str(folder / "word.pdf")).build([paragraph(text, paragraph_style("word", 40))])
    assert _ink_blobs(shaped / "word.pdf", shaped) < _ink_blobs(apart / "word.pdf", apart)
    assert _ink_blobs(shaped / "word.pdf", shaped) <= letters // 2 + 1


@poppler
@pytest.mark.parametrize("name", ["शर्मा", "ਸਿੰਘ"])
def test_a_shaped_name_in_a_chinese_sentence_is_drawn_as_alone(name, tmp_path) -> None:
    """Seen in review: in a Chinese handout's footer "शर्मा" showed its virama and "ਸਿੰਘ" its vowel sign on the wrong
    side (reportlab's Chinese line breaking does not shape): the name beside Chinese is the same ink as alone."""
    from reportlab.platypus import SimpleDocTemplate

    from core.handout.styles import paragraph_style
    from core.handout.script_text import paragraph

    blobs = []
    for number, text in enumerate((name, "的计划", f"{name} 的计划")):
        folder = tmp_path / str(number)
        folder.mkdir()
        SimpleDocTemplate(str(folder / "line.pdf")).build([paragraph(text, paragraph_style("line", 40))])
        blobs.append(_ink_blobs(folder / "line.pdf", folder))
    assert blobs[2] == blobs[0] + blobs[1], blobs


def test_harfbuzz_loads_only_for_a_script_that_is_shaped() -> None:
    """An English handout costs no more than before: HarfBuzz (7 ms to load) waits for a shaped script."""
    printed = _printed_in_a_new_process("import sys\n"
                                        "renderer.render(_handout(PROFILES['diabetic'], 'zh-Hans'))\n"
                                        "print('uharfbuzz._harfbuzz' in sys.modules)\n"
                                        "renderer.render(_handout(PROFILES['diabetic'], 'en', name='سلمى حداد'))\n"
                                        "print('uharfbuzz._harfbuzz' in sys.modules)\n")
    assert printed == ["False", "True"]


def test_the_chinese_line_break_patterns_are_compiled_only_for_chinese_text() -> None:
    """An English handout does without them (12 ms to compile); a Chinese one breaks its headings with them."""
    printed = _printed_in_a_new_process("from core.handout import line_breaks\n"
                                        "renderer.render(_handout(PROFILES['diabetic'], 'en'))\n"
                                        "print(line_breaks._han_patterns.cache_info().currsize)\n"
                                        "renderer.render(_handout(PROFILES['diabetic'], 'zh-Hans'))\n"
                                        "print(line_breaks._han_patterns.cache_info().currsize)\n")
    assert printed == ["0", "1"]


def _printed_in_a_new_process(script: str) -> list[str]:
    """What ``script`` prints, run in a Python of its own after a handout renderer is made (what a process loads)."""
    import sys

    from tests.conftest import REPO_ROOT

    script = ("from tests.handout.test_languages import _handout, PROFILES\n"
              "from core.handout.renderer import HandoutRenderer\n"
              "renderer = HandoutRenderer()\n" + script)
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


@pytest.fixture(autouse=True)
def _fonts() -> None:
    from core.handout.fonts import register_fonts

    register_fonts()


def _visual_lines(text: str, *, rtl: bool, width: float = 400) -> list[list[str]]:
    """The words of each laid-out line, left to right as drawn (a word as typed)."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph(text, paragraph_style("check", 16), rtl=rtl)
    flowable.wrap(width, 10_000)
    return [[word.text for word in flowable._visual(line)] for line in flowable._lines]


def test_a_phone_number_and_a_short_walk_keep_their_order_in_right_to_left_text() -> None:
    from core.scripts import isolated

    line = _visual_lines(f"ثم اتصل بالعيادة: {isolated('555 0100')}.", rtl=True)[0]
    assert line[:3] == [".", "555", "0100"]  # the full stop at the sentence's end (left); the number as written
    intro = _visual_lines(f"في بعض الأسابيع: {isolated('8 (2 × 4)')} تعني مرتين", rtl=True)[0]
    at = intro.index("8")
    assert intro[at:at + 4] == ["8", "(2", "×", "4)"]


@pytest.mark.parametrize("width", [260, 330, 400, 480])  # a patient page is about 480 points wide
def test_a_blood_sugar_level_stays_whole_and_left_to_right_in_arabic(width) -> None:
    """"100 mg/dL (5.6 mmol/L)" is one left-to-right unit of the right-to-left sentence at any line width (it was
    split over two lines and drawn as "(5.6 mg/dL 100" over "mmol/L)")."""
    line = next(text for text in _handout(PROFILES["diabetic"], "ar").safety if "mg/dL" in text)
    drawn = [word for words in _visual_lines(line, rtl=True, width=width) for word in words]
    for level in ("100\u00a0mg/dL\u00a0(5.6\u00a0mmol/L)", "250\u00a0mg/dL\u00a0(13.9\u00a0mmol/L)"):
        assert level in drawn, drawn


def test_digits_inside_arabic_words_are_drawn_as_written() -> None:
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph("غرفة12 ٠١٢٣", paragraph_style("check", 16), rtl=True)
    flowable.wrap(400, 1000)
    pieces = [str(piece.text) for word in flowable._lines[0] for piece in word.pieces]
    assert "12" in pieces and "٠١٢٣" in pieces


def test_a_long_word_in_right_to_left_text_is_cut_to_fit_the_line() -> None:
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph("العيادة " + "x" * 120, paragraph_style("check", 16), rtl=True)
    flowable.wrap(200, 10_000)
    assert len(flowable._lines) >= 3 and all(sum(word.width for word in line) <= 200 for line in flowable._lines)


def test_an_english_footer_keeps_the_date_after_an_arabic_name() -> None:
    from core.handout.fitting import fitted_footer

    footer = fitted_footer("Treadmill plan for {name}, {date}", "سلمى حداد", "2026-11-30", 500)
    line = _visual_lines(footer, rtl=False, width=500)[0]
    assert line == ["Treadmill", "plan", "for", "حداد", "سلمى", ",", "2026-11-30"]  # the name reads right to left


@pytest.mark.parametrize("rtl", [False, True])
def test_a_name_in_two_scripts_keeps_its_latin_words_in_order_inside_a_footer(rtl) -> None:
    """Seen in review: "فاطمة الزهراء (Fatima Zahra)" in an English footer was turned round whole, its Latin words
    with it ("Zahra) (Fatima"), with a space before the comma after it; page 1, where it stands alone, was right."""
    from core.handout.fitting import fitted_footer
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    template = "خطة المشي لـ {name}، {date}" if rtl else "Treadmill plan for {name}, {date}"
    footer = fitted_footer(template, "فاطمة الزهراء (Fatima Zahra)", "2026-11-30", 800)
    line = _visual_lines(footer, rtl=rtl, width=800)[0]
    at = line.index("(Fatima")
    assert line[at:at + 4] == ["(Fatima", "Zahra)", "الزهراء", "فاطمة"], line  # read from the right: the name
    if not rtl:
        assert line[at + 4:] == [",", "2026-11-30"]
        words = BidiParagraph(footer, paragraph_style("check", 16), rtl=False)
        words.wrap(800, 1000)
        drawn = words._visual(words._lines[0])
        assert not words._gap(drawn[at + 3], drawn[at + 4])  # "فاطمة," as typed, no space before the comma


def test_a_bracket_closing_after_a_number_in_an_arabic_word_is_drawn_on_its_left() -> None:
    """Seen in review: the week table's "5:30 (4 × حوالي 1:30)" drew "1:30)" beside the word, the bracket between
    them facing the wrong way; it closes the part read last, on the left, mirrored: "(1:30 حوالي × 4) 5:30"."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph("5:30 (4\u00a0× حوالي\u00a01:30)", paragraph_style("check", 16), rtl=True)
    flowable.wrap(480, 1000)
    drawn = flowable._visual(flowable._lines[0])
    assert [str(piece.text) for piece in drawn[0].pieces][:2] == ["(", "1:30"]
    assert ["".join(str(piece.text) for piece in word.pieces) for word in drawn[1:]] == ["×\u00a0", "4", ")", "5:30"]


def test_punctuation_beside_a_number_takes_the_arabic_sentences_side() -> None:
    """"إلى 20." was drawn with the full stop between the number and the word before it, and "(4 أو أقل)" with both
    brackets facing one way: a number reads left to right, its marks read with the sentence."""
    from core.handout.styles import paragraph_style
    from core.handout.script_text import BidiParagraph

    def drawn(text: str) -> list[str]:
        flowable = BidiParagraph(text, paragraph_style("check", 16), rtl=True)
        flowable.wrap(480, 1000)
        return ["".join(str(piece.text) for piece in word.pieces) if word.direction == "N" else word.text
                for word in flowable._visual(flowable._lines[0])]

    assert drawn("قيم من 6 إلى 20. اكتب")[:4] == ["اكتب", ".", "20", "إلى"]  # the stop ends the sentence, on its left
    assert drawn("من 9 إلى 11: تشعر")[:3] == ["تشعر", ":", "11"]
    # the bracket before 4 is drawn at its right, mirrored to close over the words it opens
    assert drawn("المعتاد (4 أو أقل) صباح")[1:5] == ["أقل)", "أو", "4", ")"]
    assert drawn("من 6-20 و 13.9")[:3] == ["13.9", "و", "6-20"]  # a range and a decimal stay whole


@poppler
def test_bold_chinese_is_darker_than_regular_though_its_font_has_no_bold_face(tmp_path) -> None:
    """Seen in testing: a Chinese handout's stop signs, headings and low blood sugar steps printed at the weight of
    the text around them (the shipped CJK font has no bold face); only their digits stood out."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import SimpleDocTemplate

    from core.handout.fonts import BOLD, REGULAR, register_fonts
    from core.handout.script_text import paragraph

    register_fonts()
    ink = {}
    for weight, font in (("regular", REGULAR), ("bold", BOLD)):
        pdf = tmp_path / f"{weight}.pdf"
        style = ParagraphStyle(weight, fontName=font, fontSize=16, leading=22)
        SimpleDocTemplate(str(pdf)).build([paragraph("如果胸口疼痛、晕倒，请立即叫救护车。" * 3, style)])
        folder = tmp_path / weight
        folder.mkdir()
        image = _page_image(pdf, folder, dpi=150)
        ink[weight] = sum(image.histogram()[:128])  # pixels darker than mid-grey
    assert ink["bold"] > ink["regular"] * 1.15, ink


@poppler
def test_a_centred_name_stays_centred_in_a_right_to_left_handout(renderer, tmp_path) -> None:
    """Seen in testing: the Arabic chart's axis name sat flush right, under the minutes axis, where English centres
    "Weeks" under the bars."""
    arabic = tmp_path / "ar.pdf"
    handout = _handout(PROFILES["diabetic"], "ar")
    arabic.write_bytes(renderer.render(handout))
    def axis_row(words) -> float | None:  # the line of week numbers under the bars: 1 to 12 on one line
        rows = {}
        for _, y, word in words:
            rows.setdefault(y, set()).add(word)
        return next((y for y, row in rows.items() if {str(week) for week in range(1, 13)} <= row), None)  # not the
        # footer's "page 1 of 12"

    page = next(number for number in range(1, 6) if axis_row(_words(arabic, number)) is not None)
    words = _words(arabic, page)
    numbers_y = axis_row(words)
    [(axis_x, _, axis)] = [(x, y, word) for x, y, word in words
                           if numbers_y < y < numbers_y + 40 and re.search(r"[\u0600-\u06ff\ufb50-\ufeff]", word)]
    numbers = [x for x, y, word in words if y == numbers_y and word.isdigit()]
    assert _logical(axis) == handout.labels.chart_axis
    middle_of_bars = (min(numbers) + max(numbers)) / 2
    assert abs(axis_x - middle_of_bars) < 60, (axis_x, middle_of_bars)  # the word's left edge, near the middle


@poppler
def test_a_walk_in_parts_reads_its_total_first_in_every_arabic_row_and_in_the_introduction(renderer, tmp_path) -> None:
    """Seen in review: the Arabic week table drew "7:00 (4 × 1:45)" with its total on the left, read last, and the next
    week "(1:40 حوالي × 4) 6:30" with its total on the right, read first: the cells were laid out by their first letter,
    and a walk in equal parts has none. Every walk's total now reads first (on the right, or on a line above), in the
    table and in the introduction's example of it."""
    profile = PROFILES["spinal"].model_copy(update={"baseline_walk_min": 1.5})
    handout = _handout(profile, "ar")
    totals = {week.walking.split()[0] for week in handout.weeks if "×" in week.walking}
    assert any("حوالي" in week.walking for week in handout.weeks) and any(
        "×" in week.walking and "حوالي" not in week.walking for week in handout.weeks)  # parts equal, and "about"
    pdf = tmp_path / "ar.pdf"
    pdf.write_bytes(renderer.render(handout))
    checked = 0
    for page in (1, 2, 3):
        lines: dict[int, list[tuple[float, str]]] = {}
        for x, y, word in _words(pdf, page):
            lines.setdefault(round(y), []).append((x, word))
        for words in lines.values():
            times = [x for x, word in words if "×" in word]
            for x, word in words:
                if times and word.strip("()") in totals:
                    assert x > max(times), (page, sorted(words))
                    checked += 1
    assert checked >= 3

