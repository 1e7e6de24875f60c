"""The baseline for the handout benchmark: a whole Python process rendering a bare reportlab
document of one table and ten paragraphs."""

import sys

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table

styles = getSampleStyleSheet()
story = [Table([[f"r{r}c{c}" for c in range(6)] for r in range(13)])]
story += [Paragraph(f"Paragraph {n}: " + "a plain sentence of ordinary length. " * 6, styles["BodyText"]) for n in range(10)]
SimpleDocTemplate(sys.argv[1], pagesize=A4).build(story)
