"""One workstation in the concurrency test: saves plans and logs sessions on the clinic server until its time
is up, printing each id once the server has confirmed it (``plan N`` / ``session N``)."""

from __future__ import annotations

import datetime as dt
import sys
import time

from core.plan.engine import compute_plan
from core.plan.session_log import SessionLog
from core.storage.clinic import open_clinic_records
from tests.storage.helpers import example


def main(url: str, seconds: float, shared_patient: int) -> None:
    store = open_clinic_records(url, lambda etiology: [])
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        n += 1
        profile, _ = example(name=f"Worker patient {n}")
        if n % 3 == 0:  # every third save is a new version of the patient everyone shares
            profile = profile.model_copy(update={"name": "Shared Patient", "weeks": 4 + n % 20})
            saved = store.save_plan(profile, compute_plan(profile, []), clinician="worker",
                                    patient_id=shared_patient)
        else:
            saved = store.save_plan(profile, compute_plan(profile, []), clinician="worker")
        print(f"plan {saved.id}", flush=True)
        session = store.add_session(saved.patient_id, SessionLog(date=dt.date(2026, 11, 2), week=1, minutes=8, rpe=12),
                                    clinician="worker", plan_id=saved.id)
        print(f"session {session.id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3]))
