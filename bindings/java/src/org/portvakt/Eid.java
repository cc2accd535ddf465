package org.portvakt;

/**
 * How the actor authenticated (E1: only BankID and Freja+ let anyone in).
 *
 * <p>The C enum pv_eid; {@link #json()} is the name of the JSON format of RULES.md section 10.
 */
public enum Eid implements Coded {
  /** bankid */
  BANKID("bankid", 1),
  /** freja_plus */
  FREJA_PLUS("freja_plus", 2),
  /** freja */
  FREJA("freja", 3),
  /** password */
  PASSWORD("password", 4),
  /** other */
  OTHER("other", 5),
  /** none */
  NONE("none", 6);

  private final String json;
  private final int code;

  Eid(String json, int code) {
    this.json = json;
    this.code = code;
  }

  /** The name of this value in the JSON format ("bankid"). */
  public String json() {
    return json;
  }

  /** The value of the C enum pv_eid. */
  @Override
  public int code() {
    return code;
  }

  /** The value named {@code name} in the JSON format, or null if none is. */
  public static Eid fromJson(String name) {
    for (Eid value : values()) {
      if (value.json.equals(name)) {
        return value;
      }
    }
    return null;
  }

  /** The JSON names of every value, comma-separated (for error messages). */
  static String names() {
    StringBuilder out = new StringBuilder();
    for (Eid value : values()) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append(value.json);
    }
    return out.toString();
  }
}
