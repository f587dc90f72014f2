"""Projections: read models folded from a case's steps (deadlines, outcome, narrative, JSON)."""
