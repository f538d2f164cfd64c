"""What every paper the portal prints must pass, checked on the PDF itself: fonts embedded and all of
the serif face, every character of its text in that face's character map, the page size."""

import io
from functools import cache

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from government.fonts import SOURCES, font_file


@cache
def covered():
    """Characters all four styles of the face draw."""
    maps = [set(TTFont(str(font_file(style))).getBestCmap()) for style in SOURCES]
    return set.intersection(*maps)


def _font_resources(page):
    """The page's fonts and those of its filled fields' appearances (the number and date an issued
    document receives after it is signed are written into fields)."""
    yield from ((page.get("/Resources") or {}).get("/Font") or {}).values()
    for annotation in page.get("/Annots") or []:
        appearance = (annotation.get_object().get("/AP") or {}).get("/N")
        if appearance is not None and hasattr(appearance.get_object(), "get"):
            yield from ((appearance.get_object().get("/Resources") or {}).get("/Font") or {}).values()


def fonts_of(content):
    """{base font name: embedded?} of every font the pages use."""
    found = {}
    for page in PdfReader(io.BytesIO(content)).pages:
        for font in _font_resources(page):
            font = font.get_object()
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[str(font.get("/BaseFont"))] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return found


def text_of(content):
    """The text a reader sees: the pages', then what was filled into their fields."""
    reader = PdfReader(io.BytesIO(content))
    filled = [
        str(field["/V"])
        for field in (reader.get_fields() or {}).values()
        if field.get("/FT") == "/Tx" and field.get("/V")
    ]
    return "\n".join([page.extract_text() for page in reader.pages] + filled)


def flat(content):
    return " ".join(text_of(content).split())


def check_paper(content, pagesize=None):
    """Fails with what is wrong; returns the text, whitespace folded, for the key lines."""
    fonts = fonts_of(content)
    assert fonts and all(fonts.values()), f"fonts not embedded: {fonts}"
    assert all("NotoSerif" in name for name in fonts), f"a font other than the serif face: {fonts}"
    missing = {ch for ch in text_of(content) if not ch.isspace() and ord(ch) not in covered()}
    assert not missing, f"characters the face does not draw: {missing}"
    if pagesize is not None:
        box = PdfReader(io.BytesIO(content)).pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == tuple(round(v) for v in pagesize)
    return flat(content)
