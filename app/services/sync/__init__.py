"""Sync bundles between offices: keys, export, reading, checking, merging, receipts."""
