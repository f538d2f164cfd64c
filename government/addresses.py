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
        import vietnamadminunits  # noqa: PLC0415 - its conversion table costs 0.5 s and 80 MB; only old-tree addresses need it

        converted = vietnamadminunits.convert_address(text)
    except Exception:  # noqa: BLE001 - the table does not know this address: print it as written
        return text, False
    if not (converted.ward and converted.province):
        return text, False
    parts = [converted.street, converted.ward, converted.province]
    return ", ".join(part for part in parts if part), True


def locate(address, communes):
    """(commune code, the part before it) for an address written out in full, as the registry gives
    it, on either unit tree; (None, the address) when no commune of `communes` is named in it.

    `communes`: [(code, name, parent name)] of the tree in use. The registry may write the old
    tree's address while the portal runs the 2025 tree: the address is converted then and tried again.
    """
    text = " ".join((address or "").split())
    tries = [text]
    converted, changed = on_current_tree(text)
    if changed:
        tries.append(converted)
    by_name = {}
    for code, name, parent in communes:
        by_name.setdefault(name.casefold(), []).append((code, (parent or "").casefold()))
    for attempt in tries:
        parts = [part.strip() for part in attempt.split(",") if part.strip()]
        for i, part in enumerate(parts):
            found = by_name.get(part.casefold(), [])
            if len(found) > 1:  # the same commune name in two districts: the next part says which
                following = parts[i + 1].casefold() if i + 1 < len(parts) else ""
                found = [f for f in found if f[1] == following]
            if len(found) == 1:
                return found[0][0], ", ".join(parts[:i])
    return None, text
