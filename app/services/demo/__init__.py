"""Realistic demonstration data that obeys every rule."""
