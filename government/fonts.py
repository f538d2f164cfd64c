"""The face every paper of the portal is printed in: Noto Serif (decision 0023).

Decree 30/2020 asks for Times New Roman; Noto Serif is the free serif face that covers every
Vietnamese letter and tone mark and installs from the package index. Its package ships variable
fonts only, which reportlab cannot use, so the four static styles are cut from them with fontTools
once per installed package version and kept beside the virtual environment. `make install` cuts
them; a process that finds them missing cuts them itself (about 20 seconds, once).
"""

import os
import sys
import tempfile
from functools import cache
from pathlib import Path

import fontpkg_noto_serif
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont as ReportlabTTFont

SOURCES = {
    "Regular": ("NotoSerif[wdth,wght].ttf", 400),
    "Bold": ("NotoSerif[wdth,wght].ttf", 700),
    "Italic": ("NotoSerif-Italic[wdth,wght].ttf", 400),
    "BoldItalic": ("NotoSerif-Italic[wdth,wght].ttf", 700),
}
VERSION = "2.15"  # of fontpkg-noto-serif: a new package cuts its own files


# reportlab's names of the four styles (government.pdf draws with them; pdf_forms measures with them).
FONT, BOLD, ITALIC, BOLD_ITALIC = "NotoSerif", "NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-BoldItalic"


@cache
def register_fonts():
    for name, style in ((FONT, "Regular"), (BOLD, "Bold"), (ITALIC, "Italic"), (BOLD_ITALIC, "BoldItalic")):
        pdfmetrics.registerFont(ReportlabTTFont(name, str(font_file(style))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)


def font_dir():
    return Path(os.environ.get("MOTCUA_FONT_DIR") or Path(sys.prefix) / "share" / "motcua-fonts" / VERSION)


@cache
def font_file(style):
    """The static TrueType file of one style ("Regular", "Bold", "Italic", "BoldItalic")."""
    target = font_dir() / f"NotoSerif-{style}.ttf"
    if not target.exists():
        _cut(style, target)
    return target


def _cut(style, target):
    source, weight = SOURCES[style]
    variable = TTFont(str(fontpkg_noto_serif.ROOT / "files" / source))
    static = instancer.instantiateVariableFont(variable, {"wght": weight, "wdth": 100}, updateFontNames=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: two processes cutting at once each leave a whole file.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".ttf")
    os.close(handle)
    static.save(temporary)
    os.replace(temporary, target)


def main():
    for style in SOURCES:
        print(font_file(style))


if __name__ == "__main__":
    main()
