"""Access to the National Population Database (DOMAIN.md §7). See issue 3 for the remaining parts."""
