"""Harnesses that try to break Hexie Desk the way the field will (issue 18).

- `python3 -m harness.crash`: real `hexie` processes killed (SIGKILL) at random points
  during imports, demo data, bundle export and merge, restore and migration; every
  database afterwards must be sound and all-or-nothing.
- `python3 -m harness.fuzz`: hypothesis-made spreadsheets and signed bundles given to
  every import; no traceback, the documented rejection, the database unchanged.

The tests in tests/harness/ run both in their CI size; the flags make them long.
"""
