package org.portvakt;

/**
 * Who asked for a lock or a seal (J6: it does not change the effect).
 *
 * <p>The C enum pv_requester; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Requester implements Coded {
  /** care */
  CARE("care", 0),
  /** citizen */
  CITIZEN("citizen", 1);

  private final String json;
  private final int code;

  Requester(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("care"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_requester. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Requester fromJson(String name) {
    for (Requester value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Requester value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
