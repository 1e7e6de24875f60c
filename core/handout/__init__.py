"""The patient handout: a plain model built from a plan, rendered to a large-print PDF."""
