"""What the province watches (DOMAIN.md §8): the dashboard's reads over the roll-ups and the open
dossiers (selectors), its tables (tables), the geometry of its charts (charts) and its files (exports).
HTML is the web layer's: portal/backoffice's templates draw the tables and charts from these."""
