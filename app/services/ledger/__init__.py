"""The rectification ledger: items made from failed check items, their states, reminders, export."""
