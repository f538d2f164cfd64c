"""Business operations on documents, each a plain function called by views, admin and commands alike:
registers.py (numbers), incoming.py, outgoing.py, exchange.py (the national axis)."""

from .registers import RegisterNumber, take_number

__all__ = ["RegisterNumber", "take_number"]
