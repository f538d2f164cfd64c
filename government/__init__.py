"""The state's side shared by every system of the portal (DOMAIN.md §9): administrative units, agencies
and their desks, staff roles, the working calendar, and the tools an agency issues paper with
(PAdES signing, the PDF toolkit). Procedures, documents and meetings build on it; it imports none
of them."""
