package org.portvakt;

/**
 * Permit or deny (the zero value of the C library is deny).
 *
 * <p>The C enum pv_effect; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Effect implements Coded {
  /** deny */
  DENY("deny", 0),
  /** permit */
  PERMIT("permit", 1);

  private final String json;
  private final int code;

  Effect(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("deny"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_effect. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Effect fromJson(String name) {
    for (Effect value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Effect value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
