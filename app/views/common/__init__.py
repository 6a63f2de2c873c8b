"""Widgets every tab uses: the paged table, list tab, record dialog, charts."""
