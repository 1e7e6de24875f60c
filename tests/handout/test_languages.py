"""Handouts in every language: the catalogs are complete and match the code, every handout is built and read
back, every character is drawn by an embedded font that has it, and right-to-left and shaped text is checked
on rendered pages. A language no medical translator has reviewed is named to the clinician only."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from io import BytesIO

import pytest
from babel.messages.pofile import read_po
from pypdf import PdfReader

from core.handout.catalogs import catalog_path, fields, template
from core.handout.language import REVIEW_HEADER, Wording, review, unreviewed_note
from core.handout.readability import readability
from core.handout.renderer import HandoutRenderer
from core.languages import SOURCE_LANGUAGE, UnknownLanguage, canonical_tag, languages
from core.resources import resource_path
from tests.handout.helpers import example, handout_for

TAGS = [known.tag for known in languages()]
TRANSLATED = [tag for tag in TAGS if tag != SOURCE_LANGUAGE]
# Between them these profiles use every sentence of the handout: pulse and no pulse, short walks, an amber
# pain band, each safety point.
PROFILES = {
    "diabetic": example("diabetic-neuropathy"),
    "spinal": example("spinal-cord-injury"),
    "stroke": example("post-stroke-pain", pain_nrs=5),
    "trigeminal": example("trigeminal-neuropathy", beta_blocker=True),
    "sclerosis": example("multiple-sclerosis-pain"),
}
poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")


def _handout(profile, tag: str, name: str | None = None):
    if name is not None:
        profile = profile.model_copy(update={"name": name})
    return handout_for(profile, language=tag)


@pytest.fixture(scope="module")
def renderer() -> HandoutRenderer:
    return HandoutRenderer()


def test_the_template_holds_every_message_of_the_code() -> None:
    with open(resource_path("locale", "handout.pot"), "rb") as handle:
        on_disk = {message.id for message in read_po(handle) if message.id}
    assert on_disk == {message.id for message in template() if message.id}, \
        "run: uv run python -m core.handout.catalogs"


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_catalog_translates_every_message_with_its_fields(tag) -> None:
    with open(catalog_path(tag), "rb") as handle:
        catalog = read_po(handle)
    wanted = {message.id for message in template() if message.id}
    translated = {message.id: message for message in catalog if message.id}
    assert wanted <= set(translated), sorted(wanted - set(translated))
    for message_id in wanted:
        message = translated[message_id]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and not message.fuzzy, message_id
        if isinstance(message.id, tuple):  # a counted message: one form for each of the language's plural forms
            assert len(forms) == catalog.num_plurals, message_id
            # its general form (the last) has every field; a form for one number may say it in words (Arabic's
            # two walks: مرتين), so it may leave that field out, but has no field of its own
            assert fields(forms[-1]) == fields(message_id), message_id
            assert all(fields(form) <= fields(message_id) for form in forms), message_id
        else:
            assert fields(message.string) == fields(message_id), message_id


@pytest.mark.parametrize("tag", TRANSLATED)
def test_no_medical_translator_has_reviewed_these_yet_and_the_clinician_is_told(tag) -> None:
    assert review(tag).reviewed is False and review(tag).note == "none"
    note = unreviewed_note(tag)
    assert note and "qualified medical translator" in note
    assert unreviewed_note("en") is None


def test_a_tag_is_matched_as_bcp47_and_an_unknown_one_names_the_choices() -> None:
    assert canonical_tag("zh-hans") == "zh-Hans" and canonical_tag("ES") == "es"
    with pytest.raises(UnknownLanguage, match=r"choose one of: en \(English\), es \(Spanish\)"):
        canonical_tag("klingon")


@pytest.mark.parametrize(("tag", "shipped"), [
    ("es-MX", "es"), ("pt-BR", "pt"), ("en-GB", "en"), ("ar-EG", "ar"), ("vi_VN", "vi"),
    ("zh", "zh-Hans"), ("zh-CN", "zh-Hans"), ("zh-SG", "zh-Hans"), ("zh-Hans-CN", "zh-Hans"),
])
def test_a_regional_tag_falls_back_to_the_shipped_language_it_is_written_in(tag, shipped) -> None:
    assert canonical_tag(tag) == shipped


@pytest.mark.parametrize("tag", ["zh-TW", "zh-HK", "zh-Hant", "fr-CA"])
def test_a_tag_whose_writing_has_no_catalog_is_refused(tag) -> None:
    with pytest.raises(UnknownLanguage, match=f"language '{tag}' has no handout catalog"):
        canonical_tag(tag)


@pytest.mark.parametrize("tag", TAGS)
def test_the_patient_words_come_from_the_catalog_and_read_easily(tag) -> None:
    t = Wording(tag)
    texts = []
    for profile in PROFILES.values():
        handout = _handout(profile, tag)
        assert handout.language == tag and handout.title == t("Your treadmill walking plan")
        assert handout.stop_intro == t("Stop walking at once if you have any of these:")
        assert handout.labels.page == t("Page {page} of {total}")
        texts += handout.patient_texts()
    if tag != SOURCE_LANGUAGE:
        english = set(_handout(PROFILES["diabetic"], SOURCE_LANGUAGE).patient_texts())
        assert not english & set(_handout(PROFILES["diabetic"], tag).patient_texts())  # nothing left in English
    check = readability(texts, tag)
    assert check.ok, str(check)


def _body_text(pdf: bytes) -> str:
    """The text above each page's footer, so a paragraph carried over to the next page reads whole."""
    from core.handout.renderer import FOOTER_ROOM

    pieces: list[str] = []
    for page in PdfReader(BytesIO(pdf)).pages:
        page.extract_text(visitor_text=lambda text, cm, tm, font, size: pieces.append(text)
                          if tm[5] * cm[3] + cm[5] > FOOTER_ROOM else None)
    return "".join(pieces)


def _flat(text: str) -> str:
    return re.sub(r"[\s\u2066-\u2069]+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("tag", [tag for tag in TAGS if tag != "ar"])
def test_the_text_read_back_is_the_catalogs(renderer, tag) -> None:
    """Every sentence of the patient's pages is in the PDF as the catalog has it (Arabic, drawn as shaped
    glyphs in visual order, is checked on rendered pages below)."""
    for profile in PROFILES.values():
        handout = _handout(profile, tag)
        text = _flat(_body_text(renderer.render(handout)))
        columns = [name for index, name in enumerate(handout.labels.week_columns) if index != 4 or handout.uses_heart_rate]
        for sentence in [*handout.patient_texts(), *columns, handout.labels.log_heading]:
            assert _flat(sentence) in text, sentence


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

    from core.handout.renderer import paragraph_style
    from core.handout.script_text import paragraph

    shaped, apart = tmp_path / "shaped", tmp_path / "apart"
    for folder, text in ((shaped, word), (apart, "  ".join(word))):
        folder.mkdir()
        SimpleDocTemplate(str(folder / "word.pdf")).build([paragraph(text, paragraph_style("word", 40))])
    assert _ink_blobs(shaped / "word.pdf", shaped) < _ink_blobs(apart / "word.pdf", apart)
    assert _ink_blobs(shaped / "word.pdf", shaped) <= letters // 2 + 1


def test_harfbuzz_loads_only_for_a_script_that_is_shaped() -> None:
    """An English handout costs no more than before: HarfBuzz (7 ms to load) waits for a shaped script."""
    import sys

    from tests.conftest import REPO_ROOT

    script = ("import sys\nfrom tests.handout.test_languages import _handout, PROFILES\n"
              "from core.handout.renderer import HandoutRenderer\n"
              "renderer = HandoutRenderer()\nrenderer.render(_handout(PROFILES['diabetic'], 'zh-Hans'))\n"
              "print('uharfbuzz._harfbuzz' in sys.modules)\n"
              "renderer.render(_handout(PROFILES['diabetic'], 'en', name='سلمى حداد'))\n"
              "print('uharfbuzz._harfbuzz' in sys.modules)\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert result.stdout.split() == ["False", "True"], result.stderr


@pytest.fixture(autouse=True)
def _fonts() -> None:
    from core.handout.fonts import register_fonts

    register_fonts()


def _visual_lines(text: str, *, rtl: bool, width: float = 400) -> list[list[str]]:
    """The words of each laid-out line, left to right as drawn (a word as typed)."""
    from core.handout.renderer import paragraph_style
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
    from core.handout.renderer import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph("غرفة12 ٠١٢٣", paragraph_style("check", 16), rtl=True)
    flowable.wrap(400, 1000)
    pieces = [str(piece.text) for word in flowable._lines[0] for piece in word.pieces]
    assert "12" in pieces and "٠١٢٣" in pieces


def test_a_long_word_in_right_to_left_text_is_cut_to_fit_the_line() -> None:
    from core.handout.renderer import paragraph_style
    from core.handout.script_text import BidiParagraph

    flowable = BidiParagraph("العيادة " + "x" * 120, paragraph_style("check", 16), rtl=True)
    flowable.wrap(200, 10_000)
    assert len(flowable._lines) >= 3 and all(sum(word.width for word in line) <= 200 for line in flowable._lines)


def test_an_english_footer_keeps_the_date_after_an_arabic_name() -> None:
    from core.handout.fitting import fitted_footer

    footer = fitted_footer("Treadmill plan for {name}, {date}", "سلمى حداد", "2026-11-30", 500)
    line = _visual_lines(footer, rtl=False, width=500)[0]
    assert line == ["Treadmill", "plan", "for", "حداد", "سلمى", ",", "2026-11-30"]  # the name reads right to left


@pytest.mark.parametrize(("tag", "counts"), [
    ("en", {1: "about 1 minute", 2: "about 2 minutes", 2.5: "about 2.5 minutes"}),
    ("es", {1: "alrededor de 1 minuto", 3: "unos 3 minutos"}),
    ("ar", {1: "حوالي 1 دقيقة", 5: "حوالي 5 دقائق", 11: "حوالي 11 دقيقة", 2.5: "حوالي 2.5 دقيقة"}),
    ("zh-Hans", {1: "约 1 分钟", 5: "约 5 分钟"}),
])
def test_a_counted_message_takes_the_languages_form_for_the_count(tag, counts) -> None:
    t = Wording(tag)
    for count, expected in counts.items():
        assert t.plural("about {minutes} minute", "about {minutes} minutes", count, minutes=str(count)) == expected


@pytest.mark.parametrize("language", ["ar", "zh-Hans", "es"])
def test_the_clinician_pages_have_english_footers_in_any_language(language) -> None:
    """The clinician summary is in English, and so are its pages' footer, page number and phone line; the
    patient's pages keep theirs in the patient's language. Each part counts its own pages, so the patient's pages
handed over without the summary are complete ("Page 10 of 10", not "of 12")."""
    from core.handout.renderer import HandoutRenderer
    from tests.handout.helpers import example, handout_for, pdf_text

    handout = handout_for(example("diabetic-neuropathy"), summary=True, language=language)
    pages = pdf_text(HandoutRenderer().render(handout))
    first_clinician = next(index for index, page in enumerate(pages) if "Clinician summary" in page)
    assert first_clinician > 0
    clinician_pages = len(pages) - first_clinician
    for index, page in enumerate(pages):
        english = (f"Clinician page {index - first_clinician + 1} of {clinician_pages}" in page
                   and "Treadmill plan for" in page and "Clinic phone: 555 0100" in page and "2026-11-21" in page)
        assert english == (index >= first_clinician), (index, page[-200:])


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_catalog_states_its_medical_review_in_its_header(tag) -> None:
    """The X-Medical-Review header field, which translators' tools show and keep (a file comment naming it is not
    the field)."""
    assert REVIEW_HEADER.search(catalog_path(tag).read_text(encoding="utf-8"))


def test_punctuation_beside_a_number_takes_the_arabic_sentences_side() -> None:
    """"إلى 20." was drawn with the full stop between the number and the word before it, and "(4 أو أقل)" with both
    brackets facing one way: a number reads left to right, its marks read with the sentence."""
    from core.handout.renderer import paragraph_style
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


def test_the_walks_in_parts_are_counted_in_arabic_two_as_its_own_form() -> None:
    """Seen in review: the spinal cord injury handout said "تمشي 2 مرات" (2 times, the form for 3 to 10) where
    Arabic says two times in one word, مرتين."""
    handout = handout_for(example("spinal-cord-injury"), language="ar")
    [parts] = [line for line in handout.intro if "أجزاء قصيرة" in line]
    assert "مرتين" in parts and "مرات" not in parts.split("،")[0]
    english = handout_for(example("spinal-cord-injury"))
    assert any("means 2 walks of" in line for line in english.intro)
