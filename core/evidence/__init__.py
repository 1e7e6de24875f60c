"""The curated evidence library: etiologies, mechanisms and animal exercise studies."""
