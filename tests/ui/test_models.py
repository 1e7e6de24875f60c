"""Item models checked by pytest-qt's qtmodeltester, and their roles."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt

from core.evidence.library import load_library
from core.storage import records
from core.storage.database import open_database
from tests.storage.helpers import example
from ui.models.table_model import OBJECT_ROLE, SORT_ROLE, ObjectTableModel
from ui.records_gateway import RecordsGateway
from ui.views.evidence_view import STUDY_COLUMNS
from ui.views.plan_panel import WeekTableModel
from ui.views.records_view import PAGE, PatientListModel


def test_study_table_model(qtmodeltester) -> None:
    model = ObjectTableModel(STUDY_COLUMNS)
    studies = load_library().studies
    model.set_rows(studies)
    qtmodeltester.check(model)
    assert model.index(0, 0).data(OBJECT_ROLE) is studies[0]
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)  # year, as numbers
    years = [proxy.index(row, 1).data(SORT_ROLE) for row in range(proxy.rowCount())]
    assert years == sorted(years)


def test_week_table_model_and_override_edits(qtmodeltester) -> None:
    profile, plan = example()
    model = WeekTableModel()
    model.set_weeks(plan.weeks, {2})
    qtmodeltester.check(model)
    requested = []
    model.override_requested.connect(requested.append)
    assert model.setData(model.index(0, 1), "4")
    assert not model.setData(model.index(0, 1), "lots")
    assert not model.setData(model.index(0, 0), "9")  # the week number is not editable
    assert requested[0].week == 1 and requested[0].sessions == 4
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # overridden week is marked


def test_patient_list_fetches_pages_on_demand(qtmodeltester, data_dir) -> None:
    db = open_database(data_dir.database_path)
    profile, plan = example()
    for number in range(PAGE + 50):
        records.save_plan(db, profile.model_copy(update={"name": f"Patient {number:03d}"}), plan, clinician="t")
    db.close()
    gateway = RecordsGateway(data_dir, read_only=False)
    gateway.open()
    try:
        model = PatientListModel(gateway)
        model.reload()
        assert model.rowCount() == PAGE and model.total == PAGE + 50 and model.canFetchMore()
        model.fetchMore()
        assert model.rowCount() == PAGE + 50 and not model.canFetchMore()
        qtmodeltester.check(model)
        model.reload("patient 04")
        assert model.total == 10
    finally:
        gateway.close()
