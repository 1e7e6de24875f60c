"""Standard print (14 pt, fewer pages): where the week plan begins."""

from __future__ import annotations

import re

from core.handout.renderer import HandoutRenderer
from tests.handout.helpers import example, handout_for


def test_in_standard_print_the_week_plan_never_begins_with_a_week_or_two_alone_at_a_pages_foot() -> None:
    """Seen in review: in Spanish, standard print, page 1 ended with week 1 alone under the plan's heading and
    "Continúa en la página siguiente", weeks 2-12 on page 2. It begins where three weeks fit, else on the next page
    (no example handout, 8 etiologies in 6 languages on A4 and Letter, is a page longer for it)."""
    from tests.handout.helpers import pdf_text

    for etiology in ("diabetic-neuropathy", "chemotherapy-neuropathy", "multiple-sclerosis-pain", "post-stroke-pain"):
        handout = handout_for(example(etiology), language="es").model_copy(update={"print_size": "standard"})
        pages = pdf_text(HandoutRenderer().render(handout))
        begins = next(page for page in pages if "Resumen de su plan" in page)
        if "Resumen de su plan (continuación)" not in begins:  # the page the table begins on
            rows = len(re.findall(r"\b(?:Ligero|Moderado)\b", begins))
            assert rows >= 3 or "Continúa en la página siguiente" not in begins, (etiology, rows)
