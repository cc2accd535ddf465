package org.portvakt;

import java.time.LocalDate;

/**
 * A closed interval of dates, both ends inclusive (J3); either end may be open (null).
 *
 * @param from the first day, or null (open)
 * @param until the last day, or null (open)
 */
public record Interval(LocalDate from, LocalDate until) {
  /** The interval open at both ends: always. */
  public static final Interval ALWAYS = new Interval(null, null);
}
