package org.portvakt;

/**
 * The language of a message: Swedish (the official wordings, verbatim) or English.
 *
 * <p>The C enum pv_language; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Language implements Coded {
  /** sv */
  SV("sv", 0),
  /** en */
  EN("en", 1);

  private final String json;
  private final int code;

  Language(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("sv"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_language. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Language fromJson(String name) {
    for (Language value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Language value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
