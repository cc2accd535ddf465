package org.portvakt;

import java.time.LocalDate;

/**
 * A direct-access grant to one unit's journal for ages 13 to 15 (D1, D2, D3).
 *
 * @param holder "self" for the citizen (D1), or a guardian's id (D2)
 * @param unit the unit (required)
 * @param from the first day of validity, or null (open)
 * @param until the last day of validity, or null (open)
 */
public record Grant(String holder, String unit, LocalDate from, LocalDate until) {
  /** The holder name that means the citizen. */
  public static final String SELF = "self";
}
