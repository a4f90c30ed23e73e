"""An exact text layer for Thai in WeasyPrint's PDFs (copy, search, pdftotext).

HarfBuzz draws SARA AM (ำ) as two glyphs, NIKHAHIT and SARA AA, moves the
NIKHAHIT before any tone mark, and merges the syllable into one cluster. A PDF
maps each character code to one text through the font's ToUnicode CMap, and
WeasyPrint uses glyph ids as character codes, keeping whichever text a glyph was
first drawn with. So the SARA AA glyph of "อำ" reads "า" wherever "า" came first,
and a mark drawn first inside a cluster reads "" everywhere after: "ผู้อำนวยการ"
extracted as "ผู้อานวยการ", and marks came out of order (WeasyPrint issue #2841).

The fix gives every (glyph, text) pair its own character code. The first text a
glyph is drawn with keeps the glyph id; another text gets an alias code, the next
unused code above the font's glyphs (shared with WeasyPrint's codes for missing
glyphs), that the font's CIDToGIDMap sends back to the same glyph. The map then
covers only the codes up to the last alias. (Aliases used to count down from
0xFFFF, which made every map 128 KiB: an identity table barely compresses, so each
Thai font added 119 KB to the file and its compression a tenth of writing it.) Each
cluster's text then goes to exactly one code in the order it is drawn, so the
syllable extracts as it was typed. No outline changes and the font stays one file.

It hooks four WeasyPrint internals (checked by tests/certificates/test_pdf_text.py
against the installed version): drawing a line, numbering a missing glyph,
subsetting a font and building its dictionary.
"""

import unicodedata

import pydyf
from weasyprint.draw import text as draw_text
from weasyprint.pdf import fonts as pdf_fonts
from weasyprint.text.ffi import FROM_UNITS, ffi, pango

_installed = False
SARA_AM = "\u0e33"  # Thai SARA AM, ำ
# The identity CIDToGIDMap of every 2-byte code, big-endian: built once per process.
_IDENTITY_CIDS = b"".join(cid.to_bytes(2, "big") for cid in range(0x10000))


def install() -> None:
    """Hook WeasyPrint once per process."""
    global _installed
    if _installed:
        return
    original_draw = draw_text.draw_first_line
    original_clean = pdf_fonts.Font.clean
    original_build = pdf_fonts._build_vector_font_dictionary
    original_unused = pdf_fonts.Font.get_unused_glyph_id

    def draw_first_line(stream, textbox, text_overflow, block_ellipsis, matrix):
        # An ellipsis makes draw_first_line lay the line out again: left as it was.
        plain = text_overflow != "ellipsis" and block_ellipsis == "none"
        restore = _alias_glyphs(stream, textbox) if plain else []
        try:
            return original_draw(stream, textbox, text_overflow, block_ellipsis, matrix)
        finally:
            for glyph_info, glyph_id in restore:
                glyph_info.glyph = glyph_id

    def clean(self, to_unicode, hinting):
        real = {gid: text for gid, text in to_unicode.items() if gid < self.glyph_count}
        return original_clean(self, real, hinting)

    def get_unused_glyph_id(self, codepoint):
        # WeasyPrint numbers missing glyphs from glyph_count up, as the aliases are:
        # one counter for both, so a missing glyph never takes an alias's code.
        if codepoint not in self.missing and getattr(self, "cid_aliases", None):
            code = _next_unused_code(self)
            if code <= 0xFFFF:
                self.missing[codepoint] = code
        return original_unused(self, codepoint)

    def build(font_dictionary, pdf, font, widths, *args, **kwargs):
        original_build(font_dictionary, pdf, font, widths, *args, **kwargs)
        aliases = getattr(font, "cid_aliases", None)
        if aliases:
            _map_aliases(pdf, font_dictionary, aliases)

    draw_text.draw_first_line = draw_first_line
    pdf_fonts.Font.clean = clean
    pdf_fonts.Font.get_unused_glyph_id = get_unused_glyph_id
    pdf_fonts._build_vector_font_dictionary = build
    _installed = True


def _alias_glyphs(stream, textbox) -> list:
    """Give each glyph of the line the code of its (glyph, text) pair; return what to restore."""
    if not textbox.text.strip() or textbox.style["font_size"] < 1e-6:
        return []
    pango.pango_layout_set_single_paragraph_mode(textbox.pango_layout.layout, True)
    first_line, _index = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    restore = []
    run = first_line.runs[0]
    while run != ffi.NULL:
        glyph_item = run.data
        run = run.next
        font, font_size = stream.add_font(glyph_item.item.analysis.font)
        if font.bitmap or glyph_item.item.analysis.level % 2:  # right-to-left: as it was
            continue
        glyphs = glyph_item.glyphs
        for i, text in enumerate(_glyph_texts(glyph_item, utf8)):
            glyph_info = glyphs.glyphs[i]
            glyph_id = glyph_info.glyph
            if text is None:
                continue
            code = _code_for(stream, glyph_item, font, font_size, glyph_id, text)
            if code != glyph_id:
                restore.append((glyph_info, glyph_id))
                glyph_info.glyph = code
    return restore


def _glyph_texts(glyph_item, utf8: bytes) -> list:
    """The text each glyph of a left-to-right run stands for, in drawing order.

    A cluster's whole text goes to its first glyph (the consonant of a Thai
    syllable), its other glyphs to "". A cluster of marks alone (Pango gives a
    Thai vowel or tone mark its own cluster) joins the cluster before it, so an
    extractor reads "ดิ์" at the consonant, not a mark floating apart.
    None: a glyph drawn as nothing or missing from the font, left alone.
    """
    glyphs = glyph_item.glyphs
    count, clusters = glyphs.num_glyphs, glyphs.log_clusters
    offset, length = glyph_item.item.offset, glyph_item.item.length
    texts: list = [None] * count
    carrier = None
    i = 0
    while i < count:
        j = i
        while j < count and clusters[j] == clusters[i]:
            j += 1
        end = length if j == count else clusters[j]
        text = utf8[offset + clusters[i] : offset + end].decode(errors="replace")
        drawn = [k for k in range(i, j) if _drawn(glyphs.glyphs[k].glyph)]
        for k in drawn:
            texts[k] = ""
        if not drawn:
            pass
        elif text.endswith(SARA_AM) and len(drawn) > 1:
            # Drawn as NIKHAHIT + SARA AA: SARA AA, a spacing glyph, carries the
            # vowel where it stands, or an extractor reads a gap there.
            carrier = _give(texts, carrier, drawn[0], text[: -len(SARA_AM)])
            texts[drawn[-1]] = SARA_AM
        else:
            carrier = _give(texts, carrier, drawn[0], text)
        i = j
    return texts


def _give(texts: list, carrier, first: int, text: str):
    """Marks alone join the glyph carrying the text before them; returns the carrier."""
    if carrier is not None and all(unicodedata.category(c) == "Mn" for c in text):
        texts[carrier] += text
        return carrier
    texts[first] = text
    return first


def _drawn(glyph_id: int) -> bool:
    return glyph_id != pango.PANGO_GLYPH_EMPTY and not glyph_id & pango.PANGO_GLYPH_UNKNOWN_FLAG


def _code_for(stream, glyph_item, font, font_size, glyph_id: int, text: str) -> int:
    """The glyph's own id for the first text it is drawn with, an alias for any other."""
    known = font.to_unicode.get(glyph_id)
    if known is None:
        font.to_unicode[glyph_id] = text  # draw_first_line keeps a mapping it finds
        return glyph_id
    if known == text:
        return glyph_id
    pairs = font.__dict__.setdefault("cid_pairs", {})
    if (glyph_id, text) not in pairs:
        aliases = font.__dict__.setdefault("cid_aliases", {})
        code = _next_unused_code(font)
        if code > 0xFFFF:
            return glyph_id  # no room left: keep the old, approximate mapping
        aliases[code] = glyph_id
        pairs[(glyph_id, text)] = code
        font.to_unicode[code] = text
        font.widths[code] = _width(stream, glyph_item, font, font_size, glyph_id)
    return pairs[(glyph_id, text)]


def _next_unused_code(font) -> int:
    """The first code above the font's glyphs that neither an alias nor a missing glyph has."""
    return font.glyph_count + len(font.missing) + len(getattr(font, "cid_aliases", ()))


def _width(stream, glyph_item, font, font_size, glyph_id: int) -> int:
    if glyph_id not in font.widths:
        pango.pango_font_get_glyph_extents(
            glyph_item.item.analysis.font, glyph_id, stream.ink_rect, stream.logical_rect
        )
        font.widths[glyph_id] = round(stream.logical_rect.width * 1000 * FROM_UNITS / font_size)
    return font.widths[glyph_id]


def _map_aliases(pdf, font_dictionary, aliases: dict) -> None:
    """Replace the descendant font's identity CIDToGIDMap with one naming each alias's glyph."""
    reference = font_dictionary["DescendantFonts"][0]  # b"12 0 R"
    subfont = pdf.objects[int(reference.split()[0])]
    # Identity, as before, for every other code: sliced from a table built once
    # (building it here, two bytes at a time, was a seventh of issuing a certificate).
    table = bytearray(_IDENTITY_CIDS[: 2 * (max(aliases) + 1)])
    for cid, glyph_id in aliases.items():
        table[2 * cid : 2 * cid + 2] = glyph_id.to_bytes(2, "big")
    stream = pydyf.Stream([bytes(table)], compress=True)
    pdf.add_object(stream)
    subfont["CIDToGIDMap"] = stream.reference
