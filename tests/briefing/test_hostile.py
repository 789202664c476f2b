"""Pack text is text: markup, links and odd characters print literally, or are reported."""

from __future__ import annotations

from dataclasses import replace

import pytest

from briefing import fonts
from briefing.compose import compose_brief
from briefing.markup import Markup, escape_text
from briefing.render import render_brief
from tests.briefing.pdftext import HOSTILE, has_images, hostile_pack, squeeze, text_of, uris


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    loaded = hostile_pack(tmp_path_factory.mktemp("hostile"))
    return render_brief(compose_brief(loaded.pack))


@pytest.mark.parametrize("key", [k for k in HOSTILE if k != "chinese"])
def test_hostile_text_is_literal(hostile, key):
    assert squeeze(HOSTILE[key]) in squeeze(text_of(hostile.pdf))


def test_no_images_and_no_links_from_pack_text(hostile):
    assert not has_images(hostile.pdf)
    assert uris(hostile.pdf) == []  # the url with a quote in it is printed, not linked
    assert squeeze('https://example.org/story"onclick=x') in squeeze(text_of(hostile.pdf))


def test_bad_language_falls_back(hostile):
    from tests.briefing.pdftext import reader

    assert reader(hostile.pdf).trailer["/Root"]["/Lang"] == "en"


def test_cjk_renders_or_is_reported(hostile):
    """习近平 is drawn with a fallback font, or the warning names each character."""
    text = squeeze(text_of(hostile.pdf))
    warned = " ".join(hostile.warnings)
    if HOSTILE["chinese"] in text:
        assert not any(c in warned for c in HOSTILE["chinese"])
    else:
        for char in HOSTILE["chinese"]:
            assert f"{char} (U+{ord(char):04X})" in warned


def test_missing_font_is_reported_not_silent(tmp_path, monkeypatch):
    """With no fallback font anywhere, the CJK characters are named in a warning."""
    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    monkeypatch.setattr(fonts, "_fallback_candidates", lambda char: iter(()))
    loaded = hostile_pack(tmp_path / "pack")
    rendered = render_brief(compose_brief(loaded.pack))
    (warning,) = rendered.warnings
    for char in HOSTILE["chinese"]:
        assert f"{char} (U+{ord(char):04X})" in warning
    assert "Ł" not in warning and "ğ" not in warning  # DejaVu or similar has these


def test_link_only_for_a_checked_url(gsi, tmp_path):
    from briefing.content import Run

    markup = Markup(fonts.load_fonts().glyphs())
    assert "<a " not in markup.run(Run("x", link="javascript:alert(1)"), 9)
    assert "<a " not in markup.run(Run("x", link="file:///etc/passwd"), 9)
    link = markup.run(Run("site", link="https://example.org/a?b=1&c=2"), 9)
    assert 'href="https://example.org/a?b=1&amp;c=2"' in link


def test_source_url_becomes_the_only_link(gsi):
    pack = replace(gsi.pack, source=replace(gsi.pack.source, url="https://example.org/story"))
    rendered = render_brief(compose_brief(pack))
    assert uris(rendered.pdf) == ["https://example.org/story"]


def test_escape_text():
    assert escape_text('<a href="x">&\'') == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"


def test_very_long_texts_still_lay_out(tmp_path):
    """Table cells taller than a page split inside their row instead of failing."""
    import yaml

    from seeds.packs import load_pack
    from tests.briefing.pdftext import GSI_FOLDER

    data = yaml.safe_load((GSI_FOLDER / "pack.yaml").read_text(encoding="utf-8"))
    data["actors"][0]["role"] = " ".join(["role"] * 1500)
    data["arguments"][0]["statement"] = " ".join(["argument"] * 1500)
    path = tmp_path / GSI_FOLDER.name / "pack.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    loaded, problems = load_pack(path)
    assert loaded is not None, problems
    rendered = render_brief(compose_brief(loaded.pack))
    assert rendered.pages > 4 and rendered.pdf.startswith(b"%PDF")


@pytest.fixture
def builtin_fonts_only(monkeypatch):
    """A system with no TrueType font at all: reportlab's Latin-1 fonts, no fallbacks."""
    monkeypatch.setattr(fonts, "font_index", lambda: {})
    monkeypatch.setattr(fonts, "_fallbacks", fonts._Fallbacks())
    monkeypatch.setattr(fonts, "_fallback_candidates", lambda char: iter(()))
    monkeypatch.setattr(fonts, "_loaded", [])  # loaded again, as on that system


def test_without_truetype_fonts_the_brief_still_builds(gsi, builtin_fonts_only):
    assert not fonts.load_fonts().unicode
    rendered = render_brief(compose_brief(gsi.pack))
    assert 2 <= rendered.pages <= 4 and rendered.warnings == ()


def test_without_truetype_fonts_non_latin_is_reported(tmp_path, builtin_fonts_only):
    rendered = render_brief(compose_brief(hostile_pack(tmp_path / "pack").pack))
    (warning,) = rendered.warnings
    for char in "Łğ习近平":
        assert f"{char} (U+{ord(char):04X})" in warning
    assert squeeze("AT&T") in squeeze(text_of(rendered.pdf))
