package org.portvakt;

/**
 * The kind of a legal representative's appointment (P2).
 *
 * <p>The C enum pv_representative_kind; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum RepresentativeKind implements Coded {
  /** god_man */
  GOD_MAN("god_man", 1),
  /** forvaltare */
  FORVALTARE("forvaltare", 2);

  private final String json;
  private final int code;

  RepresentativeKind(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("god_man"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_representative_kind. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static RepresentativeKind fromJson(String name) {
    for (RepresentativeKind value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (RepresentativeKind value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
