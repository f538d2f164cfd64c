"""What a signature looks like on the page: the signer's handwritten signature, the agency's red seal.

Production puts the scanned images next to the certificates: SIGNING_CERTS_DIR/user-<id>.png for a
person and SIGNING_CERTS_DIR/<electronic code>.png for an agency (PNG with a transparent background).
Without one, a stand-in is drawn: the signer's given name in italics over a flourish, or a round red
seal with the agency's name around a star. They are what the demo shows, and what a deployment shows
until the real images are in place.
"""

import math
from functools import lru_cache
from pathlib import Path

import fontpkg_be_vietnam_pro
from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

INK = (22, 45, 140, 255)
SEAL_RED = (214, 20, 28, 235)


def signature_image(user):
    own = _own_image(f"user-{user.pk}.png")
    return own if own is not None else _drawn_signature(user.get_full_name() or user.get_username())


def seal_image(agency):
    own = _own_image(f"{agency.electronic_code}.png")
    return own if own is not None else _drawn_seal(agency.name)


def _own_image(file_name):
    if not settings.SIGNING_CERTS_DIR:
        return None
    path = Path(settings.SIGNING_CERTS_DIR) / file_name
    return Image.open(path).convert("RGBA") if path.is_file() else None


def _font(size, style="Italic"):
    return ImageFont.truetype(str(fontpkg_be_vietnam_pro.ROOT / "files" / f"BeVietnamPro-{style}.ttf"), size)


@lru_cache(maxsize=64)
def _drawn_signature(name):
    image = Image.new("RGBA", (600, 260), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    family_name = name.split()[-1] if name.split() else name
    draw.text((40, 50), family_name, fill=INK, font=_font(110))
    # A flourish under the name, as hands sign.
    points = [(30 + t * 5.2, 190 - 28 * math.sin(t / 14) + t * 0.25) for t in range(100)]
    draw.line(points, fill=INK, width=6, joint="curve")
    return image


@lru_cache(maxsize=64)
def _drawn_seal(agency_name):
    size = 600
    image = Image.new("RGBA", (size, size), (255, 255, 255, 0))
    draw = ImageDraw.Draw(image)
    centre = size / 2
    draw.ellipse((10, 10, size - 10, size - 10), outline=SEAL_RED, width=18)
    draw.ellipse((120, 120, size - 120, size - 120), outline=SEAL_RED, width=8)
    _star(draw, centre, centre, 95)
    _text_on_circle(image, agency_name.upper(), radius=centre - 70)
    return image


def _star(draw, cx, cy, radius):
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.4
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    draw.polygon(points, fill=SEAL_RED)


def _text_on_circle(image, text, radius):
    """Letters set clockwise along the top of a circle, as a seal's inscription runs."""
    font = _font(42, "Bold")
    centre = image.width / 2
    span = min(300, 11 * len(text))  # degrees the inscription covers
    step = span / max(len(text), 1)
    for i, letter in enumerate(text):
        angle = -90 - span / 2 + (i + 0.5) * step
        glyph = Image.new("RGBA", (60, 60), (255, 255, 255, 0))
        ImageDraw.Draw(glyph).text((30, 30), letter, fill=SEAL_RED, font=font, anchor="mm")
        glyph = glyph.rotate(-(angle + 90), resample=Image.BICUBIC)
        x = centre + radius * math.cos(math.radians(angle)) - 30
        y = centre + radius * math.sin(math.radians(angle)) - 30
        image.alpha_composite(glyph, (int(x), int(y)))
