"""The standard forms of Circular 01/2018/TT-VPCP (DOMAIN.md §4) as PDFs."""
