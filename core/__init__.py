"""Treadwell's clinical core: pure Python, no Qt, so the CLI, tests and benchmarks stay headless."""
