"""Electronic documents and clerical work (DOMAIN.md §10, Decree 30/2020/NĐ-CP): the incoming and
outgoing registers of each agency. Built on the shared base (government); it imports nothing from
the procedure domain."""
