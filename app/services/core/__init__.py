"""The small core every domain uses: unit-of-work helpers, audit, backups, the work calendar, messages, reference data."""
