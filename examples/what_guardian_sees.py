#!/usr/bin/env python3
"""What each guardian of a child can see today, and when that changes.

A household: a child of about twelve and a half, two guardians of whom one (Bertil) is blocked
by care (G3), the child's psychiatry unit sealed (J2), and a direct-access grant for Anna at the
child health unit that starts on the child's 13th birthday (D2). The dates are placed around
the evaluation date, so the story is the same whatever day it runs:

    python3 examples/what_guardian_sees.py [--on YYYY-MM-DD]

Without --on it uses today's date (the library itself never reads a clock).
"""

import argparse
import sys
from datetime import date, timedelta

import portvakt as pv

PSYCHIATRY = "SE2321000016-7PSY"
CHILD_HEALTH = "SE2321000016-1BHV"


def months_before(on: date, years: int, months: int) -> date:
    """The same day of the month 'years' and 'months' before 'on' (the 28th at most)."""
    total = on.year * 12 + (on.month - 1) - (years * 12 + months)
    return date(total // 12, total % 12 + 1, min(on.day, 28))


def household(on: date) -> pv.Citizen:
    birth = months_before(on, 12, 6)
    thirteen = pv.pnr.birthday(birth, 13)
    sixteen = pv.pnr.birthday(birth, 16)
    return pv.Citizen(
        birth_date=birth,
        guardians=[pv.Guardian("anna"), pv.Guardian("bertil", blocked=True)],
        seals=[pv.Seal.for_unit(PSYCHIATRY, active=pv.Interval(on - timedelta(days=60)))],
        grants=[pv.Grant(CHILD_HEALTH, holder="anna", from_=thirteen,
                         until=sixteen - timedelta(days=1))],
    )


def describe(decision: pv.Decision) -> str:
    if decision.permitted:
        text = f"yes ({decision.reason.value}, {decision.rule})"
        if decision.filtered:
            text += ", some parts hidden"
    else:
        text = f"no  ({decision.reason.value}, {decision.rule})"
    return text


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--on", type=date.fromisoformat, default=None,
                        help="the date to look at (default: today)")
    on = parser.parse_args(argv).on or date.today()

    child = household(on)
    print(f"On {on}: a child born {child.birth_date} "
          f"({pv.pnr.age_on(child.birth_date, on)} years old), two guardians.")
    for guardian in child.guardians:
        actor = pv.Actor.guardian(guardian.id)
        status = " (blocked by care)" if guardian.blocked else ""
        print(f"\n{guardian.id}{status} can see:")
        for access in pv.beyond.what_can_see(child, actor, on):
            d = access.decision
            print(f"  {access.label:<34} {describe(d)}")
            if not d.permitted:
                print(f"  {'':<34} shown: {d.message('en')}")
            if d.changes_on is not None:
                then = pv.evaluate(child, actor, access.service, d.changes_on)
                print(f"  {'':<34} from {d.changes_on}: {describe(then)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
