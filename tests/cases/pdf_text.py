"""Read the text of a PDF without a PDF library: inflate its content streams and collect the
strings shown by the text operators (Tj, TJ, ', "). Enough for the standard-font PDFs
reportlab writes; tests use it to check what the minutes say."""

from __future__ import annotations

import base64
import re
import zlib

# A stream's own dictionary (no nested << >>) and its bytes; reportlab ends the data with ~>.
STREAM = re.compile(rb"<<((?:(?!<<|>>).)*)>>\s*stream\r?\n(.*?)\r?\n?endstream", re.DOTALL)
TEXT_OPERATORS = re.compile(
    rb"\((?:\\.|[^\\)])*\)\s*(?:Tj|'|\")|\[(?:[^\]\\]|\\.)*\]\s*TJ", re.DOTALL
)
STRING = re.compile(rb"\(((?:\\.|[^\\)])*)\)", re.DOTALL)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(raw: bytes) -> bytes:
    def replace(match: re.Match[bytes]) -> bytes:
        escaped = match.group(1)
        if escaped[:1].isdigit():
            return bytes([int(escaped, 8)])
        return ESCAPES.get(escaped, escaped)

    return re.sub(rb"\\([0-7]{1,3}|.)", replace, raw, flags=re.DOTALL)


def _decode(data: bytes, dictionary: bytes) -> bytes:
    if b"/ASCII85Decode" in dictionary:
        data = base64.a85decode(data.strip().removesuffix(b"~>").strip(), adobe=False)
    if b"/FlateDecode" in dictionary:
        data = zlib.decompress(data)
    return data


def pdf_text(pdf: bytes) -> str:
    """All text shown on the pages, one string per line of text operators."""
    lines = []
    for dictionary, data in STREAM.findall(pdf):
        try:
            content = _decode(data, dictionary)
        except (zlib.error, ValueError):
            continue
        for operator in TEXT_OPERATORS.findall(content):
            parts = [_unescape(s) for s in STRING.findall(operator)]
            lines.append(b"".join(parts).decode("cp1252", errors="replace"))
    return "\n".join(lines)
