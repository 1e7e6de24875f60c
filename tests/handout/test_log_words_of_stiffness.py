"""The walking log asks of stiffness in the words the pain rules use, whoever the patient is (seen by a helper: the
Spanish log's heading "¿Más rígido?" is masculine, said to a woman too, where its pain rules say "más rigidez")."""

from __future__ import annotations

import pytest

from tests.handout.helpers import example, handout_for

STIFFNESS = {"es": "rigidez", "pt": "rigidez"}


@pytest.mark.parametrize("language", sorted(STIFFNESS))
@pytest.mark.parametrize("sex", ["female", "male"])
def test_the_log_asks_of_stiffness_as_the_pain_rules_do(language, sex) -> None:
    handout = handout_for(example("peripheral-nerve-injury", sex=sex), language=language)
    [_, stiffer] = handout.labels.log_groups[-1].columns
    assert STIFFNESS[language] in stiffer.lower(), stiffer
    assert STIFFNESS[language] in " ".join(handout.logbook_intro).lower()
