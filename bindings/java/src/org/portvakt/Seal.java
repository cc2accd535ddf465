package org.portvakt;

/**
 * A journal seal (försegling), rules J1 to J6.
 *
 * @param scope the whole journal or one unit (required)
 * @param unit the sealed unit (HSA-id) for a unit seal, null for a whole-journal seal
 * @param active when the seal is in force (J3; null: always)
 * @param content the period of the entries it hides (J4), or null for all of them
 * @param requestedBy who asked for it (null: care)
 */
public record Seal(SealScope scope, String unit, Interval active, Interval content, Requester requestedBy) {
  /** A seal of the whole journal, always in force. */
  public static Seal whole() {
    return new Seal(SealScope.WHOLE, null, Interval.ALWAYS, null, Requester.CARE);
  }

  /** A seal of one unit, always in force. */
  public static Seal unit(String unit) {
    return new Seal(SealScope.UNIT, unit, Interval.ALWAYS, null, Requester.CARE);
  }

  /** This seal in force only inside {@code active}. */
  public Seal activeDuring(Interval active) {
    return new Seal(scope, unit, active, content, requestedBy);
  }

  /** This seal hiding only the entries registered inside {@code content} (J4). */
  public Seal hidingEntries(Interval content) {
    return new Seal(scope, unit, active, content, requestedBy);
  }
}
