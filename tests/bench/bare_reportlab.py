"""The baseline for the handout benchmark: a whole Python process rendering a bare reportlab
document of one table and ten paragraphs. With ``--with-pydantic`` it first imports pydantic as the
handout command must (its profile, plan and studies are pydantic models): the benchmark's floor, the part
of the ratio that is the stack's validation library alone."""

import sys

if "--with-pydantic" in sys.argv:
    import pydantic  # noqa: F401
    import pydantic.types  # noqa: F401  (Field constraints; the models import it)

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

styles = getSampleStyleSheet()
story = [Table([[f"r{r}c{c}" for c in range(6)] for r in range(13)])]
story += [Paragraph(f"Paragraph {n}: " + "a plain sentence of ordinary length. " * 6, styles["BodyText"]) for n in range(10)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
