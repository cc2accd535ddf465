package org.portvakt;

/**
 * How the journal is reached (E2): the logged-in portal, or a direct link or the app.
 *
 * <p>The C enum pv_channel; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Channel implements Coded {
  /** portal */
  PORTAL("portal", 0),
  /** direct */
  DIRECT("direct", 1);

  private final String json;
  private final int code;

  Channel(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("portal"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_channel. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Channel fromJson(String name) {
    for (Channel value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Channel value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
