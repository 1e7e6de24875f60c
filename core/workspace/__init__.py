"""The application layer: the one door both front ends (the window, the commands) go through.

It opens a data folder (read-only, or writable with the lock), runs the start-up sequence (check,
migrate, sync the library, back up), and holds the use cases: draft a plan, save a version, make a
handout, export and import a patient, log a session, search. It uses the domain packages
(core/plan, core/evidence, core/handout, core/records) and storage (core/storage); the window
(ui/) and the commands (core/commands/) use it, and neither reaches into storage themselves.
"""
