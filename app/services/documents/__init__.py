"""Printed documents as values, and their Word, spreadsheet and font rendering."""
