"""The plan engine: screening, intensity targets and the week-by-week treadmill progression."""
