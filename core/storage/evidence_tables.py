"""The evidence tables' names, in a module of their own so the window's first frame can read the
etiologies with the standard library's sqlite3, before sqlite-utils and pydantic load."""

STATE = "evidence_state"
ETIOLOGIES = "evidence_etiologies"
MECHANISMS = "evidence_mechanisms"
STUDIES = "evidence_studies"
STUDY_ETIOLOGIES = "evidence_study_etiologies"
STUDY_MECHANISMS = "evidence_study_mechanisms"
SEARCH_COLUMNS = ["first_author", "title", "model", "species", "markers", "mechanisms", "etiologies", "exercise"]
