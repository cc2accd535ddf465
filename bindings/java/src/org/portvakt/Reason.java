package org.portvakt;

/**
 * Why: the four permit bases, then INVALID_INPUT, then the deny reasons in the order of
 * RULES.md section 3 (the order in which a decision lists them; the names are those of section 4).
 *
 * <p>The C enum pv_reason; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Reason implements Coded {
  /** SELF */
  SELF("SELF", 0),
  /** GUARDIAN_PROXY */
  GUARDIAN_PROXY("GUARDIAN_PROXY", 1),
  /** DIRECT_ACCESS */
  DIRECT_ACCESS("DIRECT_ACCESS", 2),
  /** REPRESENTATIVE */
  REPRESENTATIVE("REPRESENTATIVE", 3),
  /** INVALID_INPUT */
  INVALID_INPUT("INVALID_INPUT", 4),
  /** NOT_RELATED */
  NOT_RELATED("NOT_RELATED", 5),
  /** NO_EID */
  NO_EID("NO_EID", 6),
  /** LOGIN_LOCKED */
  LOGIN_LOCKED("LOGIN_LOCKED", 7),
  /** OWN_JOURNAL_SEALED */
  OWN_JOURNAL_SEALED("OWN_JOURNAL_SEALED", 8),
  /** UNDER_13 */
  UNDER_13("UNDER_13", 9),
  /** UNDER_16 */
  UNDER_16("UNDER_16", 10),
  /** PROXY_ENDED */
  PROXY_ENDED("PROXY_ENDED", 11),
  /** REPRESENTATIVE_JOURNAL_ONLY */
  REPRESENTATIVE_JOURNAL_ONLY("REPRESENTATIVE_JOURNAL_ONLY", 12),
  /** REPRESENTATIVE_INCOMPLETE */
  REPRESENTATIVE_INCOMPLETE("REPRESENTATIVE_INCOMPLETE", 13),
  /** GUARDIAN_BLOCKED */
  GUARDIAN_BLOCKED("GUARDIAN_BLOCKED", 14),
  /** PROTECTED_IDENTITY */
  PROTECTED_IDENTITY("PROTECTED_IDENTITY", 15),
  /** CHILD_LOGIN_LOCKED */
  CHILD_LOGIN_LOCKED("CHILD_LOGIN_LOCKED", 16),
  /** JOURNAL_SEALED */
  JOURNAL_SEALED("JOURNAL_SEALED", 17),
  /** UNIT_SEALED */
  UNIT_SEALED("UNIT_SEALED", 18),
  /** ENTRY_SEALED */
  ENTRY_SEALED("ENTRY_SEALED", 19);

  private final String json;
  private final int code;

  Reason(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("SELF"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_reason. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Reason fromJson(String name) {
    for (Reason value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Reason value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
