"""Fonts for the PDF: Unicode TrueType faces found on the system, fallbacks per character.

reportlab's built-in fonts only know Latin-1, so the brief looks for TrueType families
(DejaVu first) and, for characters they lack (e.g. CJK), for fallback fonts: known
files first, then fontconfig. A character no font can show is reported, never drawn
as a silent box. Lookups are cached for the process; fallbacks are only searched for
when some text needs them, so an ordinary build reads no extra font files.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

import reportlab
from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from seeds.frozen import record

if TYPE_CHECKING:
    from seeds.loadcache import LoadCache

FONT_DIRS_ENV = "CLASSBRIEF_FONT_DIRS"

# Regular, bold, italic, bold italic; the first family whose regular face exists wins.
SERIF_FAMILIES = (
    (
        "DejaVuSerif.ttf",
        "DejaVuSerif-Bold.ttf",
        "DejaVuSerif-Italic.ttf",
        "DejaVuSerif-BoldItalic.ttf",
    ),
    (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
        "LiberationSerif-BoldItalic.ttf",
    ),
    (
        "NotoSerif-Regular.ttf",
        "NotoSerif-Bold.ttf",
        "NotoSerif-Italic.ttf",
        "NotoSerif-BoldItalic.ttf",
    ),
    ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf", "FreeSerifBoldItalic.ttf"),
    ("georgia.ttf", "georgiab.ttf", "georgiai.ttf", "georgiaz.ttf"),
    ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
)
SANS_FAMILIES = (
    (
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    (
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
        "LiberationSans-BoldItalic.ttf",
    ),
    ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf"),
    ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf", "FreeSansBoldOblique.ttf"),
    ("arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    ("Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf"),
)
BUILTIN_SERIF = ("Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic")
BUILTIN_SANS = ("Helvetica", "Helvetica-Bold", "Helvetica-Oblique", "Helvetica-BoldOblique")

# Fallbacks with TrueType outlines (reportlab cannot embed CFF fonts such as Noto CJK .otc).
FALLBACK_FILES = (
    "wqy-zenhei.ttc",
    "wqy-microhei.ttc",
    "DroidSansFallbackFull.ttf",
    "DroidSansFallback.ttf",
    "uming.ttc",
    "ukai.ttc",
    "NanumGothic.ttf",
    "msyh.ttc",
    "msyh.ttf",
    "simsun.ttc",
    "Arial Unicode.ttf",
    "ARIALUNI.TTF",
    "FreeSerif.ttf",
    "FreeSans.ttf",
    "Symbola.ttf",
    "unifont.ttf",
)
MAX_SEARCHES = 8  # per process: each may ask fontconfig once


def font_dirs() -> list[Path]:
    """Folders searched for fonts: the environment's first, then the usual system places."""
    extra = [Path(p) for p in os.environ.get(FONT_DIRS_ENV, "").split(os.pathsep) if p]
    home = Path.home()
    system = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local/share/fonts",
        home / ".fonts",
        Path("/Library/Fonts"),
        Path("/System/Library/Fonts"),
        home / "Library/Fonts",
    ]
    if sys.platform == "win32":
        system.insert(0, Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts")
    return extra + system


@cache
def font_index() -> dict[str, Path]:
    """Font files by lower-case file name; the first folder that has a name wins."""
    index: dict[str, Path] = {}
    for folder in font_dirs():
        try:
            if not folder.is_dir():
                continue
        except OSError:  # a home folder this user may not read (run as another user)
            continue
        for root, _dirs, files in os.walk(folder):
            for name in sorted(files):
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    index.setdefault(name.lower(), Path(root) / name)
    return index


def _register(path: Path, index: int = 0, cache: LoadCache | None = None) -> str | None:
    """Register one TrueType face under a name derived from its file; None if unusable."""
    name = f"cb-{path.stem}" + (f"-{index}" if index else "")
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(_truetype(name, path, index, cache))
    except Exception:  # any unreadable or CFF-outline font is simply skipped
        return None
    return name


# Font metrics: reading a face's tables takes 15-20 ms, and a brief uses six faces.
# The cache keeps what reportlab read, keyed by the file's size and time and by the
# reportlab and Python versions; the file's own bytes (for subsetting) are read again.
_SKIPPED = ("_pdfScale", "_ttf_data")  # a function of unitsPerEm, and the file


def _truetype(name: str, path: Path, index: int, cache: LoadCache | None) -> TTFont:
    if cache is None:
        return TTFont(name, str(path), subfontIndex=index)
    info = path.stat()
    key = hashlib.sha256(
        f"{path}:{info.st_size}:{info.st_mtime_ns}:{index}:{reportlab.Version}:"
        f"{sys.version}".encode()
    ).hexdigest()

    def parse() -> dict[str, Any]:
        font = TTFont(name, str(path), subfontIndex=index)
        return {
            "font": {k: v for k, v in vars(font).items() if k not in ("face", "state")},
            "face": {k: v for k, v in vars(font.face).items() if k not in _SKIPPED},
        }

    metrics = cache.get(f"font {path}#{index}", key, parse)
    face = TTFontFace.__new__(TTFontFace)
    face.__dict__.update(metrics["face"])
    face._ttf_data = path.read_bytes()
    scale = 1000 / face.unitsPerEm  # as reportlab computes it
    face._pdfScale = (lambda x: x) if face.unitsPerEm == 1000 else (lambda x: x * scale)
    font = TTFont.__new__(TTFont)
    font.__dict__.update(metrics["font"])
    font.__dict__.update(fontName=name, face=face, state=WeakKeyDictionary())
    return font


def _family(
    candidates: tuple[tuple[str, ...], ...],
    builtin: tuple[str, ...],
    cache: LoadCache | None = None,
) -> tuple[tuple[str, str, str, str], bool]:
    index = font_index()
    for files in candidates:
        if files[0].lower() not in index:
            continue
        regular = _register(index[files[0].lower()], cache=cache)
        if regular is None:
            continue
        bold, italic = (
            (_register(index[f.lower()], cache=cache) if f.lower() in index else None) or regular
            for f in files[1:3]
        )
        # bold italic is drawn as bold: it is rare in a brief, and each face costs ~20 ms
        family = (regular, bold, italic, bold)
        _map_family(family)
        return family, True
    return (builtin[0], builtin[1], builtin[2], builtin[3]), False


def _map_family(family: tuple[str, str, str, str]) -> None:
    """Let <b> and <i> in paragraph markup find the bold and italic faces."""
    for (bold, italic), face in zip(((0, 0), (1, 0), (0, 1), (1, 1)), family, strict=True):
        addMapping(family[0], bold, italic, face)


_cmaps: dict[str, frozenset[int] | None] = {}


def covers(font: str, char: str) -> bool:
    """Whether a registered font has a glyph for `char`."""
    if font not in _cmaps:
        cmap = getattr(getattr(pdfmetrics.getFont(font), "face", None), "charToGlyph", None)
        _cmaps[font] = frozenset(cmap) if cmap is not None else None
    cmap = _cmaps[font]
    if cmap is None:  # a built-in font: WinAnsi, roughly Latin-1
        try:
            char.encode("cp1252")
        except UnicodeEncodeError:
            return False
        return True
    return ord(char) in cmap


class _Fallbacks:
    """Fallback fonts found so far in this process, searched for one character at a time."""

    def __init__(self) -> None:
        self.fonts: list[str] = []
        self.tried: set[Path] = set()
        self.unusable: list[str] = []  # files found that reportlab cannot embed (CFF outlines)
        self.hopeless: set[str] = set()
        self.searches = 0

    def find(self, char: str) -> str | None:
        for font in self.fonts:
            if covers(font, char):
                return font
        if char in self.hopeless or self.searches >= MAX_SEARCHES:
            return None
        self.searches += 1
        for path in _fallback_candidates(char):
            if path in self.tried:
                continue
            self.tried.add(path)
            registered = _register(path)
            if registered is None:
                self.unusable.append(path.name)
                continue
            _map_family((registered, registered, registered, registered))
            self.fonts.append(registered)
            if covers(registered, char):
                return registered
        self.hopeless.add(char)
        return None


_fallbacks = _Fallbacks()


def _fallback_candidates(char: str) -> Iterator[Path]:
    """Known fallback files first; fontconfig is asked only when none of them will do."""
    index = font_index()
    yield from (index[name.lower()] for name in FALLBACK_FILES if name.lower() in index)
    yield from _fontconfig_files(char)


def _fontconfig_files(char: str) -> list[Path]:
    """Files fontconfig says can show `char` (TrueType only); empty without fontconfig."""
    import subprocess  # fontconfig: only when some text needs a fallback font

    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        result = subprocess.run(
            [fc_list, f":charset={ord(char):x}", "file"],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    files = (line.strip().rstrip(":") for line in result.stdout.splitlines())
    return sorted(Path(f) for f in files if f.lower().endswith((".ttf", ".ttc")))


@dataclass
class Glyphs:
    """Which font draws each character of one document, and which characters none can."""

    primary: tuple[str, ...]
    missing: set[str] = field(default_factory=set)
    _chosen: dict[str, str | None] = field(default_factory=dict)
    _own: set[str] = field(default_factory=set)  # characters the document's fonts draw

    def font_for(self, char: str) -> str | None:
        """None when the document's own fonts draw `char`, else a fallback font."""
        if char not in self._chosen:
            font = None
            if not (char.isspace() or all(covers(f, char) for f in self.primary)):
                font = _fallbacks.find(char)
                if font is None:
                    self.missing.add(char)
            else:
                self._own.add(char)
            self._chosen[char] = font
        return self._chosen[char]

    def width(self, text: str, font: str, size: float) -> float:
        """The drawn width of one line, each run in the font that shows it."""
        return sum(
            pdfmetrics.stringWidth(chunk, fallback or font, size)
            for fallback, chunk in self.spans(text)
        )

    def spans(self, text: str) -> Iterator[tuple[str | None, str]]:
        """(fallback font or None for the document's fonts, chunk) runs covering `text`."""
        # every font used, even a built-in one, has ASCII; other characters once seen
        if text.isascii() or self._own.issuperset(text):
            yield None, text
            return
        current: str | None = None
        chunk: list[str] = []
        for char in text:
            font = self.font_for(char)
            if font != current and chunk:
                yield current, "".join(chunk)
                chunk = []
            current = font
            chunk.append(char)
        if chunk:
            yield current, "".join(chunk)


@record
class Fonts:
    """The registered families a document uses; `unicode` is False on built-in fonts."""

    serif: tuple[str, str, str, str]
    sans: tuple[str, str, str, str]
    unicode: bool

    def glyphs(self) -> Glyphs:
        """A fresh tracker of missing characters for one document."""
        return Glyphs((self.serif[0], self.sans[0]))


_loaded: list[Fonts] = []


def load_fonts(cache: LoadCache | None = None) -> Fonts:
    """The house families, registered once a process; ``cache`` keeps their metrics."""
    if not _loaded:
        serif, serif_ok = _family(SERIF_FAMILIES, BUILTIN_SERIF, cache)
        sans, sans_ok = _family(SANS_FAMILIES, BUILTIN_SANS, cache)
        _loaded.append(Fonts(serif, sans, serif_ok and sans_ok))
    return _loaded[0]


def use_font(path: Path) -> str:
    """Register a font file the user named (--font) as the first fallback for characters
    the house fonts lack; ValueError when reportlab cannot embed it."""
    font = _register(path)
    if font is None:
        raise ValueError(
            f"{path.name} is not a TrueType font (.ttf or .ttc with TrueType "
            "outlines) that can be embedded in a PDF"
        )
    _map_family((font, font, font, font))
    if font not in _fallbacks.fonts:
        _fallbacks.fonts.insert(0, font)
    _fallbacks.hopeless.clear()
    return font


def list_chars(chars: set[str] | frozenset[str]) -> str:
    return ", ".join(f"{c} (U+{ord(c):04X})" for c in sorted(chars))


def describe_missing(chars: set[str]) -> str:
    """One line naming characters no font could show, for a warning on stderr."""
    listed = list_chars(chars)
    unusable = ""
    if _fallbacks.unusable:
        names = ", ".join(sorted(set(_fallbacks.unusable))[:4])
        unusable = f" (found {names}, but PDF embedding needs TrueType outlines, which these lack)"
    return (
        f"no available font can show {listed}; they will print as empty boxes{unusable}. "
        f"Install a TrueType font that covers them (e.g. fonts-wqy-zenhei or Droid Sans "
        f"Fallback for Chinese) or name its folder in ${FONT_DIRS_ENV}, and rebuild"
    )
