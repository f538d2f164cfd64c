"""The standard forms of the one-stop desk (DOMAIN.md §0 and §4) as PDFs, in two sets: Circular
01/2018/TT-VPCP for dossiers received before the switch date, Circular 03/2025/TT-VPCP after it."""

from .sets import SET_2018, SET_2025, set_in_force, set_of

__all__ = ["SET_2018", "SET_2025", "set_in_force", "set_of"]
