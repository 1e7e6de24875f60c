"""Treadwell's Qt interface. Holds no clinical logic: it shows what ``core`` computes."""
