"""Handouts in every language: the catalogs are complete and match the code, a language tag finds its catalog,
every handout is built and its text read back as the catalog has it, and a counted message takes each language's
form. A language no medical translator has reviewed is named to the clinician only. (Scripts, fonts and
right-to-left text on the rendered page: test_scripts_on_the_page.py.)"""

from __future__ import annotations

import re
import shutil
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
    "spinal T4": example("spinal-cord-injury", sci_level="T4", resting_bp=(110, 70)),  # dysreflexia's words
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


def test_the_catalogs_keep_their_date_when_no_message_changed() -> None:
    """Seen in testing: every run of the catalog tool dated all six files anew, leaving the tree changed. The shipped
    template matches the code, so a run keeps its date."""
    from core.handout.catalogs import _same_messages

    with open(resource_path("locale", "handout.pot"), "rb") as handle:
        assert _same_messages(read_po(handle), template()), "run: uv run python -m core.handout.catalogs"


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


@pytest.mark.parametrize(("tag", "counts"), [
    ("en", {1: "about 1 second", 2: "about 2 seconds", 2.5: "about 2.5 seconds"}),
    ("es", {1: "alrededor de 1 segundo", 3: "unos 3 segundos"}),
    ("ar", {1: "حوالي 1 ثانية", 5: "حوالي 5 ثوانٍ", 11: "حوالي 11 ثانية", 2.5: "حوالي 2.5 ثانية"}),
    ("zh-Hans", {1: "约 1 秒", 5: "约 5 秒"}),
])
def test_a_counted_message_takes_the_languages_form_for_the_count(tag, counts) -> None:
    t = Wording(tag)
    for count, expected in counts.items():
        assert t.plural("about {seconds} second", "about {seconds} seconds", count, seconds=str(count)) == expected


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
        english = (f"Clinician page {index - first_clinician + 1} of {clinician_pages}" in page and "Clinic phone: "
                   "555 0100" in page and "Example Patient (diabetic neuropathy), 21 November 2026" in page)
        assert english == (index >= first_clinician), (index, page[-200:])


@pytest.mark.parametrize("tag", TRANSLATED)
def test_every_catalog_states_its_medical_review_in_its_header(tag) -> None:
    """The X-Medical-Review header field, which translators' tools show and keep (a file comment naming it is not
    the field)."""
    assert REVIEW_HEADER.search(catalog_path(tag).read_text(encoding="utf-8"))


def test_the_walks_in_parts_are_counted_in_arabic_two_as_its_own_form() -> None:
    """Seen in review: the spinal cord injury handout said "تمشي 2 مرات" (2 times, the form for 3 to 10) where
    Arabic says two times in one word, مرتين."""
    handout = handout_for(example("spinal-cord-injury"), language="ar")
    [parts] = [line for line in handout.intro if "أجزاء قصيرة" in line]
    assert "مرتين" in parts and "مرات" not in parts.split("،")[0]
    english = handout_for(example("spinal-cord-injury"))
    assert any("means 2 walks of" in line for line in english.intro)


@pytest.mark.parametrize(("tag", "planned"), [("vi", "theo kế hoạch"), ("zh-Hans", "按计划")])
def test_the_log_asks_for_the_minutes_walked_not_the_minutes_planned(tag, planned) -> None:
    """Seen in review: Vietnamese and Chinese asked for "how long you walked according to the plan"; a patient copying
    the planned minutes makes a short walk count as the week done (core/plan/adjustment.py)."""
    said = Wording(tag)("In Minutes, write how long your walk was. Do not count the slow walking before and after.")
    assert planned not in said


def test_a_language_not_fully_translated_makes_no_handout_and_says_why(monkeypatch) -> None:
    """Seen in review: a language being added (5 of 160 messages translated) printed its handout in English, with
    only the unreviewed note to say anything; the patient would read English."""
    import copy
    import datetime as dt

    from core.handout import language as handout_language
    from core.handout.export import HandoutError, make_handout
    from core.plan.engine import compute_plan
    from core.settings import Settings

    partial = copy.deepcopy(handout_language._catalog("es"))
    partial["Your plan at a glance"].string = ""  # one message left to translate
    monkeypatch.setattr(handout_language, "_catalog", lambda tag: partial if tag == "es" else None)
    assert handout_language.untranslated("es") == 1 and handout_language.untranslated("en") == 0
    profile = example("diabetic-neuropathy")
    with pytest.raises(HandoutError, match=r"^The Spanish handout was not made: 1 of its messages is not translated"):
        make_handout(profile, compute_plan(profile, []), [], Settings(), etiology=None, date=dt.date(2026, 12, 3),
                     language="es")
    assert make_handout(profile, compute_plan(profile, []), [], Settings(), etiology=None, date=dt.date(2026, 12, 3),
                        language="en").language == "en"


@poppler
@pytest.mark.parametrize("tag", ["en", "es", "pt", "vi"])
def test_every_word_of_the_week_tables_headings_is_printed_whole(renderer, tag, tmp_path) -> None:
    """Seen in review: large print in Portuguese with "Semana" for "Sem." broke "Pulsação" into "Pulsaçã" over "o",
    and "Velocidade" and "inclinação" likewise: six columns' words were wider than the page at 16 pt. The headings are
    then 14 pt (the first one written out here, as a translation may)."""
    import subprocess

    handout = _handout(PROFILES["spinal"], tag)
    first = {"en": "Week", "es": "Semana", "pt": "Semana", "vi": "Tuần"}[tag]
    labels = handout.labels.model_copy(update={"week_columns": [first, *handout.labels.week_columns[1:]]})
    handout = handout.model_copy(update={"labels": labels})
    pdf = tmp_path / f"{tag}.pdf"
    pdf.write_bytes(renderer.render(handout))
    printed = set()
    for page in (1, 2, 3):
        html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        printed |= set(re.findall(r"<word [^>]*>([^<]*)</word>", html))
    columns = [name for index, name in enumerate(handout.labels.week_columns) if index != 4 or handout.uses_heart_rate]
    for word in " ".join(columns).split():
        assert word in printed, (tag, word)


@pytest.mark.parametrize(("tag", "words"), [
    ("es", "semana anterior de su plan"), ("pt", "semana anterior do seu plano"),
    ("vi", "tuần trước đó trong kế hoạch"), ("zh-Hans", "计划中的上一周"), ("ar", "الأسبوع السابق في خطتك")])
def test_going_back_means_the_week_before_in_the_plan_in_every_language(tag, words) -> None:
    """Seen in review: "last week" read by the calendar, by a patient walking a week again; the translations said
    "the previous week's plan" where the English now says "the week before in your plan"."""
    handout = _handout(PROFILES["spinal"], tag)
    assert words in handout.pain_red and words in handout.pain_morning[1] and words in handout.pain_morning[2]


def test_a_languages_label_has_one_pair_of_brackets() -> None:
    """Seen in review: the handout language list read "简体中文 (Chinese (Simplified))", and --help likewise."""
    from core.languages import language

    assert language("zh-Hans").label == "简体中文 (Chinese, Simplified)"
    assert language("es").label == "Español (Spanish)" and language("en").label == "English"
    assert all(known.label.count("(") <= 1 for known in languages())
    with pytest.raises(UnknownLanguage, match=r"zh-Hans \(Chinese, Simplified\), vi"):
        language("zh-TW")
