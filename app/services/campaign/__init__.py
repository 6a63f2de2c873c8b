"""The special campaign: its plan, statistics, guidance and cases, and the summary report's content."""
