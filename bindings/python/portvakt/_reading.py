"""One strict, bounded reading of JSON text for every reader of the package (RULES.md section 10
"Strict reading", section 8's caps, H5's byte order mark).

Two things the json module cannot do are done here:

- **A repeated member** (``{"kind": "other", "kind": "guardian"}``) is kept, not resolved: the
  object comes back as a :class:`Repeated` dict that names the first repeated member, so that the
  reader of that object refuses it naming its path (``citizen.guardians[0].id``), whichever copy
  it would have read. A vector with one is decided as malformed; the file is still read.
- **The caps of section 8** (16 guardians, 16 representatives, 1,024 seals, 1,024 grants, 256
  periods of one fact) are checked while the text is scanned, before it is parsed: a request,
  a record or a log line is refused at the first element past a cap (InvalidInput naming the
  array, as the library names it), so that the time and memory spent on it are bounded by the
  caps and not by the input. In a file of vectors the elements past the cap but one are cut out
  of the text before it is parsed: the vector keeps one element too many, and is decided as
  malformed by the usual reading, without the rest ever being built.

The scan is a small state machine over the structural tokens of the text (strings, brackets,
braces, commas), found by one regular expression; numbers and literals need no look. It also
refuses nesting deeper than MAX_DEPTH. A UTF-8 byte order mark at the very start of a file is
dropped (H5).
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Tuple, Union

from ._errors import InvalidInput

__all__ = ["BOM", "MAX_DEPTH", "InputRefused", "Repeated", "Scan", "loads_strict", "strip_bom"]

#: The UTF-8 byte order mark, ignored at the very start of a file (H5).
BOM = b"\xef\xbb\xbf"
#: The deepest nesting of arrays and objects accepted in a JSON text (a vector nests 6 deep).
MAX_DEPTH = 64

# The caps of RULES.md section 8, by the member of the citizen (or of a guardian) that holds them,
# with the message the library gives (src/input/validate.c), so that both readers name a cap alike.
CITIZEN_CAPS: Dict[str, Tuple[int, str]] = {
    "guardians": (16, "holds more than 16 guardians"),
    "representatives": (16, "holds more than 16 representatives"),
    "seals": (1024, "holds more than 1024 seals"),
    "grants": (1024, "holds more than 1024 grants"),
    "login_locked": (256, "holds more than 256 periods"),
    "protected_identity": (256, "holds more than 256 periods"),
}
GUARDIAN_CAPS: Dict[str, Tuple[int, str]] = {
    "blocked": (256, "holds more than 256 periods"),
    "protected_identity": (256, "holds more than 256 periods"),
}

# A string (complete), a structural character, or a string that runs to the end of the data (the
# rest of it comes with the next block).
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},]|"[^"\\]*(?:\\.[^"\\]*)*\\?\Z', re.S)
_QUOTE, _OPEN_ARRAY, _CLOSE_ARRAY, _OPEN_OBJECT, _CLOSE_OBJECT, _COMMA = b'"[]{},'

_CITIZEN, _GUARDIANS, _GUARDIAN = 1, 2, 3


class InputRefused(ValueError):
    """A JSON text refused before it is parsed: larger than the size limit, nested deeper than
    MAX_DEPTH, or not UTF-8."""


class Repeated(dict):  # type: ignore[type-arg]
    """A JSON object that named a member more than once (RULES.md section 10: malformed, whichever
    value either copy holds). ``repeated`` is the first such member."""

    repeated: str = ""


def _members(pairs: List[Tuple[str, Any]]) -> Dict[str, Any]:
    out = dict(pairs)
    if len(out) == len(pairs):
        return out
    seen = set()
    marked = Repeated(out)
    for key, _ in pairs:
        if key in seen:
            marked.repeated = key
            break
        seen.add(key)
    return marked


def strip_bom(data: bytes) -> bytes:
    """'data' without a UTF-8 byte order mark at its very start (H5)."""
    return data[3:] if data[:3] == BOM else data


def _key(token: bytes) -> str:
    if b"\\" not in token:
        return token[1:-1].decode("utf-8", "replace")
    try:
        return str(json.loads(token))
    except ValueError:
        return ""


class Scan:
    """The scan of one JSON text, fed in blocks (:meth:`feed`), then :meth:`text` for what to
    parse. A text whose root is an object (a request, a record, a log line) is refused at the
    first element past a cap; one whose root is an array (a file of vectors) has the elements past
    a cap but one cut out."""

    def __init__(self) -> None:
        # One frame per open array or object: [is_object, member key or element index, role,
        # cap, cap message]
        self._stack: List[List[Any]] = []
        self._root_array: Optional[bool] = None
        self._blocks: List[bytes] = []
        self._offset = 0  # where the data being scanned starts in the whole text
        self._carry = b""
        self._cuts: List[Tuple[int, int]] = []
        self._skip = 0  # inside an array being cut: the depth of that array, else 0
        self._cut_from = 0

    def feed(self, block: bytes) -> None:
        if not self._blocks and not self._carry and self._offset == 0:
            block = strip_bom(block)
        self._blocks.append(block)
        data = self._carry + block if self._carry else block
        start = self._offset
        used = self._tokens(data, start)
        self._carry = data[used:]
        self._offset = start + used

    def text(self) -> bytes:
        """The text to parse: every block fed, with the cuts made."""
        whole = b"".join(self._blocks)
        if not self._cuts:
            return whole
        parts, at = [], 0
        for begin, end in self._cuts:
            parts.append(whole[at:begin])
            at = end
        parts.append(whole[at:])
        return b"".join(parts)

    def _path(self, depth: int) -> str:
        out = ""
        for frame in self._stack[:depth]:
            link = frame[1]
            if frame[0]:
                out = f"{out}.{link}" if out else str(link)
            else:
                out = f"{out}[{link}]"
        return out

    def _tokens(self, data: bytes, base: int) -> int:
        stack = self._stack
        pos = 0
        while True:
            if self._skip:
                pos = self._skipped(data, pos, base)
                if pos < 0:  # the rest of the data is inside the array being cut
                    return -pos - 1
                continue
            m = _TOKEN.search(data, pos)
            if m is None:
                return len(data)
            pos = m.end()
            token = m.group()
            first = token[0]
            if first == _QUOTE:
                if len(token) == 1 or token[-1] != _QUOTE or (m.end() == len(data) and _unclosed(token)):
                    return m.start()  # the string goes on in the next block
                if stack and stack[-1][0] and stack[-1][1] is None:
                    stack[-1][1] = _key(token)
            elif first == _COMMA:
                if not stack:
                    continue
                top = stack[-1]
                if top[0]:
                    top[1] = None  # a key comes next
                    continue
                top[1] += 1
                if top[3] and top[1] >= top[3]:
                    self._past_cap(top, base + m.start())
            elif first == _OPEN_ARRAY or first == _OPEN_OBJECT:
                is_object = first == _OPEN_OBJECT
                role, cap, message = 0, 0, ""
                if stack:
                    parent = stack[-1]
                    if parent[0]:
                        if parent[2] == _CITIZEN and not is_object and parent[1] in CITIZEN_CAPS:
                            cap, message = CITIZEN_CAPS[parent[1]]
                            role = _GUARDIANS if parent[1] == "guardians" else 0
                        elif parent[2] == _GUARDIAN and not is_object and parent[1] in GUARDIAN_CAPS:
                            cap, message = GUARDIAN_CAPS[parent[1]]
                        elif is_object and parent[1] == "citizen" and (
                            len(stack) == 1 or (len(stack) == 2 and self._root_array)
                        ):
                            role = _CITIZEN
                    elif parent[2] == _GUARDIANS and is_object:
                        role = _GUARDIAN
                else:
                    self._root_array = not is_object
                stack.append([is_object, None if is_object else 0, role, cap, message])
                if len(stack) > MAX_DEPTH:
                    raise InputRefused(f"is nested deeper than {MAX_DEPTH} arrays and objects (the limit)")
            else:  # a closing bracket or brace
                if stack:
                    stack.pop()
        return len(data)

    def _skipped(self, data: bytes, pos: int, base: int) -> int:
        """Skips what follows 'pos' inside the array being cut. Returns where scanning goes on
        (after the array), or -1 - where the data ends inside it (what comes after that position
        is kept for the next block).

        A block that does not close the array is passed over with a few operations on whole
        bytes (escapes and strings dropped, bracket pairs collapsed), so that a cut costs little
        more than reading the text; the block that closes it is scanned a token at a time."""
        stack = self._stack
        end = _outside_string_end(data, pos)
        brackets = _brackets(data[pos:end])
        while True:
            shorter = brackets.replace(b"{}", b"").replace(b"[]", b"")
            if len(shorter) == len(brackets):
                break
            brackets = shorter
        openers = brackets.lstrip(b"]}")
        closers = len(brackets) - len(openers)
        # The block closes only what was opened inside the array (in an earlier block), not the
        # array itself: pass it over.
        if closers <= len(stack) - self._skip:
            del stack[len(stack) - closers:]
            for opener in openers:
                stack.append([opener == _OPEN_OBJECT, None, 0, 0, ""])
            if len(stack) > MAX_DEPTH:
                raise InputRefused(f"is nested deeper than {MAX_DEPTH} arrays and objects (the limit)")
            return -1 - end
        for m in _TOKEN.finditer(data, pos, end):
            token = m.group()
            first = token[0]
            if first == _OPEN_ARRAY or first == _OPEN_OBJECT:
                stack.append([first == _OPEN_OBJECT, None, 0, 0, ""])
            elif first == _CLOSE_ARRAY or first == _CLOSE_OBJECT:
                if len(stack) == self._skip:
                    self._cuts.append((self._cut_from, base + m.start()))
                    self._skip = 0
                    stack.pop()
                    return m.end()
                stack.pop()
        return -1 - end  # the block closed only what was opened inside the array

    def _past_cap(self, frame: List[Any], where: int) -> None:
        """The first element past the cap of the array 'frame' (the top of the stack) begins."""
        if not self._root_array:
            raise InvalidInput(self._path(len(self._stack) - 1), frame[4])
        if frame[1] > frame[3]:  # one element past the cap is kept: cut from here to the end
            self._skip = len(self._stack)
            self._cut_from = where


_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'"[]{}')


def _brackets(text: bytes) -> bytes:
    """The brackets and braces of the JSON 'text' (which begins and ends outside any string)
    that lie outside its strings."""
    if b"\\" in text:
        text = text.replace(b"\\\\", b"").replace(b'\\"', b"")
    return b"".join(text.translate(None, _NOT_STRUCTURE).split(b'"')[0::2])


def _outside_string_end(data: bytes, pos: int) -> int:
    """Where the data from 'pos' (outside any string) stops being outside one: len(data), or
    the opening quote of a string that goes on past the end."""
    text = data[pos:]
    if b"\\" in text:
        text = text.replace(b"\\\\", b"\0\0").replace(b'\\"', b"\0\0")
    if text.count(b'"') % 2 == 0:
        return len(data)
    return pos + text.rindex(b'"')


def _unclosed(token: bytes) -> bool:
    """True if the closing quote of 'token' (a string at the end of the data) is escaped, so that
    the string goes on: an odd number of backslashes before it."""
    backslashes = len(token) - 1 - len(token[:-1].rstrip(b"\\"))
    return backslashes % 2 == 1


def loads_strict(data: Union[str, bytes], scan: Optional[Scan] = None) -> Any:
    """The JSON value of 'data' after a scan (caps, depth), objects with a repeated member as
    :class:`Repeated`. Raises InputRefused (too deep), InvalidInput (a cap, in a text whose root
    is an object) or ValueError (not JSON)."""
    if scan is None:
        scan = Scan()
        scan.feed(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data))
        if isinstance(data, str):
            text: Union[str, bytes] = data if not scan._cuts else scan.text().decode("utf-8", "surrogatepass")
        else:
            text = scan.text()
    else:
        text = scan.text()
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputRefused(f"is not UTF-8 text (byte {error.start})") from None
    try:
        return json.loads(text, object_pairs_hook=_members)
    except RecursionError:  # pragma: no cover - the scan keeps far below the limit
        raise InputRefused("is nested too deeply") from None
