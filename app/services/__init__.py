"""Use cases and rules. No Qt here: everything a tab does runs from a test or the CLI."""
