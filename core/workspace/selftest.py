"""``--self-test``: check every capability of this build, one line per check, headless."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TextIO

from pydantic import BaseModel

from core.data_dir import DataDir
from core.evidence.dosing import dosing_summary
from core.evidence.library import library_content_hash, load_library
from core.evidence.shipped import LIBRARY_FILES
from core.handout.export import make_handout, render_handout
from core.plan.engine import compute_plan
from core.plan.profile import read_profile
from core.resources import resource_path, resources_root
from core.settings import Settings, load_settings
from core.storage import evidence_store
from core.storage.database import journal_mode
from core.storage.maintenance import refuse_lost_records
from core.storage.library_sync import shipped_etiology_entry

# A check returns a short detail on success and raises with a plain reason on failure.
Check = tuple[str, Callable[[], str]]


class CheckResult(BaseModel):
    name: str
    passed: bool
    detail: str


def _resources_found() -> str:
    required = [resource_path("evidence", f"{name}.json") for name in LIBRARY_FILES]
    missing = [str(path.relative_to(resources_root())) for path in required if not path.is_file()]
    if missing:
        raise FileNotFoundError(f"missing from {resources_root()}: {', '.join(missing)}")
    return str(resources_root())


def _database_opens(data_dir: DataDir) -> str:
    refuse_lost_records(data_dir)  # seen in review: the self-test made an emptied records file anew, beside backups
    journal = journal_mode(data_dir.database_path, data_dir.backups_dir)
    return f"{data_dir.database_path.name} opened, quick_check ok, journal {journal}"


def _evidence_loads() -> str:
    library = load_library()
    return (
        f"library {library.manifest.library_version}: {len(library.etiologies)} etiologies, "
        f"{len(library.mechanisms)} mechanisms, {len(library.studies)} studies"
    )


def _evidence_searches() -> str:
    """Install the library into a scratch in-memory database and run a full-text search."""
    db = evidence_store.scratch_library(load_library(), library_content_hash())
    try:
        hits = evidence_store.search_studies(db, text="TNF")
        if not hits:
            raise LookupError("searching for 'TNF' found no study")
        etiology = hits[0].etiologies[0] if hits[0].etiologies else "peripheral-nerve-injury"
        summary = dosing_summary(etiology, evidence_store.search_studies(db, etiology=etiology))
        return f"'TNF' found {len(hits)} studies; {etiology}: {summary.animal_treadmill_study_count} treadmill studies"
    finally:
        db.close()


def _plan_computes() -> str:
    """Compute the plan of every shipped example profile."""
    studies = load_library().studies
    examples = sorted(resource_path("examples", "profiles").glob("*.json"))
    if not examples:
        raise FileNotFoundError("no example profiles in resources/examples/profiles")
    weeks = 0
    for path in examples:
        plan = compute_plan(read_profile(path), studies)
        if plan.blocked or not plan.weeks:
            raise ValueError(f"the example {path.name} gave no plan")
        weeks += len(plan.weeks)
    return f"{len(examples)} example profiles, {weeks} weeks planned"


def _example_plan(etiology: str):
    """A shipped example profile, its plan, and the studies it was computed from."""
    studies = load_library().studies
    profile = read_profile(resource_path("examples", "profiles", f"{etiology}.json"))
    return profile, compute_plan(profile, studies), studies


def _handout_renders() -> str:
    """Render an example handout with a clinic logo and the clinician summary, then read it back."""
    from io import BytesIO

    from PIL import Image
    from pypdf import PdfReader

    profile, plan, studies = _example_plan("spinal-cord-injury")
    with tempfile.TemporaryDirectory() as folder:
        logo = Path(folder) / "logo.png"
        Image.new("RGB", (120, 60), (40, 110, 160)).save(logo)
        settings = Settings(clinic_name="Self-test clinic", logo_path=str(logo))
        handout = make_handout(profile, plan, studies, settings, etiology=shipped_etiology_entry(profile.etiology),
                               date=dt.date(2026, 1, 1), clinician_summary=True)
        pdf = render_handout(handout)
    reader = PdfReader(BytesIO(pdf))
    text = " ".join(page.extract_text() for page in reader.pages)
    for expected in (profile.name, "Self-test clinic", "When to stop and get help", "Clinician summary",
                     "Evidence in people"):
        if expected not in text:
            raise ValueError(f"the rendered handout does not read back '{expected}'")
    if len(reader.pages[0].images) != 1:
        raise ValueError("the clinic logo is missing from page 1")
    return f"{len(reader.pages)} pages, {len(pdf) // 1024} kB, logo and text read back"


def _handout_languages() -> str:
    """Every handout language's catalog, its dates, and the script fonts and shaping a Chinese and an Arabic
    handout need (Babel's locale data, HarfBuzz and the fonts are in the build)."""
    from io import BytesIO

    from pypdf import PdfReader

    from core.handout.language import Wording
    from core.languages import languages

    profile, plan, studies = _example_plan("post-stroke-pain")
    for known in languages():
        Wording(known.tag).date(dt.date(2026, 1, 1))
    for tag, name, expected in (("zh-Hans", "王小明", "跑步机"), ("ar", "سلمى حداد", None)):
        handout = make_handout(profile.model_copy(update={"name": name}), plan, studies, Settings(), etiology=None,
                               date=dt.date(2026, 1, 1), language=tag)
        reader = PdfReader(BytesIO(render_handout(handout)))
        fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
                 for font in page["/Resources"]["/Font"].values()}
        if expected and expected not in reader.pages[0].extract_text():
            raise ValueError(f"the {tag} handout does not read back '{expected}'")
        if not any(("Arabic" if tag == "ar" else "DroidSans") in font for font in fonts):
            raise ValueError(f"the {tag} handout has no font of its script ({', '.join(sorted(fonts))})")
    return f"{len(languages())} languages; Chinese and Arabic handouts render with their fonts"


def _records_round_trip() -> str:
    """Save a plan, read it back, back up and verify, in a scratch data directory."""
    from core.storage import records
    from core.storage.backup import integrity
    from core.storage.maintenance import backup_now
    from core.storage.session import open_data

    profile, plan, _ = _example_plan("multiple-sclerosis-pain")
    with tempfile.TemporaryDirectory() as folder:
        scratch = DataDir(Path(folder) / "data").prepare()
        with open_data(scratch) as db:
            saved = records.save_plan(db, profile, plan, clinician="self-test", reason="Self-test")
            again = records.get_plan(db, saved.id)
            if again.plan != plan or again.profile != profile or again.reason != "Self-test":
                raise ValueError("the saved plan did not read back the same")
        backup = backup_now(scratch, daily=1, weekly=0)
        verdict = integrity(backup)
        if verdict != "ok":
            raise ValueError(f"the backup failed integrity_check: {verdict}")
    return f"plan {saved.id} saved, read back and backed up (integrity ok)"


def _settings_load(data_dir: DataDir) -> str:
    settings = load_settings(data_dir.settings_path)
    return f"schema {settings.schema_version}"


def _data_dir_writable(data_dir: DataDir) -> str:
    data_dir.check_writable()
    return str(data_dir.root)


def _clinic_database(url: str) -> str:
    """Sign in, check the schema, and save, read back and delete a patient in a transaction that is rolled
    back: nothing reaches the clinic's records. On a server with no patient yet, only whether the role may save: a
    save rolled back still uses up patient id 1 (the server's numbering is not undone), and the first workstation moved
    in would not keep its ids (seen by a helper setting up a server as the docs say: "patient 1 is now patient 2")."""
    from core.storage.clinic import rights_missing
    from core.storage.clinic_errors import made_a_clinician
    from core.workspace.clinic import open_clinic_records

    store = open_clinic_records(url, lambda etiology: [])
    try:
        if store.count_patients() == 0:
            if refused := store.cannot_save_to():
                role = store.signed_in_as()
                raise RuntimeError(f"{role} may not save to {', '.join(refused)}: " + (
                    rights_missing(store.connection, refused=False)
                    or f"it is not one of Treadwell's clinicians; {made_a_clinician(role)}"))
            return (f"signed in as {store.signed_in_as()}, who may save; no patient is on the server yet, so none was "
                    "saved (a save, even rolled back, would use up patient id 1: the first workstation moved in keeps "
                    "its ids)")
        with store.rolled_back():
            profile = read_profile(resource_path("examples", "profiles", "diabetic-neuropathy.json"))
            saved = store.save_plan(profile, compute_plan(profile, []), clinician="self-test", reason="Self-test")
            again = store.get_plan(saved.id)
            if again.profile.name != profile.name or again.reason != "Self-test":
                raise RuntimeError("the saved plan did not read back")
        return f"signed in as {store.signed_in_as()}; a plan saved and read back in a transaction rolled back"
    finally:
        store.connection.close()


def core_checks(data_dir: DataDir, records_url: str | None = None) -> list[Check]:
    clinic: list[Check] = [] if records_url is None else [
        ("clinic database signs in and saves", lambda: _clinic_database(records_url))]
    return [*clinic,
        ("resources found", _resources_found),
        ("data directory writable", lambda: _data_dir_writable(data_dir)),
        ("database opens", lambda: _database_opens(data_dir)),
        ("settings load", lambda: _settings_load(data_dir)),
        ("evidence library loads", _evidence_loads),
        ("evidence search works", _evidence_searches),
        ("plan computes", _plan_computes),
        ("handout renders and reads back", _handout_renders),
        ("handout languages and scripts", _handout_languages),
        ("records save, read back and back up", _records_round_trip),
    ]


def run_checks(checks: Iterable[Check], out: TextIO) -> list[CheckResult]:
    """Run every check even after a failure, printing ``PASS``/``FAIL`` lines as they finish."""
    results = []
    for name, check in checks:
        try:
            result = CheckResult(name=name, passed=True, detail=check())
        except Exception as error:  # a failed check is reported, never raised
            result = CheckResult(name=name, passed=False, detail=_said(error))
        print(f"{'PASS' if result.passed else 'FAIL'}  {result.name}: {result.detail}", file=out, flush=True)
        results.append(result)
    return results


def _said(error: Exception) -> str:
    """Treadwell's own errors are written for the reader ("The clinic database cannot be reached…"); anything
    else is named by its type as well, for whoever supports the installation."""
    return str(error) if type(error).__module__.startswith("core.") else f"{type(error).__name__}: {error}"
