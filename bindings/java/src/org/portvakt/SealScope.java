package org.portvakt;

/**
 * The scope of a journal seal: the whole journal (J1) or one care unit (J2).
 *
 * <p>The C enum pv_seal_scope; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum SealScope implements Coded {
  /** whole */
  WHOLE("whole", 1),
  /** unit */
  UNIT("unit", 2);

  private final String json;
  private final int code;

  SealScope(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("whole"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_seal_scope. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static SealScope fromJson(String name) {
    for (SealScope value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (SealScope value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
