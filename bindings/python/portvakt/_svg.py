"""Drawing the timeline picture by hand: lanes of coloured bars, captions that never collide, and
lines that never cross a caption.

A text is measured as DejaVu Sans draws it, a little wide: 7 px a character at font-size 11, 8 px
an upper-case letter (CHAR_W, CAPITAL_W; the reasons are in capitals), from 0.8 of the font
size above its baseline to 0.25 below, with PAD_X / PAD_Y around. Every text
written through a :class:`Canvas` keeps that box, and

* a bar's caption goes inside the bar when its box fits there, else into a row of callouts under
  the lane, joined to the bar by a leader line, at a place where its box meets no other box and no
  leader, and where its own leader meets no box (:meth:`Canvas.lane`);
* a rule (a change date, a birthday) is drawn as vertical pieces that skip every text box
  (:meth:`Canvas.rule`), so it stays visible above the bars and never crosses a caption.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple
from xml.sax.saxutils import escape, quoteattr

FONT_SIZE = 11
FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"
CHAR_W, CAPITAL_W = 7.0, 8.0  #: px a character, an upper-case letter, at FONT_SIZE
ASCENT, DESCENT = 0.8, 0.25  #: of the font size, above and below the baseline
PAD_X, PAD_Y = 2.0, 1.0  #: px around a text's box
ROW_H = 15.0  #: px a row of callouts takes
CALLOUT_GAP = 6.0  #: px between a lane and its first row of callouts (the shortest leader)
CALLOUT_INK = "#212121"
LEADER_GAP = 2.0  #: px at least between two leaders going down
CLEARANCE = 1.0  #: px at least between a line and a text's box
RIGHT_SLACK = 16.0  #: px a callout may reach right of the lanes
LEFT_EDGE = 8.0  #: the left end of a callout's place
LEADER = 'stroke="#616161" stroke-width="0.8"'


@dataclass(frozen=True)
class Box:
    """An axis-aligned box: x0 <= x1, y0 <= y1 (y grows downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def overlaps(self, other: "Box") -> bool:
        """True if the two boxes share more than an edge."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def grown(self, margin: float) -> "Box":
        return Box(self.x0 - margin, self.y0 - margin, self.x1 + margin, self.y1 + margin)

    def meets(self, a: Tuple[float, float], b: Tuple[float, float]) -> bool:
        """True if the segment from 'a' to 'b' touches the box (Liang-Barsky clipping)."""
        t0, t1 = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        sides = ((-dx, a[0] - self.x0), (dx, self.x1 - a[0]), (-dy, a[1] - self.y0), (dy, self.y1 - a[1]))
        for p, q in sides:
            if p == 0:
                if q < 0:
                    return False
            elif p < 0:
                t0 = max(t0, q / p)
            else:
                t1 = min(t1, q / p)
        return t0 <= t1


def text_width(text: str, size: float = FONT_SIZE) -> float:
    return size / FONT_SIZE * sum(CAPITAL_W if c.isupper() else CHAR_W for c in text)


def text_box(x: float, y: float, text: str, anchor: str = "start", size: float = FONT_SIZE) -> Box:
    """The box of 'text' written at ('x', baseline 'y') with SVG's text-anchor 'anchor'."""
    w = text_width(text, size)
    left = x - {"start": 0.0, "middle": w / 2, "end": w}[anchor]
    return Box(left - PAD_X, y - ASCENT * size - PAD_Y, left + w + PAD_X, y + DESCENT * size + PAD_Y)


def _num(v: float) -> str:
    return f"{v:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True)
class Bar:
    """A coloured stretch [xa, xb] of a lane with its caption and tooltip. 'ink' colours the
    caption inside the bar; 'open_left' / 'open_right' mark an end that the record leaves open."""

    xa: float
    xb: float
    fill: str
    caption: str
    tip: str
    ink: str = "#ffffff"
    kind: str = "step"
    open_left: bool = False
    open_right: bool = False
    opacity: float = 1.0


@dataclass(frozen=True)
class Lane:
    """A row of the picture: a label in the left margin, its bars, and a background with a
    tooltip (None: no background)."""

    label: str
    bars: Sequence[Bar]
    height: float
    background: Optional[str] = None
    kind: str = "lane"


@dataclass
class _Callout:
    """A caption under a lane: its leader leaves the bar at 'foot' and goes down at 'anchor'."""

    foot: float
    text: str
    anchor: float = 0.0
    row: int = 0
    box: Optional[Box] = None


@dataclass
class Canvas:
    """The elements of a picture in four layers (shapes, rules, lines, texts) and the box of
    every text."""

    shapes: List[str] = field(default_factory=list)
    rules: List[Tuple[float, float, float, str, str]] = field(default_factory=list)
    lines: List[str] = field(default_factory=list)
    leaders: List[Tuple[Tuple[float, float], Tuple[float, float]]] = field(default_factory=list)
    texts: List[str] = field(default_factory=list)
    boxes: List[Box] = field(default_factory=list)

    # ---- elements ------------------------------------------------------------------------------

    def text(self, x: float, y: float, text: str, *, anchor: str = "start", size: float = FONT_SIZE,
             attrs: str = "") -> Box:
        """Writes 'text' and returns its box."""
        box = text_box(x, y, text, anchor, size)
        extra = "" if anchor == "start" else f' text-anchor="{anchor}"'
        extra += "" if size == FONT_SIZE else f' font-size="{_num(size)}"'
        extra += f" {attrs}" if attrs else ""
        self.texts.append(f'<text x="{_num(x)}" y="{_num(y)}"{extra}>{escape(text)}</text>')
        self.boxes.append(box)
        return box

    def shape(self, svg: str) -> None:
        self.shapes.append(svg)

    def line(self, a: Tuple[float, float], b: Tuple[float, float], attrs: str) -> None:
        """A line drawn whole: the caller has made sure that it meets no text."""
        self.lines.append(f'<line x1="{_num(a[0])}" y1="{_num(a[1])}" x2="{_num(b[0])}" '
                          f'y2="{_num(b[1])}" {attrs}/>')

    def rule(self, x: float, y0: float, y1: float, attrs: str, tip: str) -> None:
        """A vertical line at 'x' from 'y0' to 'y1', drawn (by :meth:`svg`) in pieces that skip
        every text box, with the tooltip 'tip'."""
        self.rules.append((x, y0, y1, attrs, tip))

    def free(self, box: Box) -> bool:
        """True if 'box' overlaps no text box and no leader comes within CLEARANCE of it."""
        return (not any(box.overlaps(b) for b in self.boxes)
                and not any(box.grown(CLEARANCE).meets(a, b) for a, b in self.leaders))

    # ---- lanes ---------------------------------------------------------------------------------

    def lane(self, lane: Lane, top: float, label_x: float, span: Tuple[float, float]) -> float:
        """Draws 'lane' from 'top' over the x-range 'span' (its label right-aligned at
        'label_x'), its bars and every caption, and returns the y below its last row of
        callouts. A callout may reach RIGHT_SLACK into the right margin and, under the lane's
        label, into the left one as far as LEFT_EDGE."""
        x_min, x_max = span
        self.text(label_x, top + lane.height / 2 + 4, lane.label, anchor="end")
        if lane.background is not None:
            self.shape(f'<rect class="{lane.kind}" x="{_num(x_min)}" y="{_num(top)}" '
                       f'width="{_num(x_max - x_min)}" height="{_num(lane.height)}" fill="#eeeeee">'
                       f'<title>{escape(lane.background)}</title></rect>')
        for bar in lane.bars:
            self._bar(bar, top, lane.height)
        rows = self._captions(lane.bars, top, lane.height, LEFT_EDGE, x_max + RIGHT_SLACK)
        return top + lane.height + (CALLOUT_GAP + rows * ROW_H if rows else 0)

    def _bar(self, bar: Bar, top: float, height: float) -> None:
        opacity = "" if bar.opacity == 1 else f' fill-opacity="{bar.opacity}"'
        xa, xb = round(bar.xa, 1), round(bar.xb, 1)  # so that the bar ends where 'xb' is written
        self.shape(f'<rect class="{bar.kind}" x="{_num(xa)}" y="{_num(top)}" '
                   f'width="{_num(max(xb - xa, 0.5))}" height="{_num(height)}" fill="{bar.fill}"'
                   f'{opacity} stroke="#ffffff" stroke-width="0.5"><title>{escape(bar.tip)}</title></rect>')
        mid, half = top + height / 2, min(5.0, height / 2)
        for end, tip, sign in ((bar.open_left, bar.xa, -1), (bar.open_right, bar.xb, 1)):
            if end:  # an open end: an arrow beyond the edge
                points = " ".join(f"{_num(x)},{_num(y)}" for x, y in
                                  ((tip, mid - half), (tip + 6 * sign, mid), (tip, mid + half)))
                self.shape(f'<polygon class="open-end" points="{points}" fill="{bar.fill}"/>')

    def _captions(self, bars: Sequence[Bar], top: float, height: float, x_min: float, x_max: float) -> int:
        """Writes each bar's caption inside the bar when it fits there (and meets no caption
        written before), else as a callout; returns the number of callout rows."""
        baseline = top + height / 2 + 4
        callouts: List[_Callout] = []
        for bar in bars:
            box = text_box(bar.xa + 4, baseline, bar.caption)
            if box.x1 <= bar.xb - 2 and self.free(box):
                self.text(bar.xa + 4, baseline, bar.caption, attrs=f'fill="{bar.ink}"')
            else:
                callouts.append(_Callout(_anchor(bar, [b for b in bars if b is not bar]), bar.caption))
        return self._callouts(callouts, top + height, x_min, x_max)

    def _callouts(self, callouts: List[_Callout], bottom: float, x_min: float, x_max: float) -> int:
        """Places the callouts of a lane whose bars end at 'bottom' in rows under it. The right
        half of them go right of their leader, placed from right to left; the left half (those
        of them that have room before 'x_min') go left of it, placed from left to right; each
        takes the first row and the first place (centred under its leader, on its own side, on
        the other) that is free, where its leader meets no box, and where its box covers no
        leader still to be placed. So every later leader finds its way down, and a callout
        that finds no place opens a new row on its own side (the picture growing to the right
        if need be). Returns the number of rows.

        Leaders go down at least LEADER_GAP apart: one whose bar is too close to the previous
        one's leaves the bar at its foot and bends left to its place in the gap under the lane
        (the feet and the places keep their order, so these bends never cross)."""
        callouts.sort(key=lambda c: -c.foot)
        for i, c in enumerate(callouts):
            c.anchor = c.foot if i == 0 else min(c.foot, callouts[i - 1].anchor - LEADER_GAP)
        rising = callouts[::-1]
        room = [c.anchor - 1 - text_width(c.text) - 2 * PAD_X >= x_min for c in rising]
        lefts = next((i for i, ok in enumerate(room) if not ok), len(room))
        lefts = min(lefts, len(callouts) // 2)
        order = _interleave(callouts[: len(callouts) - lefts], rising[:lefts])
        rows = 0
        for k, (c, side) in enumerate(order):
            later = [d.anchor for d, _ in order[k + 1:]]
            for row in range(rows + 1):
                if self._callout_fits(c, side, row, bottom, later, (x_min, x_max)):
                    break
            else:
                c.row, c.box = rows, _callout_box(c, side, _row_baseline(bottom, rows))
            rows = max(rows, c.row + 1)
            self._write_callout(c, bottom)
        return rows

    def _callout_fits(self, c: _Callout, side: str, row: int, bottom: float, later: Sequence[float],
                      limits: Tuple[float, float]) -> bool:
        y = _row_baseline(bottom, row)
        for where in ("middle", side, "start" if side == "end" else "end"):
            box = _callout_box(c, where, y)
            clear = box.grown(CLEARANCE)
            if box.x0 < limits[0] or box.x1 > limits[1] or any(clear.x0 <= a <= clear.x1 for a in later):
                continue
            leader = ((c.anchor, bottom), (c.anchor, box.y0 - CLEARANCE))
            if self.free(box) and not any(b.grown(CLEARANCE).meets(*leader) for b in self.boxes):
                c.row, c.box = row, box
                return True
        return False

    def _write_callout(self, c: _Callout, bottom: float) -> None:
        assert c.box is not None
        knee = (c.anchor, bottom + CALLOUT_GAP - 2 if c.foot != c.anchor else bottom)
        leader = [((c.foot, bottom), knee), (knee, (c.anchor, c.box.y0 - CLEARANCE))]
        for a, b in leader if knee[1] > bottom else leader[1:]:
            self.line(a, b, f'class="leader" {LEADER}')
            self.leaders.append((a, b))
        self.text(c.box.x0 + PAD_X, _row_baseline(bottom, c.row), c.text, attrs=f'fill="{CALLOUT_INK}"')

    # ---- the picture ---------------------------------------------------------------------------

    def _rule_pieces(self, x: float, y0: float, y1: float) -> List[Tuple[float, float]]:
        """[y0, y1] less the y-range of every text box that 'x' passes within CLEARANCE of."""
        grown = [b.grown(CLEARANCE) for b in self.boxes]
        cuts = sorted((b.y0, b.y1) for b in grown if b.x0 <= x <= b.x1)
        pieces, y = [], y0
        for c0, c1 in cuts:
            if c0 > y:
                pieces.append((y, min(c0, y1)))
            y = max(y, c1)
            if y >= y1:
                break
        if y < y1:
            pieces.append((y, y1))
        return [(a, b) for a, b in pieces if b - a > 0.5]

    def svg(self, width: float, height: float) -> str:
        """The picture: shapes, then rules, lines and texts above them."""
        head = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{_num(width)}" height="{_num(height)}" '
            f'viewBox="0 0 {_num(width)} {_num(height)}" font-family={quoteattr(FONT)} '
            f'font-size="{FONT_SIZE}">',
            f'<rect x="0" y="0" width="{_num(width)}" height="{_num(height)}" fill="#ffffff"/>',
        ]
        rules = []
        for x, y0, y1, attrs, tip in self.rules:
            for a, b in self._rule_pieces(x, y0, y1):
                rules.append(f'<line x1="{_num(x)}" y1="{_num(a)}" x2="{_num(x)}" y2="{_num(b)}" {attrs}>'
                             f'<title>{escape(tip)}</title></line>')
        return "\n".join(head + self.shapes + rules + self.lines + self.texts + ["</svg>"]) + "\n"

    def right_edge(self) -> float:
        """The right end of the rightmost text box."""
        return max((b.x1 for b in self.boxes), default=0.0)


def _anchor(bar: Bar, others: Sequence[Bar]) -> float:
    """Where a callout hangs from 'bar': the middle of the longest stretch of it that no bar of
    'others' covers (bars of one fact may overlap), else its middle."""
    free = [(bar.xa, bar.xb)]
    for o in others:
        pieces = [piece for a, b in free for piece in ((a, min(b, o.xa)), (max(a, o.xb), b))]
        free = [(a, b) for a, b in pieces if b > a]
    a, b = max(free, key=lambda p: p[1] - p[0], default=(bar.xa, bar.xb))
    return (a + b) / 2


def _interleave(rights: Sequence[_Callout], lefts: Sequence[_Callout]) -> List[Tuple[_Callout, str]]:
    """The callouts going right ("start") and left ("end") of their leaders, in turns."""
    out: List[Tuple[_Callout, str]] = []
    for i in range(max(len(rights), len(lefts))):
        out += [(rights[i], "start")] if i < len(rights) else []
        out += [(lefts[i], "end")] if i < len(lefts) else []
    return out


def _callout_box(c: _Callout, where: str, baseline: float) -> Box:
    """The box of the callout 'c': centred under its leader ("middle"), right of it ("start")
    or left of it ("end"), its edge on the leader."""
    x = c.anchor + {"middle": 0.0, "start": PAD_X, "end": -PAD_X}[where]
    return text_box(x, baseline, c.text, where)


def _row_baseline(bottom: float, row: int) -> float:
    """The baseline of callout row 'row' under a lane ending at 'bottom': the row's box begins
    CALLOUT_GAP + row * ROW_H under the lane."""
    return bottom + CALLOUT_GAP + row * ROW_H + ASCENT * FONT_SIZE + PAD_Y
