"""Risk grading from shared department data, and major risk events."""
