"""Labour-law health checks: checklists, check records, their rules and printed-form layouts."""
