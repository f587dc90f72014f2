"""Text from a scenario made safe to show: control characters written out, never obeyed.

A scenario's title, summary or quote is data, but a terminal obeys the escape
sequences in what it prints (an OSC sequence retitles the window, a CSI one
clears the screen), Graphviz stops at a NUL, and XML forbids most control
characters outright, so an SVG holding one is not well-formed. `printable`
writes each such character as a visible escape (``\\x1b``, ``\\u202e``), the
way Python's ``repr`` would, and leaves every other character alone: text
without them comes back unchanged, byte for byte.
"""

from __future__ import annotations

import re

__all__ = ["json_printable", "printable", "printable_line"]

# C0 controls but tab and line feed, DEL and the C1 controls (U+0080-U+009F: U+009B is an
# 8-bit CSI to some terminals), the line and paragraph separators, the bidirectional overrides
# and isolates that can make text read in another order than it is stored, and U+FFFE/U+FFFF,
# which XML does not allow.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufffe\uffff]")
# The same characters where JSON lets them through as they are (it escapes C0 itself).
_JSON_HIDDEN = re.compile("[\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape (tabs and line breaks kept)."""
    return _HIDDEN.sub(_escape, text)


def printable_line(text: str) -> str:
    """``text`` as `printable` shows it, and on one line: a line break shown as ``\\n`` (an
    error names a file, and a file's name may hold one)."""
    return printable(text).replace("\n", "\\n")


def json_printable(document: str) -> str:
    """JSON text (from `json.dumps`) with the control characters it keeps written as ``\\uXXXX``.

    The escapes decode to the same characters, so the document means the same; they can only
    stand inside JSON strings, where ``\\uXXXX`` is always valid.
    """
    return _JSON_HIDDEN.sub(_json_escape, document)
