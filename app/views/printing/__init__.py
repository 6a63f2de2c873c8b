"""Printing through Qt: print preview, the printer, and PDF files with embedded fonts."""
