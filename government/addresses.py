"""An address as the unit tree of 1 July 2025 writes it: what a 2025 paper prints for an address
typed or read from the registry on the old three-level tree ("thị trấn Hương Sơn, huyện Phú Bình" is
now in "Xã Phú Bình"). The official conversion table ships with `vietnamadminunits`."""

import re
from functools import lru_cache

# Only the old tree had districts and townships: an address naming one needs converting; any other
# is taken as written (a 2025 ward's name may also be an old ward's, elsewhere).
OLD_TREE = re.compile(r"\b(huyện|quận|thị xã|thị trấn)\b|\bthành phố\b.*,.*\btỉnh\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def on_current_tree(address):
    """(address on the 2025 tree, whether it changed). Unconvertible text comes back as it was."""
    text = " ".join((address or "").split())
    if not text or not OLD_TREE.search(text):
        return text, False
    try:
        import vietnamadminunits

        converted = vietnamadminunits.convert_address(text)
    except Exception:  # noqa: BLE001 - the table does not know this address: print it as written
        return text, False
    if not (converted.ward and converted.province):
        return text, False
    parts = [converted.street, converted.ward, converted.province]
    return ", ".join(part for part in parts if part), True
