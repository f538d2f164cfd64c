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
