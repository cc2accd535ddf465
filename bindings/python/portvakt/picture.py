"""Pictures of the answers: an SVG picture of the timelines of a citizen (T1, A2, H1).

    timeline_svg(citizen, start, end, lanes=None, ...) -> str

Kept apart from :mod:`portvakt.beyond` so that a program (or a command) that never draws a picture
never imports what drawing needs (``xml.sax.saxutils`` pulls in ``urllib`` and ``http``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import List, Optional, Sequence, Tuple, Union

from . import _svg
from ._enums import Effect
from ._model import Actor, Citizen, Interval, LockPeriod, Service
from ._pnr import birthday
from .beyond import TimelineStep, _iso, _lane_label, actor_named, service_named, timeline, who_can_see

__all__ = ["timeline_svg"]


_PERMIT = "#2e7d32"
_PERMIT_FILTERED = "#8bc34a"
_DENY = "#c62828"
_BIRTHDAY = "#1a237e"
_BIRTHDAY_LINE = f'stroke="{_BIRTHDAY}" stroke-width="1.5" stroke-dasharray="5,3"'
_CHANGE = 'stroke="#000000" stroke-opacity="0.75" stroke-width="1" stroke-dasharray="1.5,2.5"'
#: The facts of section 11 (H1) and their colours in the facts band.
_FACT_COLOURS = {"login lock": "#37474f", "protected identity": "#6a1b9a", "blocked": "#e65100"}
_LANE_H, _FACT_H, _LANE_GAP = 22.0, 16.0, 6.0


def _lanes_for(citizen: Citizen, units: bool, on: date) -> List[Tuple[Actor, Service]]:
    """The lanes of the picture: the rows of who_can_see on 'on' (every actor of the record, the
    e-services, the whole journal and, with 'units', each unit), as the C library names them."""
    return [(row.actor, row.service) for row in who_can_see(citizen, on) if units or row.unit is None]


@dataclass(frozen=True)
class _Period:
    """A period of a fact of section 11, both ends inclusive, None open (H1); 'note' follows
    its dates in the caption (a lock's case number), 'more' in the tooltip only."""

    from_: Optional[date]
    until: Optional[date]
    note: str = ""
    more: str = ""

    def caption(self) -> str:
        if self.from_ is None and self.until is None:
            text = "all dates"
        elif self.until is None:
            text = f"from {_iso(self.from_)}"
        elif self.from_ is None:
            text = f"until {_iso(self.until)}"
        else:
            text = f"{_iso(self.from_)} – {_iso(self.until)}"
        return text + (f" · {self.note}" if self.note else "")


def _facts_of(citizen: Citizen) -> List[Tuple[str, str, List[_Period]]]:
    """(label, fact, periods) for each fact of section 11 that the record gives, as a flag (one
    period open at both ends) or as periods (H1): the citizen's login lock and protected
    identity, then each guardian's block and protected identity."""

    def lock(p: LockPeriod, how: str = "") -> _Period:
        case = f"case {p.case_number}" if p.case_number else ""
        return _Period(p.from_, p.until, case, f"{how}requested by {p.requested_by.value}")

    def flag(on: bool) -> List[_Period]:
        return [_Period(None, None, more="the flag")] if on else []

    def periods(items: Sequence[Interval]) -> List[_Period]:
        return [_Period(p.from_, p.until) for p in items]

    locks = [lock(p) for p in citizen.login_lock_periods]
    if citizen.login_locked:  # the flag, with the record's requester and case number
        flagged = LockPeriod(None, None, citizen.login_lock_requested_by, citizen.login_lock_case_number)
        locks.insert(0, lock(flagged, "the flag, "))
    facts = [("citizen · login lock", "login lock", locks),
             ("citizen · protected identity", "protected identity",
              flag(citizen.protected_identity) + periods(citizen.protected_identity_periods))]
    for g in citizen.guardians:
        facts.append((f"guardian {g.id} · blocked", "blocked", flag(g.blocked) + periods(g.blocked_periods)))
        facts.append((f"guardian {g.id} · protected identity", "protected identity",
                      flag(g.protected_identity) + periods(g.protected_identity_periods)))
    return [f for f in facts if f[2]]


@dataclass(frozen=True)
class _Scale:
    """Days from 'start' to 'end' (both inclusive) over x0..x1: a day d covers
    [x_of(d), x_after(d)]."""

    start: date
    end: date
    x0: float
    x1: float

    def x_of(self, d: date) -> float:
        return self.x0 + (self.x1 - self.x0) * (d - self.start).days / ((self.end - self.start).days + 1)

    def x_after(self, d: date) -> float:
        return self.x_of(d) + (self.x1 - self.x0) / ((self.end - self.start).days + 1)


def _fact_lane(label: str, fact: str, periods: Sequence[_Period], scale: _Scale) -> _svg.Lane:
    """The lane of one fact: a bar for each period, clipped to the picture; an open end runs
    to the edge and carries an arrow. Overlapping periods are drawn as they are (H1: the fact
    holds on their union)."""
    bars = []
    for p in periods:
        first = scale.start if p.from_ is None else max(p.from_, scale.start)
        last = scale.end if p.until is None else min(p.until, scale.end)
        if first > last:
            continue  # the period lies outside the picture: the lane's tooltip names it
        tip = f"{label}: {p.caption()}" + (f" ({p.more})" if p.more else "") + " (H1)"
        bars.append(_svg.Bar(scale.x_of(first), scale.x_after(last), _FACT_COLOURS[fact], p.caption(),
                             tip, kind="period", open_left=p.from_ is None, open_right=p.until is None,
                             opacity=0.85))
    listed = "; ".join(p.caption() for p in periods)
    return _svg.Lane(label, bars, _FACT_H, background=f"{label}: {listed} (H1)", kind="fact")


def _decision_lane(label: str, steps: Sequence[TimelineStep], scale: _Scale) -> _svg.Lane:
    """The lane of one actor and service: a bar for each step, coloured by its decision and
    captioned with its reason (the colour tells a filtered view)."""
    bars = []
    for j, st in enumerate(steps):
        last = steps[j + 1].from_ - timedelta(days=1) if j + 1 < len(steps) else scale.end
        d = st.decision
        colour = _DENY if d.effect is Effect.DENY else (_PERMIT_FILTERED if d.filtered else _PERMIT)
        what = d.reason.value + (" (filtered)" if d.filtered else "")
        tip = (f"{label}: {st.from_.isoformat()} to {last.isoformat()}: "
               f"{d.effect.value} {what}, rule {d.rule}")
        ink = "#1b3d0c" if colour == _PERMIT_FILTERED else "#ffffff"
        bars.append(_svg.Bar(scale.x_of(st.from_), scale.x_after(last), colour, d.reason.value, tip, ink))
    return _svg.Lane(label, bars, _LANE_H)


def _birthdays(canvas: _svg.Canvas, citizen: Citizen, scale: _Scale, top: float,
               width: float) -> List[Tuple[float, float, str]]:
    """Writes the 13th and 16th birthdays (A2) that fall in the picture, one row each from
    'top', right of their line (left of it near the right edge). Returns (x, y, tooltip) for
    the line of each: it begins at the caption's row."""
    marks: List[Tuple[float, float, str]] = []
    birth = citizen.birth_date_on(scale.start)
    for n in (13, 16):
        d = birthday(birth, n)
        if not scale.start <= d <= scale.end:
            continue
        x = scale.x_of(d)
        text = f"{n} years · {d.isoformat()}"
        right = x + 4 + _svg.text_width(text) + _svg.PAD_X <= width - 4
        baseline = top + _svg.ASCENT * _svg.FONT_SIZE + _svg.PAD_Y
        box = canvas.text(x + 4 if right else x - 4, baseline, text, anchor="start" if right else "end",
                          attrs=f'fill="{_BIRTHDAY}" font-weight="bold"')
        marks.append((x, box.y0, f"{n}th birthday: {d.isoformat()} (A2)"))
        top += _svg.ROW_H
    return marks


def _axis(canvas: _svg.Canvas, scale: _Scale, y: float) -> None:
    """The time axis at 'y' with the years under it (at most about 12 of them)."""
    canvas.line((scale.x0, y), (scale.x1, y), 'class="axis" stroke="#333333"')
    first = scale.start.year + (0 if (scale.start.month, scale.start.day) == (1, 1) else 1)
    years = list(range(first, scale.end.year + 1))
    for year in years[:: -(-len(years) // 12) or 1]:
        x = scale.x_of(date(year, 1, 1))
        canvas.line((x, y), (x, y + 5), 'class="tick" stroke="#333333"')
        canvas.text(x, y + 17, str(year), anchor="middle")


def _legend(canvas: _svg.Canvas, facts: Sequence[str], x: float, y: float, width: float) -> float:
    """The legend from ('x', baseline 'y'), in as many rows as the width asks; returns the last
    baseline."""
    items = [("rect", _PERMIT, "permit"), ("rect", _PERMIT_FILTERED, "permit, filtered view"),
             ("rect", _DENY, "deny")]
    items += [("rect", colour, fact) for fact, colour in _FACT_COLOURS.items() if fact in facts]
    items += [("line", _CHANGE, "a decision changes (T1)"),
              ("line", _BIRTHDAY_LINE, "13th / 16th birthday (A2)")]
    items += [("open", "#616161", "open end (H1)")] if facts else []
    lx = x
    for kind, style, text in items:
        if lx + 27 + _svg.text_width(text) > width - 10:
            lx, y = x, y + 18
        if kind == "rect":
            canvas.shape(f'<rect x="{lx:.1f}" y="{y - 10:.1f}" width="14" height="12" fill="{style}"/>')
        elif kind == "line":
            canvas.line((lx, y - 4), (lx + 22, y - 4), f'class="legend" {style}')
        else:
            points = f"{lx:.1f},{y - 9:.1f} {lx + 8:.1f},{y - 4:.1f} {lx:.1f},{y + 1:.1f}"
            canvas.shape(f'<polygon points="{points}" fill="{style}"/>')
        canvas.text(lx + 27, y, text)
        lx += 27 + _svg.text_width(text) + 18
    return y


def timeline_svg(
    citizen: Citizen,
    start: date,
    end: date,
    lanes: Optional[Sequence[Tuple[Union[Actor, str], Union[Service, str]]]] = None,
    *,
    units: bool = True,
    facts: bool = True,
    title: Optional[str] = None,
    path: Optional[str] = None,
) -> str:
    """An SVG picture of the timelines of 'citizen' from 'start' to 'end': one lane per actor
    and service, each step coloured by its decision (green permit, light green permit with a
    filtered view, red deny) and captioned with its reason (in the step when it fits, else by a
    callout under the lane, joined to the step by a leader line; the whole decision in a
    tooltip); the 13th and 16th birthdays (A2) and every date on which a decision changes (T1)
    marked by lines drawn above the lanes. With 'facts', a band above the lanes draws the facts
    of section 11 that the record gives (H1: the citizen's login lock and protected identity,
    each guardian's block and protected identity): a bar for each period, captioned with its
    dates (and a lock's case number), an open end running to the edge with an arrow. No line
    crosses a caption and no caption overlaps another.

    'lanes' is a sequence of (actor, service) pairs, by value or by name (see :func:`timeline`);
    by default every actor of the record with the e-services, the whole journal and (with
    'units') each unit of the record, the journal through the direct channel. Returns the SVG
    text and writes it to 'path' if given. Needs no plotting library."""
    if lanes is None:
        pairs = _lanes_for(citizen, units, start)
    else:
        pairs = [(actor_named(citizen, a), service_named(s)) for a, s in lanes]
    data = [(_lane_label(a, s), timeline(citizen, a, s, start, end)) for a, s in pairs]
    fact_rows = _facts_of(citizen) if facts else []

    # The lane labels decide the left margin.
    labels = [label for label, _ in data] + [label for label, _, _ in fact_rows]
    label_w = max([120.0] + [_svg.text_width(label) + 12 for label in labels])
    width = label_w + 770
    scale = _Scale(start, end, label_w + 14, width - 20)
    canvas = _svg.Canvas()
    y = 22.0
    if title:
        canvas.text(10, y, title, size=15, attrs='font-weight="bold"')
        y += 18
    canvas.text(10, y, f"{start.isoformat()} – {end.isoformat()}", attrs='fill="#555555"')
    birthdays = _birthdays(canvas, citizen, scale, y + 8, width)
    lanes_top = y + 8 + len(birthdays) * _svg.ROW_H + 8
    y = lanes_top
    for label, fact, periods in fact_rows:
        y = canvas.lane(_fact_lane(label, fact, periods, scale), y, label_w, (scale.x0, scale.x1)) + 4
    y += 6 if fact_rows else 0
    for label, steps in data:
        y = canvas.lane(_decision_lane(label, steps, scale), y, label_w, (scale.x0, scale.x1)) + _LANE_GAP
    axis_y = y
    _axis(canvas, scale, axis_y)
    for d in sorted({st.from_ for _, steps in data for st in steps[1:]}):
        canvas.rule(scale.x_of(d), lanes_top - 4, axis_y, f'class="change" {_CHANGE}',
                    f"a decision changes on {d.isoformat()} (T1)")
    for x, y0, tip in birthdays:
        canvas.rule(x, y0, axis_y + 6, f'class="birthday" {_BIRTHDAY_LINE}', tip)
    bottom = _legend(canvas, [f[1] for f in fact_rows], scale.x0, axis_y + 44, width)
    svg = canvas.svg(max(width, canvas.right_edge() + 6), bottom + 12)
    if path is not None:
        with open(path, "w", encoding="utf-8") as f:
            f.write(svg)
    return svg

