"""An outgoing document drawn from the system's template (government/pdf_document.py): Decree 30/2020's
layout, with the number, the date and the signer's signature left to the form fields the leader and
the clerk fill (government/pdf_forms.py)."""

import re

from government.pdf_document import OFFICIAL_LETTER, Document, render
from government.pdf_forms import IssueLayout

ABOUT = re.compile(r"^(V/v|Về việc)[:\s]+", re.IGNORECASE)


def draft_pdf(*, agency, document_type, excerpt, body, addressees, signature, drafting_unit):
    """(PDF bytes, IssueLayout) of a draft made from the template. `signature` is the signer's
    government.signers.SignatureBlock. A công văn goes to its addressees ("Kính gửi"); another type
    lists them under "Nơi nhận"."""
    letter = document_type.name == OFFICIAL_LETTER
    paragraphs = [p.strip() for p in body.replace("\r\n", "\n").split("\n\n") if p.strip()]
    document = Document(
        agency=agency,
        type_name=document_type.name,
        excerpt=ABOUT.sub("", excerpt) if letter else excerpt,
        body=paragraphs,
        signature=signature,
        archive_unit=drafting_unit,
        addressees=list(addressees) if letter else [],
        recipients=[] if letter else list(addressees),
    )
    spots = {}
    pdf = render(document, spots=spots)
    return pdf, IssueLayout(number=spots["number"], date=spots["date"], signer=spots["signer"])
