"""Pydantic models, one per kind of file: the plan's files and a unit's submission."""
