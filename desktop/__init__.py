"""halfyear: turn the plan section of half-year work reports into tracked checklists."""

__version__ = "0.1.0"
