"""What checking an upload costs (government/uploads.py), for real files and for hostile ones.

    .venv/bin/python bench/uploads.py [--runs 5]

Prints, per file: its size, accepted or refused, and the median time of `check_upload`. The costly
cases to watch: a 10 MB PDF that is one huge string (pypdf parses every character) and a large
phone photo (decoded at a quarter scale). An image bomb must be refused without being decoded.
"""

import argparse
import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")

import django  # noqa: E402
from timing import median_ms  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from PIL import Image  # noqa: E402
from pypdf import PdfWriter  # noqa: E402
from pypdf.generic import NameObject, StreamObject  # noqa: E402

from government.uploads import UploadRejected, check_upload  # noqa: E402

MB = 1024 * 1024


def image(size, mode="RGB", fmt="JPEG"):
    buffer = io.BytesIO()
    Image.new(mode, size, 0).save(buffer, format=fmt)
    return buffer.getvalue()


def pdf(stream_bytes=0, metadata_chars=0):
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if stream_bytes:  # what makes a real scan heavy: an image stream
        stream = StreamObject()
        stream.set_data(os.urandom(stream_bytes))
        writer._root_object[NameObject("/Scan")] = writer._add_object(stream)
    if metadata_chars:  # the parser's worst case: one literal string
        writer.add_metadata({"/Padding": "x" * metadata_chars})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    cases = [
        ("phone photo 12 MP JPEG", image((4000, 3000))),
        ("phone photo 48 MP JPEG", image((8000, 6000))),
        ("scan 48 MP PNG (1 bit)", image((8000, 6000), "1", "PNG")),
        ("scanned PDF, 9 MB image stream", pdf(stream_bytes=9 * MB)),
        ("PDF, 9 MB literal string", pdf(metadata_chars=9 * MB)),
        ("image bomb 30000x30000 PNG", image((30000, 30000), "1", "PNG")),
        ("100 MP PNG (over the limit)", image((10000, 10000), "1", "PNG")),
        ("%PDF header on PHP", b"%PDF-1.4\n<?php system($_GET['c']); ?>\n"),
    ]
    print(f"{'file':<34}{'size':>11}  {'verdict':<9}{'median ms':>10}")
    for label, content in cases:
        verdict = []

        def check():
            try:
                check_upload(SimpleUploadedFile("bench", content))
                verdict[:] = ["accepted"]
            except UploadRejected:
                verdict[:] = ["refused"]

        median, _low, _high = median_ms(check, runs)
        print(f"{label:<34}{len(content):>11,}  {verdict[0]:<9}{median:>10.1f}")


if __name__ == "__main__":
    main()
