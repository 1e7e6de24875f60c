"""Everything that touches SQLite lives in this package."""
