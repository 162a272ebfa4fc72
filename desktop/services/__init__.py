"""Use cases over the core and the store; return plain dataclasses, never ORM objects."""
