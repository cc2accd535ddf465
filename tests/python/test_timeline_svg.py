"""The picture of the timelines (timeline_svg), checked from its geometry: the facts of section 11
drawn as periods (H1), every step of every lane captioned (in the step or by a callout), the
change dates (T1) and birthdays (A2) marked, no line across a caption and no caption over another.

The SVG is parsed with xml.etree; a text's box is measured as the picture promises (7 px a
character at font-size 11, 8 px an upper-case letter, 0.8 of the size above the baseline and
0.25 below, 2 px / 1 px around), and the line-box test is written here on its own. Expected
steps and dates come from RULES.md."""

import random
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from conftest import CHILD_HEALTH, PSYCHIATRY

import portvakt as pv

NS = "{http://www.w3.org/2000/svg}"
START, END = date(2019, 1, 1), date(2026, 12, 31)


# ---- reading the picture ------------------------------------------------------------------------


def parse(svg):
    return ET.fromstring(svg.split("\n", 1)[1])


def text_box(el):
    """(x0, y0, x1, y1) of a <text>: 7 px a character at font-size 11, 8 px a capital, scaled
    by the size."""
    size = float(el.get("font-size", 11))
    x, y, text = float(el.get("x")), float(el.get("y")), el.text or ""
    w = size / 11 * (7 * len(text) + sum(1 for c in text if c.isupper()))
    left = x - {"start": 0, "middle": w / 2, "end": w}[el.get("text-anchor", "start")]
    return (left - 2, y - 0.8 * size - 1, left + w + 2, y + 0.25 * size + 1)


def texts(root):
    return [(el.text, text_box(el)) for el in root.iter(f"{NS}text")]


def lines(root, kind=None):
    out = []
    for el in root.iter(f"{NS}line"):
        if kind is None or el.get("class") == kind:
            out.append(tuple(float(el.get(k)) for k in ("x1", "y1", "x2", "y2")))
    return out


def rects(root, kind):
    """(x0, y0, x1, y1, tooltip) of each <rect class=kind>."""
    out = []
    for el in root.iter(f"{NS}rect"):
        if el.get("class") == kind:
            x, y = float(el.get("x")), float(el.get("y"))
            out.append((x, y, x + float(el.get("width")), y + float(el.get("height")),
                        el.find(f"{NS}title").text))
    return out


def _cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _segments_meet(p, q, r, s):
    """True if segment pq meets segment rs (touching counts)."""
    d1, d2, d3, d4 = _cross(r, s, p), _cross(r, s, q), _cross(p, q, r), _cross(p, q, s)
    if ((d1 > 0) != (d2 > 0) and d1 != 0 and d2 != 0) and ((d3 > 0) != (d4 > 0) and d3 != 0 and d4 != 0):
        return True

    def on(a, b, c):
        return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])

    return ((d1 == 0 and on(r, s, p)) or (d2 == 0 and on(r, s, q))
            or (d3 == 0 and on(p, q, r)) or (d4 == 0 and on(p, q, s)))


def line_meets_box(line, box):
    x1, y1, x2, y2 = line
    bx0, by0, bx1, by1 = box
    if any(bx0 <= x <= bx1 and by0 <= y <= by1 for x, y in ((x1, y1), (x2, y2))):
        return True
    corners = [(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1)]
    return any(_segments_meet((x1, y1), (x2, y2), corners[i], corners[(i + 1) % 4]) for i in range(4))


def boxes_overlap(a, b):
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def chart(root):
    """The x-range of the days from the axis line."""
    (x0, _, x1, _), = lines(root, "axis")
    return x0, x1


def x_of(root, d, start=START, end=END):
    """Where day 'd' begins; x_of(d + 1 day) is where it ends."""
    x0, x1 = chart(root)
    return x0 + (x1 - x0) * (d - start).days / ((end - start).days + 1)


def captions_of(root, bar, others=()):
    """The captions of 'bar' (x0, y0, x1, y1, ...): a text inside it, or the texts at the end of
    the leaders (one line, or lines joined end to start) that begin on its lower edge, and not
    under one of the bars 'others' that overlap it. A leader on the edge of two bars (one a day
    wide, less than a pixel) counts for both."""
    x0, y0, x1, y1 = bar[:4]
    inside = [text for text, (tx0, ty0, tx1, ty1) in texts(root)
              if x0 <= tx0 and tx1 <= x1 and y0 <= ty0 and ty1 <= y1]
    if inside:
        return inside
    found = []
    leaders = lines(root, "leader")
    for lx1, ly1, lx2, ly2 in leaders:
        if any(o[0] <= lx1 <= o[2] for o in others):
            continue
        if not (abs(ly1 - y1) < 0.11 and x0 - 0.05 <= lx1 <= x1 + 0.05):
            continue
        joined = [ln for ln in leaders if abs(ln[0] - lx2) < 0.01 and abs(ln[1] - ly2) < 0.01]
        while joined:  # follow the leader through its bend
            (_, _, lx2, ly2), = joined
            joined = [ln for ln in leaders if abs(ln[0] - lx2) < 0.01 and abs(ln[1] - ly2) < 0.01]
        found += [text for text, (tx0, ty0, tx1, _) in texts(root)
                  if tx0 <= lx2 <= tx1 and 0 <= ty0 - ly2 <= 1.5]
    return found


def check_layout(svg):
    """(b) every step and every period has a caption; (c) no line meets a text's box; (d) no two
    text boxes overlap. Returns the parsed picture."""
    root = parse(svg)
    for bar in rects(root, "step"):
        reason = bar[4].split(": ")[2].split()[1].rstrip(",")  # "label: from to last: effect REASON, rule"
        assert reason in captions_of(root, bar), bar
    for bar in rects(root, "period"):
        assert captions_of(root, bar), bar
    boxes = texts(root)
    for line in lines(root):
        crossed = [text for text, box in boxes if line_meets_box(line, box)]
        assert not crossed, (line, crossed)
    for i, (text, box) in enumerate(boxes):
        for other, box2 in boxes[i + 1:]:
            assert not boxes_overlap(box, box2), (text, other)
    return root


# ---- the records --------------------------------------------------------------------------------


def child_blocked_then_protected():
    """Born 2012-06-15 (13 on 2025-06-15, 16 on 2028-06-15); g1 blocked from 2020-03-01 to
    2021-06-30; the child has protected identity from 2022-01-01, with no end."""
    return pv.Citizen(
        birth_date=date(2012, 6, 15),
        guardians=[pv.Guardian("g1", blocked_periods=[pv.Interval(date(2020, 3, 1), date(2021, 6, 30))]),
                   pv.Guardian("g2")],
        protected_identity_periods=[pv.Interval(date(2022, 1, 1))],
    )


D = date
#: The steps of each lane from START to END, from the rules: G1/G2 a guardian's proxy under 13,
#: G3 the block (H2: on the days of its period), G4 the child's protected identity (from
#: 2022-01-01), step 4 before step 5 (from the 13th birthday G1/G2 end the proxy: PROXY_ENDED),
#: S1/S2 the child's own access (G5: protected identity does not deny it; no grant: UNDER_16).
EXPECTED_STEPS = {
    "self · e-services": [(D(2019, 1, 1), "UNDER_13"), (D(2025, 6, 15), "SELF")],
    "self · journal": [(D(2019, 1, 1), "UNDER_13"), (D(2025, 6, 15), "UNDER_16")],
    "guardian g1 · e-services": [(D(2019, 1, 1), "GUARDIAN_PROXY"), (D(2020, 3, 1), "GUARDIAN_BLOCKED"),
                                 (D(2021, 7, 1), "GUARDIAN_PROXY"), (D(2022, 1, 1), "PROTECTED_IDENTITY"),
                                 (D(2025, 6, 15), "PROXY_ENDED")],
    "guardian g2 · e-services": [(D(2019, 1, 1), "GUARDIAN_PROXY"), (D(2022, 1, 1), "PROTECTED_IDENTITY"),
                                 (D(2025, 6, 15), "PROXY_ENDED")],
}
EXPECTED_STEPS["guardian g1 · journal"] = EXPECTED_STEPS["guardian g1 · e-services"]
EXPECTED_STEPS["guardian g2 · journal"] = EXPECTED_STEPS["guardian g2 · e-services"]


@pytest.fixture
def picture():
    return pv.picture.timeline_svg(child_blocked_then_protected(), START, END)


# ---- (a) the facts band -------------------------------------------------------------------------


def lane_of(root, label, bar):
    """True if 'bar' lies in the lane whose label is 'label' (the label's baseline is in it)."""
    baselines = [float(el.get("y")) for el in root.iter(f"{NS}text") if el.text == label]
    return len(baselines) == 1 and bar[1] <= baselines[0] <= bar[3]


def test_periods_are_bars_from_their_first_to_their_last_day(picture):
    root = check_layout(picture)
    periods = rects(root, "period")
    # H1: one bar for each period of the record; only these two facts have any.
    assert len(periods) == 2
    blocked, = [p for p in periods if lane_of(root, "guardian g1 · blocked", p)]
    assert blocked[0] == pytest.approx(x_of(root, D(2020, 3, 1)), abs=0.06)
    assert blocked[2] == pytest.approx(x_of(root, D(2021, 7, 1)), abs=0.06)  # the end of 2021-06-30
    assert captions_of(root, blocked) == ["2020-03-01 – 2021-06-30"]
    protected, = [p for p in periods if lane_of(root, "citizen · protected identity", p)]
    assert protected[0] == pytest.approx(x_of(root, D(2022, 1, 1)), abs=0.06)
    assert protected[2] == pytest.approx(chart(root)[1], abs=0.06)  # open: to the edge
    assert captions_of(root, protected) == ["from 2022-01-01"]
    # The open end carries an arrow right of the edge, in the lane.
    arrows = [el for el in root.iter(f"{NS}polygon") if el.get("class") == "open-end"]
    assert len(arrows) == 1
    xs = [float(p.split(",")[0]) for p in arrows[0].get("points").split()]
    assert min(xs) == pytest.approx(chart(root)[1], abs=0.06) and max(xs) > chart(root)[1]
    # No lane for the facts the record does not give.
    labels = {el.text for el in root.iter(f"{NS}text")}
    assert "citizen · login lock" not in labels and "guardian g2 · blocked" not in labels


def test_flags_are_periods_open_at_both_ends_and_lock_periods_name_their_case():
    c = pv.Citizen(birth_date=date(2012, 6, 15), guardians=[pv.Guardian("g1", protected_identity=True)],
                   login_lock_periods=[
                       pv.LockPeriod(date(2020, 1, 1), date(2020, 12, 31), case_number="2019/88"),
                       pv.LockPeriod(date(2020, 7, 1), date(2021, 3, 31))])
    root = check_layout(pv.picture.timeline_svg(c, START, END))
    x0, x1 = chart(root)
    flag, = [p for p in rects(root, "period") if lane_of(root, "guardian g1 · protected identity", p)]
    assert flag[0] == pytest.approx(x0, abs=0.06) and flag[2] == pytest.approx(x1, abs=0.06)
    assert captions_of(root, flag) == ["all dates"]
    assert len([el for el in root.iter(f"{NS}polygon") if el.get("class") == "open-end"]) == 2
    # H1: overlapping periods of one fact are both drawn; a lock period carries its case number.
    first, second = sorted(p for p in rects(root, "period") if lane_of(root, "citizen · login lock", p))
    assert first[0] == pytest.approx(x_of(root, D(2020, 1, 1)), abs=0.06)
    assert first[2] == pytest.approx(x_of(root, D(2021, 1, 1)), abs=0.06)
    assert second[0] == pytest.approx(x_of(root, D(2020, 7, 1)), abs=0.06)
    assert second[2] == pytest.approx(x_of(root, D(2021, 4, 1)), abs=0.06)
    # Each caption hangs from the part of its bar that the other does not cover.
    assert captions_of(root, first, [second]) == ["2020-01-01 – 2020-12-31 · case 2019/88"]
    assert captions_of(root, second, [first]) == ["2020-07-01 – 2021-03-31"]
    assert "requested by care" in first[4]


def test_facts_band_can_be_left_out(picture):
    root = parse(pv.picture.timeline_svg(child_blocked_then_protected(), START, END, facts=False))
    assert rects(root, "period") == [] and rects(root, "fact") == []
    assert len(rects(parse(picture), "fact")) == 2


# ---- (b) the steps and their captions -----------------------------------------------------------


def test_every_step_is_drawn_and_captioned_with_its_reason(picture):
    root = check_layout(picture)
    steps = rects(root, "step")
    for label, expected in EXPECTED_STEPS.items():
        lane = sorted(s for s in steps if lane_of(root, label, s))
        ends = [first for first, _ in expected[1:]] + [END + timedelta(days=1)]
        assert [(s[0], s[2], captions_of(root, s)) for s in lane] == [
            (pytest.approx(x_of(root, first), abs=0.06), pytest.approx(x_of(root, end), abs=0.06), [reason])
            for (first, reason), end in zip(expected, ends)], label
    assert len(steps) == sum(len(v) for v in EXPECTED_STEPS.values())
    # The short steps (g1 proxied again from 2021-07-01 to 2021-12-31) are captioned by callouts.
    assert lines(root, "leader")


# ---- (c), (d) no caption crossed, none over another ---------------------------------------------


def crowded():
    """g1 blocked every other month of 2020 and 2021 (24 short steps in each g1 lane), four
    login-lock periods with case numbers, and a seal and grants for the unit lanes."""
    blocked = [pv.Interval(date(y, m, 1), date(y, m + 1, 1) - timedelta(days=1))
               for y in (2020, 2021) for m in range(1, 12, 2)]
    locks = [pv.LockPeriod(date(2023, m, 1), date(2023, m, 20), case_number=f"2023/{m}")
             for m in (2, 3, 5, 6)]
    return pv.Citizen(
        birth_date=date(2012, 6, 15),
        guardians=[pv.Guardian("g1", blocked_periods=blocked), pv.Guardian("g2", protected_identity=True)],
        protected_identity_periods=[pv.Interval(None, date(2019, 2, 28)), pv.Interval(date(2026, 12, 1))],
        login_lock_periods=locks,
        seals=[pv.Seal.for_unit(PSYCHIATRY, active=pv.Interval(date(2025, 9, 1), date(2025, 9, 30)))],
        grants=[pv.Grant(CHILD_HEALTH, holder="self", from_=date(2025, 6, 15), until=date(2025, 7, 31)),
                pv.Grant(CHILD_HEALTH, holder="g1", from_=date(2025, 8, 1))],
    )


@pytest.mark.parametrize("record, start, end", [
    (child_blocked_then_protected, START, END),
    (crowded, START, END),
    (crowded, date(2012, 6, 15), date(2035, 12, 31)),  # from the birth: the 13th and 16th birthdays
    (crowded, date(2025, 6, 1), date(2025, 10, 31)),  # five months: days are wide
])
def test_no_line_crosses_a_caption_and_no_caption_overlaps_another(record, start, end):
    check_layout(pv.picture.timeline_svg(record(), start, end, title="a crowded record"))


def random_record(rng):
    """A child with random periods of every fact of section 11 (some a day long, some open), a
    grant now and then, and a window of a month to 25 years somewhere in the first 20 years."""
    birth = date(1995, 1, 1) + timedelta(days=rng.randrange(25 * 365))

    def day():
        return birth + timedelta(days=rng.randrange(30 * 365))

    def periods(n, make=pv.Interval):
        out = []
        for _ in range(n):
            first = day()
            last = first + timedelta(days=rng.choice([0, 1, 5, 20, 60, 400, 2000]))
            out.append(make(None if rng.random() < 0.1 else first, None if rng.random() < 0.1 else last))
        return out

    def lock(first, last):
        return pv.LockPeriod(first, last, case_number=rng.choice([None, "2020/1", "Dnr RÖ 2024/17"]))

    guardians = [pv.Guardian(f"g{k}", blocked=rng.random() < 0.1, blocked_periods=periods(rng.randrange(5)),
                             protected_identity_periods=periods(rng.randrange(3)))
                 for k in range(rng.randrange(1, 3))]
    grants = [pv.Grant(CHILD_HEALTH, holder=rng.choice(["self", "g0"]), from_=day())
              for _ in range(rng.randrange(2))]
    citizen = pv.Citizen(birth_date=birth, guardians=guardians, grants=grants,
                         login_locked=rng.random() < 0.1, login_lock_periods=periods(rng.randrange(5), lock),
                         protected_identity_periods=periods(rng.randrange(3)))
    start = birth + timedelta(days=rng.randrange(20 * 365))
    return citizen, start, start + timedelta(days=rng.choice([30, 200, 800, 3000, 9000]))


def test_random_records_keep_every_caption_clear():
    rng = random.Random(1177)
    leaders = 0
    for _ in range(60):
        citizen, start, end = random_record(rng)
        root = check_layout(pv.picture.timeline_svg(citizen, start, end, title=rng.choice([None, "a record"])))
        leaders += len(lines(root, "leader"))
    assert leaders > 60  # the records did call for callouts


def test_birthday_captions_are_not_crossed():
    # A2: the 13th and 16th birthdays near the right edge: both captions go left of their line,
    # the 16th's over the 13th's line, which is broken around it.
    c = pv.Citizen(birth_date=date(2012, 3, 14), guardians=[pv.Guardian("anna")])
    root = check_layout(pv.picture.timeline_svg(c, date(2012, 3, 14), date(2030, 3, 14), [("anna", "journal")]))
    x13, x16 = (x_of(root, d, date(2012, 3, 14), date(2030, 3, 14)) for d in (D(2025, 3, 14), D(2028, 3, 14)))
    captions = dict(texts(root))
    assert captions["16 years · 2028-03-14"][0] < x13 < captions["16 years · 2028-03-14"][2]
    pieces = [ln for ln in lines(root, "birthday") if abs(ln[0] - x13) < 0.06]
    assert len(pieces) == 2  # broken once, around the 16th birthday's caption
    assert sorted({ln[0] for ln in lines(root, "birthday")}) == [pytest.approx(x13, abs=0.06),
                                                                  pytest.approx(x16, abs=0.06)]


# ---- (e) the change lines -----------------------------------------------------------------------


def test_a_change_line_on_each_date_a_decision_changes_drawn_above_the_lanes(picture):
    root = check_layout(picture)
    # T1, H3: the block begins (2020-03-01) and ends (the day after its last, 2021-07-01), the
    # protected identity begins (2022-01-01), the 13th birthday (2025-06-15).
    expected = [D(2020, 3, 1), D(2021, 7, 1), D(2022, 1, 1), D(2025, 6, 15)]
    xs = sorted({ln[0] for ln in lines(root, "change")})
    assert xs == [pytest.approx(x_of(root, d), abs=0.06) for d in expected]
    # Drawn above the steps (later in the document), down through every lane to the axis.
    order = [el.get("class") for el in root.iter() if el.tag in (f"{NS}rect", f"{NS}line")]
    last_step = max(i for i, kind in enumerate(order) if kind == "step")
    assert last_step < min(i for i, kind in enumerate(order) if kind == "change")
    steps = rects(root, "step")
    top, bottom = min(s[1] for s in steps), max(s[3] for s in steps)
    for x in xs:
        pieces = [ln for ln in lines(root, "change") if ln[0] == x]
        assert min(ln[1] for ln in pieces) < top and max(ln[3] for ln in pieces) > bottom
        # Broken only around captions: most of the height is drawn.
        assert sum(ln[3] - ln[1] for ln in pieces) > 0.6 * (bottom - top)
