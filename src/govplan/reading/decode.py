"""Bytes to text: byte-order marks, UTF-8 or GB18030 detected, line ends and invisible characters normalised.

Plan documents arrive as UTF-8 (with or without a BOM), as GBK/GB18030 from older
Windows tools, or as UTF-16 with a BOM ("Unicode" in Notepad).  Nobody says which, so
:func:`decode` decides from the bytes alone, without any charset library:

1. a byte-order mark names the encoding;
2. NUL bytes or many control bytes mean binary data, not text;
3. strict UTF-8 that decodes is UTF-8 (real GBK text almost never is valid UTF-8);
4. otherwise strict GB18030 is tried and judged by the share of its non-ASCII
   characters that are common Chinese (those in GB2312), since arbitrary bytes often
   decode as GB18030 but into rare characters;
5. a file that is almost UTF-8 (a few damaged bytes) is decoded with those bytes
   replaced by U+FFFD and the count reported, rather than refused.

>>> decode("一、目标\\r\\n".encode("gb18030")).encoding
'gb18030'
>>> decode("\\ufeff一、目标".encode("utf-8")).text
'一、目标'
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

import attrs

from govplan.errors import UnsupportedFormatError
from govplan.reading.lines import Line

__all__ = ["DecodedText", "decode", "normalize_text", "split_lines"]

# Longest BOM first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
    (b"\x84\x31\x95\x33", "gb18030"),
)

# C0 controls other than tab, LF, CR, FF, VT and ESC, plus DEL: text files hardly ever hold them.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0b\x0c\x1b") + b"\x7f"
_ASCII = bytes(range(128))
_SAMPLE = 1 << 16  # bytes or characters looked at when judging; enough to tell, cheap on huge files
_COMMON_SHARE = 0.6  # real GBK text: > 0.95 common characters; random bytes: about 0.3
_FEW = 16  # below this many non-ASCII characters the share of common ones proves nothing
_MAX_DAMAGE = 0.01  # share of damaged bytes tolerated in a file that is otherwise UTF-8 or GB18030


@attrs.frozen
class DecodedText:
    """Text decoded from bytes: the *text* (normalised), the *encoding* used, and how many
    undecodable bytes were *replaced* by U+FFFD (0 for a clean file)."""

    text: str
    encoding: str
    replaced: int = 0


def decode(data: bytes, path: str | None = None) -> DecodedText:
    """Decode the bytes of a text file, detecting its encoding, and normalise the text.

    Raises :class:`~govplan.UnsupportedFormatError` (naming *path*) for binary data
    and for bytes that are text in no encoding govplan knows.

    >>> decode(b"\\xd6\\xd0\\xce\\xc4").text  # "中文" in GBK
    '中文'
    >>> decode(b"a\\x00b\\x00", "x.txt")
    Traceback (most recent call last):
    ...
    govplan.errors.UnsupportedFormatError: x.txt: binary data, not text (NUL bytes without a byte-order mark; ...
    """
    data = bytes(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data, encoding, path)
    _refuse_binary(data, path)
    try:
        return DecodedText(normalize_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and (_common_share(text) >= _COMMON_SHARE or _non_ascii(text) < _FEW):
        # Few characters are too little evidence to judge by; a strict GB18030 decoding is then the best guess.
        return DecodedText(normalize_text(text), "gb18030")
    return _decode_damaged(data, path)


def _decode_with_bom(data: bytes, encoding: str, path: str | None) -> DecodedText:
    # The utf-16/32 codecs and utf-8-sig drop their BOM; gb18030 decodes it to U+FEFF, removed later.
    try:
        return DecodedText(normalize_text(data.decode(encoding)), encoding)
    except UnicodeDecodeError:
        text, replaced = _lossy(data, encoding)
        return DecodedText(normalize_text(text), encoding, replaced)


def _lossy(data: bytes, encoding: str) -> tuple[str, int]:
    """*data* decoded with damaged bytes replaced, and how many replacements that made."""
    text = data.decode(encoding, errors="replace")
    # U+FFFD already in the file is content, not damage: it survives errors="ignore" too.
    return text, text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")


def _refuse_binary(data: bytes, path: str | None) -> None:
    head = data[:_SAMPLE]
    if b"\x00" in head:
        raise UnsupportedFormatError(
            "binary data, not text (NUL bytes without a byte-order mark; a UTF-16 file needs its BOM):"
            " govplan reads .txt, .docx and .html plan documents; save the document as UTF-8 text", path)
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and controls / len(head) > 0.05:
        raise UnsupportedFormatError(
            f"binary data, not text ({controls} control bytes in the first {len(head)}):"
            " govplan reads .txt, .docx and .html plan documents; save the document as UTF-8 text", path)


def _decode_damaged(data: bytes, path: str | None) -> DecodedText:
    """Text that is nearly UTF-8 or GB18030 keeps its good part; anything else is refused."""
    non_ascii_bytes = len(data.translate(None, _ASCII))
    for encoding in ("utf-8", "gb18030"):
        text, replaced = _lossy(data, encoding)
        if replaced > max(3, _MAX_DAMAGE * non_ascii_bytes):
            continue
        if encoding == "utf-8" or _common_share(text) >= _COMMON_SHARE:
            return DecodedText(normalize_text(text), encoding, replaced)
    raise UnsupportedFormatError(
        "not text in a known encoding (tried UTF-8, GB18030/GBK, and UTF-16 with a byte-order mark):"
        " save the document as UTF-8 text", path)


@lru_cache(maxsize=1)
def _common_chars() -> frozenset[str]:
    """Every character of GB2312: the 6,763 common hanzi plus full-width punctuation."""
    chars = set()
    for lead in range(0xA1, 0xF8):
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def _non_ascii(text: str) -> int:
    return sum(1 for ch in text[:_FEW * 8] if ord(ch) > 0x7F)


def _common_share(text: str) -> float:
    """Share of the non-ASCII characters (in a sample) that are common Chinese; 1.0 with none."""
    common = _common_chars()
    sample = text[: _SAMPLE * 4]
    non_ascii = [ch for ch in sample if ord(ch) > 0x7F and ch != "\ufffd"]
    if not non_ascii:
        return 1.0
    return sum(1 for ch in non_ascii if ch in common) / len(non_ascii)


# Invisible characters that only break name matching: zero-width spaces and joiners, BOMs inside the text.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)
# Other controls (form feeds from PDF page breaks, NEL, stray C0/C1 codes) carry no text: they become spaces.
_SPACES = {**dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127, *range(0x80, 0xA0)], " "), 0xA0: " "}
_TRANSLATION = {**_INVISIBLE, **_SPACES}
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029]")


def normalize_text(text: str) -> str:
    """Unify line ends to ``\\n`` and drop characters that carry nothing.

    CRLF, CR and the Unicode line/paragraph separators become ``\\n``; zero-width
    characters and stray BOMs are removed; other control characters and no-break
    spaces become plain spaces.  Letters, punctuation (full- or half-width), tabs and
    ideographic spaces are kept exactly, so line numbers match ``grep -n``.

    >>> normalize_text("一、目标\\r\\n（一）\\u200b任务\\x0c\\r")
    '一、目标\\n（一）任务 \\n'
    """
    return _LINE_BREAKS.sub("\n", text).translate(_TRANSLATION)


def split_lines(text: str) -> tuple[Line, ...]:
    """Number the lines of normalised *text* from 1; a final newline does not start another line.

    >>> split_lines("甲\\n\\n乙\\n")
    (Line(number=1, text='甲'), Line(number=2, text=''), Line(number=3, text='乙'))
    """
    if not text:
        return ()
    parts = text.split("\n")
    if parts[-1] == "":
        parts.pop()
    return tuple(Line(n, part) for n, part in enumerate(parts, 1))
