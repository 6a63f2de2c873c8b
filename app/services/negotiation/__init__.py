"""Collective negotiation offers (要约行动): deadlines, stages, congress rules."""
